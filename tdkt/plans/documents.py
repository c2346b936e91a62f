"""The plan as a document: the context of the documents app's `plan` kind built from a Plan, its sections (numbered
from their order), its key tasks (Phụ lục I) and the council's programme (Phụ lục II); rendered to .docx (and PDF by
LibreOffice) there, after the consistency check (`tdkt.plans.check`): a refusal stops the document.

A draft prints no number and no date (the blanks of a paper document)."""

from __future__ import annotations

from django.utils import timezone

from tdkt.core.errors import DomainError
from tdkt.documents import rendering

from . import check, numbering
from .models import Plan

_PUBLIC_BODIES = {"province", "district", "commune"}


def _place(issuer) -> str:
    unit = issuer
    while unit is not None and unit.kind != "province":
        unit = unit.parent
    name = (unit or issuer).name
    for prefix in ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _lower_first(name: str) -> str:
    return name[0].lower() + name[1:] if name else name


def body_of(issuer) -> tuple[list[str], str]:
    """The issuing body's header lines and its name in a sentence ("Ủy ban nhân dân quận Đống Đa")."""
    if issuer.kind in _PUBLIC_BODIES:
        return ["ỦY BAN NHÂN DÂN", issuer.name.upper()], "Ủy ban nhân dân " + _lower_first(issuer.name)
    return [issuer.name.upper()], issuer.name


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def context_for(plan: Plan, *, today=None) -> dict:
    today = today or timezone.localdate()
    issuer = plan.issuer
    header, body = body_of(issuer)
    sections = [{"label": node.label, "title": node.section.title, "level": node.depth, "paragraphs": _paragraphs(node.section.body)}
                for node in numbering.outline(list(plan.sections.all()))]
    tasks = list(plan.key_tasks.select_related("lead_unit").order_by("position", "id"))
    items = list(plan.council_items.select_related("session", "round").order_by("month", "position", "id"))
    programme = []
    for item in items:
        notes = []
        if item.session_id:
            notes.append(f"Phiên họp ngày {item.session.held_on:%d/%m/%Y}")
        if item.round_id:
            notes.append(f"Đợt xét: {item.round.title}")
        programme.append({"month": item.month, "title": item.title, "in_charge": item.in_charge, "note": "; ".join(notes)})
    draft = not plan.issued
    return {
        "issuer": {"parent": "", "lines": header}, "place": plan.place or _place(issuer),
        "date": None if draft else plan.issued_on, "year": plan.year,
        "number": None if draft else plan.number, "symbol": plan.symbol,
        "summary": plan.title,
        "grounds": list(plan.grounds or []), "intro": _paragraphs(plan.preamble), "sections": sections, "closing": _paragraphs(plan.closing),
        "receivers": list(plan.receivers or []) or ["- Lưu: VT."],
        "signer": {"authority": plan.signer_authority, "title": plan.signer_title or "CHỦ TỊCH", "name": plan.signer_name or "…"},
        "issuer_title": body, "council_name": "Hội đồng Thi đua - Khen thưởng " + _lower_first(issuer.name),
        "key_tasks": [{"title": t.title, "lead": t.lead_label, "coordinating": t.coordinating, "when": t.when,
                       "status": t.display_status_label(today)} for t in tasks],
        "programme": programme,
    }


def refused(findings: list[check.Finding]) -> DomainError:
    return DomainError("Chưa tạo được văn bản kế hoạch: " + " ".join(f.message for f in check.refusals(findings)), code="plan_check",
                       details=[f.as_dict() for f in findings])


def plan_docx(plan: Plan) -> tuple[bytes, list[check.Finding]]:
    """The .docx and the check's findings (its warnings); a refusal raises DomainError (code "plan_check", details = the
    findings)."""
    findings = check.check_plan(plan)
    if check.refusals(findings):
        raise refused(findings)
    return rendering.render_docx("plan", context_for(plan)), findings


def plan_pdf(plan: Plan) -> tuple[bytes, list[check.Finding]]:
    data, findings = plan_docx(plan)
    return rendering.to_pdf(data), findings


def filename(plan: Plan, ext: str) -> str:
    return f"ke-hoach-tdkt-{plan.year}-{plan.issuer.code}.{ext}"
