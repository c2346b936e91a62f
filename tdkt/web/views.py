"""The shell: the home page, made of the sections the apps registered and the cards of the user's roles."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tdkt.core import registry

from . import roles_info


@login_required
@require_GET
def home(request):
    context = {
        "sections": registry.sections_for(request),
        "role_cards": roles_info.cards_for(request.user),
        "shortcuts": [e for e in registry.nav_for(request.user) if e.key != "home"],
    }
    return render(request, "web/home.html", context)
