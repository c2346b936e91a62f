"""The one way a screen or an endpoint reaches a dossier: scoped (another scope's dossier is a 404), then the reader's
right on it (a 403)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from tdkt.org.views import require

from . import selectors
from .models import Dossier


def dossier_for(request, pk: int) -> Dossier:
    require(request, "nominations.view_dossiers")
    dossier = get_object_or_404(selectors.dossiers_visible_to(request.user), pk=pk)
    require(request, "nominations.view_dossier", dossier)
    return dossier
