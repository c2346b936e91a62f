"""Screens of the year's TĐKT plans: the plans of the levels in scope, create (blank, copied from last year's plan, or
from the higher level's), the plan page (header, the numbered sections with add / edit / move / remove, the key tasks
with their status badges and the lead unit's update form, the council's programme by month, the check's findings,
issue), the document page (the findings, then .docx and PDF).

Thin: the plan through the scoped selector (another level's is a 404), the rule checked (403), one service; a
DomainError is shown as a message (nothing changed)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.core.uploads import content_disposition, serve_upload
from tdkt.documents.rendering import pdf_available
from tdkt.org.models import Unit
from tdkt.org.views import require

from . import check, documents, selectors, services
from .forms import CouncilItemForm, CreateForm, HeaderForm, IssueForm, ProgressForm, SectionForm, TaskForm
from .models import LATE, CouncilItem, KeyTask, PlanSection, TaskStatus

BADGES = {TaskStatus.NOT_STARTED: "secondary", TaskStatus.IN_PROGRESS: "primary", TaskStatus.DONE: "success", LATE: "danger"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def plan_for(request, pk: int):
    require(request, "plans.view_plans")
    plan = get_object_or_404(selectors.plans_visible_to(request.user), pk=pk)
    require(request, "plans.view", plan)
    return plan


def _units_for_tasks(plan):
    return Unit.objects.filter(path__startswith=plan.issuer.path).order_by("path")


@login_required
@require_GET
def index(request):
    require(request, "plans.view_plans")
    qs = selectors.plans_visible_to(request.user)
    year = request.GET.get("year", "")
    if year.isdigit():
        qs = qs.filter(year=int(year))
    return render(request, "plans/index.html", {"plans": list(qs.order_by("-year", "issuer__path")[:200]), "year": year,
                                                "may_create": request.user.has_perm("plans.create_plan")})


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    require(request, "plans.create_plan")
    issuers = selectors.issuers_for(request.user)
    form = CreateForm(request.POST if request.method == "POST" else None, issuers=issuers,
                      initial={"year": timezone.localdate().year + 1, "source": request.GET.get("source", "blank")})
    if request.method == "POST" and form.is_valid():
        issuer, year, source = form.cleaned_data["issuer"], form.cleaned_data["year"], form.cleaned_data["source"]
        try:
            if source == "last_year":
                earlier = selectors.plan_of(issuer, year - 1)
                if earlier is None:
                    raise DomainError(f"{issuer.name} chưa có kế hoạch năm {year - 1} để sao chép.")
                plan = services.plan_copy(actor=request.user, source=earlier, issuer=issuer, year=year)
            elif source == "higher":
                higher = selectors.higher_plan(issuer, year)
                if higher is None:
                    raise DomainError(f"Cấp trên của {issuer.name} chưa có kế hoạch năm {year} trong hệ thống.")
                plan = services.plan_copy(actor=request.user, source=higher, issuer=issuer, year=year, cascade=True)
            else:
                plan = services.plan_create(actor=request.user, issuer=issuer, year=year, implements=selectors.higher_plan(issuer, year))
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lập kế hoạch năm %(y)s của %(u)s.") % {"y": year, "u": issuer.name})
            return redirect("plans:detail", plan.pk)
    return render(request, "plans/create.html", {"form": form})


def _detail_context(request, plan, **extra) -> dict:
    user = request.user
    today = timezone.localdate()
    editable = user.has_perm("plans.edit", plan)
    draft = not plan.issued
    tasks = selectors.tasks_of(plan)
    for task in tasks:
        task.shown_status = task.display_status(today)
        task.shown_label = task.display_status_label(today)
        task.badge = BADGES.get(task.shown_status, "secondary")
        task.may_update = user.has_perm("plans.update_task", task)
    findings = check.check_plan(plan)
    context = {
        "plan": plan, "outline": selectors.outline_of(plan), "tasks": tasks, "programme": selectors.programme_by_month(plan),
        "findings": findings, "refused": bool(check.refusals(findings)), "editable": editable, "may_edit": editable and draft,
        "pdf_available": pdf_available(), "statuses": TaskStatus.choices,
        "header_form": HeaderForm(initial={
            "title": plan.title, "symbol": plan.symbol, "place": plan.place, "period_start": plan.period_start, "period_end": plan.period_end,
            "grounds": "\n".join(plan.grounds or []), "preamble": plan.preamble, "closing": plan.closing,
            "receivers": "\n".join(plan.receivers or []), "signer_authority": plan.signer_authority, "signer_title": plan.signer_title,
            "signer_name": plan.signer_name}) if editable and draft else None,
        "section_form": SectionForm(), "task_form": TaskForm(units=_units_for_tasks(plan)) if editable and draft else None,
        "item_form": CouncilItemForm() if editable and draft else None, "issue_form": IssueForm() if editable and draft else None,
    }
    context.update(extra)
    return context


@login_required
@require_GET
def detail(request, pk: int):
    plan = plan_for(request, pk)
    return render(request, "plans/detail.html", _detail_context(request, plan))


def _done(request, plan, message: str):
    messages.success(request, message)
    return redirect("plans:detail", plan.pk)


def _error(request, plan, message: str):
    messages.error(request, message)
    return redirect("plans:detail", plan.pk)


def _form_post(request, plan, form, key: str, action, done):
    """A plan page's form sent: the service with the form's data, then back to the page with `done` (a message, or a
    function of the service's result); a bad form or a refusal shows the page again with the form and its errors (400)."""
    if form.is_valid():
        try:
            result = action(**form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return _done(request, plan, done(result) if callable(done) else done)
    return render(request, "plans/detail.html", _detail_context(request, plan, **{key: form}), status=400)


@login_required
@require_POST
def edit(request, pk: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    return _form_post(request, plan, HeaderForm(request.POST), "header_form",
                      lambda **data: services.plan_update(actor=request.user, plan=plan, **data), _("Đã lưu phần đầu kế hoạch."))


@login_required
@require_POST
def section_add(request, pk: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    form = SectionForm(request.POST)
    parent = None
    if request.POST.get("parent"):
        parent = PlanSection.objects.filter(plan=plan, pk=request.POST["parent"]).first() if request.POST["parent"].isdigit() else None
        if parent is None:
            return _error(request, plan, _("Mục cha không thuộc kế hoạch này."))
    if not form.is_valid():
        return _error(request, plan, _("Nội dung mục không hợp lệ."))
    try:
        services.section_add(actor=request.user, plan=plan, parent=parent, **form.cleaned_data)
    except DomainError as exc:
        return _error(request, plan, exc.message)
    return _done(request, plan, _("Đã thêm mục."))


@login_required
@require_POST
def section_act(request, pk: int, section: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    row = get_object_or_404(PlanSection, plan=plan, pk=section)
    action = request.POST.get("action", "")
    try:
        if action == "save":
            form = SectionForm(request.POST)
            if not form.is_valid():
                return _error(request, plan, _("Nội dung mục không hợp lệ."))
            services.section_update(actor=request.user, section=row, **form.cleaned_data)
            message = _("Đã lưu mục.")
        elif action in ("up", "down"):
            services.section_move(actor=request.user, section=row, direction=action)
            message = _("Đã chuyển mục.")
        elif action == "remove":
            services.section_remove(actor=request.user, section=row)
            message = _("Đã xóa mục.")
        else:
            return _error(request, plan, _("Thao tác không hợp lệ."))
    except DomainError as exc:
        return _error(request, plan, exc.message)
    return _done(request, plan, message)


@login_required
@require_POST
def task_add(request, pk: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    return _form_post(request, plan, TaskForm(request.POST, units=_units_for_tasks(plan)), "task_form",
                      lambda **data: services.key_task_add(actor=request.user, plan=plan, **data), _("Đã thêm nhiệm vụ trọng tâm."))


@login_required
@require_http_methods(["GET", "POST"])
def task_detail(request, pk: int, task: int):
    """A key task: its progress notes; the lead unit's officer (or the plan's office) adds one with its evidence."""
    plan = plan_for(request, pk)
    row = get_object_or_404(KeyTask.objects.select_related("lead_unit", "plan", "plan__issuer"), plan=plan, pk=task)
    may_update = request.user.has_perm("plans.update_task", row)
    form = None
    if may_update:
        form = ProgressForm(request.POST or None, request.FILES or None, initial={"status": row.status})
    elif request.method == "POST":
        require(request, "plans.update_task", row)
    if request.method == "POST" and form.is_valid():
        try:
            services.key_task_progress(actor=request.user, task=row, status=form.cleaned_data["status"], note=form.cleaned_data["note"],
                                       evidence=form.cleaned_data.get("evidence") or None)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã cập nhật tiến độ nhiệm vụ."))
            return redirect("plans:task_detail", plan.pk, row.pk)
    today = timezone.localdate()
    row.shown_label, row.badge = row.display_status_label(today), BADGES.get(row.display_status(today), "secondary")
    return render(request, "plans/task.html", {"plan": plan, "task": row, "updates": list(row.updates.select_related("written_by")),
                                               "form": form}, status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def evidence(request, pk: int, task: int, update: int):
    plan = plan_for(request, pk)
    row = get_object_or_404(KeyTask, plan=plan, pk=task)
    note = get_object_or_404(row.updates, pk=update)
    if not note.evidence_name:
        raise Http404("Không có minh chứng.")
    return serve_upload(request, name=note.evidence_name, filename=note.evidence_filename, content_type=note.evidence_content_type)


@login_required
@require_POST
def task_remove(request, pk: int, task: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    row = get_object_or_404(KeyTask, plan=plan, pk=task)
    try:
        services.key_task_remove(actor=request.user, task=row)
    except DomainError as exc:
        return _error(request, plan, exc.message)
    return _done(request, plan, _("Đã xóa nhiệm vụ."))


@login_required
@require_POST
def item_add(request, pk: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    return _form_post(request, plan, CouncilItemForm(request.POST), "item_form",
                      lambda **data: services.council_item_add(actor=request.user, plan=plan, **data), _("Đã thêm công việc vào chương trình của Hội đồng."))


@login_required
@require_POST
def item_remove(request, pk: int, item: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    row = get_object_or_404(CouncilItem, plan=plan, pk=item)
    try:
        services.council_item_remove(actor=request.user, item=row)
    except DomainError as exc:
        return _error(request, plan, exc.message)
    return _done(request, plan, _("Đã xóa công việc."))


@login_required
@require_POST
def issue(request, pk: int):
    plan = plan_for(request, pk)
    require(request, "plans.edit", plan)
    return _form_post(request, plan, IssueForm(request.POST), "issue_form",
                      lambda **data: services.plan_issue(actor=request.user, plan=plan, **data), lambda _r: _("Đã ban hành kế hoạch số %(n)s.") % {"n": plan.number_text})


@login_required
@require_GET
def document(request, pk: int):
    """The check's findings and, unless one refuses, the .docx and PDF links."""
    plan = plan_for(request, pk)
    findings = check.check_plan(plan)
    return render(request, "plans/document.html", {"plan": plan, "findings": findings, "refused": bool(check.refusals(findings)),
                                                   "pdf_available": pdf_available()})


@login_required
@require_GET
def download(request, pk: int, fmt: str):
    plan = plan_for(request, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404("Không có định dạng này.")
    try:
        if fmt == "pdf":
            (data, _findings), content_type = documents.plan_pdf(plan), "application/pdf"
        else:
            (data, _findings), content_type = documents.plan_docx(plan), DOCX
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("plans:document", plan.pk)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition(documents.filename(plan, fmt))
    response["Cache-Control"] = "private, no-store"
    return response
