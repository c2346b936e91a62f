"""Issue 13, point 5: the time limit of each step, shown with the working days left (catalogue settings with their
legal basis, defaults marked as such), on the dossier page and in the inbox; the inbox reads the calendar and the
catalogue once, whatever the number of dossiers."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.urls import reverse
from django.utils import timezone

from tdkt.core import calendar
from tdkt.core.models import Transition
from tdkt.law.catalogue import clear_cache, load_catalogue
from tdkt.law.models import Setting
from tdkt.nominations import clocks, selectors, services
from tdkt.nominations.models import Dossier, DossierStatus

from .conftest import attach_components

pytestmark = pytest.mark.django_db


def _step(dossier, today=None):
    [d] = selectors.with_clocks([Dossier.objects.get(pk=dossier.pk)], today=today)
    return d.step


def test_the_step_limits_are_catalogue_settings_with_their_basis_and_marked_as_defaults():
    catalogue = load_catalogue()
    for key, days in (("dossier.step.receipt_days", 5), ("dossier.step.appraisal_days", 10), ("dossier.step.supplement_days", 10)):
        row = catalogue.param_on(key, dt.date(2026, 1, 5))
        assert int(row.value) == days and row.needs_verification and "giá trị mặc định" in row.legal_basis


def test_the_law_migration_adds_the_step_limits_where_missing_only():
    from django.apps import apps

    Setting.objects.filter(key="dossier.step.receipt_days").delete()
    Setting.objects.filter(key="dossier.step.appraisal_days").update(value=7)  # an administrator's change is kept
    migration = importlib.import_module("tdkt.law.migrations.0012_step_limits")
    migration.Migration.operations[0].code(apps, None)
    migration.Migration.operations[0].code(apps, None)
    assert Setting.objects.filter(key="dossier.step.receipt_days").count() == 1
    assert Setting.objects.get(key="dossier.step.appraisal_days").value == 7
    clear_cache()


def test_each_step_has_its_limit_and_the_days_left(dossier_a, officer_a, personas):
    appraiser = personas["appraiser"]
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    today = timezone.localdate()
    step = _step(dossier_a)
    assert (step["code"], step["limit"], step["start"]) == ("receipt", 5, today)
    assert step["due"] == calendar.deadline(today, 5) and step["left"] == calendar.working_days_between(today, step["due"])
    assert step["default"] and not step["overdue"]
    later = calendar.add_working_days(today, 7)
    late = _step(dossier_a, today=later)
    assert late["overdue"] and late["left"] == -2
    services.dossier_act(actor=appraiser, dossier=dossier_a, action="receive")
    services.dossier_act(actor=appraiser, dossier=dossier_a, action="start_appraisal")
    step = _step(dossier_a)
    assert (step["code"], step["label"], step["limit"]) == ("appraisal", "Thẩm định hồ sơ", 10)
    services.dossier_act(actor=appraiser, dossier=dossier_a, action="return_for_supplement", reason="Thiếu")
    step = _step(dossier_a)
    assert (step["code"], step["limit"]) == ("supplement", 10)


def test_the_opinion_and_consultation_steps_use_their_own_dates(dossier_a, officer_a, personas):
    from tdkt.core.actors import system_actor
    from tdkt.nominations.models import Consultation, OpinionRequest

    today = timezone.localdate()
    Dossier.objects.filter(pk=dossier_a.pk).update(status=DossierStatus.AWAITING_OPINIONS)
    nominee = dossier_a.nominees.get()
    due = calendar.add_working_days(today, 3)
    OpinionRequest.objects.create(dossier=dossier_a, nominee=nominee, addressee=dossier_a.unit, agency_kind="POLICE",
                                  requested_by=system_actor(), requested_on=today, reply_days=10, due_on=due)
    step = _step(dossier_a)
    assert (step["code"], step["due"], step["left"]) == ("opinions", due, 3)
    Dossier.objects.filter(pk=dossier_a.pk).update(status=DossierStatus.IN_CONSULTATION)
    closes = calendar.add_working_days(today, 12)
    Consultation.objects.create(dossier=dossier_a, opened_on=today, closes_on=closes, working_days=12, opened_by=system_actor())
    step = _step(dossier_a)
    assert (step["code"], step["limit"], step["due"], step["left"]) == ("consultation", 12, closes, 12)


def test_the_dossier_page_and_the_inbox_show_the_step_and_flag_it(client, dossier_a, officer_a, personas):
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    client.force_login(personas["appraiser"])
    page = client.get(reverse("nominations:dossier_detail", args=[dossier_a.pk])).content.decode()
    assert 'data-testid="step-clock"' in page and "Bước hiện tại: Tiếp nhận, kiểm tra hồ sơ" in page
    assert "Còn 5 ngày làm việc" in page and "giá trị mặc định" in page
    Transition.objects.filter(target_id=str(dossier_a.pk), action="submit").update(at=timezone.now() - dt.timedelta(days=30))
    inbox = client.get(reverse("nominations:index")).content.decode()
    assert 'data-testid="step-overdue"' in inbox and "Tiếp nhận, kiểm tra hồ sơ: quá hạn" in inbox


def test_the_inbox_reads_the_calendar_once_whatever_the_number_of_running_dossiers(
        client, tree, round_a, officer_a, personas, django_assert_max_num_queries):
    appraiser = personas["appraiser"]

    def received(title):
        dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.school_a, title=title)
        services.nominee_add(actor=officer_a, dossier=dossier, person=tree.an, award_code="GIAY_KHEN", justification="Đề nghị")
        attach_components(dossier, officer_a)
        services.dossier_act(actor=officer_a, dossier=dossier, action="submit")
        services.dossier_act(actor=appraiser, dossier=dossier, action="receive")

    received("Hồ sơ thứ nhất")
    client.force_login(appraiser)
    client.get(reverse("nominations:index"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("nominations:index"))
    for i in range(3):
        extra = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.ward_a, title=f"Hồ sơ đang thẩm định {i}")
        Dossier.objects.filter(pk=extra.pk).update(status=DossierStatus.UNDER_APPRAISAL)
        Transition.objects.create(actor=appraiser, workflow="nominations.dossier", target_type="nominations.dossier",
                                  target_id=str(extra.pk), source="submitted", target="received", action="receive")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(reverse("nominations:index")).content.decode()
    assert body.count("Thẩm định hồ sơ: còn") >= 3


def test_a_step_without_its_start_has_no_limit(dossier_a):
    Dossier.objects.filter(pk=dossier_a.pk).update(status=DossierStatus.SUBMITTED)  # test data: no transition
    assert _step(dossier_a) is None
    assert clocks.STEPS[DossierStatus.RETURNED].key == "dossier.step.supplement_days"
