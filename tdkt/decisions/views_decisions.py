"""Screens of the decisions (quyết định khen thưởng): the decisions of a level, the draft from a closed session's
results, the decision page (header and căn cứ editable while a draft, the list with the money of each, the total in
words, remove a line with a reason, submit; for the signer: return with a reason or sign after an explicit confirmation;
once issued: the awards in the ledger, the cancellation and the revocation of one award (Điều 93)), its .docx and PDF.

Thin: the decision through the scoped selector (another level's is a 404), the rule checked (403), one service; a
DomainError is shown as a message (nothing changed)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core import vntext
from tdkt.core.errors import DomainError
from tdkt.core.uploads import content_disposition
from tdkt.council.models import SessionStatus
from tdkt.council.views import session_for
from tdkt.documents.rendering import pdf_available
from tdkt.law.catalogue import load_catalogue
from tdkt.org.views import require
from tdkt.records.catalogue import award_label

from . import amendments, authority, documents, selectors, services
from .forms_decisions import CorrectionForm, DraftForm, HeaderForm, ReasonForm, ReplaceLineForm, SignForm, SupplementForm
from .models import DecisionKind, DecisionLine, DecisionStatus

STATUSES = DecisionStatus.choices


def decision_for(request, pk: int):
    require(request, "decisions.view_decisions")
    decision = get_object_or_404(selectors.decisions_visible_to(request.user), pk=pk)
    require(request, "decisions.view", decision)
    return decision


@login_required
@require_GET
def index(request):
    require(request, "decisions.view_decisions")
    qs = selectors.decisions_visible_to(request.user)
    status = request.GET.get("status", "")
    if status in DecisionStatus.values:
        qs = qs.filter(status=status)
    kind = request.GET.get("kind", "")
    if kind in DecisionKind.values:
        qs = qs.filter(kind=kind)
    year = request.GET.get("year", "")
    if year.isdigit():
        qs = qs.filter(decided_on__year=int(year))
    return render(request, "decisions/decision_index.html", {
        "decisions": list(qs.order_by("-decided_on", "-id")[:200]), "statuses": STATUSES, "kinds": DecisionKind.choices,
        "status": status, "kind": kind, "year": year,
        "awaiting": list(selectors.awaiting_signature(request.user)[:20])})


@login_required
@require_http_methods(["GET", "POST"])
def draft_from_session(request, pk: int):
    session = session_for(request, pk)
    require(request, "decisions.draft", session.council.unit)
    form = DraftForm(request.POST if request.method == "POST" else None, initial={"decided_on": max(session.held_on, timezone.localdate())})
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_draft(actor=request.user, session=session, decided_on=form.cleaned_data["decided_on"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã dự thảo quyết định: %(n)s người, tập thể.") % {"n": decision.lines.count()})
            return redirect("decisions:decision_detail", decision.pk)
    return render(request, "decisions/decision_form.html", {
        "form": form, "title": _("Dự thảo quyết định khen thưởng"), "subtitle": f"{session.title} — {session.council.name}",
        "submit_label": _("Dự thảo quyết định"), "closed": session.status == SessionStatus.CLOSED})


def awards_decided_by(decision) -> list[tuple[str, str]]:
    """The catalogue's awards the issuer decides on the decision's date, for the corrected award's select."""
    return [(code, award.name) for code, award in load_catalogue().awards.items()
            if authority.decides_here(code, decision.issuer, decision.decided_on)]


def amendment_context(decision, lines, *, replace_form=None, supplement_form=None, editable: bool) -> dict:
    """The amendment's part of a decision page: the sums (new money, money recovered, the net) and, on a draft its
    office may change, the two forms that add a line."""
    new_total = sum(line.amount for line in lines)
    recovered = sum(line.recover_amount for line in lines)
    net = new_total - recovered
    context = {"amending": True, "new_total": new_total, "new_words": vntext.money_in_words(new_total), "recovered_total": recovered,
               "recovered_words": vntext.money_in_words(recovered), "total": net, "net_abs": abs(net), "net_positive": net >= 0,
               "total_words": vntext.money_in_words(abs(net))}
    if editable:
        amended = decision.amends
        in_force = amendments.lines_in_force(amended)
        candidates = amendments.supplement_candidates(amended)
        context["replace_form"] = replace_form or ReplaceLineForm(lines=in_force, awards=awards_decided_by(decision),
                                                                  initial={"year": decision.decided_on.year})
        context["supplement_form"] = supplement_form or (SupplementForm(candidates=candidates) if candidates else None)
    return context


