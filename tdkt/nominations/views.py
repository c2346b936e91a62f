"""The nominations screens: rounds, the unit's dossiers and the office's inbox, a dossier with its nominees and its
timeline, and the public tracking page. Thin: scoped reads (another scope's dossier is a 404), one service per
change, its DomainError on the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.accounts import roles, scoping
from tdkt.core import registry
from tdkt.core.errors import DomainError
from tdkt.law.catalogue import load_catalogue
from tdkt.law.schema import Check
from tdkt.law.vocabulary import SubjectKind
from tdkt.org.models import Household, Person, Unit
from tdkt.org.selectors import paths_at_and_above
from tdkt.org.views import require
from tdkt.reports.selectors import batch_runs_visible_to

from . import selectors, services, work
from .access import dossier_for
from .forms import (
    DossierForm,
    FromBatchForm,
    HouseholdNomineeForm,
    InviteForm,
    NomineeEditForm,
    NomineeForm,
    RoundForm,
    WithdrawNomineeForm,
)
from .models import Dossier, DossierStatus, Nominee, subject_related
from .models_work import Appraisal
from .permissions import invites
from .returns import return_panel
from .views_work import attachment_form
from .workflow import DOSSIER, dossier_actions


def _names() -> dict[str, str]:
    return {code: a.name for code, a in load_catalogue().awards.items()}


@login_required
@require_GET
def index(request):
    """The user's work: the office's inbox, the unit's drafts and returned dossiers, the open rounds."""
    require(request, "nominations.view_dossiers")
    user = request.user
    status = request.GET.get("status", "")
    dossiers = selectors.dossiers_visible_to(user).order_by("-updated_at", "-id")
    if status in DossierStatus.values:
        dossiers = dossiers.filter(status=status)
    return render(request, "nominations/index.html", {
        "inbox": selectors.with_counts(selectors.with_clocks(selectors.office_inbox(user)[:50])),
        "todo": selectors.with_counts(selectors.with_clocks(selectors.unit_todo(user)[:50])),
        "dossiers": selectors.with_counts(dossiers[:100]),
        "rounds": list(selectors.rounds_visible_to(user).filter(status="open")[:20]),
        "can_open_round": user.has_perm("nominations.open_round"),
        "statuses": DossierStatus.choices, "status": status,
    })


