"""Writes of agency opinions (hiệp y) and holds, and the rule that keeps a blocked nominee from the council.

Each function takes the acting user (`actor=`), checks its rule, runs in one transaction and audits in it
(`nominations.opinion.*`, `nominations.hold.*`); a refusal is a DomainError in Vietnamese. `today=` fixes the day
(tests, imports of past papers); by default it is today in TIME_ZONE.

The first request of a dossier under appraisal takes the workflow's `request_opinions` edge in the same transaction
(the dossier moves to "awaiting opinions", one transition row, as when the office takes the edge by hand); later
requests, and requests while the dossier already awaits opinions, leave its state alone. The office may still take
the edge alone (a request on paper outside the system).

A nominee is blocked (`blocks`) by a negative answer the appraiser has not resolved and by an active hold on the
person or collective (NĐ 152/2025 Art 4(4)); `council_refusal` also names the mandatory opinions of the catalogue
(`opinion.requirements`) that have no answer yet. The `mark_ready` edges of the dossier's workflow refuse with it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tdkt.core import audit, calendar, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.uploads import check_upload, store_upload
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue

from .models import SUBJECT_RELATED, Dossier, DossierStatus, Nominee, subject_key
from .models_opinions import Hold, OpinionAnswer, OpinionRequest, OpinionStatus, active_holds_q
from .workflow import DOSSIER

REQUESTABLE = (DossierStatus.UNDER_APPRAISAL, DossierStatus.AWAITING_OPINIONS)
CLOSED = (DossierStatus.WITHDRAWN, DossierStatus.REJECTED)
SCAN_KINDS = ("pdf", "jpeg", "png")
SCAN_PREFIX = "nominations/opinions"


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _text(value, what: str, *, required: bool, limit: int) -> str:
    text = vntext.nfc(str(value or "")).strip()
    if required and not text:
        raise DomainError(f"Hãy ghi {what}.")
    if len(text) > limit:
        raise DomainError(f"{what[:1].upper()}{what[1:]} quá dài (tối đa {limit:,} ký tự).".replace(",", "."))
    return text


def agency_label(kind: str) -> str:
    return vocab.label(vocab.OpinionAgency, kind)


def award_name(code: str) -> str:
    """An award's full name ("Chiến sĩ thi đua cơ sở": an agency may not know the short ones), else its code."""
    award = load_catalogue().awards.get(code)
    return award.name if award is not None else code


# --- the catalogue ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    agency: str  # vocab.OpinionAgency
    mandatory: bool
    days: int  # reply time limit in working days


def reply_days(day: dt.date) -> tuple[int, str]:
    """The agencies' reply limit in working days on `day` (catalogue `opinion.reply_working_days`) and its basis."""
    row = load_catalogue().param_on("opinion.reply_working_days", day)
    return int(row.value), row.legal_basis


def requirements(nominee: Nominee, *, day: dt.date | None = None) -> list[Requirement]:
    """The opinions the catalogue asks for this nominee's award and subject kind (an individual who heads a unit also
    gets the `leader` rows), one per agency, mandatory if any row says so."""
    day = _today(day)
    try:
        table = load_catalogue().param_on("opinion.requirements", day).value or {}
        default_days, _ = reply_days(day)
    except DomainError:
        return []
    rows = table.get(nominee.award_code) or {}
    kinds = [nominee.subject_kind]
    if nominee.person_id and nominee.person.is_leader:
        kinds.append(vocab.OPINION_LEADER)
    out: dict[str, Requirement] = {}
    for kind in kinds:
        for row in rows.get(kind, ()):
            agency, mandatory = row.get("agency"), bool(row.get("mandatory"))
            days = int(row.get("days") or default_days)
            if agency in out:
                mandatory = mandatory or out[agency].mandatory
            out[agency] = Requirement(agency, mandatory, days)
    return list(out.values())


# --- opinions -----------------------------------------------------------------------------------------------------


