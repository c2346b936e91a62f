"""The one way into the engine from the ledger: `eligibility_request(subject, award, year, proposed=())`.

The profile panel, the batch run and (next) the dossiers all build the engine's request here, from a subject
(a Person, Unit or Household, whose ledger is read) or from a ledger already read (`ledger.Ledger`, or the
batch run's readers, which give the same attributes). Entries after the year under review are left out, so a
request says the same whichever reader gave the ledger; `proposed` are the titles of the year proposed in the
same round (added unless the ledger already holds them as decided).
"""

from __future__ import annotations

from collections.abc import Iterable

from tdkt.law import engine
from tdkt.law.schema import AwardEntry, EligibilityRequest, EligibilityResult, Subject

from .ledger import load_ledger

_PROPOSED: dict[tuple[int, str], AwardEntry] = {}


def _proposed_entry(year: int, code: str) -> AwardEntry:
    entry = _PROPOSED.get((year, code))
    if entry is None:
        entry = _PROPOSED[(year, code)] = AwardEntry(year=year, award=code, proposed=True)
    return entry


def _is_model(subject) -> bool:
    return hasattr(subject, "_meta")


def _until(entries, year: int) -> tuple:
    """The entries of the year under review and before (the readers give them in year order, so most ledgers end
    in or before the year and are taken whole)."""
    if not entries or entries[-1].year <= year:
        return tuple(entries)
    return tuple(e for e in entries if e.year <= year)


def eligibility_request(subject, award: str, year: int, proposed: Iterable[str] = ()) -> EligibilityRequest:
    """The engine's request for `award` in `year` from the subject's ledger (see the module's docstring)."""
    year = int(year)
    ledger = load_ledger(subject, year=year) if _is_model(subject) else subject
    awards = _until(ledger.awards, year)
    if proposed:
        held = {a.award for a in awards if a.year == year}
        awards += tuple(_proposed_entry(year, c) for c in proposed if c not in held)
    disciplines = ledger.disciplines
    if disciplines and disciplines[-1].start.year > year:
        disciplines = [d for d in disciplines if d.start.year <= year]
    return EligibilityRequest(award, year, Subject(ledger.kind, ledger.joined_on, getattr(ledger, "service_start", None)),
                              _until(ledger.ratings, year), awards, tuple(disciplines), _until(ledger.initiatives, year),
                              ledger.collective, work_years=_until(getattr(ledger, "work_years", ()), year))


def check_subject(subject, award: str, year: int, proposed: Iterable[str] = (), *, catalogue=None) -> EligibilityResult:
    """The engine's result for a subject (or a ledger) through `eligibility_request`."""
    return engine.evaluate(eligibility_request(subject, award, year, proposed), catalogue=catalogue)
