"""A title joins the batch run by a catalogue change and a rule: no migration, no new column."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core.actors import system_actor
from tdkt.law import engine
from tdkt.law.catalogue import load_catalogue
from tdkt.law.models import AwardType
from tdkt.law.rules import common
from tdkt.law.services import catalogue_row_save
from tdkt.reports import services
from tdkt.reports.models import BatchResult, BatchRunRow
from tests.spreadsheets import table_rows

from .conftest import TITLES, make_people


def _rule(ctx):
    """A local title (a province's own, say): LĐTT's rating and no discipline in the year."""
    return [common.rating_at_least(ctx, "ldtt.min_rating"), common.discipline_in_year(ctx)]


@pytest.fixture
def new_title(db):
    previous = engine.register_rule("DH_THU", _rule)
    catalogue_row_save(actor=system_actor(), row=AwardType(
        code="DH_THU", name="Danh hiệu Người tốt việc tốt (thử)", short_name="NTVT", kind="title", subjects=["individual"],
        rank=15, batch_order=15, valid_from=dt.date(1990, 1, 1), legal_basis="Quy chế thi đua, khen thưởng của tỉnh (thử)"))
    yield "DH_THU"
    engine.register_rule("DH_THU", previous)


def test_the_catalogue_flag_puts_the_title_in_the_batch_in_its_order(new_title):
    assert load_catalogue().batch_titles() == ("LDTT", "DH_THU", *TITLES[1:])


def test_a_run_evaluates_the_new_title_for_everyone_and_stores_it_like_the_others(
        new_title, tree, officer_a, immediate_tasks, media, django_capture_on_commit_callbacks, client):
    make_people(tree.school_a, 12, year=tree.year, seed=41)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.batch_run_start(actor=officer_a, unit=tree.ward_a, year=tree.year)
    run.refresh_from_db()
    assert run.titles == ["LDTT", "DH_THU", *TITLES[1:]]
    rows = BatchRunRow.objects.filter(run=run)
    assert rows.count() == 15 and all(set(r.verdicts) == set(run.titles) for r in rows)
    assert sum(run.summary["DH_THU"].values()) == 15
    an = rows.get(person=tree.an)
    assert an.verdicts["DH_THU"] == "eligible"  # HTXSNV, no discipline
    stored = BatchResult.objects.get(run=run, key=an.results["DH_THU"])
    assert [c["code"] for c in stored.checks] == ["RATING", "DISCIPLINE"]
    cuong = rows.get(person=tree.cuong)
    assert cuong.verdicts["DH_THU"] == "not_eligible"  # reprimanded in the year
    header = table_rows(load_workbook(run.result_file.path).active)[0]
    assert "Danh hiệu Người tốt việc tốt (thử)" in header
    client.force_login(officer_a)
    page = client.get(reverse("reports:batch_detail", args=[run.pk]), {"code": "DH_THU", "verdict": "not_eligible"})
    body = page.content.decode()
    assert "NTVT" in body and "Lê Minh Cường" in body and "Nguyễn Văn An" not in body


def test_no_migration_is_needed(new_title):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits 1 (SystemExit) when a migration is missing
