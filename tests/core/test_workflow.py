"""The workflow kernel: one gate for every edge (lock, permission, guard, transition row and audit event in one
transaction, side effects on commit), tried on the batch run's table and on a table made here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import transaction

from tdkt.core import workflow
from tdkt.core.actors import system_actor
from tdkt.core.errors import Forbidden
from tdkt.core.models import AuditEvent, Transition
from tdkt.org.models import Unit
from tdkt.reports.models import BatchRun
from tdkt.reports.models import BatchRunStatus as S
from tdkt.reports.workflow import BATCH_RUN

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tree, officer_a):
    new = BatchRun(unit=tree.ward_a, year=tree.year, requested_by=officer_a)
    workflow.create(actor=officer_a, obj=new, action="start", workflow=BATCH_RUN)
    return new


@pytest.fixture
def guarded():
    """A table of our own over the same model: an edge with a guard and one with an effect."""
    calls = []
    flow = workflow.Workflow(name="tests.guarded", model="reports.BatchRun", states=S, edges=[
        workflow.Edge(S.QUEUED, "claim", S.RUNNING, permission="reports.execute_batch_run", event="claimed",
                      guard=lambda run, actor, reason: "Đơn vị đã giải thể." if run.unit.valid_to else None,
                      effects=(lambda run, step: calls.append((run.pk, step.action)),)),
    ])
    yield flow, calls
    workflow.REGISTRY.pop("tests.guarded", None)


def test_it_creates_through_the_first_edge_with_a_transition_and_an_audit_event(run, officer_a):
    assert run.status == S.QUEUED
    step, = workflow.history(run)
    assert (step.source, step.target, step.action, step.actor) == ("", S.QUEUED, "start", officer_a)
    event = AuditEvent.objects.get(action="reports.batch_run.started", target_id=str(run.pk))
    assert event.actor == officer_a and event.data["to"] == "queued"


def test_it_moves_along_an_edge_and_records_who_when_from_to_and_why(run):
    system = system_actor()
    workflow.transition(actor=system, obj=run, action="claim", workflow=BATCH_RUN)
    workflow.transition(actor=system, obj=run, action="fail", reason="Mất kết nối CSDL", workflow=BATCH_RUN,
                        changes={"error": "Mất kết nối CSDL"})
    run.refresh_from_db()
    assert run.status == S.FAILED and run.error == "Mất kết nối CSDL"
    steps = [(t.source, t.target, t.action, t.reason, t.actor.username) for t in workflow.history(run)]
    assert steps == [("", "queued", "start", "", "canbo.dongda"), ("queued", "running", "claim", "", "he-thong"),
                     ("running", "failed", "fail", "Mất kết nối CSDL", "he-thong")]
    assert AuditEvent.objects.filter(target_id=str(run.pk), action__startswith="reports.batch_run.").count() == 3


def test_it_refuses_an_action_that_is_not_an_edge_of_the_current_state(run):
    with pytest.raises(workflow.TransitionError, match="đang ở trạng thái “Đang chờ”.*thao tác hợp lệ: “Tiến trình nền nhận việc”, “Lỗi”"):
        workflow.transition(actor=system_actor(), obj=run, action="finish", workflow=BATCH_RUN)
    run.refresh_from_db()
    assert run.status == S.QUEUED and workflow.history(run).count() == 1


def test_it_checks_the_permission_of_the_edge(run, officer_a):
    with pytest.raises(Forbidden):
        workflow.transition(actor=officer_a, obj=run, action="claim", workflow=BATCH_RUN)
    run.refresh_from_db()
    assert run.status == S.QUEUED and workflow.history(run).count() == 1


def test_it_asks_for_the_reason_an_edge_requires(run):
    workflow.transition(actor=system_actor(), obj=run, action="claim", workflow=BATCH_RUN)
    with pytest.raises(workflow.TransitionError, match="lý do"):
        workflow.transition(actor=system_actor(), obj=run, action="fail", reason="  ", workflow=BATCH_RUN)
    run.refresh_from_db()
    assert run.status == S.RUNNING


def test_a_guard_refuses_in_vietnamese_and_nothing_is_written(run, guarded, tree):
    flow, calls = guarded
    Unit.objects.filter(pk=tree.ward_a.pk).update(valid_to=dt.date(2025, 12, 31))  # dissolved
    run.unit.refresh_from_db()
    with pytest.raises(workflow.TransitionError, match="Đơn vị đã giải thể"):
        workflow.transition(actor=system_actor(), obj=run, action="claim", workflow=flow)
    assert not Transition.objects.filter(workflow="tests.guarded").exists() and calls == []


def test_side_effects_run_after_commit_and_not_when_the_transaction_rolls_back(run, guarded, django_capture_on_commit_callbacks):
    flow, calls = guarded

    class Undo(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                workflow.transition(actor=system_actor(), obj=run, action="claim", workflow=flow)
                raise Undo
        except Undo:
            pass
    run.refresh_from_db()
    assert run.status == S.QUEUED and calls == []
    assert not Transition.objects.filter(workflow="tests.guarded").exists()
    assert not AuditEvent.objects.filter(action="tests.guarded.claimed").exists()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(actor=system_actor(), obj=run, action="claim", workflow=flow)
    assert calls == [(run.pk, "claim")]


def test_a_table_with_an_unknown_state_or_two_edges_for_one_action_is_refused():
    with pytest.raises(ValueError, match="unknown state"):
        workflow.Workflow(name="tests.bad", model="reports.BatchRun", states=S,
                          edges=[workflow.Edge(S.QUEUED, "x", "nowhere", permission="p", event="x")])
    with pytest.raises(ValueError, match="two edges"):
        workflow.Workflow(name="tests.bad2", model="reports.BatchRun", states=S, edges=[
            workflow.Edge(S.QUEUED, "x", S.DONE, permission="p", event="x"),
            workflow.Edge(S.QUEUED, "x", S.FAILED, permission="p", event="x")])


def test_the_edges_offered_are_those_the_actor_may_take(run, officer_a):
    assert [e.action for e in BATCH_RUN.available(system_actor(), run)] == ["claim", "fail"]
    assert BATCH_RUN.available(officer_a, run) == []


def test_the_workflow_diagrams_in_the_docs_are_generated_from_the_tables():
    assert (ROOT / "docs" / "workflows.md").read_text(encoding="utf-8") == workflow.render_document(), \
        "docs/workflows.md is out of date: run `tdkt workflows --out docs/workflows.md`"
    assert "queued --> running: claim" in workflow.render_document()
