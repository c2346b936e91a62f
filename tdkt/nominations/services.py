"""Writes of the nominations app: rounds, dossiers, nominees and the dossier's transitions. Every function takes the
acting user (`actor=`), checks its rule, runs in one transaction and audits in it; DomainError carries a Vietnamese
message. The dossier's state only changes through `core.workflow` (the table in `workflow.py`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.law import engine
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.org.models import Household, Person, Unit
from tdkt.org.subjects import subject_of, subject_unit
from tdkt.records.catalogue import award_label, subject_kind_of
from tdkt.records.eligibility import eligibility_request

from .models import SUBJECT_RELATED, Dossier, Nominee, Round, RoundStatus, subject_name
from .workflow import DOSSIER

MAX_TITLE = 255


def _today() -> dt.date:
    return timezone.localdate()


def _text(value, what: str, *, required: bool = True, limit: int = MAX_TITLE) -> str:
    text = vntext.nfc(str(value or "")).strip()
    if required and not text:
        raise DomainError(f"Vui lòng nhập {what}.")
    if len(text) > limit:
        raise DomainError(f"{what[0].upper()}{what[1:]} quá dài (tối đa {limit} ký tự).")
    return text


# --- Rounds ------------------------------------------------------------------------------------------


def round_kinds(year: int) -> list[str]:
    return list(load_catalogue().param("round.kinds", year).value)


def round_components(kind: str, year: int) -> list[str]:
    """The dossier components a round of `kind` requires (catalogue `dossier.components.<KIND>`)."""
    return list(load_catalogue().param(f"dossier.components.{kind}", year).value)


def round_open(*, actor, office_unit: Unit, year: int, kind: str, title: str, awards, intake_from: dt.date,
               intake_to: dt.date, invited=()) -> Round:
    """Open a round of the level of `office_unit` (its standing office receives the dossiers)."""
    require(actor, "nominations.open_round", office_unit, message=f"Bạn không có quyền mở đợt xét khen thưởng của {office_unit.name}.")
    today = _today()
    if not 2000 <= int(year) <= today.year + 1:
        raise DomainError(f"Năm của đợt xét phải từ 2000 đến {today.year + 1}.")
    if kind not in round_kinds(int(year)):
        raise DomainError(f"Loại đợt xét “{kind}” không có trong danh mục.")
    catalogue = load_catalogue()
    awards = list(dict.fromkeys(awards or ()))
    if not awards:
        raise DomainError("Hãy chọn ít nhất một danh hiệu, hình thức khen thưởng cho đợt xét.")
    unknown = [code for code in awards if code not in catalogue.awards]
    if unknown:
        raise DomainError(f"Danh hiệu, hình thức không có trong danh mục: {', '.join(unknown)}.")
    if intake_to < intake_from:
        raise DomainError("Hạn nộp hồ sơ phải sau ngày bắt đầu nhận hồ sơ.")
    invited = list(dict.fromkeys(invited))
    _outside(office_unit, invited)
    with transaction.atomic():
        round_ = Round.objects.create(office_unit=office_unit, year=int(year), kind=kind, title=_text(title, "tên đợt xét"),
                                      awards=awards, intake_from=intake_from, intake_to=intake_to, created_by=actor)
        round_.invited.set(invited)
        audit.record(actor=actor, action="nominations.round.opened", target=round_,
                     data={"unit": office_unit.code, "year": round_.year, "kind": kind, "awards": awards,
                           "intake_from": intake_from.isoformat(), "intake_to": intake_to.isoformat(),
                           "invited": [u.code for u in invited]})
    return round_


def _outside(office_unit: Unit, units) -> None:
    outside = [u.name for u in units if not u.path.startswith(office_unit.path)]
    if outside:
        raise DomainError(f"Đơn vị không thuộc {office_unit.name}: {', '.join(outside)}.")


def round_invite(*, actor, round_: Round, invited) -> Round:
    """Set the units an open round invites (none: every unit of its level's subtree). A unit that already has a
    dossier in the round keeps it; from now on only the invited units (and the units under them) create dossiers."""
    require(actor, "nominations.open_round", round_.office_unit, message="Bạn không có quyền sửa đợt xét này.")
    invited = list(dict.fromkeys(invited))
    with transaction.atomic():
        locked = Round.objects.select_for_update(of=("self",)).select_related("office_unit").get(pk=round_.pk)
        if locked.status != RoundStatus.OPEN:
            raise DomainError(f"Đợt xét “{locked.title}” đã đóng, không sửa được đơn vị được đề nghị.")
        _outside(locked.office_unit, invited)
        old = sorted(locked.invited.values_list("code", flat=True))
        locked.invited.set(invited)
        locked.save(update_fields=["updated_at"])
        audit.record(actor=actor, action="nominations.round.invited", target=locked,
                     data={"old": old, "new": sorted(u.code for u in invited)})
    return locked


def round_close(*, actor, round_: Round) -> Round:
    require(actor, "nominations.open_round", round_.office_unit, message="Bạn không có quyền đóng đợt xét này.")
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round_.pk)
        if locked.status == RoundStatus.CLOSED:
            raise DomainError("Đợt xét đã đóng.")
        locked.status = RoundStatus.CLOSED
        locked.save(update_fields=["status", "updated_at"])
        audit.record(actor=actor, action="nominations.round.closed", target=locked, data={"unit": locked.office_unit.code})
    return locked


# --- Dossiers ----------------------------------------------------------------------------------------


def dossier_create(*, actor, round_: Round, unit: Unit, title: str = "") -> Dossier:
    """A new dossier of `unit` in the round (the workflow's first edge checks that the round is open and invites it)."""
    title = _text(title, "trích yếu", required=False) or f"Đề nghị khen thưởng — {round_.title} — {unit.name}"
    dossier = Dossier(round=round_, unit=unit, title=title[:MAX_TITLE], created_by=actor)
    if round_.status != RoundStatus.OPEN:
        raise DomainError(f"Đợt xét “{round_.title}” đã đóng, không nhận hồ sơ.")
    from .permissions import invites

    if not invites(round_, unit):
        raise DomainError(f"Đợt xét “{round_.title}” không nhận hồ sơ của {unit.name}.")
    kernel.create(actor=actor, obj=dossier, action="create", workflow=DOSSIER,
                  data={"round": round_.pk, "unit": unit.code, "title": dossier.title, "tracking_code": dossier.tracking_code})
    return dossier


def dossier_act(*, actor, dossier: Dossier, action: str, reason: str = "", items=None, working_days: int | None = None) -> Dossier:
    """Move the dossier along its table: `submit`, `receive`, `return_for_supplement`, `resubmit`, … A received
    dossier is judged under the rules in force on the day it was received complete (DOMAIN.md §1): its nominees are
    evaluated again with that date. A return may list `items` (returns.py: a component or a nominee each, with what is
    missing); opening a consultation may set its `working_days` (consultation.py; default: the catalogue's)."""
    from . import returns

    today = _today()
    if items and action != "return_for_supplement":
        raise DomainError("Chỉ ghi nội dung cần bổ sung khi trả lại hồ sơ để bổ sung.")
    if working_days is not None and action != "open_consultation":
        raise DomainError("Chỉ chọn số ngày lấy ý kiến khi mở lấy ý kiến công khai.")
    changes = {}
    if action in ("submit", "resubmit"):
        changes["submitted_on"] = today
    if action == "receive":
        changes["received_on"] = today
    reason = vntext.nfc(reason or "").strip()
    if len(reason) > 4000:
        raise DomainError("Lý do quá dài (tối đa 4.000 ký tự).")
    with transaction.atomic():
        if items:  # the office's edge: its permission before the items are read
            require(actor, "nominations.appraise_dossier", dossier, message="Bạn không có quyền trả lại hồ sơ này.")
        checked = returns.clean_items(dossier, items) if items else []
        data = {"items": returns.audit_data(checked)} if checked else None
        step = kernel.transition(actor=actor, obj=dossier, action=action, reason=reason, changes=changes, workflow=DOSSIER, data=data)
        if checked:
            returns.items_record(dossier=dossier, step=step, items=checked)
        if action == "receive":
            for nominee in dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED):
                nominee_evaluate(nominee, dossier=dossier)
        if action == "open_consultation":  # the list goes public (consultation.py), in the same transaction
            from .consultation import consultation_open

            consultation_open(actor=actor, dossier=dossier, today=today, working_days=working_days)
    return dossier


def dossier_reevaluate(*, actor, dossier: Dossier) -> int:
    """Evaluate every nominee again on the ledger as it is now (the unit while it holds the dossier, the office after)."""
    if not (actor.has_perm("nominations.edit_dossier", dossier) or actor.has_perm("nominations.appraise_dossier", dossier)):
        require(actor, "nominations.appraise_dossier", dossier, message="Bạn không có quyền xét lại hồ sơ này.")
    count = 0
    with transaction.atomic():
        for nominee in dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED):
            nominee_evaluate(nominee, dossier=dossier)
            count += 1
        audit.record(actor=actor, action="nominations.dossier.reevaluated", target=dossier, data={"nominees": count})
    return count


