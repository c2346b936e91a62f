"""Screens of the amendment decisions (quyết định sửa đổi, bổ sung): from an issued award decision's page, the form of
the amendment (reason, date) → its draft; on the draft's page two forms add a line — "Sửa đổi dòng" (a line of the
amended decision still in force, the corrected award and year) or "Bổ sung" (a nominee of its session who passed but
was left out) — then the usual submit and sign. Thin: the decision through the scoped selector, the rule, one service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.org.views import require

from . import amendments
from .forms_decisions import AmendmentForm, ReplaceLineForm, SupplementForm
from .models import DecisionKind, DecisionStatus
from .views_decisions import _detail_context, awards_decided_by, correction_page, decision_for


@login_required
@require_http_methods(["GET", "POST"])
def amend(request, pk: int):
    """"Sửa đổi, bổ sung quyết định": the draft of a decision amending this one."""
    decision = decision_for(request, pk)
    require(request, "decisions.draft", decision)
    return correction_page(
        request, decision, form_class=AmendmentForm,
        draft=lambda **data: amendments.amendment_draft(actor=request.user, decision=decision, **data),
        done=_("Đã dự thảo quyết định sửa đổi, bổ sung: hãy thêm các dòng sửa đổi hoặc bổ sung."),
        title=_("Sửa đổi, bổ sung quyết định"), submit_label=_("Dự thảo quyết định sửa đổi, bổ sung"),
        subtitle=_("Quyết định số %(n)s đã ban hành không sửa được: sai sót được sửa bằng một quyết định sửa đổi, bổ sung. "
                   "Khi quyết định này được ký ban hành, khen thưởng bị sửa đổi được hủy bỏ và khen thưởng mới được ghi vào "
                   "hồ sơ thành tích.") % {"n": decision.number_text or "…"})


@login_required
@require_POST
def line_add(request, pk: int):
    """Add a line to an amendment draft: "Sửa đổi dòng" (mode=replace) or "Bổ sung" (mode=supplement)."""
    decision = decision_for(request, pk)
    require(request, "decisions.draft", decision)
    if decision.kind != DecisionKind.AMENDMENT or decision.status != DecisionStatus.DRAFT:
        messages.error(request, _("Chỉ thêm dòng vào dự thảo quyết định sửa đổi, bổ sung."))
        return redirect("decisions:decision_detail", decision.pk)
    amended = decision.amends
    replace = request.POST.get("mode") != "supplement"
    in_force = amendments.lines_in_force(amended) if replace else []
    candidates = [] if replace else amendments.supplement_candidates(amended)
    form = (ReplaceLineForm(request.POST, lines=in_force, awards=awards_decided_by(decision)) if replace
            else SupplementForm(request.POST, candidates=candidates))
    if form.is_valid():
        data = form.cleaned_data
        try:
            if replace:
                line = amendments.amendment_line_add(actor=request.user, decision=decision,
                                                     replaces=next(x for x in in_force if x.pk == data["replaces"]),
                                                     award_code=data["award_code"], year=data["year"], achievement=data["achievement"])
            else:
                chosen = next(c for c in candidates if c["nominee"].pk == data["nominee"])
                line = amendments.amendment_line_add(actor=request.user, decision=decision, subject=chosen["nominee"].subject,
                                                     award_code=chosen["nominee"].award_code, year=chosen["year"],
                                                     achievement=data["achievement"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, (_("Đã thêm dòng sửa đổi của %(name)s.") if replace else _("Đã bổ sung %(name)s.")) % {"name": line.name})
            return redirect("decisions:decision_detail", decision.pk)
    forms = {"replace_form": form} if replace else {"supplement_form": form}
    return render(request, "decisions/decision_detail.html", _detail_context(request, decision, **forms), status=400)
