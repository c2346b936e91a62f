"""Issue 12: the batch run reports how many people lack a fact that a check needed, and its page says so."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.records import services as records_services
from tdkt.reports import services
from tdkt.reports.models import BatchRunStatus
from tests.factories import PersonFactory


def test_the_run_counts_the_people_lacking_each_fact(tree, officer_a, media, client):
    ward = tree.ward_a
    actor = system_actor()
    unknown = [PersonFactory(unit=ward, full_name=f"Lê Văn {name}", joined_on=None) for name in ("Mới", "Mạnh", "Minh")]
    for person in unknown:  # rated for the year only: the recruitment day is needed and unknown
        records_services.rating_set(actor=actor, person=person, year=tree.year, rating="HTTNV")
    moved = PersonFactory(unit=ward, full_name="Phạm Thị Chuyển", joined_on=dt.date(2010, 1, 1))
    records_services.rating_set(actor=actor, person=moved, year=tree.year, rating="HTXSNV")
    records_services.work_year_set(actor=actor, person=moved, year=tree.year, transfer_from="Phường Kim Liên", transfer_months=8)

    run = services.batch_run_start(actor=officer_a, unit=ward, year=tree.year)
    services.batch_run_execute(actor=actor, run_id=run.pk)
    run.refresh_from_db()
    assert run.status == BatchRunStatus.DONE
    # each person once per field, though LĐTT and CSTĐCS both needed it
    assert run.missing_facts.get("subject.recruited_on") == 3
    assert run.missing_facts.get("history.work_years.transfer.comment") == 1

    client.force_login(officer_a)
    body = client.get(reverse("reports:batch_detail", args=[run.pk])).content.decode()
    assert 'data-testid="batch-missing-facts"' in body
    assert "Ngày tuyển dụng (hoặc ngày bắt đầu công tác liên tục): 3 cá nhân" in body
    assert "Ý kiến nhận xét của đơn vị cũ: 1 cá nhân" in body
