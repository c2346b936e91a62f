"""The ledger editing pages of a unit officer: record or correct a year's rating, an award received (with its
decision), a discipline, an initiative; correct an award's decision; withdraw an entry recorded by mistake.

Thin: another scope's person is a 404 (whatever the role), the rule is checked (403), the form validates, one
service does the change (checks the rule again, audits with old and new values), a message says what was saved.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from tdkt.core.errors import DomainError
from tdkt.law.catalogue import load_catalogue
from tdkt.org.models import Person
from tdkt.org.selectors import people_visible_to, units_visible_to
from tdkt.org.views import require

from . import services
from .edit_forms import (
    AwardCorrectForm,
    AwardForm,
    DisciplineForm,
    InitiativeForm,
    InitiativeUseForm,
    RatingForm,
    WithdrawForm,
    WorkYearForm,
)
from .models import AwardRecord, Initiative, WorkYear, YearRating

ENTRY_NAMES = {"rating": gettext_lazy("xếp loại"), "award": gettext_lazy("khen thưởng"), "discipline": gettext_lazy("kỷ luật"),
               "initiative": gettext_lazy("sáng kiến"), "work_year": gettext_lazy("thông tin năm công tác")}


def ledger_person(request, pk: int) -> Person:
    """The person if the user reads them (else 404, whatever the role) and may change their ledger (else 403)."""
    require(request, "org.view_people")
    person = get_object_or_404(people_visible_to(request.user).select_related("unit"), pk=pk)
    require(request, "records.change_ledger", person)
    return person


def _page(request, person, form, title, *, entry_text=""):
    return render(request, "records/ledger_form.html", {"person": person, "form": form, "title": title, "entry_text": entry_text})


def _save(request, person, form, title, action, success):
    """Run `action(cleaned_data)` when the form is valid; its DomainError goes on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            action(form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, success(form.cleaned_data))
            return redirect("records:person_detail", person.pk)
    return _page(request, person, form, title)


@login_required
@require_http_methods(["GET", "POST"])
def rating_record(request, pk: int):
    person = ledger_person(request, pk)
    form = RatingForm(request.POST or None, initial={"year": request.GET.get("year")} if request.GET.get("year") else None)
    return _save(request, person, form, _("Ghi hoặc đính chính xếp loại"),
                 lambda d: services.rating_set(actor=request.user, person=person, year=d["year"], rating=d["rating"], note=d["note"]),
                 lambda d: _("Đã ghi xếp loại năm %(year)s cho %(name)s.") % {"year": d["year"], "name": person.full_name})


