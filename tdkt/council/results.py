"""Reads of a session's outcome: the results of a closed ballot (as counted when it closed), the named votes of an open
ballot, the minutes' context (plain data for the documents app), and what the session page says beside the ballot (the
quorum the agenda requires, whether its rules vote secretly). Re-exported by `services`."""

from __future__ import annotations

from tdkt.core.errors import DomainError
from tdkt.law.catalogue import load_catalogue

from . import selectors
from .models import AttendanceStatus, CouncilSession, OpenVote, SessionStatus
from .tally import quorum_required, threshold_short, units_of, voting_rule


def secret_by_rules(session: CouncilSession) -> bool:
    """Whether any item of the agenda has a rule that votes secretly by default (the screens say so beside the choice)."""
    day, units = session.held_on, units_of(session.council.unit)
    return any(voting_rule(code, day, units=units).secret_default for code in set(session.items.values_list("award_code", flat=True)))


def quorum_needed(session: CouncilSession) -> int | None:
    """The attendance the agenda's strictest rule requires (⌈members × numerator / denominator⌉), None without an agenda."""
    codes = set(session.items.values_list("award_code", flat=True))
    if not codes:
        return None
    members, units = len(selectors.members_of(session)), units_of(session.council.unit)
    return max(quorum_required(members, voting_rule(code, session.held_on, units=units)) for code in codes)


# --- Results -----------------------------------------------------------------------------------------


def results(session: CouncilSession) -> list[dict]:
    """Per item of a closed session: the nominee, the award, agree, disagree, the share of all members, the threshold,
    passed or not and the legal basis (as counted when the ballot closed). Nothing before the ballot closes."""
    if session.status != SessionStatus.CLOSED:
        raise DomainError("Kết quả chỉ được công bố sau khi kết thúc bỏ phiếu.")
    awards = load_catalogue().awards
    out = []
    for item in selectors.agenda_of(session):
        result = item.result or {}
        out.append({
            "item": item.pk, "position": item.position, "nominee": item.nominee_id, "name": item.nominee.name,
            "unit": item.nominee.dossier.unit.name, "award": item.award_code,
            "award_name": awards[item.award_code].name if item.award_code in awards else item.award_code,
            "agree": result.get("agree", item.agree_count), "disagree": result.get("disagree", item.disagree_count),
            "share": result.get("share"), "threshold": result.get("threshold"), "threshold_text": result.get("threshold_text"),
            "threshold_short": threshold_short(result.get("threshold"), result.get("strictly_greater", False), result.get("base", "all")),
            "quorum": result.get("quorum"), "passed": bool(result.get("passed")), "explanation": result.get("explanation", ""),
            "legal_basis": result.get("legal_basis", ""), "needs_verification": bool(result.get("needs_verification")),
        })
    return out


def open_votes(session: CouncilSession) -> list[OpenVote]:
    """The named votes of an open ballot (none for a secret one), after it closed."""
    if session.secret or session.status != SessionStatus.CLOSED:
        return []
    return list(OpenVote.objects.filter(item__session=session).select_related("member", "item").order_by("item__position", "member_id"))


def minutes_context(session: CouncilSession) -> dict:
    """What the minutes (biên bản họp Hội đồng) need, as plain data for the documents app to render: the council, the
    date and place, the attendance, the ballot kind and the results table (a closed session only)."""
    from tdkt.core.vntext import nfc

    attendance = selectors.attendance_of(session)
    counts = {status: sum(1 for a in attendance if a.status == status) for status in AttendanceStatus.values}
    return {
        "council": {"name": session.council.name, "unit": session.council.unit.name, "decision_number": session.council.decision_number},
        "session": {"title": nfc(session.title), "held_on": session.held_on, "place": session.place, "secret": session.secret,
                    "paper": session.paper, "status": session.status},
        "members_count": session.members_count, "present_count": session.present_count,
        "attendance": [{"full_name": a.member.full_name, "title": a.member.title, "role": a.member.get_role_display(),
                        "status": a.status, "status_label": a.get_status_display(), "note": a.note} for a in attendance],
        "attendance_counts": counts,
        "ballots_cast": selectors.ballots_cast(session),
        "results": results(session) if session.status == SessionStatus.CLOSED else [],
        "open_votes": [{"item": v.item_id, "full_name": v.member.full_name, "choice": v.choice} for v in open_votes(session)],
    }
