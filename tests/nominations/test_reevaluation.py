"""The engine judges the open nominees again whenever the ledger changes (issue 13, point 3): a rating recorded on the
person's profile flips the verdict on the dossier page without the button; an import of history judges each nominee
concerned once (one task for the whole file); a withdrawn nominee and a rejected dossier are left alone; a rolled-back
change judges nothing; the nominee shows when it was last judged."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.core.models import AuditEvent
from tdkt.nominations import services
from tdkt.nominations.models import Nominee
from tdkt.org import services as org_services
from tdkt.org.models import Gender
from tdkt.records import services as record_services
from tdkt.records.changes import batch
from tdkt.records.importing import history_import

from .conftest import attach_components

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    return settings


def _person(tree, name, born):
    return org_services.person_create(actor=system_actor(), full_name=name, gender=Gender.FEMALE, unit=tree.school_a,
                                      position="Giáo viên", date_of_birth=born, joined_on=dt.date(2015, 9, 1))


@pytest.fixture
def teachers(tree):
    """Two teachers of the ward A school with no rating for the year yet (LĐTT: the engine cannot judge)."""
    return _person(tree, "Đặng Thị Thu", dt.date(1990, 4, 2)), _person(tree, "Lý Thị Mai", dt.date(1992, 6, 9))


@pytest.fixture
def draft(tree, round_a, officer_a, teachers):
    dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.school_a)
    for teacher in teachers:
        services.nominee_add(actor=officer_a, dossier=dossier, person=teacher, award_code="LDTT")
    return dossier


def _judged(nominee) -> int:
    """How many times the nominee's verdict was written (its history rows after the first)."""
    return Nominee.history.filter(id=nominee.pk).count()


def test_a_rating_recorded_on_the_profile_flips_the_verdict_on_the_dossier_page(client, tree, draft, teachers, officer_a,
                                                                               django_capture_on_commit_callbacks):
    thu = teachers[0]
    nominee = draft.nominees.get(person=thu)
    assert nominee.verdict == "needs_review"
    client.force_login(officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("records:rating_record", args=[thu.pk]), {"year": tree.year, "rating": "KHTNV", "note": ""})
    assert response.status_code == 302
    nominee.refresh_from_db()
    assert nominee.verdict == "not_eligible"
    page = client.get(reverse("nominations:dossier_detail", args=[draft.pk])).content.decode()
    row = page[page.index(f'data-nominee="{nominee.pk}"'):]
    row = row[:row.index("</li>")]
    assert "Chưa đủ điều kiện" in row and 'data-testid="nominee-evaluated"' in row
    assert 'data-testid="dossier-reevaluated"' in page and "hồ sơ thành tích thay đổi" in page
    event = AuditEvent.objects.get(action="nominations.dossier.reevaluated")
    assert event.data == {"nominees": 1, "cause": "ledger", "changed": [{"nominee": nominee.pk, "old": "needs_review", "new": "not_eligible"}]}
    assert event.actor == system_actor()
    other = draft.nominees.get(person=teachers[1])
    assert other.verdict == "needs_review" and _judged(other) == 2  # created, judged once when added: not touched


def test_a_history_import_judges_each_nominee_concerned_once(tree, draft, teachers, officer_a, immediate_tasks,
                                                              django_capture_on_commit_callbacks):
    collective = services.nominee_add(actor=officer_a, dossier=draft, unit=tree.school_a, award_code="TTLDTT")
    nominees = [*draft.nominees.filter(person__isnull=False), collective]
    before = {n.pk: _judged(n) for n in nominees}
    rows = []
    for teacher in teachers:
        base = {"full_name": teacher.full_name, "date_of_birth": teacher.date_of_birth.strftime("%d/%m/%Y"), "gender": "Nữ",
                "unit": "thcs_dong_da"}
        rows += [{**base, "year": tree.year, "rating": "HTTNV"}, {**base, "year": tree.year - 1, "rating": "HTTNV"},
                 {**base, "year": tree.year - 1, "award": "LDTT", "issuer": "phuong_dong_da", "decision_number": "1/QĐ-UBND"}]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = history_import(actor=system_actor(), scope_unit=tree.ward_a, file=io.BytesIO(json.dumps(rows).encode()), format="json")
    assert report.ok, report.errors
    assert len(callbacks) == 1  # one announcement for the whole file, not one per row
    for n in nominees:
        n.refresh_from_db()
        assert _judged(n) == before[n.pk] + 1, n.name
    assert {n.verdict for n in nominees if n.person_id} == {"eligible"}
    events = AuditEvent.objects.filter(action="nominations.dossier.reevaluated")
    assert events.count() == 1 and events.get().data["nominees"] == 3


