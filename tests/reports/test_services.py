"""batch_run_start / batch_run_execute (through the immediate task backend) and suggest_to_xlsx."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tdkt.core import vntext
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent, Transition
from tdkt.law.catalogue import read_file
from tdkt.org.models import Person
from tdkt.reports import services
from tdkt.reports.models import BatchResult, BatchRun, BatchRunRow, BatchRunStatus
from tests.spreadsheets import table_rows

from .conftest import TITLES, make_people

_NAMES = {a["code"]: a["name"] for a in read_file()["awards"]}  # the titles' names are the catalogue's, nowhere else
HEADERS = ["STT", "Họ và tên", "Đơn vị", "Ngày sinh", *(_NAMES[c] for c in TITLES), "Lý do"]
VERDICT_TEXTS = {"Đủ điều kiện", "Chưa đủ điều kiện", "Cần xem xét thêm"}  # the law vocabulary's verdicts


def test_it_runs_the_task_to_done_with_every_person_processed(tree, officer_a, immediate_tasks, media, django_capture_on_commit_callbacks):
    make_people(tree.school_a, 30, year=tree.year, seed=11)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.batch_run_start(actor=officer_a, unit=tree.ward_a, year=tree.year)

    run.refresh_from_db()
    people = Person.objects.filter(unit__path__startswith=tree.ward_a.path).count()
    assert run.status == BatchRunStatus.DONE
    assert run.processed == run.total == people == 33
    assert run.started_at and run.finished_at and run.error == ""
    assert BatchRunRow.objects.filter(run=run).count() == people
    assert sum(run.summary["LDTT"].values()) == people
    assert AuditEvent.objects.filter(action="reports.batch_run.started", target_id=str(run.pk), actor=officer_a).exists()
    assert AuditEvent.objects.filter(action="reports.batch_run.done", target_id=str(run.pk)).exists()
    ws = load_workbook(run.result_file.path).active
    rows = table_rows(ws)
    assert list(rows[0]) == HEADERS
    assert len(rows) == people + 1
    # through the workflow kernel: who moved it, from where to where, each with its audit event
    steps = [(t.source, t.target, t.action, t.actor.username) for t in Transition.objects.filter(target_id=str(run.pk))]
    assert steps == [("", "queued", "start", "canbo.dongda"), ("queued", "running", "claim", "he-thong"),
                     ("running", "done", "finish", "he-thong")]
    assert AuditEvent.objects.get(action="reports.batch_run.claimed", target_id=str(run.pk)).actor == system_actor()
    assert AuditEvent.objects.get(action="reports.batch_run.done", target_id=str(run.pk)).actor == system_actor()
    # the run's titles and results are kept whole: each row points to stored results with their checks
    assert run.titles == list(TITLES) and len(run.catalogue_version) == 12
    row = BatchRunRow.objects.filter(run=run, person__full_name="Nguyễn Văn An").get()
    stored = BatchResult.objects.get(run=run, key=row.results["CSTD_TINH"])
    assert stored.verdict == row.verdicts["CSTD_TINH"] and stored.catalogue_version == run.catalogue_version
    assert {c["code"] for c in stored.checks} >= {"CSTDCS_CHAIN", "DISCIPLINE"}
    assert all({"message_id", "args", "facts", "parameters", "legal_basis"} <= set(c) for c in stored.checks)
    assert stored.to_result().checks[0].message == stored.checks[0]["message"]
    # people with the same history share one stored result
    assert BatchResult.objects.filter(run=run).count() < people * len(TITLES)


def test_a_run_that_fails_is_moved_to_failed_with_its_reason_and_keeps_no_rows(tree, officer_a, media):
    run = BatchRun.objects.create(unit=tree.ward_a, year=1985, requested_by=officer_a)  # no regime covers 1985
    done = services.batch_run_execute(actor=system_actor(), run_id=run.pk)
    assert done.status == BatchRunStatus.FAILED and "chưa có chế độ pháp lý" in done.error
    step = Transition.objects.filter(target_id=str(run.pk)).last()
    assert (step.source, step.target, step.action) == ("running", "failed", "fail") and "1985" in step.reason
    assert not BatchRunRow.objects.filter(run=run).exists() and not BatchResult.objects.filter(run=run).exists()


def test_it_updates_progress_in_steps_and_does_not_run_a_run_twice(tree, officer_a, media):
    make_people(tree.school_a, 12, year=tree.year, seed=12)
    run = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=officer_a)
    done = services.batch_run_execute(actor=system_actor(), run_id=run.pk, progress_every=5)
    assert done.status == BatchRunStatus.DONE and done.processed == done.total == 15
    assert services.batch_run_execute(actor=system_actor(), run_id=run.pk) is None  # already claimed: nothing happens
    assert BatchRunRow.objects.filter(run=run).count() == 15


def test_it_refuses_a_unit_outside_the_actor_scope_in_vietnamese(tree, officer_b):
    with pytest.raises(DomainError) as exc:
        services.batch_run_start(actor=officer_b, unit=tree.ward_a, year=tree.year)
    assert exc.value.message == "Bạn không có quyền xét điều kiện khen thưởng cho đơn vị “Phường Đống Đa”."
    assert not BatchRun.objects.exists()


def test_it_refuses_a_year_out_of_range(tree, officer_a):
    with pytest.raises(DomainError, match="Năm xét phải từ 2000"):
        services.batch_run_start(actor=officer_a, unit=tree.ward_a, year=1990)


def test_it_writes_the_suggestion_xlsx_in_vietnamese_order(tree, tmp_path):
    make_people(tree.ward_a, 20, year=tree.year, seed=13)
    out = tmp_path / "de-xuat.xlsx"

    written = services.suggest_to_xlsx(actor=system_actor(), unit_code="phuong_dong_da", year=tree.year, out=out)

    people = list(Person.objects.filter(unit__path__startswith=tree.ward_a.path))
    assert written == len(people) == 23
    ws = load_workbook(out).active
    rows = table_rows(ws)
    assert list(rows[0]) == HEADERS
    names = [r[1] for r in rows[1:]]
    assert names == [p.full_name for p in sorted(people, key=lambda p: (vntext.person_sort_key(p.full_name), p.pk))]
    assert [r[0] for r in rows[1:]] == list(range(1, written + 1))
    assert all(r[c] in VERDICT_TEXTS for r in rows[1:] for c in range(4, 4 + len(TITLES)))
    an = next(r for r in rows[1:] if r[1] == "Nguyễn Văn An")
    assert an[2] == "Trường THCS Đống Đa" and an[3].date().isoformat() == "1985-03-12"


def test_it_says_which_unit_code_is_unknown(db, tmp_path):
    with pytest.raises(DomainError, match="Không tìm thấy đơn vị có mã “khong_co”"):
        services.suggest_to_xlsx(actor=system_actor(), unit_code="khong_co", year=2025, out=tmp_path / "x.xlsx")


def test_it_keeps_the_query_count_of_a_whole_run_flat(tree, officer_a, media, django_assert_max_num_queries):
    from tdkt.law import engine

    engine.load_catalogue()  # the snapshot is cached per process
    counts = []
    for n, seed in ((5, 21), (80, 22)):
        make_people(tree.school_a, n, year=tree.year, seed=seed)
        run = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=officer_a)
        with django_assert_max_num_queries(40) as ctx:
            services.batch_run_execute(actor=system_actor(), run_id=run.pk)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_it_serves_the_eligibility_suggest_command(tree, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "goi-y.xlsx"
    call_command("eligibility", "suggest", "--unit", "phuong_dong_da", "--year", str(tree.year), "--out", str(out))
    rows = table_rows(load_workbook(out).active)
    assert list(rows[0]) == HEADERS and len(rows) == 4  # An, Bình, Cường
