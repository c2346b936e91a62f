"""Issue 13, points 3-4: the dossier's workflow. The chain from draft to the council's door; every edge allowed for
its role and refused (Forbidden, nothing changed, no transition row, no audit event) for every other persona; an
illegal move refused in Vietnamese; the guards (no nominee, a not-eligible nominee without a reason)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent, Transition
from tdkt.core.workflow import CREATED, TransitionError
from tdkt.nominations import services
from tdkt.nominations.models import Appraisal, Consultation, Dossier, DossierStatus
from tdkt.nominations.workflow import DOSSIER, OFFICE, UNIT
from tests.personas import PERSONAS

from .conftest import appraise_all, attach_components

pytestmark = pytest.mark.django_db

MAY = {UNIT: {"admin", "officer_a"}, OFFICE: {"admin", "appraiser", "office_head"}}
EDGES = [e for e in DOSSIER.edges if e.source != CREATED]


def test_the_chain_from_draft_to_the_councils_door(tree, dossier_a, officer_a, personas):
    appraiser = personas["appraiser"]
    nominee = dossier_a.nominees.get()
    assert nominee.verdict and nominee.checks and nominee.regime  # judged as soon as added
    steps = [(officer_a, "submit", ""), (appraiser, "receive", ""),
             (appraiser, "return_for_supplement", "Thiếu biên bản họp bình xét"), (officer_a, "resubmit", ""),
             (appraiser, "receive", ""), (appraiser, "start_appraisal", ""), (appraiser, "request_opinions", ""),
             (appraiser, "open_consultation", ""), (appraiser, "mark_ready", "")]
    for actor, action, reason in steps:
        if action == "mark_ready":
            with pytest.raises(TransitionError, match="Chưa có kết luận thẩm định của: Nguyễn Văn An."):
                services.dossier_act(actor=actor, dossier=dossier_a, action=action)
            appraise_all(dossier_a, appraiser)
            with pytest.raises(TransitionError, match="Đang lấy ý kiến công khai đến hết ngày"):
                services.dossier_act(actor=actor, dossier=dossier_a, action=action)
            Consultation.objects.filter(dossier=dossier_a).update(closes_on=timezone.localdate() - dt.timedelta(days=1))
        services.dossier_act(actor=actor, dossier=dossier_a, action=action, reason=reason)
    dossier_a.refresh_from_db()
    assert dossier_a.status == DossierStatus.READY_FOR_COUNCIL
    assert dossier_a.received_on is not None and dossier_a.submitted_on is not None
    moves = list(Transition.objects.filter(workflow="nominations.dossier", target_id=str(dossier_a.pk)).order_by("id"))
    assert [m.action for m in moves] == ["create", *(a for _, a, _ in steps)]
    assert moves[3].reason == "Thiếu biên bản họp bình xét" and moves[3].actor == appraiser
    events = AuditEvent.objects.filter(target_type="nominations.dossier", target_id=str(dossier_a.pk), action__startswith="nominations.dossier.")
    assert events.count() == len(steps) + 1
    # received complete: judged again under the rules in force on that day
    nominee.refresh_from_db()
    assert nominee.evaluated_at is not None


@pytest.mark.parametrize("edge", EDGES, ids=[f"{e.source}-{e.action}" for e in EDGES])
def test_every_edge_is_allowed_for_its_roles_and_refused_for_the_others(tree, dossier_a, personas, edge):
    for nominee in dossier_a.nominees.all():  # the guards pass: complete and appraised (test data)
        Appraisal.objects.create(nominee=nominee, conclusion="eligible", appraised_by=personas["appraiser"])
    Dossier.objects.filter(pk=dossier_a.pk).update(status=edge.source)
    allowed = MAY[edge.permission]
    for name in [*PERSONAS, "no_role"]:
        dossier = Dossier.objects.get(pk=dossier_a.pk)
        before = (Transition.objects.count(), AuditEvent.objects.count())
        user = personas[name]
        if name in allowed:
            continue
        with pytest.raises(Forbidden):
            services.dossier_act(actor=user, dossier=dossier, action=edge.action, reason="Thử")
        dossier.refresh_from_db()
        assert dossier.status == edge.source, name
        assert (Transition.objects.count(), AuditEvent.objects.count()) == before, name
    for name in sorted(allowed):
        Dossier.objects.filter(pk=dossier_a.pk).update(status=edge.source)
        dossier = Dossier.objects.get(pk=dossier_a.pk)
        services.dossier_act(actor=personas[name], dossier=dossier, action=edge.action, reason="Có lý do")
        dossier.refresh_from_db()
        assert dossier.status == edge.target, name
        last = Transition.objects.filter(target_id=str(dossier.pk)).latest("id")
        assert (last.source, last.target, last.actor) == (edge.source, edge.target, personas[name])
        assert AuditEvent.objects.filter(action=f"nominations.dossier.{edge.event}", target_id=str(dossier.pk)).exists()


def test_an_illegal_move_is_refused_in_vietnamese(dossier_a, personas):
    with pytest.raises(TransitionError, match="Không thể thực hiện “Trình Hội đồng” khi hồ sơ đề nghị khen thưởng đang ở trạng thái “Đang soạn” \\(thao tác hợp lệ: “Gửi hồ sơ”, “Rút hồ sơ”\\)"):
        services.dossier_act(actor=personas["appraiser"], dossier=dossier_a, action="mark_ready")
    with pytest.raises(TransitionError, match="Hãy ghi lý do."):
        services.dossier_act(actor=personas["officer_a"], dossier=dossier_a, action="withdraw", reason="  ")
    assert Dossier.objects.get(pk=dossier_a.pk).status == DossierStatus.DRAFT


def test_a_dossier_without_nominees_or_with_an_unjustified_one_is_not_sent(tree, round_a, officer_a):
    empty = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.ward_a)
    with pytest.raises(TransitionError, match="chưa có người hoặc tập thể nào"):
        services.dossier_act(actor=officer_a, dossier=empty, action="submit")
    nominee = services.nominee_add(actor=officer_a, dossier=empty, person=tree.cuong, award_code="LDTT")
    assert nominee.verdict == "not_eligible"  # reprimanded in the year
    with pytest.raises(TransitionError, match="Chưa ghi lý do đề nghị cho người, tập thể chưa đủ điều kiện: Lê Minh Cường."):
        services.dossier_act(actor=officer_a, dossier=empty, action="submit")
    services.nominee_update(actor=officer_a, nominee=nominee, justification="Kỷ luật đã được xóa theo quyết định của cấp có thẩm quyền")
    services.dossier_act(actor=officer_a, dossier=empty, action="submit")
    assert Dossier.objects.get(pk=empty.pk).status == DossierStatus.SUBMITTED


def test_an_incomplete_dossier_is_not_received(tree, round_a, officer_a, personas):
    dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.ward_a)
    services.nominee_add(actor=officer_a, dossier=dossier, person=tree.binh, award_code="GIAY_KHEN", justification="Đề nghị")
    services.dossier_act(actor=officer_a, dossier=dossier, action="submit")
    with pytest.raises(TransitionError, match="Hồ sơ còn thiếu: Tờ trình đề nghị khen thưởng; Danh sách đề nghị khen thưởng; "
                                              "Biên bản họp bình xét .kèm kết quả biểu quyết.; Báo cáo thành tích"):
        services.dossier_act(actor=personas["appraiser"], dossier=dossier, action="receive")
    services.dossier_act(actor=personas["appraiser"], dossier=dossier, action="return_for_supplement", reason="Thiếu thành phần hồ sơ")
    attach_components(dossier, officer_a)
    services.dossier_act(actor=officer_a, dossier=dossier, action="resubmit")
    services.dossier_act(actor=personas["appraiser"], dossier=dossier, action="receive")
    assert Dossier.objects.get(pk=dossier.pk).status == DossierStatus.RECEIVED


def test_nominees_are_checked_against_the_round_and_the_unit(tree, round_a, dossier_a, officer_a):
    with pytest.raises(DomainError, match="không xét"):
        services.nominee_add(actor=officer_a, dossier=dossier_a, person=tree.an, award_code="BK_TINH")
    with pytest.raises(DomainError, match="Nguyễn Văn An đã được đề nghị"):
        services.nominee_add(actor=officer_a, dossier=dossier_a, person=tree.an, award_code="CSTDCS")
    with pytest.raises(DomainError, match="Trần Thị Bình không thuộc Trường THCS Đống Đa"):
        services.nominee_add(actor=officer_a, dossier=dossier_a, person=tree.binh, award_code="LDTT")
    with pytest.raises(DomainError, match="không tặng cho tập thể"):
        services.nominee_add(actor=officer_a, dossier=dossier_a, unit=tree.school_a, award_code="CSTDCS")
    collective = services.nominee_add(actor=officer_a, dossier=dossier_a, unit=tree.school_a, award_code="TTLDTT",
                                      justification="Tập thể dẫn đầu phong trào thi đua của phường")
    assert collective.verdict
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    with pytest.raises(DomainError, match="đơn vị chỉ sửa được hồ sơ đang soạn hoặc bị trả lại"):
        services.nominee_add(actor=officer_a, dossier=dossier_a, person=tree.an, award_code="LDTT")


def test_another_wards_officer_cannot_open_a_dossier_here(tree, round_a, officer_b):
    with pytest.raises(Forbidden):
        services.dossier_create(actor=officer_b, round_=round_a, unit=tree.school_a)
    with pytest.raises(DomainError, match="không nhận hồ sơ của Trường Tiểu học Láng"):
        services.dossier_create(actor=officer_b, round_=round_a, unit=tree.school_b)
    assert not Dossier.objects.exists()


def test_the_offices_clock_runs_in_working_days_and_stops_while_returned(tree, dossier_a, officer_a, personas, monkeypatch):
    """Received on Friday 13/02/2026 (Tết 2026 is 16-20/02): 20 working days end on 20/03; returned on 23/02 (which
    counts) and sent again on 02/03, the four working days between do not count: the end moves to 27/03."""
    import datetime as dt

    from django.utils import timezone

    from tdkt.core import calendar
    from tdkt.core.models import Transition
    from tdkt.nominations.selectors import dossier_clock

    appraiser = personas["appraiser"]
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    services.dossier_act(actor=appraiser, dossier=dossier_a, action="receive")

    def at(day):
        return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))

    Transition.objects.filter(target_id=str(dossier_a.pk), action="receive").update(at=at(dt.date(2026, 2, 13)))
    clock = dossier_clock(dossier_a, today=dt.date(2026, 2, 13))
    assert clock["due"] == dt.date(2026, 3, 20) == calendar.deadline(dt.date(2026, 2, 13), 20)
    assert clock["left"] == 20 and not clock["near"]
    assert not dossier_clock(dossier_a, today=dt.date(2026, 3, 13))["near"]
    assert dossier_clock(dossier_a, today=dt.date(2026, 3, 17))["near"]
    assert dossier_clock(dossier_a, today=dt.date(2026, 3, 20))["left"] == 0
    assert dossier_clock(dossier_a, today=dt.date(2026, 3, 23))["overdue"]
    services.dossier_act(actor=appraiser, dossier=dossier_a, action="return_for_supplement", reason="Thiếu biên bản")
    Transition.objects.filter(target_id=str(dossier_a.pk), action="return_for_supplement").update(at=at(dt.date(2026, 2, 23)))
    paused = dossier_clock(Dossier.objects.get(pk=dossier_a.pk), today=dt.date(2026, 2, 27))
    assert paused["paused"] and paused["due"] is None and paused["left"] == 19  # one working day (23/02) before it left
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="resubmit")
    Transition.objects.filter(target_id=str(dossier_a.pk), action="resubmit").update(at=at(dt.date(2026, 3, 2)))
    back = dossier_clock(Dossier.objects.get(pk=dossier_a.pk), today=dt.date(2026, 3, 2))
    assert back["due"] == dt.date(2026, 3, 27) and not back["paused"]
