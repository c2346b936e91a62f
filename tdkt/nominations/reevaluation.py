"""The engine judges the open nominees again whenever the ledger changes (issue 13, point 3).

The records services announce each change after the commit (`tdkt.records.changes.ledger_changed`, with the subjects
whose ledger changed); `on_ledger_changed` (connected in `apps.py`) finds the open nominees concerned — those of the
subjects themselves, and for a person also the collectives above them, whose figures count their members — and judges
them again: at once for a few, through one background task (`tasks.nominees_reevaluate`) for many or for an import.

Open: not withdrawn, in a dossier not withdrawn nor rejected. The judgement itself is `nominee_evaluate` (the same as
the button "Xét lại điều kiện"); each dossier touched gets one audit event `nominations.dossier.reevaluated` with
`cause: "ledger"` and the verdicts that changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet

from tdkt.core import audit
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.org.models import Person
from tdkt.org.selectors import paths_at_and_above

from .models import SUBJECT_RELATED, Dossier, DossierStatus, Nominee

CLOSED = (DossierStatus.WITHDRAWN, DossierStatus.REJECTED)
DIRECT_LIMIT = 20  # nominees judged right after the commit; more go to the background task
CHUNK = 500  # ids per IN (…) in a query


def _chunks(values, size: int = CHUNK):
    values = sorted(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


def open_nominees() -> QuerySet[Nominee]:
    return Nominee.objects.filter(withdrawn=False).exclude(dossier__status__in=CLOSED)


def open_nominee_ids(subjects: Iterable[tuple[str, int]]) -> list[int]:
    """The open nominees whose verdict may change with the ledgers of `subjects` (("person", id), ("unit", id),
    ("household", id)): theirs, and those of the collectives a person counts in."""
    ids = defaultdict(set)
    for kind, pk in subjects:
        if kind in ("person", "unit", "household"):
            ids[kind].add(int(pk))
    found: set[int] = set()
    for kind, values in ids.items():
        for chunk in _chunks(values):
            found.update(open_nominees().filter(**{f"{kind}_id__in": chunk}).values_list("pk", flat=True))
    paths = set()
    for chunk in _chunks(ids.get("person", ())):
        paths.update(p for p in Person.objects.filter(pk__in=chunk, unit__isnull=False).values_list("unit__path", flat=True) if p)
    above = {above for path in paths for above in paths_at_and_above(path)}
    for chunk in _chunks(above):
        found.update(open_nominees().filter(unit__path__in=chunk).values_list("pk", flat=True))
    return sorted(found)


def nominees_reevaluate(*, actor, nominee_ids: Iterable[int], cause: str = "ledger") -> int:
    """Judge the given nominees again on the ledger as it is now (those still open); one audit event per dossier.
    Returns how many were judged."""
    from .services import nominee_evaluate

    ids = list(nominee_ids)
    count = 0
    for chunk in _chunks(ids):
        with transaction.atomic():
            nominees = list(open_nominees().filter(pk__in=chunk).select_related("dossier__round", *SUBJECT_RELATED).order_by("dossier_id", "id"))
            by_dossier: dict[int, list[Nominee]] = defaultdict(list)
            for nominee in nominees:
                by_dossier[nominee.dossier_id].append(nominee)
            for group in by_dossier.values():
                dossier: Dossier = group[0].dossier
                if not (actor.has_perm("nominations.appraise_dossier", dossier) or actor.has_perm("nominations.edit_dossier", dossier)):
                    raise DomainError("Bạn không có quyền xét lại hồ sơ này.")
                changed = []
                for nominee in group:
                    old = nominee.verdict
                    nominee_evaluate(nominee, dossier=dossier)
                    if nominee.verdict != old:
                        changed.append({"nominee": nominee.pk, "old": old, "new": nominee.verdict})
                audit.record(actor=actor, action="nominations.dossier.reevaluated", target=dossier,
                             data={"nominees": len(group), "cause": cause, "changed": changed})
                count += len(group)
    return count


def on_ledger_changed(sender, *, subjects, bulk: bool = False, **kwargs) -> None:
    """Receiver of `records.changes.ledger_changed` (after the commit): judge a few open nominees at once, queue one
    task for many or for an import."""
    ids = open_nominee_ids(subjects)
    if not ids:
        return
    if bulk or len(ids) > DIRECT_LIMIT:
        from .tasks import nominees_reevaluate as task

        task.enqueue(ids)
        return
    nominees_reevaluate(actor=system_actor(), nominee_ids=ids)
