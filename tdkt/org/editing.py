"""The people editing pages of a unit officer (no admin needed): add a person, change their details, move them
to another unit of one's scope. Thin: another scope's person is a 404, the rule is checked (403), the form
validates, one service does the change (and checks the rule again, audits), a message says what was saved."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.core.errors import DomainError

from . import services
from .edit_forms import PersonCreateForm, PersonForm, PersonMoveForm
from .models import Person
from .selectors import editable_units_for, people_visible_to
from .views import require

FIELDS = ("full_name", "gender", "date_of_birth", "citizen_id", "position", "is_leader", "is_direct_worker", "joined_on",
          "service_start")


def editable_person(request, pk: int) -> Person:
    """The person if the user reads them (else 404, whatever the user's role) and may change them (else 403)."""
    require(request, "org.view_people")
    person = get_object_or_404(people_visible_to(request.user).select_related("unit"), pk=pk)
    require(request, "org.manage_people", person)
    return person


def _units(request):
    return editable_units_for(request.user).filter(valid_to__isnull=True)


def _profile(person):
    return redirect("records:person_detail", person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def person_create(request):
    require(request, "org.manage_people")
    units = _units(request)
    under = units.filter(pk=request.GET["unit"]).first() if request.GET.get("unit", "").isdigit() else None
    form = PersonCreateForm(request.POST or None, units=units, under=under, initial={"unit": under.pk if under else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.person_create(actor=request.user, unit=data["unit"], start=data["start"],
                                            **{k: data[k] for k in FIELDS})
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã thêm %(name)s vào %(unit)s.") % {"name": person.full_name, "unit": person.unit.name})
            return _profile(person)
    return render(request, "org/person_form.html", {"form": form, "title": _("Thêm cá nhân")})


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int):
    person = editable_person(request, pk)
    initial = {k: getattr(person, k) for k in FIELDS}
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if v != initial[k] and not (v in ("", None) and initial[k] in ("", None))}
        if not changes:
            messages.info(request, _("Không có thay đổi nào."))
            return _profile(person)
        try:
            services.person_update(actor=request.user, person=person, **changes)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lưu thông tin của %(name)s.") % {"name": person.full_name})
            return _profile(person)
    return render(request, "org/person_form.html", {"form": form, "person": person, "title": _("Sửa thông tin cá nhân")})


@login_required
@require_http_methods(["GET", "POST"])
def person_move(request, pk: int):
    person = editable_person(request, pk)
    form = PersonMoveForm(request.POST or None, units=_units(request).exclude(pk=person.unit_id))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.membership_move(actor=request.user, person=person, unit=data["unit"], on=data["on"],
                                     position=data["position"] or None)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã chuyển %(name)s đến %(unit)s từ ngày %(on)s.")
                             % {"name": person.full_name, "unit": data["unit"].name, "on": data["on"].strftime("%d/%m/%Y")})
            return _profile(person)
    return render(request, "org/person_form.html", {"form": form, "person": person, "title": _("Chuyển đơn vị công tác")})
