"""One kernel for every workflow: a table of edges and one gate, `transition`.

A process declares its states (TextChoices) and its edges, (from state, action) → to state, each with the
permission that allows it and an optional guard, in its app's `workflow.py`:

    BATCH_RUN = Workflow(name="reports.batch_run", model="reports.BatchRun", states=BatchRunStatus, edges=[
        Edge(CREATED, "start", QUEUED, permission="reports.start_batch_run", event="started", label="Bắt đầu"),
        Edge(QUEUED, "claim", RUNNING, permission="reports.execute_batch_run", event="claimed"),
        ...])

`transition(actor=, obj=, action=, reason=)` then, in one transaction: locks the row (select_for_update),
finds the edge from the row's current state, checks the permission (`actor.has_perm(edge.permission, obj)`)
and the guard, sets the new state (and the other fields the caller changes with it), appends a
`core.Transition` row (who, when, from, to, action, reason) and the audit event
`<workflow>.<event>`; the edge's side effects (mail, tasks) run on commit. `create` does the same for a
new object, from the empty state `CREATED`. Every workflow registers itself; `mermaid()` draws its table
(docs/workflows.md is generated from it by `tdkt workflows`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.apps import apps
from django.db import models, transaction

from . import audit
from .errors import DomainError
from .models import Transition
from .permissions import require

CREATED = ""  # the state of an object that does not exist yet (the source of a workflow's first edge)


class TransitionError(DomainError):
    """No such edge from the object's current state (or a guard refused it)."""


Guard = Callable[[Any, Any, str], "str | None"]  # (obj, actor, reason) → a Vietnamese refusal, or None
Effect = Callable[[Any, Transition], None]  # (obj, transition) → None, run after commit


@dataclass(frozen=True)
class Edge:
    source: str
    action: str
    target: str
    permission: str
    event: str  # the audit event: "<workflow name>.<event>", past tense ("claimed")
    label: str = ""  # Vietnamese, for buttons and the diagram
    guard: Guard | None = None
    requires_reason: bool = False
    effects: tuple[Effect, ...] = ()


@dataclass
class Workflow:
    name: str  # dotted, e.g. "reports.batch_run"
    model: str  # "app_label.ModelName"
    states: type[models.TextChoices]
    edges: list[Edge]
    state_field: str = "status"
    _table: dict[tuple[str, str], Edge] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._table = {}
        values = set(self.states.values)
        for edge in self.edges:
            for state in (edge.source, edge.target):
                if state != CREATED and state not in values:
                    raise ValueError(f"{self.name}: unknown state {state!r} in edge {edge.action!r}")
            key = (edge.source, edge.action)
            if key in self._table:
                raise ValueError(f"{self.name}: two edges for {key}")
            self._table[key] = edge
        REGISTRY[self.name] = self

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def edge(self, state: str, action: str) -> Edge | None:
        return self._table.get((state, action))

    def edges_from(self, state: str) -> list[Edge]:
        return [e for e in self.edges if e.source == state]

    def action_label(self, action: str) -> str:
        """The Vietnamese label of an action (its first edge's), or the action's code when it has none."""
        return next((e.label for e in self.edges if e.action == action and e.label), action)

    def state_label(self, state: str) -> str:
        return dict(self.states.choices).get(state, state) if state != CREATED else "chưa tạo"

    def available(self, actor, obj) -> list[Edge]:
        """The edges the actor may take from the object's state now (permission and guard), for the screens."""
        state = getattr(obj, self.state_field)
        out = []
        for edge in self.edges_from(state):
            if actor is not None and actor.has_perm(edge.permission, obj) and not (edge.guard and edge.guard(obj, actor, "")):
                out.append(edge)
        return out

    def mermaid(self) -> str:
        """The table as a Mermaid state diagram (edges labelled "action: label")."""
        lines = ["stateDiagram-v2"]
        for edge in self.edges:
            source = "[*]" if edge.source == CREATED else edge.source
            text = f"{edge.action}" + (f" — {edge.label}" if edge.label else "")
            lines.append(f"    {source} --> {edge.target}: {text}")
        for value, label in self.states.choices:
            lines.append(f"    {value}: {value} ({label})")
        return "\n".join(lines)


REGISTRY: dict[str, Workflow] = {}


def workflows() -> list[Workflow]:
    return [REGISTRY[name] for name in sorted(REGISTRY)]