def opinion_request(*, actor, dossier: Dossier, nominees, addressee, agency_kind: str, question: str = "",
                    today: dt.date | None = None) -> list[OpinionRequest]:
    """Ask `addressee` (an agency unit) for its opinion on each of `nominees`, due in the catalogue's working days."""
    require(actor, "nominations.appraise_dossier", dossier, message="Bạn không có quyền lấy ý kiến hiệp y cho hồ sơ này.")
    today = _today(today)
    if agency_kind not in vocab.OpinionAgency.values:
        raise DomainError("Hãy chọn loại cơ quan được lấy ý kiến.")
    question = _text(question, "nội dung đề nghị", required=False, limit=2000)
    ids = sorted({n.pk for n in nominees})
    if not ids:
        raise DomainError("Hãy chọn ít nhất một người, tập thể cần lấy ý kiến.")
    if addressee is None or addressee.valid_to is not None:
        raise DomainError("Hãy chọn một cơ quan đang hoạt động để lấy ý kiến.")
    days, _ = reply_days(today)
    given = dossier
    with transaction.atomic():
        dossier = Dossier.objects.select_for_update(of=("self",)).select_related("round__office_unit", "unit").get(pk=dossier.pk)
        if dossier.status not in REQUESTABLE:
            raise DomainError(f"Hồ sơ đang ở trạng thái “{dossier.get_status_display()}”: chỉ lấy ý kiến hiệp y khi hồ sơ "
                              "đang thẩm định hoặc đang chờ ý kiến hiệp y.")
        root = "/".join(dossier.round.office_unit.path.split("/")[:2]) + "/"
        if not addressee.path.startswith(root):
            raise DomainError(f"{addressee.name} không thuộc địa phương của cấp xét.")
        chosen = list(dossier.nominees.filter(pk__in=ids, withdrawn=False).select_related(*SUBJECT_RELATED))
        if len(chosen) != len(ids):
            raise DomainError("Người, tập thể được chọn không thuộc hồ sơ này hoặc đã rút khỏi hồ sơ.")
        asked = set(OpinionRequest.objects.filter(nominee__in=chosen, addressee=addressee, agency_kind=agency_kind,
                                                  status=OpinionStatus.PENDING).values_list("nominee_id", flat=True))
        again = [n.name for n in chosen if n.pk in asked]
        if again:
            raise DomainError(f"Đã đề nghị {addressee.name} cho ý kiến về {', '.join(again)}; đề nghị đang chờ trả lời.")
        due = calendar.deadline(today, days)
        created = []
        for nominee in chosen:
            request = OpinionRequest.objects.create(dossier=dossier, nominee=nominee, addressee=addressee, agency_kind=agency_kind,
                                                    question=question, requested_by=actor, requested_on=today, reply_days=days,
                                                    due_on=due)
            audit.record(actor=actor, action="nominations.opinion.requested", target=request,
                         data={"dossier": dossier.pk, "nominee": nominee.pk, "addressee": addressee.code, "agency": agency_kind,
                               "requested_on": today.isoformat(), "due_on": due.isoformat(), "days": days})
            created.append(request)
        if dossier.status == DossierStatus.UNDER_APPRAISAL:
            kernel.transition(actor=actor, obj=dossier, action="request_opinions", workflow=DOSSIER,
                              reason=f"Lấy ý kiến {addressee.name}", data={"opinion_requests": [r.pk for r in created]})
    given.status = dossier.status
    return created


def _locked(request: OpinionRequest) -> OpinionRequest:
    return (OpinionRequest.objects.select_for_update(of=("self",)).select_related("dossier__round__office_unit", "nominee", "addressee")
            .get(pk=request.pk))


def _answer_fields(answer: str, text: str) -> str:
    if answer not in OpinionAnswer.values:
        raise DomainError("Hãy chọn ý kiến: đồng ý hoặc không đồng ý.")
    return _text(text, "nội dung, lý do không đồng ý" if answer == OpinionAnswer.NEGATIVE else "nội dung trả lời",
                 required=answer == OpinionAnswer.NEGATIVE, limit=4000)


def _still_open(request: OpinionRequest) -> None:
    if not request.pending:
        raise DomainError(f"Đề nghị này đã được trả lời ngày {request.answered_on:%d/%m/%Y}.")
    if request.dossier.status in CLOSED:
        raise DomainError(f"Hồ sơ đã chuyển sang “{request.dossier.get_status_display()}”: không cần ý kiến nữa.")


def opinion_answer(*, actor, request: OpinionRequest, answer: str, text: str = "", today: dt.date | None = None) -> OpinionRequest:
    """The agency's answer, given in the system by an account of the addressee unit."""
    require(actor, "nominations.answer_opinion", request, message="Bạn không có quyền trả lời đề nghị lấy ý kiến này.")
    text = _answer_fields(answer, text)
    today = _today(today)
    with transaction.atomic():
        locked = _locked(request)
        _still_open(locked)
        locked.status, locked.answer, locked.answer_text = OpinionStatus.ANSWERED, answer, text
        locked.answered_by, locked.answered_on, locked.recorded_from_paper = actor, today, False
        locked.save(update_fields=["status", "answer", "answer_text", "answered_by", "answered_on", "recorded_from_paper", "updated_at"])
        audit.record(actor=actor, action="nominations.opinion.answered", target=locked,
                     data={"dossier": locked.dossier_id, "nominee": locked.nominee_id, "addressee": locked.addressee.code,
                           "answer": answer, "text": text, "answered_on": today.isoformat()})
    return locked


