"""Which award codes exist and which subjects they may be given to: read from the law catalogue's snapshot
(`tdkt.law.engine.load_catalogue`, cached per process; built from the catalogue file while its tables are empty),
so the ledger never keeps a second copy of the law.
"""

from __future__ import annotations

INDIVIDUAL, COLLECTIVE, HOUSEHOLD, VILLAGE, COMMUNE = "individual", "collective", "household", "village", "commune"


def award_catalogue() -> dict[str, tuple[str, frozenset[str]]]:
    """code → (Vietnamese name, allowed subject kinds)."""
    from tdkt.law.engine import load_catalogue

    return {code: (award.name, frozenset(award.subjects)) for code, award in load_catalogue().awards.items()}


def subject_kind_of(*, person=None, unit=None, household=None) -> str:
    if person is not None:
        return INDIVIDUAL
    if household is not None:
        return HOUSEHOLD
    if unit.kind == "village":
        return VILLAGE
    if unit.kind == "commune":
        return COMMUNE
    return COLLECTIVE


def is_allowed(kind: str, allowed: frozenset[str]) -> bool:
    """Strictly the catalogue's subjects (as the engine reads them: a commune or a village is not a 'collective')."""
    return kind in allowed


SUBJECT_NAMES = {
    INDIVIDUAL: "cá nhân", COLLECTIVE: "tập thể", HOUSEHOLD: "hộ gia đình", VILLAGE: "thôn, tổ dân phố", COMMUNE: "xã, phường",
}