# --- Nominees ----------------------------------------------------------------------------------------


def nominee_evaluate(nominee: Nominee, *, dossier: Dossier | None = None) -> Nominee:
    """The engine's verdict on the nominee for the round's year, under the regime of the day the dossier was received
    (before that: the year-end round of the year, as the profile's panel)."""
    dossier = dossier or nominee.dossier
    if nominee.is_external:  # no ledger here: the appraisal reads the package's documents
        nominee.verdict, nominee.regime = vocab.Verdict.NEEDS_REVIEW, ""
        nominee.checks = [{"code": "EXTERNAL", "result": vocab.CheckResult.CANNOT_JUDGE, "legal_basis": "",
                           "message": f"{nominee.external_name} không có hồ sơ thành tích trong hệ thống này (hồ sơ nhận từ "
                                      f"{dossier.origin_name or 'hệ thống khác'}): thẩm định theo hồ sơ, tài liệu kèm theo."}]
        nominee.evaluated_at = timezone.now()
        nominee.save(update_fields=["verdict", "regime", "checks", "evaluated_at"])
        return nominee
    try:
        request = eligibility_request(nominee.subject, nominee.award_code, dossier.round.year)
        if dossier.received_on is not None:
            request = dataclasses.replace(request, received_on=dossier.received_on)
        result = engine.evaluate(request)
    except DomainError as exc:
        nominee.verdict, nominee.regime = vocab.Verdict.NEEDS_REVIEW, ""
        nominee.checks = [{"code": "ENGINE", "result": vocab.CheckResult.CANNOT_JUDGE, "message": exc.message, "legal_basis": ""}]
    else:
        nominee.verdict, nominee.regime = result.verdict, result.regime
        nominee.checks = [c.to_dict() for c in result.checks]
    nominee.evaluated_at = timezone.now()
    nominee.save(update_fields=["verdict", "regime", "checks", "evaluated_at"])
    return nominee