@login_required
@require_http_methods(["GET", "POST"])
def round_open(request):
    require(request, "nominations.open_round")

    units = Unit.objects.filter(scoping.subtree_q(request.user, roles=roles.OFFICE), valid_to__isnull=True).order_by("path")
    form = RoundForm(request.POST or None, units=units)  # the units to invite: the same subtree
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            round_ = services.round_open(actor=request.user, office_unit=d["office_unit"], year=d["year"], kind=d["kind"],
                                         title=d["title"], awards=d["awards"], intake_from=d["intake_from"], intake_to=d["intake_to"],
                                         invited=d["invited"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã mở đợt xét “%(title)s”.") % {"title": round_.title})
            return redirect("nominations:round_detail", round_.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Mở đợt xét khen thưởng")})


@login_required
@require_GET
def round_detail(request, pk: int):
    require(request, "nominations.view_dossiers")
    round_ = get_object_or_404(selectors.rounds_visible_to(request.user), pk=pk)
    dossiers = selectors.with_counts(selectors.dossiers_visible_to(request.user).filter(round=round_).order_by("unit__path", "id")[:500])
    names = _names()
    return render(request, "nominations/round_detail.html", {
        "round": round_, "dossiers": dossiers, "awards": [names.get(c, c) for c in round_.awards],
        "components": services.round_components(round_.kind, round_.year),
        "can_create": round_.status == "open" and _creatable_units(request.user, round_).exists(),
        "can_close": round_.status == "open" and request.user.has_perm("nominations.open_round", round_.office_unit),
        "invited": list(round_.invited.all()),
        "panels": registry.panels_for("round", request, round_),  # the exchange package's upload (decisions)
    })


def _creatable_units(user, round_):


    units = Unit.objects.filter(scoping.subtree_q(user, roles=roles.LEDGER_EDITORS), path__startswith=round_.office_unit.path,
                                valid_to__isnull=True).order_by("path")
    invited = list(round_.invited.all())
    if invited:
        pks = [u.pk for u in units if invites(round_, u)]
        units = units.filter(pk__in=pks)
    return units


@login_required
@require_http_methods(["GET", "POST"])
def round_invite(request, pk: int):
    """The units an open round invites (the office of its level)."""

    require(request, "nominations.view_dossiers")
    round_ = get_object_or_404(selectors.rounds_visible_to(request.user), pk=pk)
    require(request, "nominations.open_round", round_.office_unit)
    units = Unit.objects.filter(path__startswith=round_.office_unit.path, valid_to__isnull=True).order_by("path")
    form = InviteForm(request.POST if request.method == "POST" else None, units=units, initial={"invited": list(round_.invited.all())})
    if request.method == "POST" and form.is_valid():
        try:
            services.round_invite(actor=request.user, round_=round_, invited=form.cleaned_data["invited"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lưu các đơn vị được đề nghị của đợt xét."))
            return redirect("nominations:round_detail", round_.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Đơn vị được đề nghị"), "subtitle": round_.title})


@login_required
@require_POST
def round_close(request, pk: int):
    round_ = get_object_or_404(selectors.rounds_visible_to(request.user), pk=pk)
    require(request, "nominations.open_round", round_.office_unit)
    try:
        services.round_close(actor=request.user, round_=round_)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã đóng đợt xét."))
    return redirect("nominations:round_detail", round_.pk)


@login_required
@require_http_methods(["GET", "POST"])
def dossier_create(request, pk: int):
    require(request, "nominations.view_dossiers")
    round_ = get_object_or_404(selectors.rounds_visible_to(request.user), pk=pk)
    units = _creatable_units(request.user, round_)
    if not units.exists():
        require(request, "nominations.create_dossier", Dossier(round=round_, unit=round_.office_unit))
    form = DossierForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.dossier_create(actor=request.user, round_=round_, unit=form.cleaned_data["unit"],
                                              title=form.cleaned_data["title"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lập hồ sơ; mã tra cứu %(code)s.") % {"code": dossier.tracking_code})
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Lập hồ sơ đề nghị khen thưởng"),
                                                     "subtitle": round_.title})


def _nominee_form(dossier, data=None):
    people = Person.objects.filter(unit__path__startswith=dossier.unit.path).select_related("unit").order_by("name_sort_key", "id")
    units = Unit.objects.filter(path__startswith=dossier.unit.path, valid_to__isnull=True).order_by("path")
    return NomineeForm(data, people=people, units=units, awards=dossier.round.awards)


def household_awards(dossier) -> list[str]:
    """The round's awards the catalogue gives to households (GDVH, Giấy khen, Bằng khen…)."""
    awards = load_catalogue().awards
    return [c for c in dossier.round.awards if c in awards and SubjectKind.HOUSEHOLD in awards[c].subjects]


def households_of(dossier):
    """The households of the villages (thôn, tổ dân phố) of the dossier's unit subtree."""
    return (Household.objects.filter(village__path__startswith=dossier.unit.path).select_related("village")
            .order_by("village__path", "head_name", "id"))


def _household_form(dossier, data=None):
    """The household form, or None when the round gives households nothing or the unit has none."""
    awards = household_awards(dossier)
    households = households_of(dossier) if awards else Household.objects.none()
    if not awards or (data is None and not households.exists()):
        return None
    return HouseholdNomineeForm(data, households=households, awards=awards, auto_id="hh_%s")


def _batch_form(request, dossier, data=None):

    runs = batch_runs_visible_to(request.user).filter(status="done", year=dossier.round.year,
                                                unit__path__in=paths_at_and_above(dossier.unit.path)).order_by("-finished_at")
    return FromBatchForm(data, runs=runs, auto_id="batch_%s", awards=[c for c in dossier.round.awards if c in load_catalogue().batch_titles()])


@login_required
@require_GET
def dossier_detail(request, pk: int):
    dossier = dossier_for(request, pk)
    user = request.user
    can_edit = user.has_perm("nominations.edit_dossier", dossier)
    nominees = selectors.nominees_of(dossier)
    history = list(selectors.dossier_history(dossier))

    appraisals = {a.nominee_id: a for a in Appraisal.objects.filter(nominee__dossier=dossier).select_related("appraised_by")}
    can_appraise = user.has_perm("nominations.appraise_dossier", dossier) and dossier.status in work.APPRAISAL_STATES
    for n in nominees:
        n.check_list = [Check.from_dict(c) for c in n.checks]
        n.appraisal_row = appraisals.get(n.pk)
        if can_appraise and not n.withdrawn:
            from .forms import AppraisalForm

            row = n.appraisal_row
            n.appraisal_form = AppraisalForm(initial={"conclusion": row.conclusion if row else "", "note": row.note if row else "",
                                                      "version": row.version if row else None}, auto_id=f"a{n.pk}_%s")
    attachments = list(dossier.attachments.select_related(*subject_related("nominee__")))
    actions, held = dossier_actions(user, dossier)
    context = {
        "dossier": dossier, "nominees": nominees, "names": _names(), "can_edit": can_edit,
        "actions": actions, "held": held, "history": history, "clock": selectors.dossier_clock(dossier, history),
        "step": selectors.step_clock(dossier, history), "checklist": work.checklist(dossier, attachments),
        "returned": return_panel(dossier, history, attachments),
        "can_appraise": user.has_perm("nominations.appraise_dossier", dossier),
        "reevaluated": selectors.last_ledger_reevaluation(dossier),
        "panels": registry.panels_for("dossier", request, dossier),  # forwarding and exchange (decisions)
        "can_see_origin": bool(dossier.forwarded_from_id) and user.has_perm("nominations.view_dossier", dossier.forwarded_from),
        "forwarded_to": list(dossier.forwarded_to.select_related("round__office_unit").order_by("id")),
    }
    if can_edit:
        context["attachment_form"] = attachment_form(dossier)
        context["nominee_form"] = _nominee_form(dossier)
        context["household_form"] = _household_form(dossier)
        context["batch_form"] = _batch_form(request, dossier)
    return render(request, "nominations/dossier_detail.html", context)


@login_required
@require_POST
def nominee_add(request, pk: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    household = request.POST.get("subject") == "household"
    form = (_household_form(dossier, request.POST) if household else None) or _nominee_form(dossier, request.POST)
    if form.is_valid():
        d = form.cleaned_data
        subject = ({"household": households_of(dossier).get(pk=d["household"])} if household
                   else {"person": d["person"], "unit": d["unit"]})
        try:
            nominee = services.nominee_add(actor=request.user, dossier=dossier, **subject,
                                           award_code=d["award_code"], summary=d["summary"], justification=d["justification"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã thêm %(name)s vào hồ sơ.") % {"name": nominee.name})
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Thêm người, tập thể được đề nghị"),
                                                     "subtitle": dossier.title, "back": dossier})


@login_required
@require_POST
def nominees_from_batch(request, pk: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    form = _batch_form(request, dossier, request.POST)
    if form.is_valid():
        try:
            added, skipped = services.nominees_from_batch(actor=request.user, dossier=dossier, run=form.cleaned_data["run"],
                                                          award_code=form.cleaned_data["award_code"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã thêm %(n)s người đủ điều kiện từ lượt xét vào hồ sơ.") % {"n": added})
            for message in skipped[:10]:
                messages.info(request, message)
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Thêm từ kết quả xét hàng loạt"),
                                                     "subtitle": dossier.title, "back": dossier})


@login_required
@require_http_methods(["GET", "POST"])
def nominee_edit(request, pk: int, nominee_id: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    nominee = get_object_or_404(Nominee, pk=nominee_id, dossier=dossier, withdrawn=False)
    form = NomineeEditForm(request.POST or None, initial={"summary": nominee.summary, "justification": nominee.justification})
    if request.method == "POST" and form.is_valid():
        try:
            services.nominee_update(actor=request.user, nominee=nominee, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lưu thông tin của %(name)s.") % {"name": nominee.name})
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Sửa tóm tắt thành tích, lý do đề nghị"),
                                                     "subtitle": f"{nominee.name} — {_names().get(nominee.award_code, nominee.award_code)}",
                                                     "back": dossier})


@login_required
@require_http_methods(["GET", "POST"])
def nominee_withdraw(request, pk: int, nominee_id: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    nominee = get_object_or_404(Nominee, pk=nominee_id, dossier=dossier, withdrawn=False)
    form = WithdrawNomineeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.nominee_withdraw(actor=request.user, nominee=nominee, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã rút %(name)s khỏi hồ sơ.") % {"name": nominee.name})
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Rút khỏi hồ sơ"), "back": dossier,
                                                     "subtitle": f"{nominee.name} — {_names().get(nominee.award_code, nominee.award_code)}"})


@login_required
@require_POST
def dossier_reevaluate(request, pk: int):
    dossier = dossier_for(request, pk)
    try:
        count = services.dossier_reevaluate(actor=request.user, dossier=dossier)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã xét lại điều kiện của %(n)s người, tập thể theo hồ sơ thành tích hiện tại.") % {"n": count})
    return redirect("nominations:dossier_detail", dossier.pk)


@require_GET
def tracking(request, code: str = ""):
    """The public tracking page: the dossier's state and dates, without the names of its nominees."""
    code = (code or request.GET.get("ma", "")).strip().upper()
    if not code:
        return render(request, "nominations/tracking.html", {"code": ""})
    dossier = Dossier.objects.select_related("round", "unit").filter(tracking_code=code).first()
    if dossier is None:
        return render(request, "nominations/tracking.html", {"code": code, "missing": True}, status=404)
    steps = list(selectors.dossier_history(dossier))
    return render(request, "nominations/tracking.html", {
        "code": code, "dossier": dossier, "steps": [(t.at, DOSSIER.state_label(t.target)) for t in steps],
        "count": dossier.nominees.filter(withdrawn=False).count(),
    })