def render_document() -> str:
    """docs/workflows.md: every registered workflow's table, as a Mermaid diagram and as a table of edges."""
    parts = ["# Workflows", "",
             "Generated from the workflow tables of the apps by `tdkt workflows --out docs/workflows.md`; do not edit by hand.", ""]
    for flow in workflows():
        parts += [f"## {flow.name} ({flow.model})", "", "```mermaid", flow.mermaid(), "```", "",
                  "| from | action | to | permission | audit event |", "|---|---|---|---|---|"]
        for edge in flow.edges:
            source = edge.source or "(new)"
            parts.append(f"| {source} | {edge.action} | {edge.target} | `{edge.permission}` | `{flow.name}.{edge.event}` |")
        parts.append("")
    return "\n".join(parts)


def workflow_of(obj) -> Workflow:
    label = obj._meta.label
    for flow in REGISTRY.values():
        if flow.model == label:
            return flow
    raise LookupError(f"no workflow for {label}")


def _target(obj) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def _check(flow: Workflow, edge: Edge | None, *, actor, obj, state: str, action: str, reason: str) -> Edge:
    if edge is None:
        allowed = ", ".join(f"“{flow.action_label(e.action)}”" for e in flow.edges_from(state)) or "không có"
        name = str(obj._meta.verbose_name)
        raise TransitionError(
            f"Không thể thực hiện “{flow.action_label(action)}” khi {name[:1].lower()}{name[1:]} đang ở trạng thái "
            f"“{flow.state_label(state)}” (thao tác hợp lệ: {allowed}).", code="invalid_transition")
    require(actor, edge.permission, obj)
    if edge.requires_reason and not (reason or "").strip():
        raise TransitionError("Hãy ghi lý do.", code="reason_required")
    if edge.guard is not None:
        refusal = edge.guard(obj, actor, reason)
        if refusal:
            raise TransitionError(refusal, code="guard")
    return edge


def _record(flow: Workflow, edge: Edge, *, actor, obj, source: str, reason: str, data: dict | None) -> Transition:
    target_type, target_id = _target(obj)
    step = Transition.objects.create(actor=actor, workflow=flow.name, target_type=target_type, target_id=target_id,
                                     source=source, target=edge.target, action=edge.action, reason=reason or "")
    audit.record(actor=actor, action=f"{flow.name}.{edge.event}", target=obj,
                 data={"from": source, "to": edge.target, "action": edge.action, "reason": reason or "", **(data or {})})
    for effect in edge.effects:
        transaction.on_commit(partial(effect, obj, step))
    return step


def transition(*, actor, obj, action: str, reason: str = "", changes: dict[str, Any] | None = None,
               data: dict[str, Any] | None = None, workflow: Workflow | None = None,
               on_commit: Iterable[Callable[[], None]] = ()) -> Transition:
    """Move `obj` along the edge (its state, action); `changes` are other fields set in the same save, `data`
    goes into the audit event. Raises TransitionError (no such edge, guard) or Forbidden. `obj` is updated."""
    flow = workflow or workflow_of(obj)
    changes = dict(changes or {})
    with transaction.atomic():
        locked = type(obj)._default_manager.select_for_update(of=("self",)).get(pk=obj.pk)
        source = getattr(locked, flow.state_field)
        edge = _check(flow, flow.edge(source, action), actor=actor, obj=locked, state=source, action=action, reason=reason)
        changes[flow.state_field] = edge.target
        for name, value in changes.items():
            setattr(locked, name, value)
        fields = list(changes)
        if any(f.name == "updated_at" for f in locked._meta.concrete_fields):
            fields.append("updated_at")
        locked.save(update_fields=fields)
        step = _record(flow, edge, actor=actor, obj=locked, source=source, reason=reason, data=data)
        for callback in on_commit:
            transaction.on_commit(callback)
    for name, value in changes.items():
        setattr(obj, name, getattr(locked, name, value))
    return step


def create(*, actor, obj: models.Model, action: str, reason: str = "", data: dict[str, Any] | None = None,
           workflow: Workflow | None = None, on_commit: Iterable[Callable[[], None]] = ()) -> Transition:
    """Save a new object through the workflow's first edge (CREATED, action): permission, guard, the initial
    state, the transition row and the audit event, in one transaction."""
    flow = workflow or workflow_of(obj)
    if obj.pk is not None:
        raise ValueError("create() takes an object that is not saved yet")
    with transaction.atomic():
        edge = _check(flow, flow.edge(CREATED, action), actor=actor, obj=obj, state=CREATED, action=action, reason=reason)
        setattr(obj, flow.state_field, edge.target)
        obj.save()
        step = _record(flow, edge, actor=actor, obj=obj, source=CREATED, reason=reason, data=data)
        for callback in on_commit:
            transaction.on_commit(callback)
    return step


def history(obj) -> models.QuerySet[Transition]:
    """The object's transitions, oldest first."""
    target_type, target_id = _target(obj)
    return Transition.objects.filter(target_type=target_type, target_id=target_id).select_related("actor").order_by("at", "id")