def opinion_record_paper(*, actor, request: OpinionRequest, answer: str, text: str = "", scan, reference: str = "",
                         answered_on: dt.date | None = None, today: dt.date | None = None) -> OpinionRequest:
    """The agency's paper reply, recorded by the appraiser with its scan (PDF, JPEG or PNG, checked by content)."""
    require(actor, "nominations.appraise_dossier", request.dossier, message="Bạn không có quyền ghi nhận ý kiến cho hồ sơ này.")
    text = _answer_fields(answer, text)
    reference = _text(reference, "số, ký hiệu văn bản", required=False, limit=100)
    today = _today(today)
    answered_on = answered_on or today
    if answered_on > today or answered_on < request.requested_on:
        raise DomainError(f"Ngày của văn bản trả lời phải từ ngày đề nghị ({request.requested_on:%d/%m/%Y}) đến hôm nay.")
    if scan is None:
        raise DomainError("Hãy đính kèm bản quét văn bản trả lời.")
    _still_open(request)
    checked = getattr(scan, "checked", None) or check_upload(scan, allowed=SCAN_KINDS)
    name = store_upload(scan, checked, prefix=SCAN_PREFIX)  # before the transaction: storage is not transactional
    with transaction.atomic():
        locked = _locked(request)
        _still_open(locked)
        locked.status, locked.answer, locked.answer_text = OpinionStatus.ANSWERED, answer, text
        locked.answered_by, locked.answered_on, locked.recorded_from_paper = actor, answered_on, True
        locked.reply_reference = reference
        locked.scan_name, locked.scan_filename, locked.scan_content_type = name, checked.filename, checked.content_type
        locked.save(update_fields=["status", "answer", "answer_text", "answered_by", "answered_on", "recorded_from_paper",
                                   "reply_reference", "scan_name", "scan_filename", "scan_content_type", "updated_at"])
        audit.record(actor=actor, action="nominations.opinion.recorded", target=locked,
                     data={"dossier": locked.dossier_id, "nominee": locked.nominee_id, "addressee": locked.addressee.code,
                           "answer": answer, "text": text, "answered_on": answered_on.isoformat(), "reference": reference,
                           "scan": {"filename": checked.filename, "size": checked.size, "sha256": checked.sha256}})
    return locked


def opinion_resolve(*, actor, request: OpinionRequest, reason: str, today: dt.date | None = None) -> OpinionRequest:
    """The appraiser's resolution of a negative answer (verified, no longer relevant...), with its reason: the nominee is
    no longer blocked by it. The answer itself stays as the agency gave it."""
    require(actor, "nominations.appraise_dossier", request.dossier, message="Bạn không có quyền xử lý ý kiến của hồ sơ này.")
    reason = _text(reason, "lý do xử lý", required=True, limit=4000)
    today = _today(today)
    with transaction.atomic():
        locked = _locked(request)
        if not locked.negative:
            raise DomainError("Chỉ xử lý ý kiến không đồng ý.")
        if locked.resolved_on is not None:
            raise DomainError(f"Ý kiến này đã được xử lý ngày {locked.resolved_on:%d/%m/%Y}.")
        locked.resolved_by, locked.resolved_on, locked.resolution = actor, today, reason
        locked.save(update_fields=["resolved_by", "resolved_on", "resolution", "updated_at"])
        audit.record(actor=actor, action="nominations.opinion.resolved", target=locked,
                     data={"dossier": locked.dossier_id, "nominee": locked.nominee_id, "reason": reason,
                           "resolved_on": today.isoformat()})
    return locked


# --- holds --------------------------------------------------------------------------------------------------------


def hold_add(*, actor, nominee: Nominee, kind: str, reason: str, source: str, start: dt.date, end: dt.date | None = None,
             today: dt.date | None = None) -> Hold:
    """Record a pending complaint, denunciation, inspection, investigation or discipline against the nominee's person,
    collective or household: every nomination of that subject is blocked while it is active."""
    require(actor, "nominations.appraise_dossier", nominee.dossier, message="Bạn không có quyền ghi nhận vụ việc cho hồ sơ này.")
    if kind not in vocab.HoldKind.values:
        raise DomainError("Hãy chọn loại vụ việc.")
    reason = _text(reason, "nội dung vụ việc", required=True, limit=4000)
    source = _text(source, "nguồn (đơn thư, văn bản, cơ quan thông báo)", required=True, limit=255)
    today = _today(today)
    if start is None or start > today:
        raise DomainError("Ngày bắt đầu phải là một ngày đến hôm nay.")
    if end is not None and end < start:
        raise DomainError("Ngày kết thúc phải sau ngày bắt đầu.")
    with transaction.atomic():
        key, subject_id = subject_key(nominee)
        hold = Hold.objects.create(**{f"{key}_id": subject_id}, nominee=nominee, kind=kind, reason=reason, source=source, start=start, end=end, recorded_by=actor)
        audit.record(actor=actor, action="nominations.hold.added", target=hold,
                     data={"dossier": nominee.dossier_id, "nominee": nominee.pk, "person": nominee.person_id,
                           "unit": nominee.unit_id, "household": nominee.household_id, "kind": kind, "reason": reason, "source": source,
                           "start": start.isoformat(), "end": end.isoformat() if end else None})
    return hold