def _detail_context(request, decision, **extra) -> dict:
    user = request.user
    lines = selectors.lines_of(decision)
    awards = load_catalogue().awards
    for line in lines:
        line.award_name = awards[line.award_code].name if line.award_code in awards else line.award_code
    draft = decision.status == DecisionStatus.DRAFT
    may_draft = user.has_perm("decisions.draft", decision)
    may_sign = user.has_perm("decisions.sign", decision)
    revoking = decision.kind in (DecisionKind.REVOCATION, DecisionKind.CANCELLATION)
    total = sum(line.recover_amount for line in lines) if revoking else decision.total_amount
    corrections = list(decision.corrections.order_by("id"))
    cancelled = any(c.kind == DecisionKind.CANCELLATION for c in corrections)
    issued_award = decision.issued and decision.kind == DecisionKind.AWARD and may_draft
    context = {
        "decision": decision, "lines": lines, "draft": draft, "revoking": revoking, "total": total,
        "total_words": vntext.money_in_words(total), "may_edit": draft and may_draft,
        "may_submit": draft and may_draft and bool(lines), "may_sign": decision.status == DecisionStatus.SUBMITTED and may_sign,
        "may_correct": issued_award and not cancelled, "may_amend": issued_award and not cancelled,
        "may_revoke": decision.issued and decision.kind in (DecisionKind.AWARD, DecisionKind.AMENDMENT) and may_draft,
        "corrections": corrections, "pdf_available": pdf_available(),
        "print_query": _print_query(decision) if (decision.issued and decision.kind in (DecisionKind.AWARD, DecisionKind.AMENDMENT)
                                                  and user.has_perm("documents.print_certificates")) else "",
        "header_form": HeaderForm(initial={"title": decision.title, "decided_on": decision.decided_on,
                                           "grounds": "\n".join(decision.grounds or []), "signer_title": decision.signer_title,
                                           "signer_name": decision.signer_name}) if draft and may_draft else None,
    }
    if decision.kind == DecisionKind.AMENDMENT:
        for line in lines:
            if line.revoked_award is not None:
                line.old_award_name = (awards[line.revoked_award.award_code].name if line.revoked_award.award_code in awards
                                       else line.revoked_award.award_code)
        context.update(amendment_context(decision, lines, editable=draft and may_draft))
    context.update(extra)
    return context


def _print_query(decision) -> str:
    """The certificate printing page's fields for this decision's awards."""
    from urllib.parse import urlencode

    context = documents.context_for(decision)
    return urlencode({"unit": decision.issuer_id, "decision_number": decision.number_text, "authority": context["authority"].upper(),
                      "signer_title": decision.signer_title, "signer_name": decision.signer_name, "place": context["place"]})


@login_required
@require_GET
def detail(request, pk: int):
    decision = decision_for(request, pk)
    return render(request, "decisions/decision_detail.html", _detail_context(request, decision))