def _require_editable(actor, dossier: Dossier) -> None:
    require(actor, "nominations.submit_dossier", dossier, message=f"Bạn không có quyền sửa hồ sơ của {dossier.unit.name}.")
    if not dossier.editable:
        raise DomainError(f"Hồ sơ đang ở trạng thái “{dossier.get_status_display()}”: đơn vị chỉ sửa được hồ sơ đang soạn hoặc bị trả lại.")


def nominee_add(*, actor, dossier: Dossier, person: Person | None = None, unit: Unit | None = None,
                household: Household | None = None, award_code: str, summary: str = "", justification: str = "") -> Nominee:
    """Propose a person, a collective or a household of the dossier's unit for one of the round's awards (one the
    catalogue gives to that kind of subject); the engine judges at once."""
    given = [s for s in (person, unit, household) if s is not None]
    if len(given) != 1:
        raise DomainError("Hãy chọn một cá nhân, một tập thể hoặc một hộ gia đình.")
    subject = given[0]
    fields = subject_of(subject)
    with transaction.atomic():
        dossier = Dossier.objects.select_for_update(of=("self",)).select_related("round", "unit").get(pk=dossier.pk)
        _require_editable(actor, dossier)
        name = subject_name(subject)
        home = subject_unit(subject)
        if home is None or not home.path.startswith(dossier.unit.path):
            raise DomainError(f"{name} không thuộc {dossier.unit.name}.")
        if award_code not in dossier.round.awards:
            raise DomainError(f"Đợt xét “{dossier.round.title}” không xét {award_label(award_code)}.")
        award = load_catalogue().awards.get(award_code)
        kind = subject_kind_of(**fields)
        if award is None or kind not in award.subjects:
            raise DomainError(f"{award_label(award_code)} không tặng cho {vocab.label(vocab.SubjectKind, kind).lower()} ({name}).")
        taken = Nominee.objects.filter(dossier__round=dossier.round, award_code=award_code, withdrawn=False, **fields)
        if taken.exists():
            raise DomainError(f"{name} đã được đề nghị {award_label(award_code)} trong đợt xét này.")
        nominee = Nominee.objects.create(dossier=dossier, **fields, award_code=award_code,
                                         summary=_text(summary, "tóm tắt thành tích", required=False, limit=4000),
                                         justification=_text(justification, "lý do", required=False, limit=4000))
        nominee_evaluate(nominee, dossier=dossier)
        audit.record(actor=actor, action="nominations.nominee.added", target=dossier,
                     data={"nominee": nominee.pk, "person": person.pk if person else None, "unit": unit.code if unit else None,
                           "household": household.pk if household else None, "subject_kind": kind, "award": award_code,
                           "verdict": nominee.verdict})
    return nominee