def hold_lift(*, actor, hold: Hold, reason: str, today: dt.date | None = None) -> Hold:
    """End a hold (the complaint was settled, the inspection closed...), with the reason."""
    require(actor, "nominations.lift_hold", hold, message="Bạn không có quyền chấm dứt vụ việc này.")
    reason = _text(reason, "lý do chấm dứt", required=True, limit=4000)
    today = _today(today)
    with transaction.atomic():
        locked = Hold.objects.select_for_update().get(pk=hold.pk)
        if locked.lifted_on is not None:
            raise DomainError(f"Vụ việc đã được chấm dứt ngày {locked.lifted_on:%d/%m/%Y}.")
        locked.lifted_by, locked.lifted_on, locked.lift_reason = actor, today, reason
        locked.save(update_fields=["lifted_by", "lifted_on", "lift_reason"])
        audit.record(actor=actor, action="nominations.hold.lifted", target=locked,
                     data={"reason": reason, "lifted_on": today.isoformat(), "kind": locked.kind})
    return locked


# --- the council's door -------------------------------------------------------------------------------------------


def holds_of(nominees, *, today: dt.date | None = None, active: bool = True):
    """The holds on the persons, collectives and households of the nominees (the active ones by default), one query."""
    ids = defaultdict(set)
    for n in nominees:
        key, value = subject_key(n)
        ids[key].add(value)
    if not ids:
        return Hold.objects.none()
    q = Q()
    for key, values in ids.items():
        q |= Q(**{f"{key}_id__in": values})
    holds = Hold.objects.filter(q)
    if active:
        holds = holds.filter(active_holds_q(_today(today)))
    return holds.order_by("start", "id")


def blocks(nominees, *, today: dt.date | None = None) -> dict[int, list[str]]:
    """Nominee id → why it may not go before the council (Vietnamese): negative answers not resolved, active holds.
    Two queries for any number of nominees."""
    nominees = list(nominees)
    out: dict[int, list[str]] = defaultdict(list)
    negative = (OpinionRequest.objects.filter(nominee__in=nominees, answer=OpinionAnswer.NEGATIVE, resolved_on__isnull=True)
                .select_related("addressee").order_by("id"))
    for r in negative:
        out[r.nominee_id].append(f"ý kiến không đồng ý của {r.addressee.name} chưa được xử lý"
                                 + (f" (“{r.answer_text[:120]}”)" if r.answer_text else ""))
    by_subject = defaultdict(list)
    for hold in holds_of(nominees, today=today):
        by_subject[subject_key(hold)].append(hold)
    for n in nominees:
        for hold in by_subject.get(subject_key(n), ()):
            out[n.pk].append(f"{vocab.in_sentence(hold.get_kind_display())} (nguồn: {hold.source})")
    return dict(out)


def missing_mandatory(nominees, *, today: dt.date | None = None) -> dict[int, list[str]]:
    """Nominee id → the agencies whose mandatory opinion (catalogue) has no answer yet."""
    nominees = list(nominees)
    answered = defaultdict(set)
    for nominee_id, kind in OpinionRequest.objects.filter(nominee__in=nominees, status=OpinionStatus.ANSWERED).values_list(
            "nominee_id", "agency_kind"):
        answered[nominee_id].add(kind)
    out = {}
    for n in nominees:
        missing = [agency_label(r.agency) for r in requirements(n, day=today) if r.mandatory and r.agency not in answered[n.pk]]
        if missing:
            out[n.pk] = missing
    return out


def council_refusal(dossier: Dossier, *, today: dt.date | None = None) -> str | None:
    """Why the dossier may not go before the council yet (None: it may): every blocked nominee and why."""
    nominees = list(dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED))
    blocked, missing = blocks(nominees, today=today), missing_mandatory(nominees, today=today)
    lines = []
    for n in nominees:
        why = list(blocked.get(n.pk, []))
        if n.pk in missing:
            why.append(f"chưa có ý kiến bắt buộc của {', '.join(missing[n.pk])}")
        if why:
            lines.append(f"{n.name}: {'; '.join(why)}")
    if not lines:
        return None
    more = f"; và {len(lines) - 5} người, tập thể khác" if len(lines) > 5 else ""
    return "Chưa thể trình Hội đồng — " + "; ".join(lines[:5]) + more + "."
