"""The demo's decisions: Phường Đống Đa numbers its documents "…/QĐ-UBND"; its TĐKT council met on 20/12/2025 over the
dossier of Trường Mầm non Đống Đa (made ready for the council here, through the nominations workflow), every member
voted, the ballot is closed; the standing office drafted the decision, took one nominee off it to be decided separately,
and the chair (`chutich`) signed it — its awards are in the ledger —; the second draft, with that nominee, waits for the
chair's signature (the signer's inbox). The open session of council_sessions stays as it is, for `hoidong` and `thuky`.
Everything goes through the services, acting as the demo accounts."""

from __future__ import annotations

import datetime as dt

from tdkt.core.numbering import numbering_profile_set
from tdkt.council import selectors as council_selectors
from tdkt.council import services as council_services
from tdkt.council.models import AttendanceStatus
from tdkt.decisions import services
from tdkt.nominations import services as nomination_services
from tdkt.nominations import work
from tdkt.nominations.models import Nominee, Round
from tdkt.org.models import Council, Person, Unit
from tdkt.records.eligibility import check_subject
from tdkt.records.models import AwardRecord

from .nominations import _attach_components

HELD_ON = dt.date(2025, 12, 20)
DECIDED_ON = dt.date(2025, 12, 22)
UNIT = "mn_dong_da"
SEPARATE = "Chờ ý kiến hiệp y của Công an phường; quyết định riêng khi có ý kiến."


def generate(d) -> None:
    users = d.users
    council = Council.objects.filter(kind="tdkt", unit=d.dong_da).first()
    round_ = Round.objects.filter(office_unit=d.dong_da, year=2025, kind="ANNUAL").first()
    unit = Unit.objects.filter(code=UNIT).first()
    if council is None or round_ is None or unit is None:
        return
    numbering_profile_set(actor=users["quantri"], issuer=d.dong_da, abbreviation="UBND")
    people, teams = _candidates(unit, round_)
    if not people:  # a small demo (tests) may have nobody here
        return
    officer = users["canbo.dongda"]
    dossier = nomination_services.dossier_create(actor=officer, round_=round_, unit=unit,
                                                 title=f"Đề nghị khen thưởng năm 2025 — {unit.name}")
    for person in people:
        nomination_services.nominee_add(actor=officer, dossier=dossier, person=person, award_code="CSTDCS",
                                        summary="Hai năm liền đạt danh hiệu Lao động tiên tiến, có sáng kiến được công nhận; "
                                                "hoàn thành xuất sắc nhiệm vụ chăm sóc, giáo dục trẻ năm học 2024-2025.")
    for team in teams:
        nomination_services.nominee_add(actor=officer, dossier=dossier, unit=team, award_code="TTLDTT",
                                        summary="Tập thể hoàn thành tốt nhiệm vụ, 100% thành viên hoàn thành nhiệm vụ năm 2025.")
    _attach_components(dossier, officer)
    nomination_services.dossier_act(actor=officer, dossier=dossier, action="submit")
    for action in ("receive", "start_appraisal"):
        nomination_services.dossier_act(actor=users["thamdinh"], dossier=dossier, action=action)
    for nominee in dossier.nominees.filter(withdrawn=False):
        work.appraisal_save(actor=users["thamdinh"], nominee=nominee, conclusion="eligible", note="Đủ tiêu chuẩn, hồ sơ đủ thành phần.",
                            version=None)
    nomination_services.dossier_act(actor=users["truongphong"], dossier=dossier, action="mark_ready")

    session = council_services.session_create(actor=users["thuky"], council=council, held_on=HELD_ON,
                                              title="Phiên họp xét khen thưởng Trường Mầm non Đống Đa năm 2025",
                                              place="Phòng họp tầng 2, UBND phường Đống Đa")
    # only this dossier's nominees: the ready dossier of council_sessions is already on the open session's agenda
    council_services.agenda_add_ready(actor=users["thuky"], session=session)
    paper = []  # the members without an account are present: the secretary records their ballot papers
    for member in council_selectors.members_of(session):
        council_services.attendance_record(actor=users["thuky"], session=session, member=member, status=AttendanceStatus.PRESENT)
        if member.user_id is None:
            paper.append(member)
    council_services.ballot_open(actor=users["thuky"], session=session)
    choices = {item.pk: "agree" for item in session.items.all()}
    for member in council_selectors.members_of(session):
        if member.user_id is not None:
            council_services.vote_cast(actor=member.user, session=session, choices=choices)
    for member in paper:
        council_services.written_vote_record(actor=users["thuky"], session=session, member=member, choices=choices)
    council_services.ballot_close(actor=users["thuky"], session=session)

    decision = services.decision_draft(actor=users["thamdinh"], session=session, decided_on=DECIDED_ON)
    last = decision.lines.order_by("-position").first()
    services.line_remove(actor=users["thamdinh"], line=last, reason=SEPARATE)
    services.decision_submit(actor=users["truongphong"], decision=decision)
    services.decision_sign(actor=users["chutich"], decision=decision)
    waiting = services.decision_draft(actor=users["thamdinh"], session=session, decided_on=DECIDED_ON + dt.timedelta(days=8),
                                      title="Về việc khen thưởng năm 2025 (bổ sung)")
    services.decision_submit(actor=users["truongphong"], decision=waiting)
    d.decisions = [decision, waiting]
    d.closed_session = session


def _candidates(unit: Unit, round_) -> tuple[list[Person], list[Unit]]:
    """Two people of the school the engine finds eligible for CSTĐCS 2025 and one of its teams eligible for Tập thể lao
    động tiên tiến 2025, none already holding that award for 2025 (the history's decisions) nor proposed in the round."""
    taken = set(Nominee.objects.filter(dossier__round=round_).values_list("person_id", flat=True))
    held = set(AwardRecord.objects.filter(award_code="CSTDCS", year=2025).values_list("person_id", flat=True))
    people = [p for p in Person.objects.filter(unit__path__startswith=unit.path).exclude(pk__in=taken | held)
              .order_by("name_sort_key", "id")[:60] if check_subject(p, "CSTDCS", 2025).verdict == "eligible"][:2]
    held_units = set(AwardRecord.objects.filter(award_code="TTLDTT", year=2025).values_list("unit_id", flat=True))
    staffed = Unit.objects.filter(path__startswith=unit.path, people__isnull=False).exclude(pk=unit.pk).exclude(pk__in=held_units)
    # (a team without people is skipped: the collective rules divide by the number of members)
    teams = [u for u in staffed.distinct().order_by("code") if check_subject(u, "TTLDTT", 2025).verdict == "eligible"][:1]
    return people, teams