@login_required
@require_http_methods(["GET", "POST"])
def unit_rating_record(request, pk: int):
    """A collective's own rating of the year (the TTLĐTT/TTLĐXS criteria read it beside its members')."""
    require(request, "org.view_units")
    unit = get_object_or_404(units_visible_to(request.user), pk=pk)
    require(request, "records.change_ledger", unit)
    form = RatingForm(request.POST or None, initial={"year": request.GET.get("year")} if request.GET.get("year") else None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.rating_set(actor=request.user, unit=unit, year=d["year"], rating=d["rating"], note=d["note"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã ghi xếp loại năm %(year)s của %(unit)s.") % {"year": d["year"], "unit": unit.name})
            return redirect("org:unit_detail", unit.pk)
    ratings = YearRating.objects.filter(unit=unit).order_by("-year")[:10]
    return render(request, "records/unit_rating_form.html", {"unit": unit, "form": form, "ratings": ratings,
                                                             "title": _("Ghi xếp loại của tập thể")})


@login_required
@require_http_methods(["GET", "POST"])
def award_add(request, pk: int):
    person = ledger_person(request, pk)
    form = AwardForm(request.POST or None)
    names = {code: award.name for code, award in load_catalogue().awards.items()}
    return _save(request, person, form, _("Ghi khen thưởng đã nhận"),
                 lambda d: services.award_add(actor=request.user, person=person, **d),
                 lambda d: _("Đã ghi %(award)s năm %(year)s cho %(name)s.")
                 % {"award": names.get(d["award_code"], d["award_code"]), "year": d["year"], "name": person.full_name})


@login_required
@require_http_methods(["GET", "POST"])
def award_correct(request, pk: int, award_id: int):
    person = ledger_person(request, pk)
    award = get_object_or_404(AwardRecord, pk=award_id, person=person)
    initial = {k: getattr(award, k) for k in services.AWARD_CORRECTABLE}
    form = AwardCorrectForm(request.POST or None, initial=initial)

    def correct(d):
        changes = {k: d[k] for k in services.AWARD_CORRECTABLE if d[k] != initial[k]}
        if not changes:
            raise DomainError(_("Không có thay đổi nào để đính chính."))
        services.award_correct(actor=request.user, award=award, reason=d["reason"], **changes)

    return _save(request, person, form, _("Đính chính quyết định khen thưởng"), correct,
                 lambda d: _("Đã đính chính khen thưởng của %(name)s; giá trị cũ được giữ trong nhật ký.") % {"name": person.full_name})


@login_required
@require_http_methods(["GET", "POST"])
def discipline_add(request, pk: int):
    person = ledger_person(request, pk)
    form = DisciplineForm(request.POST or None)
    return _save(request, person, form, _("Ghi kỷ luật"),
                 lambda d: services.discipline_add(actor=request.user, person=person, **d),
                 lambda d: _("Đã ghi kỷ luật cho %(name)s.") % {"name": person.full_name})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_add(request, pk: int):
    person = ledger_person(request, pk)
    form = InitiativeForm(request.POST or None)
    return _save(request, person, form, _("Ghi sáng kiến được công nhận"),
                 lambda d: services.initiative_add(actor=request.user, person=person, **d),
                 lambda d: _("Đã ghi sáng kiến “%(title)s” cho %(name)s.") % {"title": d["title"], "name": person.full_name})


@login_required
@require_http_methods(["GET", "POST"])
def work_year_record(request, pk: int):
    """The facts of a working year (days off, maternity leave, a course, a transfer): set or changed; ?year= opens
    the year's facts already recorded."""
    person = ledger_person(request, pk)
    initial = None
    year = request.GET.get("year", "")
    if year.isdigit():
        row = WorkYear.objects.filter(person=person, year=int(year)).first()
        initial = {"year": int(year), **({name: getattr(row, name) for name in services.WORK_YEAR_FIELDS} if row else {})}
    form = WorkYearForm(request.POST or None, initial=initial)
    return _save(request, person, form, _("Ghi thông tin năm công tác"),
                 lambda d: services.work_year_set(actor=request.user, person=person, **d),
                 lambda d: _("Đã ghi thông tin năm công tác %(year)s của %(name)s.") % {"year": d["year"], "name": person.full_name})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_use(request, pk: int, initiative_id: int):
    """The award an initiative grounded (one initiative grounds one award)."""
    person = ledger_person(request, pk)
    initiative = get_object_or_404(Initiative.objects.select_related("used_for"), pk=initiative_id, person=person)
    form = InitiativeUseForm(request.POST or None, initiative=initiative,
                             initial={"award": str(initiative.used_for_id) if initiative.used_for_id else InitiativeUseForm.NONE})
    title = _("Sáng kiến làm căn cứ khen thưởng")
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_use(actor=request.user, initiative=initiative, award=form.cleaned_data["award"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã ghi căn cứ khen thưởng của sáng kiến “%(title)s”.") % {"title": initiative.title})
            return redirect("records:person_detail", person.pk)
    return render(request, "records/ledger_form.html", {"person": person, "form": form, "title": title,
                                                        "subtitle": _("Sáng kiến “%(title)s” — %(year)s") % {"title": initiative.title,
                                                                                                           "year": initiative.year}})


@login_required
@require_http_methods(["GET", "POST"])
def entry_withdraw(request, pk: int, kind: str, entry_id: int):
    person = ledger_person(request, pk)
    model = services.ENTRY_KINDS.get(kind)
    if model is None:
        raise Http404
    entry = get_object_or_404(model, pk=entry_id, person=person)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_withdraw(actor=request.user, entry=entry, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã gỡ bỏ mục %(what)s ghi nhầm; mục này vẫn được giữ trong nhật ký thay đổi.")
                             % {"what": ENTRY_NAMES[kind]})
            return redirect("records:person_detail", person.pk)
    return _page(request, person, form, _("Gỡ bỏ mục ghi nhầm"), entry_text=_describe(kind, entry))


def _describe(kind: str, entry) -> str:
    data = services._entry_data(entry)
    if kind == "award":
        name = load_catalogue().awards.get(entry.award_code)
        return f"{name.name if name else entry.award_code} — {entry.year}"
    if kind == "rating":
        return f"{entry.get_rating_display()} — {entry.year}"
    if kind == "discipline":
        return f"{entry.get_form_display()} ({entry.start:%d/%m/%Y} – {entry.end:%d/%m/%Y})"
    if kind == "work_year":
        return _("Thông tin năm công tác %(year)s") % {"year": entry.year}
    return f"{data['title']} — {entry.year}"
