"""Screens of the movements: the year's list of movements, the launch and edit forms, the movement page (criteria,
documents, targets with their registration, the reminder), the registration form of a target unit's officer and the
launching level's approval or return.

Thin: the object through the scoped selector (another level's is a 404), the rule checked (403), one service; a
DomainError is shown as a message or a form error."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.core.uploads import serve_upload
from tdkt.core.workflow import history
from tdkt.org.models import Person, Unit
from tdkt.org.views import require

from . import selectors, services
from .anniversaries import anniversaries_of, next_occurrence
from .forms import CriterionForm, DocumentForm, MovementForm, RegistrationForm
from .models import MovementDocument, Registration
from .services import award_choices
from .workflow import REGISTRATION


def movement_for(request, pk: int):
    require(request, "movements.view_movements")
    movement = get_object_or_404(selectors.movements_visible_to(request.user), pk=pk)
    require(request, "movements.view_movement", movement)
    return movement


def registration_for(request, pk: int) -> Registration:
    require(request, "movements.view_movements")
    registration = get_object_or_404(selectors.registrations_visible_to(request.user), pk=pk)
    require(request, "movements.view_registration", registration)
    return registration


def _year(request) -> int:
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@login_required
@require_GET
def index(request):
    require(request, "movements.view_movements")
    year = _year(request)
    visible = selectors.movements_visible_to(request.user)
    level = None
    if request.GET.get("don_vi"):
        try:
            level = Unit.objects.filter(pk=int(request.GET["don_vi"])).first()
        except ValueError:
            level = None
        if level is None or not request.user.has_perm("org.view_unit", level):
            messages.error(request, _("Đơn vị không hợp lệ hoặc không thuộc phạm vi của bạn."))
            level = None
    qs = selectors.movements_of_level(level, year, visible) if level else selectors.in_year(visible, year)
    movements = list(qs.order_by("starts_on", "id")[:200])
    return render(request, "movements/index.html", {
        "movements": movements, "year": year, "level": level, "years": range(timezone.localdate().year + 1, timezone.localdate().year - 5, -1),
        "may_launch": request.user.has_perm("movements.launch"), "jubilees": anniversaries_of(year, round_only=True)})


def _form(request, movement=None):
    units = selectors.launching_units(request.user).order_by("path")
    parents = selectors.movements_visible_to(request.user)
    if movement is not None:
        parents = parents.exclude(pk=movement.pk)
        initial = {"unit": movement.unit_id, "kind": movement.kind, "name": movement.name, "slogan": movement.slogan,
                   "purpose": movement.purpose, "starts_on": movement.starts_on, "ends_on": movement.ends_on,
                   "registration_deadline": movement.registration_deadline, "targets": list(movement.targets.values_list("pk", flat=True)),
                   "planned_awards": movement.planned_awards, "parent": movement.parent_id, "anniversary": movement.anniversary_id}
    else:
        initial = {}
    return MovementForm(request.POST or None, units=units, movements=parents, criteria=movement is None, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def movement_create(request):
    require(request, "movements.launch")
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            movement = services.movement_create(
                actor=request.user, unit=data["unit"], kind=data["kind"], name=data["name"], slogan=data["slogan"],
                purpose=data["purpose"], starts_on=data["starts_on"], ends_on=data["ends_on"],
                registration_deadline=data["registration_deadline"], targets=list(data["targets"]),
                planned_awards=data["planned_awards"], parent=data["parent"], anniversary=data["anniversary"],
                criteria=form.criteria_data())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã phát động phong trào “%(name)s”.") % {"name": movement.name})
            return redirect("movements:movement_detail", movement.pk)
    return render(request, "movements/form.html", {"form": form, "title": _("Phát động phong trào thi đua"),
                                                   "submit_label": _("Phát động")})


@login_required
@require_http_methods(["GET", "POST"])
def movement_edit(request, pk: int):
    movement = movement_for(request, pk)
    require(request, "movements.manage_movement", movement)
    form = _form(request, movement)
    form.fields["unit"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.movement_update(actor=request.user, movement=movement, **{
                k: data[k] for k in ("kind", "name", "slogan", "purpose", "starts_on", "ends_on", "registration_deadline",
                                     "planned_awards", "parent", "anniversary")}, targets=list(data["targets"]))
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lưu phong trào."))
            return redirect("movements:movement_detail", movement.pk)
    return render(request, "movements/form.html", {"form": form, "movement": movement, "title": _("Sửa phong trào thi đua"),
                                                   "submit_label": _("Lưu")})


@login_required
@require_GET
def movement_detail(request, pk: int):
    movement = movement_for(request, pk)
    manage = request.user.has_perm("movements.manage_movement", movement)
    targets = selectors.targets_of(movement, request.user)
    awards = dict(award_choices(movement.planned_awards))
    return render(request, "movements/movement_detail.html", {
        "movement": movement, "manage": manage, "targets": targets, "criteria": list(movement.criteria.all()),
        "documents": list(movement.documents.all()), "awards": [awards.get(c, c) for c in movement.planned_awards],
        "pending": sum(1 for t in targets if not t["registered"] and not t["reminded_today"]), "open": movement.registration_deadline >= timezone.localdate(),
        "greets": next_occurrence(movement.anniversary, movement.starts_on) if movement.anniversary else None,
        "criterion_form": CriterionForm() if manage else None, "document_form": DocumentForm() if manage else None,
        "adoptions": list(movement.adoptions.select_related("unit").filter(pk__in=selectors.movements_visible_to(request.user)))})


def _manage_post(request, pk: int):
    movement = movement_for(request, pk)
    require(request, "movements.manage_movement", movement)
    return movement


@login_required
@require_POST
def criterion_add(request, pk: int):
    movement = _manage_post(request, pk)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vui lòng nhập nội dung tiêu chí."))
    else:
        try:
            services.criterion_add(actor=request.user, movement=movement, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã thêm tiêu chí."))
    return redirect("movements:movement_detail", movement.pk)


@login_required
@require_POST
def criterion_remove(request, pk: int, criterion_pk: int):
    movement = _manage_post(request, pk)
    criterion = get_object_or_404(movement.criteria, pk=criterion_pk)
    try:
        services.criterion_remove(actor=request.user, criterion=criterion)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã bỏ tiêu chí."))
    return redirect("movements:movement_detail", movement.pk)


@login_required
@require_POST
def document_add(request, pk: int):
    movement = _manage_post(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for e in errors:
                messages.error(request, e)
    else:
        try:
            services.movement_document_add(actor=request.user, movement=movement, title=form.cleaned_data["title"],
                                           file=form.cleaned_data["file"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã đính kèm văn bản."))
    return redirect("movements:movement_detail", movement.pk)


@login_required
@require_GET
def document(request, pk: int, document_pk: int):
    movement = movement_for(request, pk)
    doc = get_object_or_404(MovementDocument, pk=document_pk, movement=movement)
    return serve_upload(request, name=doc.name, filename=doc.filename, content_type=doc.content_type)


@login_required
@require_POST
def remind(request, pk: int):
    movement = _manage_post(request, pk)
    try:
        sent = services.movement_remind(actor=request.user, movement=movement)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã nhắc %(n)s đơn vị chưa đăng ký: %(units)s.") % {
            "n": len(sent), "units": ", ".join(r.unit.name for r in sent)})
    return redirect("movements:movement_detail", movement.pk)


@login_required
@require_POST
def registration_start(request, pk: int, unit_pk: int):
    movement = movement_for(request, pk)
    unit = get_object_or_404(movement.targets, pk=unit_pk)
    require(request, "movements.register", Registration(movement=movement, unit=unit))
    try:
        registration = services.registration_start(actor=request.user, movement=movement, unit=unit)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("movements:movement_detail", movement.pk)
    return redirect("movements:registration_edit", registration.pk)


@login_required
@require_GET
def registration_detail(request, pk: int):
    registration = registration_for(request, pk)
    awards = dict(award_choices())
    targets = {t.criterion_id: t.target for t in registration.targets.all()}
    return render(request, "movements/registration_detail.html", {
        "registration": registration, "movement": registration.movement,
        "rows": [(c, targets.get(c.pk, "")) for c in registration.movement.criteria.all()],
        "titles": [(awards.get(t.award_code, t.award_code), t.person) for t in registration.titles.select_related("person")],
        "actions": REGISTRATION.available(request.user, registration),
        "may_edit": registration.editable and request.user.has_perm("movements.register", registration),
        "history": list(history(registration))})


@login_required
@require_http_methods(["GET", "POST"])
def registration_edit(request, pk: int):
    registration = registration_for(request, pk)
    require(request, "movements.register", registration)
    if not registration.editable:
        messages.info(request, _("Đăng ký đang ở trạng thái “%(status)s”: không sửa được.") % {"status": registration.get_status_display()})
        return redirect("movements:registration_detail", registration.pk)
    people = Person.objects.filter(unit__path__startswith=registration.unit.path).order_by("name_sort_key", "id")
    initial = {"note": registration.note, "unit_titles": list(registration.titles.filter(person=None).values_list("award_code", flat=True))}
    initial.update({f"t{t.criterion_id}": t.target for t in registration.targets.all()})
    for i, title in enumerate(registration.titles.exclude(person=None)[:5], start=1):
        initial.update({f"p{i}_person": title.person_id, f"p{i}_award": title.award_code})
    form = RegistrationForm(request.POST or None, registration=registration, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_save(actor=request.user, registration=registration, **form.values())
            if "send" in request.POST:
                services.registration_submit(actor=request.user, registration=registration)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã gửi đăng ký thi đua.") if "send" in request.POST else _("Đã lưu đăng ký thi đua."))
            return redirect("movements:registration_detail", registration.pk)
    return render(request, "movements/registration_form.html", {"form": form, "registration": registration,
                                                                 "movement": registration.movement})


@login_required
@require_POST
def registration_act(request, pk: int):
    registration = registration_for(request, pk)
    action = request.POST.get("action", "")
    if action in ("approve", "return"):
        require(request, "movements.decide_registration", registration)
    elif action in ("submit", "resubmit"):
        require(request, "movements.register", registration)
    try:
        services.registration_act(actor=request.user, registration=registration, action=action, reason=request.POST.get("reason", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã thực hiện: %(label)s.") % {"label": REGISTRATION.action_label(action)})
    return redirect("movements:registration_detail", registration.pk)