@login_required
@require_POST
def edit(request, pk: int):
    decision = decision_for(request, pk)
    require(request, "decisions.draft", decision)
    form = HeaderForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decision_update(actor=request.user, decision=decision, title=data["title"], decided_on=data["decided_on"],
                                     grounds=data["grounds"], signer_title=data["signer_title"], signer_name=data["signer_name"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("decisions:decision_detail", decision.pk)
    return render(request, "decisions/decision_detail.html", _detail_context(request, decision, header_form=form), status=400)


@login_required
@require_POST
def line_remove(request, pk: int, line: int):
    decision = decision_for(request, pk)
    require(request, "decisions.draft", decision)
    row = get_object_or_404(DecisionLine, decision=decision, pk=line)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi lý do đưa ra khỏi danh sách."))
        return redirect("decisions:decision_detail", decision.pk)
    try:
        services.line_remove(actor=request.user, line=row, reason=form.cleaned_data["reason"])
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã đưa %(name)s ra khỏi danh sách.") % {"name": row.name})
    return redirect("decisions:decision_detail", decision.pk)


@login_required
@require_POST
def act(request, pk: int):
    """Submit (the office) or return with a reason (the signer)."""
    decision = decision_for(request, pk)
    action = request.POST.get("action")
    if action == "submit":
        require(request, "decisions.draft", decision)
    elif action == "return":
        require(request, "decisions.sign", decision)
    else:
        messages.error(request, _("Thao tác không hợp lệ."))
        return redirect("decisions:decision_detail", decision.pk)
    try:
        if action == "submit":
            services.decision_submit(actor=request.user, decision=decision)
            messages.success(request, _("Đã trình ký quyết định."))
        else:
            reason = (request.POST.get("reason") or "").strip()
            if not reason:
                raise DomainError("Hãy ghi lý do trả lại dự thảo.")
            services.decision_return(actor=request.user, decision=decision, reason=reason)
            messages.success(request, _("Đã trả lại dự thảo cho cơ quan thường trực."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("decisions:decision_detail", decision.pk)


@login_required
@require_http_methods(["GET", "POST"])
def sign(request, pk: int):
    """The explicit confirmation step: what signing does, then "Ký ban hành"."""
    decision = decision_for(request, pk)
    require(request, "decisions.sign", decision)
    form = SignForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_sign(actor=request.user, decision=decision)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã ký ban hành Quyết định số %(n)s; khen thưởng đã ghi vào hồ sơ thành tích.") % {
                "n": decision.number_text})
            return redirect("decisions:decision_detail", decision.pk)
    return render(request, "decisions/decision_sign.html", {**_detail_context(request, decision), "form": form,
                                                            "symbol": documents.symbol_of(decision.issuer)})


def correction_page(request, decision, *, form_class, draft, done: str, title: str, submit_label: str, subtitle: str):
    """The page that drafts a decision correcting `decision` (a cancellation, a revocation, an amendment): the reason
    and the date; `draft(reason=, decided_on=)` is the service; a refusal stays on the page as the form's error."""
    form = form_class(request.POST if request.method == "POST" else None, initial={"decided_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            drafted = draft(reason=form.cleaned_data["reason"], decided_on=form.cleaned_data["decided_on"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, done)
            return redirect("decisions:decision_detail", drafted.pk)
    return render(request, "decisions/decision_form.html", {"form": form, "title": title, "back": decision,
                                                            "submit_label": submit_label, "subtitle": subtitle, "closed": True})


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk: int):
    """"Hủy bỏ quyết định": the draft of a decision cancelling this one."""
    decision = decision_for(request, pk)
    require(request, "decisions.draft", decision)
    return correction_page(
        request, decision, form_class=CorrectionForm,
        draft=lambda **data: services.cancellation_draft(actor=request.user, decision=decision, **data),
        done=_("Đã dự thảo quyết định hủy bỏ."), title=_("Hủy bỏ quyết định"), submit_label=_("Dự thảo quyết định hủy bỏ"),
        subtitle=_("Quyết định số %(n)s: mọi khen thưởng của quyết định bị hủy bỏ khi quyết định hủy bỏ được ký ban hành.") % {
            "n": decision.number_text})


@login_required
@require_http_methods(["GET", "POST"])
def revoke(request, pk: int, line: int):
    """"Thu hồi khen thưởng" of one line (Điều 93): the draft of a revocation decision with the money to recover."""
    decision = decision_for(request, pk)
    require(request, "decisions.draft", decision)
    row = get_object_or_404(DecisionLine, decision=decision, pk=line)

    def draft(**data):
        if row.award_record is None:
            raise DomainError("Dòng này không có khen thưởng trong hồ sơ thành tích để hủy bỏ.")
        return services.revocation_draft(actor=request.user, issuer=decision.issuer, awards=[row.award_record], **data)

    return correction_page(
        request, decision, form_class=CorrectionForm, draft=draft,
        done=_("Đã dự thảo quyết định hủy bỏ khen thưởng của %(name)s.") % {"name": row.name},
        title=_("Thu hồi khen thưởng (Điều 93 Luật Thi đua, khen thưởng)"), submit_label=_("Dự thảo quyết định hủy bỏ khen thưởng"),
        subtitle=_("%(name)s — %(award)s; tiền thưởng phải thu hồi: %(money)s đồng.") % {
            "name": row.name, "award": award_label(row.award_code), "money": vntext.format_money(row.amount)})


@login_required
@require_GET
def download(request, pk: int, fmt: str):
    decision = decision_for(request, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404("Không có định dạng này.")
    try:
        if fmt == "pdf":
            data, content_type = documents.decision_pdf(decision), "application/pdf"
        else:
            data = documents.decision_docx(decision)
            content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("decisions:decision_detail", decision.pk)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition(documents.filename(decision, fmt))
    response["Cache-Control"] = "private, no-store"
    return response
