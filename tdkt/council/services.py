"""Writes of the council app: sessions, their agenda and attendance, the ballot and its count. Every function takes the
acting user (`actor=`), checks its rule, runs in one transaction and audits in it; DomainError carries a Vietnamese
message. The session's state only changes through `core.workflow` (the table in `workflow.py`); a closed ballot is
immutable (every write below refuses it).

A secret ballot's content never reaches the audit trail: a ballot paper's event names who returned it, never what it
says (docs/decisions/0022-secret-ballot.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.uploads import check_upload, store_upload
from tdkt.law.catalogue import load_catalogue, voting_value
from tdkt.nominations.models import SUBJECT_RELATED, DossierStatus, Nominee
from tdkt.org.models import Council, CouncilKind, CouncilMember

from . import selectors
from .models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BallotParticipation,
    Channel,
    Choice,
    CouncilSession,
    OpenVote,
    SessionStatus,
)
from .results import minutes_context, open_votes, quorum_needed, results, secret_by_rules  # noqa: F401  (the reads of a session)
from .tally import DEFAULT_KEY, Tally, tally, units_of
from .workflow import MANAGE, SESSION

SCAN_KINDS = ("pdf", "jpeg", "png")
SCAN_PREFIX = "council/tally-sheets"
SESSION_FIELDS = ("title", "place", "held_on", "secret")


def _text(value, what: str, *, required: bool = True, limit: int = 255) -> str:
    text = vntext.nfc(str(value or "")).strip()
    if required and not text:
        raise DomainError(f"Vui lòng nhập {what}.")
    if len(text) > limit:
        raise DomainError(f"{what[0].upper()}{what[1:]} quá dài (tối đa {limit} ký tự).")
    return text


def _locked(session: CouncilSession) -> CouncilSession:
    return CouncilSession.objects.select_for_update(of=("self",)).select_related("council", "council__unit").get(pk=session.pk)


def _in_draft(session: CouncilSession, what: str) -> None:
    if session.status != SessionStatus.DRAFT:
        raise DomainError(f"Chỉ {what} khi phiên họp đang chuẩn bị (phiên họp “{session.title}” "
                          f"{'đã kết thúc bỏ phiếu' if session.closed else 'đang bỏ phiếu'}).")


def _manage(actor, session_or_council, what: str) -> None:
    require(actor, MANAGE, session_or_council, message=f"Bạn không có quyền {what}: chỉ thư ký Hội đồng hoặc cơ quan thường trực.")


def default_secret(day: dt.date) -> bool:
    """Whether a session of that day votes secretly unless the secretary chooses an open ballot: the catalogue's default
    rule (`council.voting.default`, secret_default)."""
    row = load_catalogue().param_on(DEFAULT_KEY, day)
    return voting_value(row.value)["secret_default"]


# --- Sessions ------------------------------------------------------------------------------------------


def session_create(*, actor, council: Council, held_on: dt.date, title: str, place: str = "",
                   secret: bool | None = None) -> CouncilSession:
    """A session of a TĐKT council, in preparation; secret unless `secret=False` (the catalogue's default rule decides
    when `secret` is None)."""
    if council.kind != CouncilKind.TDKT:
        raise DomainError(f"{council.name} không phải Hội đồng Thi đua - Khen thưởng.")
    _manage(actor, council, f"lập phiên họp của {council.name}")
    if not isinstance(held_on, dt.date):
        raise DomainError("Hãy nhập ngày họp (dạng dd/mm/yyyy).")
    if council.established_on and held_on < council.established_on:
        raise DomainError(f"Ngày họp ({held_on:%d/%m/%Y}) trước ngày thành lập Hội đồng ({council.established_on:%d/%m/%Y}).")
    session = CouncilSession(council=council, held_on=held_on, title=_text(title, "tên phiên họp"),
                             place=_text(place, "địa điểm", required=False),
                             secret=default_secret(held_on) if secret is None else bool(secret), created_by=actor)
    kernel.create(actor=actor, obj=session, action="create", workflow=SESSION,
                  data={"council": council.pk, "held_on": held_on.isoformat(), "secret": session.secret})
    return session


def session_update(*, actor, session: CouncilSession, **changes) -> CouncilSession:
    """Correct the title, place, date or ballot kind of a session in preparation."""
    _manage(actor, session, "sửa phiên họp")
    unknown = set(changes) - set(SESSION_FIELDS)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    if "title" in changes:
        changes["title"] = _text(changes["title"], "tên phiên họp")
    if "place" in changes:
        changes["place"] = _text(changes["place"], "địa điểm", required=False)
    if "held_on" in changes and not isinstance(changes["held_on"], dt.date):
        raise DomainError("Hãy nhập ngày họp (dạng dd/mm/yyyy).")
    if "secret" in changes:
        changes["secret"] = bool(changes["secret"])
    with transaction.atomic():
        locked = _locked(session)
        _in_draft(locked, "sửa phiên họp")
        old = {k: getattr(locked, k) for k in changes}
        for key, value in changes.items():
            setattr(locked, key, value)
        locked.save(update_fields=list(changes))

        def iso(v):
            return v.isoformat() if isinstance(v, dt.date) else v

        audit.record(actor=actor, action="council.session.updated", target=locked,
                     data={"old": {k: iso(v) for k, v in old.items()}, "new": {k: iso(v) for k, v in changes.items()}})
    for key in changes:
        setattr(session, key, getattr(locked, key))
    return session


# --- Agenda ------------------------------------------------------------------------------------------


def ready_nominees(session: CouncilSession) -> list[Nominee]:
    """Nominees of the dossiers ready for council in the rounds of the council's level, not withdrawn and not yet on an
    agenda."""
    on_agenda = AgendaItem.objects.values("nominee")
    return list(Nominee.objects.filter(dossier__status=DossierStatus.READY_FOR_COUNCIL, dossier__round__office_unit=session.council.unit,
                                       withdrawn=False).exclude(pk__in=on_agenda)
                .select_related("dossier", *SUBJECT_RELATED).order_by("dossier_id", "id"))


def _renumber(session: CouncilSession) -> None:
    """Positions grouped by award, the highest-ranked award first (the catalogue's rank), then by dossier and nominee."""
    awards = load_catalogue().awards
    items = list(session.items.select_related("nominee"))
    items.sort(key=lambda i: (-(awards[i.award_code].rank if i.award_code in awards else 0), i.award_code, i.nominee.dossier_id,
                              i.nominee_id))
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def agenda_add_ready(*, actor, session: CouncilSession) -> list[AgendaItem]:
    """Put on the agenda every nominee of the dossiers ready for council at the council's level (those not yet on one)."""
    _manage(actor, session, "lập chương trình phiên họp")
    with transaction.atomic():
        locked = _locked(session)
        _in_draft(locked, "thêm nội dung vào chương trình")
        nominees = ready_nominees(locked)
        if not nominees:
            raise DomainError(f"Không có hồ sơ nào “Sẵn sàng trình Hội đồng” của {locked.council.unit.name} chưa được đưa vào "
                              "chương trình.")
        try:
            with transaction.atomic():
                items = AgendaItem.objects.bulk_create(
                    [AgendaItem(session=locked, nominee=n, award_code=n.award_code) for n in nominees])
        except IntegrityError:
            raise DomainError("Một người, tập thể đã được đưa vào chương trình của phiên họp khác; hãy tải lại trang.") from None
        _renumber(locked)
        audit.record(actor=actor, action="council.agenda.added", target=locked,
                     data={"nominees": [n.pk for n in nominees], "dossiers": sorted({n.dossier_id for n in nominees})})
    return items


def agenda_remove(*, actor, item: AgendaItem) -> None:
    """Take an item off the agenda of a session in preparation (the nominee may go on another session's)."""
    _manage(actor, item.session, "sửa chương trình phiên họp")
    with transaction.atomic():
        locked = _locked(item.session)
        _in_draft(locked, "bỏ nội dung khỏi chương trình")
        item = AgendaItem.objects.get(pk=item.pk, session=locked)
        audit.record(actor=actor, action="council.agenda.removed", target=locked,
                     data={"nominee": item.nominee_id, "award": item.award_code})
        item.delete()
        _renumber(locked)


# --- Attendance --------------------------------------------------------------------------------------


def attendance_record(*, actor, session: CouncilSession, member: CouncilMember, status: str, note: str = "") -> Attendance:
    """Whether a member is present, absent with a written vote, or absent (before the ballot opens)."""
    _manage(actor, session, "điểm danh thành viên")
    if status not in AttendanceStatus.values:
        raise DomainError(f"Tình trạng có mặt không hợp lệ: {status}.")
    note = _text(note, "ghi chú", required=False)
    with transaction.atomic():
        locked = _locked(session)
        _in_draft(locked, "điểm danh")
        if member.pk not in {m.pk for m in selectors.members_of(locked)}:
            raise DomainError(f"{member.full_name} không phải thành viên biểu quyết của {locked.council.name} vào ngày "
                              f"{locked.held_on:%d/%m/%Y}.")
        row, created = Attendance.objects.update_or_create(session=locked, member=member, defaults={"status": status, "note": note})
        audit.record(actor=actor, action="council.attendance.recorded", target=locked,
                     data={"member": member.pk, "full_name": member.full_name, "status": status, "note": note})
    return row


# --- The ballot --------------------------------------------------------------------------------------


def ballot_open(*, actor, session: CouncilSession) -> CouncilSession:
    """Open the ballot: the number of members and of those present are frozen (the base of every share)."""
    members = selectors.members_of(session)
    present = session.attendance.filter(status=AttendanceStatus.PRESENT).count()
    kernel.transition(actor=actor, obj=session, action="open_ballot", workflow=SESSION,
                      changes={"members_count": len(members), "present_count": present, "opened_at": timezone.now()},
                      data={"members": len(members), "present": present, "secret": session.secret})
    return session


def _paper(choices, items: list[AgendaItem]) -> dict[int, str]:
    """A ballot paper: {item id: "agree" | "disagree"} for every item of the agenda and nothing else."""
    if not isinstance(choices, Mapping):
        raise DomainError("Phiếu bầu phải ghi ý kiến cho từng nội dung.")
    by_id = {item.pk: item for item in items}
    paper: dict[int, str] = {}
    for key, value in choices.items():
        try:
            item_id = int(key)
        except (TypeError, ValueError):
            raise DomainError(f"Nội dung “{key}” không có trong chương trình phiên họp này.") from None
        if item_id not in by_id:
            raise DomainError(f"Nội dung số {item_id} không có trong chương trình phiên họp này.")
        if value not in Choice.values:
            raise DomainError(f"Ý kiến “{value}” không hợp lệ (đồng ý hoặc không đồng ý).")
        paper[item_id] = value
    missing = [item for item in items if item.pk not in paper]
    if missing:
        names = ", ".join(f"{item.position}. {item.nominee.name}" for item in missing[:5]) + ("…" if len(missing) > 5 else "")
        raise DomainError(f"Phiếu bầu phải có ý kiến đồng ý hoặc không đồng ý cho mọi nội dung; còn thiếu: {names}.")
    return paper


def _count(*, actor, session: CouncilSession, member: CouncilMember, choices, channel: str, action: str) -> BallotParticipation:
    """In the caller's transaction, the session locked: one ballot paper of `member`, counted."""
    if session.status != SessionStatus.OPEN:
        raise DomainError("Phiên họp chưa mở bỏ phiếu." if session.status == SessionStatus.DRAFT
                          else "Đã kết thúc bỏ phiếu: không nhận thêm phiếu.")
    if session.paper:
        raise DomainError("Phiên họp này kiểm phiếu trên giấy: thư ký đã nhập kết quả kiểm phiếu.")
    items = list(session.items.select_related(*(f"nominee__{p}" for p in SUBJECT_RELATED)))
    paper = _paper(choices, items)
    if BallotParticipation.objects.filter(session=session, member=member).exists():
        raise DomainError(f"{member.full_name} đã bỏ phiếu trong phiên họp này; mỗi thành viên chỉ bỏ một phiếu.")
    try:
        with transaction.atomic():
            participation = BallotParticipation.objects.create(session=session, member=member, channel=channel)
    except IntegrityError:
        raise DomainError(f"{member.full_name} đã bỏ phiếu trong phiên họp này; mỗi thành viên chỉ bỏ một phiếu.") from None
    agree = [pk for pk, c in paper.items() if c == Choice.AGREE]
    disagree = [pk for pk, c in paper.items() if c == Choice.DISAGREE]
    if agree:
        AgendaItem.objects.filter(pk__in=agree).update(agree_count=F("agree_count") + 1)
    if disagree:
        AgendaItem.objects.filter(pk__in=disagree).update(disagree_count=F("disagree_count") + 1)
    data = {"member": member.pk, "channel": channel}
    if not session.secret:  # an open ballot: the votes are public, the audit keeps them
        OpenVote.objects.bulk_create([OpenVote(item_id=pk, member=member, choice=c) for pk, c in sorted(paper.items())])
        data["choices"] = {str(pk): c for pk, c in sorted(paper.items())}
    audit.record(actor=actor, action=action, target=session, data=data)
    return participation


def vote_cast(*, actor, session: CouncilSession, choices: Mapping) -> BallotParticipation:
    """A present member's ballot paper, from their own account: agree or disagree on every item of the agenda."""
    require(actor, "council.vote", session, message="Bạn không phải thành viên biểu quyết của Hội đồng trong phiên họp này.")
    with transaction.atomic():
        locked = _locked(session)
        attendance = locked.attendance.select_related("member").filter(member__user=actor).first()
        if attendance is None:
            raise DomainError("Bạn không có tên trong danh sách điểm danh của phiên họp này.")
        if attendance.status != AttendanceStatus.PRESENT:
            raise DomainError("Chỉ thành viên có mặt mới bỏ phiếu từ tài khoản; phiếu bằng văn bản của thành viên vắng mặt do "
                              "thư ký ghi nhận.")
        return _count(actor=actor, session=locked, member=attendance.member, choices=choices, channel=Channel.ACCOUNT,
                      action="council.ballot.cast")


def may_record_paper_of(attendance: Attendance) -> bool:
    """Whose paper the secretary records: a member absent with a written vote, or a present member without an account
    (who cannot vote from one and fills in a ballot paper at the meeting)."""
    return attendance.status == AttendanceStatus.ABSENT_WRITTEN or (
        attendance.status == AttendanceStatus.PRESENT and attendance.member.user_id is None)


def written_vote_record(*, actor, session: CouncilSession, member: CouncilMember, choices: Mapping) -> BallotParticipation:
    """The written vote (phiếu bằng văn bản) of a member absent from the session, or the ballot paper of a present member
    without an account, recorded by the secretary."""
    _manage(actor, session, "ghi nhận phiếu bằng văn bản")
    with transaction.atomic():
        locked = _locked(session)
        attendance = locked.attendance.select_related("member").filter(member=member).first()
        if attendance is None:
            raise DomainError(f"{member.full_name} không có tên trong danh sách điểm danh của phiên họp này.")
        if not may_record_paper_of(attendance):
            if attendance.status == AttendanceStatus.PRESENT:
                raise DomainError(f"{member.full_name} có mặt và có tài khoản: thành viên tự bỏ phiếu từ tài khoản của mình.")
            raise DomainError(f"{member.full_name} không được điểm danh là “vắng mặt, có phiếu bằng văn bản”.")
        return _count(actor=actor, session=locked, member=attendance.member, choices=choices, channel=Channel.WRITTEN,
                      action="council.ballot.written_recorded")


def paper_tally_record(*, actor, session: CouncilSession, counts: Mapping, scan) -> CouncilSession:
    """A paper ballot: the tallies of the tally sheet for every item ({item id: (agree, disagree)}), with its scan (PDF,
    JPEG or PNG, checked by content). Instead of ballot papers in the system: refused once one was returned."""
    _manage(actor, session, "nhập kết quả kiểm phiếu")
    if scan is None:
        raise DomainError("Hãy đính kèm bản quét biên bản kiểm phiếu.")
    if not isinstance(counts, Mapping):
        raise DomainError("Hãy nhập số phiếu đồng ý và không đồng ý của từng nội dung.")
    checked = getattr(scan, "checked", None) or check_upload(scan, allowed=SCAN_KINDS)
    with transaction.atomic():
        locked = _locked(session)
        if locked.status != SessionStatus.OPEN:
            raise DomainError("Chỉ nhập kết quả kiểm phiếu khi phiên họp đang bỏ phiếu." if locked.status == SessionStatus.DRAFT
                              else "Đã kết thúc bỏ phiếu: kết quả không thể thay đổi.")
        if BallotParticipation.objects.filter(session=locked).exists():
            raise DomainError("Đã có thành viên bỏ phiếu trên hệ thống: không thể nhập kết quả kiểm phiếu trên giấy.")
        items = list(locked.items.select_related(*(f"nominee__{p}" for p in SUBJECT_RELATED)))
        ballots = selectors.ballots_expected(locked)
        rows: dict[int, tuple[int, int]] = {}
        for item in items:
            value = counts.get(item.pk, counts.get(str(item.pk)))
            if value is None:
                raise DomainError(f"Chưa nhập số phiếu của nội dung {item.position}. {item.nominee.name}.")
            try:
                agree, disagree = (int(v) for v in value)
            except (TypeError, ValueError):
                raise DomainError(f"Số phiếu của nội dung {item.position}. {item.nominee.name} phải là số nguyên.") from None
            if agree < 0 or disagree < 0:
                raise DomainError(f"Số phiếu của nội dung {item.position}. {item.nominee.name} không được là số âm.")
            if agree + disagree > ballots:
                raise DomainError(f"Nội dung {item.position}. {item.nominee.name}: {agree + disagree} phiếu, nhiều hơn số thành viên "
                                  f"có mặt và có phiếu bằng văn bản ({ballots}).")
            rows[item.pk] = (agree, disagree)
        extra = {str(k) for k in counts} - {str(i.pk) for i in items}
        if extra:
            raise DomainError(f"Nội dung số {sorted(extra)[0]} không có trong chương trình phiên họp này.")
        name = store_upload(scan, checked, prefix=SCAN_PREFIX)
        for item in items:
            item.agree_count, item.disagree_count = rows[item.pk]
            item.save(update_fields=["agree_count", "disagree_count"])
        locked.paper, locked.scan_name, locked.scan_filename, locked.scan_content_type = True, name, checked.filename, checked.content_type
        locked.save(update_fields=["paper", "scan_name", "scan_filename", "scan_content_type"])
        audit.record(actor=actor, action="council.ballot.paper_recorded", target=locked,
                     data={"counts": {str(k): list(v) for k, v in rows.items()},
                           "scan": {"filename": checked.filename, "size": checked.size, "sha256": checked.sha256}})
    session.paper, session.scan_name, session.scan_filename = True, name, checked.filename
    return session


def _tally(session: CouncilSession, item: AgendaItem) -> Tally:
    return tally(award=item.award_code, decided_on=session.held_on, members=session.members_count or 0,
                 present=session.present_count or 0, agree=item.agree_count, disagree=item.disagree_count,
                 units=units_of(session.council.unit))


def ballot_close(*, actor, session: CouncilSession) -> CouncilSession:
    """Close the ballot: each item's count is computed with the rules of the session's day and kept (immutable)."""
    with transaction.atomic():
        locked = _locked(session)
        if locked.status == SessionStatus.OPEN:
            items = list(locked.items.all())
            summary = {"passed": 0, "failed": 0}
            for item in items:
                result = _tally(locked, item)
                item.result = result.to_dict()
                item.save(update_fields=["result"])
                summary["passed" if result.passed else "failed"] += 1
            data = {**summary, "ballots": selectors.ballots_cast(locked), "paper": locked.paper}
        else:
            data = {}
        kernel.transition(actor=actor, obj=locked, action="close_ballot", workflow=SESSION,
                          changes={"closed_at": timezone.now()}, data=data)
    session.status, session.closed_at = locked.status, locked.closed_at
    return session
