"""Display names of catalogue codes for the web pages."""

from tdkt.law.engine import load_catalogue
from tdkt.records.models import DisciplineForm, InitiativeScope, Rating

RATING_NAMES = dict(Rating.choices)
DISCIPLINE_NAMES = dict(DisciplineForm.choices)
SCOPE_NAMES = dict(InitiativeScope.choices)


def award_names() -> dict[str, str]:
    """code → Vietnamese name, from the law catalogue's snapshot (cached per process)."""
    return {code: award.name for code, award in load_catalogue().awards.items()}


def regime_name(code: str) -> str:
    """The Vietnamese name of a legal regime code (e.g. ND152_2025), or the code itself."""
    return next((r.name for r in load_catalogue().regimes if r.code == code), code)
