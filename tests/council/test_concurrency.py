"""Concurrency on PostgreSQL: four members vote at the same moment and every paper is counted (no increment lost); one
member's paper sent twice at once is counted once; a paper racing the close is either counted before it or refused.
(SQLite serialises every write: the race needs PostgreSQL's row locks; the suite runs on both.)"""

from __future__ import annotations

from tdkt.council import services
from tdkt.council.models import AgendaItem, BallotParticipation, SessionStatus
from tests.races import POSTGRESQL_ONLY, race

from .test_sessions import opened

pytestmark = POSTGRESQL_ONLY


def _all(session, choice):
    return {i.pk: choice for i in AgendaItem.objects.filter(session=session)}


def test_four_members_vote_at_once_and_every_paper_counts(council, dossiers):
    session = opened(council, dossiers)
    choices = _all(session, "agree")
    outcomes = race(*(lambda key=key: services.vote_cast(actor=council.users[key], session=session, choices=choices)
                       for key in ("hoidong", "uyvien1", "uyvien2", "uyvien3")))
    assert [o[0] for o in outcomes] == ["ok"] * 4
    assert sorted(AgendaItem.objects.filter(session=session).values_list("agree_count", flat=True)) == [4, 4]
    assert BallotParticipation.objects.filter(session=session).count() == 4


def test_one_members_paper_sent_twice_at_once_counts_once(council, dossiers):
    session = opened(council, dossiers)
    member = council.users["hoidong"]
    outcomes = race(lambda: services.vote_cast(actor=member, session=session, choices=_all(session, "agree")),
                     lambda: services.vote_cast(actor=member, session=session, choices=_all(session, "disagree")))
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert "mỗi thành viên chỉ bỏ một phiếu" in next(o[1] for o in outcomes if o[0] == "refused").message
    totals = list(AgendaItem.objects.filter(session=session).values_list("agree_count", "disagree_count"))
    assert all(agree + disagree == 1 for agree, disagree in totals)


def test_a_paper_racing_the_close_is_counted_before_it_or_refused(council, dossiers):
    session = opened(council, dossiers)
    outcomes = race(lambda: services.vote_cast(actor=council.users["hoidong"], session=session, choices=_all(session, "agree")),
                     lambda: services.ballot_close(actor=council.secretary, session=session))
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED and outcomes[1][0] == "ok"
    counted = BallotParticipation.objects.filter(session=session).count()
    results = {i.pk: i.result["agree"] for i in AgendaItem.objects.filter(session=session)}
    assert counted in (0, 1) and set(results.values()) == {counted}  # the frozen result holds exactly what was counted
    assert (outcomes[0][0] == "ok") == (counted == 1)