def test_a_withdrawn_nominee_and_a_rejected_dossier_are_left_alone(tree, round_a, draft, teachers, officer_a, personas,
                                                                    django_capture_on_commit_callbacks):
    thu, mai = teachers
    withdrawn = services.nominee_withdraw(actor=officer_a, nominee=draft.nominees.get(person=thu), reason="Chuyển công tác")
    other = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.school_a, title="Hồ sơ bổ sung")
    services.nominee_add(actor=officer_a, dossier=draft, person=tree.an, award_code="CSTDCS")
    rejected = services.nominee_add(actor=officer_a, dossier=other, person=mai, award_code="GIAY_KHEN")
    attach_components(other, officer_a)
    services.dossier_act(actor=officer_a, dossier=other, action="submit")
    services.dossier_act(actor=personas["appraiser"], dossier=other, action="reject", reason="Không đúng đối tượng")
    before = {n.pk: (_judged(n), n.evaluated_at) for n in (withdrawn, rejected)}
    with django_capture_on_commit_callbacks(execute=True):
        record_services.rating_set(actor=officer_a, person=thu, year=tree.year, rating="HTTNV")
        record_services.rating_set(actor=officer_a, person=mai, year=tree.year, rating="HTTNV")
    for n in (withdrawn, rejected):
        n.refresh_from_db()
        assert (_judged(n), n.evaluated_at) == before[n.pk]
    open_one = draft.nominees.get(person=mai)
    assert open_one.verdict == "eligible"


def test_a_rolled_back_change_judges_nothing(tree, draft, teachers, officer_a, django_capture_on_commit_callbacks):
    from django.db import transaction

    nominee = draft.nominees.get(person=teachers[0])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic(), batch():
                record_services.rating_set(actor=officer_a, person=teachers[0], year=tree.year, rating="KHTNV")
                raise RuntimeError("stop")
        except RuntimeError:
            pass
    assert callbacks == []
    nominee.refresh_from_db()
    assert nominee.verdict == "needs_review"


def test_many_nominees_are_judged_by_one_background_task(tree, draft, teachers, officer_a, monkeypatch,
                                                        django_capture_on_commit_callbacks):
    """Over the direct limit (the teacher's own nominee and the school's, whose figures count her) one task is queued;
    the worker's run judges them."""
    from django_tasks_db.models import DBTaskResult

    from tdkt.nominations import reevaluation, tasks

    monkeypatch.setattr(reevaluation, "DIRECT_LIMIT", 1)
    collective = services.nominee_add(actor=officer_a, dossier=draft, unit=tree.school_a, award_code="TTLDTT")
    thu = draft.nominees.get(person=teachers[0])
    with django_capture_on_commit_callbacks(execute=True):
        record_services.rating_set(actor=officer_a, person=teachers[0], year=tree.year, rating="KHTNV")
    queued = DBTaskResult.objects.get(task_path__endswith="nominees_reevaluate")
    assert sorted(queued.args_kwargs["args"][0]) == sorted([thu.pk, collective.pk])
    thu.refresh_from_db()
    assert thu.verdict == "needs_review"  # not yet: the worker judges
    assert tasks.nominees_reevaluate.call(*queued.args_kwargs["args"]) == 2
    thu.refresh_from_db()
    assert thu.verdict == "not_eligible"


def test_a_households_award_recorded_judges_its_nominee_again(tree, officer_a, django_capture_on_commit_callbacks):
    from tdkt.org.models import Household, UnitKind

    village = org_services.unit_create(actor=system_actor(), code="tdp_1_dong_da", name="Tổ dân phố số 1", kind=UnitKind.VILLAGE,
                                       parent=tree.ward_a)
    household = Household.objects.create(head_name="Nguyễn Thị Hoa", village=village)
    round_ = services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=tree.year, kind="ANNUAL", title="Gia đình văn hóa",
                                 awards=["GDVH"], intake_from=dt.date(tree.year, 11, 1), intake_to=dt.date(tree.year + 1, 12, 31))
    dossier = services.dossier_create(actor=officer_a, round_=round_, unit=village)
    nominee = services.nominee_add(actor=officer_a, dossier=dossier, household=household, award_code="GDVH")
    before = _judged(nominee)
    with django_capture_on_commit_callbacks(execute=True):
        record_services.award_add(actor=officer_a, household=household, award_code="GDVH", year=tree.year - 1, issuer=tree.ward_a)
    assert _judged(nominee) == before + 1
    assert AuditEvent.objects.get(action="nominations.dossier.reevaluated").data["cause"] == "ledger"


def test_a_recruitment_day_corrected_on_the_person_judges_their_nominee_again(tree, draft, teachers, officer_a,
                                                                             django_capture_on_commit_callbacks):
    """The person's own facts that the engine reads (the recruitment day here) are part of the ledger too."""
    thu = teachers[0]
    with django_capture_on_commit_callbacks(execute=True):
        record_services.rating_set(actor=officer_a, person=thu, year=tree.year, rating="HTXSNV")
    nominee = draft.nominees.get(person=thu)
    nominee.refresh_from_db()
    assert nominee.verdict == "eligible"
    with django_capture_on_commit_callbacks(execute=True):
        org_services.person_update(actor=officer_a, person=thu, joined_on=dt.date(tree.year, 11, 1))
    nominee.refresh_from_db()
    assert nominee.verdict == "not_eligible"
    assert any(c["code"] == "RECRUITMENT" and c["result"] == "fail" for c in nominee.checks)