def nominee_update(*, actor, nominee: Nominee, summary: str | None = None, justification: str | None = None) -> Nominee:
    with transaction.atomic():
        nominee = Nominee.objects.select_for_update(of=("self",)).select_related("dossier__round", "dossier__unit").get(pk=nominee.pk)
        _require_editable(actor, nominee.dossier)
        old = {"summary": nominee.summary, "justification": nominee.justification}
        if summary is not None:
            nominee.summary = _text(summary, "tóm tắt thành tích", required=False, limit=4000)
        if justification is not None:
            nominee.justification = _text(justification, "lý do", required=False, limit=4000)
        nominee.save(update_fields=["summary", "justification"])
        audit.record(actor=actor, action="nominations.nominee.updated", target=nominee.dossier,
                     data={"nominee": nominee.pk, "old": old, "new": {"summary": nominee.summary, "justification": nominee.justification}})
    return nominee


def nominee_withdraw(*, actor, nominee: Nominee, reason: str) -> Nominee:
    """Take a nominee out of the dossier (kept, marked withdrawn: nothing a unit submitted is deleted)."""
    reason = _text(reason, "lý do rút", limit=1000)
    with transaction.atomic():
        nominee = Nominee.objects.select_for_update(of=("self",)).select_related("dossier__round", "dossier__unit").get(pk=nominee.pk)
        _require_editable(actor, nominee.dossier)
        if nominee.withdrawn:
            raise DomainError(f"{nominee.name} đã được rút khỏi hồ sơ.")
        nominee.withdrawn = True
        nominee.save(update_fields=["withdrawn"])
        audit.record(actor=actor, action="nominations.nominee.withdrawn", target=nominee.dossier,
                     data={"nominee": nominee.pk, "award": nominee.award_code, "reason": reason})
    return nominee


def nominees_from_batch(*, actor, dossier: Dossier, run, award_code: str) -> tuple[int, list[str]]:
    """Every person the batch run found eligible for `award_code`, of the dossier's unit and not yet proposed, into the
    dossier (one click). Returns (how many were added, the names already proposed or refused, with why)."""
    from tdkt.reports.models import BatchRunStatus

    _require_editable(actor, dossier)
    if not actor.has_perm("reports.view_batch_run", run):
        raise DomainError("Bạn không có quyền đọc lượt xét này.")
    if run.status != BatchRunStatus.DONE:
        raise DomainError("Lượt xét chưa hoàn thành.")
    if run.year != dossier.round.year:
        raise DomainError(f"Lượt xét năm {run.year}, đợt xét năm {dossier.round.year}: hãy chọn lượt xét cùng năm.")
    if award_code not in run.titles:
        raise DomainError(f"Lượt xét không xét {award_label(award_code)}.")
    rows = (run.rows.filter(person__unit__path__startswith=dossier.unit.path).select_related("person", "person__unit")
            .order_by("name_sort_key", "id"))
    added, skipped = 0, []
    with transaction.atomic():
        for row in rows:
            if (row.verdicts or {}).get(award_code) != vocab.Verdict.ELIGIBLE:
                continue
            try:
                nominee_add(actor=actor, dossier=dossier, person=row.person, award_code=award_code)
            except DomainError as exc:
                skipped.append(exc.message)
            else:
                added += 1
        audit.record(actor=actor, action="nominations.nominee.from_batch", target=dossier,
                     data={"run": run.pk, "award": award_code, "added": added, "skipped": len(skipped)})
    return added, skipped
