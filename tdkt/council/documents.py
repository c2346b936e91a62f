"""The session's documents (issue 14, point 3): the minutes (biên bản họp Hội đồng TĐKT, Mẫu 1.9, with the results
table) and the ballot paper (phiếu bầu), rendered by the documents app from the session's data."""

from __future__ import annotations

from django.utils import timezone

from tdkt.core.errors import DomainError
from tdkt.core.vntext import format_date
from tdkt.documents.rendering import render_docx
from tdkt.law.catalogue import load_catalogue
from tdkt.records.services import issuer_display_name

from . import selectors
from .models import CouncilSession, SessionStatus
from .results import minutes_context
from .tally import percent_text


def _moment(at, day) -> str:
    """"14 giờ 00, ngày 20 tháng 12 năm 2025": the time of `at` (local) on the session's day; the blanks when unknown."""
    if at is None:
        return f"… giờ …, {format_date(day)}"
    local = timezone.localtime(at)
    return f"{local.hour} giờ {local.minute:02d}, {format_date(day)}"


def issuer_of(session: CouncilSession) -> dict:
    """The council's header (DOCUMENTS.md §3): "UBND PHƯỜNG …" plain over "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" bold."""
    return {"parent": issuer_display_name(session.council.unit).upper(), "lines": ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"]}


def _member_named(session: CouncilSession, role: str) -> str:
    member = next((m for m in selectors.members_of(session) if m.role == role), None)
    if member is None:
        member = session.council.members.filter(role=role).first()
    if member is None:
        return ""
    return ", ".join(p for p in (member.full_name, member.title) if p)


def minutes_document(session: CouncilSession) -> bytes:
    """The minutes of a closed session as .docx."""
    if session.status != SessionStatus.CLOSED:
        raise DomainError("Biên bản có kết quả biểu quyết chỉ lập được khi đã kết thúc bỏ phiếu.")
    data = minutes_context(session)
    counts = data["attendance_counts"]
    written = counts.get("absent_written", 0)
    attendance = f"{data['present_count']}/{data['members_count']} thành viên Hội đồng có mặt"
    if written:
        attendance += f"; {written:02d} thành viên vắng mặt có phiếu bằng văn bản"
    way = "bỏ phiếu kín" if session.secret else "biểu quyết công khai"
    if session.paper:
        way += " trên giấy (kèm biên bản kiểm phiếu)"
    chair = _member_named(session, "chair")
    context = {
        "issuer": issuer_of(session), "number": None, "symbol": "BB-HĐTĐKT", "date": session.held_on,
        "summary": f"Họp {session.council.name} — {session.title}",
        "started": _moment(session.opened_at, session.held_on), "venue": session.place or "…",
        "attendance": attendance, "present": data["present_count"] or 0, "members": data["members_count"] or 0,
        "chair": chair or "…", "secretary": _member_named(session, "secretary") or "…",
        "paragraphs": [f"Hội đồng đã xem xét hồ sơ đề nghị khen thưởng và {way}. Kết quả từng nội dung (tỷ lệ tính trên tổng số "
                       "thành viên Hội đồng; căn cứ: " + "; ".join(dict.fromkeys(r["legal_basis"] for r in data["results"] if r["legal_basis"]))
                       + "):"],
        "results": [{"name": r["name"], "award": r["award_name"], "agree": r["agree"], "disagree": r["disagree"],
                     "share": percent_text(r["share"]), "threshold": r["threshold_short"], "passed": r["passed"], "legal_basis": r["legal_basis"]}
                    for r in data["results"]],
        "ended": _moment(session.closed_at, session.held_on),
        "receivers": ["- Lưu: VT, Hồ sơ."],
        "signer": {"authority": "", "title": "CHỦ TỌA", "name": chair.split(",")[0] if chair else ""},
    }
    return render_docx("minutes", context)


def ballot_document(session: CouncilSession) -> bytes:
    """The ballot paper of a session: one row per agenda item, Đồng ý / Không đồng ý."""
    awards = load_catalogue().awards
    items = [{"name": item.nominee.name, "unit": item.nominee.dossier.unit.name,
              "award": awards[item.award_code].name if item.award_code in awards else item.award_code}
             for item in selectors.agenda_of(session)]
    if not items:
        raise DomainError("Chương trình phiên họp chưa có nội dung nào để in phiếu bầu.")
    return render_docx("ballot", {"issuer": issuer_of(session), "summary": f"{session.title}",
                                  "session": f"Phiên họp {format_date(session.held_on)}", "items": items})
