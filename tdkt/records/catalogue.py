"""The law's codes as the ledger checks them: read from the catalogue snapshot (`tdkt.law.catalogue.load_catalogue`,
cached per process; built from the catalogue file while its tables are empty), so the ledger never keeps a
second copy of the law. Names come from `tdkt.law.vocabulary`.
"""

from __future__ import annotations

from tdkt.core.errors import DomainError
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue

SubjectKind = vocab.SubjectKind


def award_catalogue() -> dict[str, tuple[str, frozenset[str]]]:
    """code → (Vietnamese name, allowed subject kinds)."""
    return {code: (award.name, frozenset(award.subjects)) for code, award in load_catalogue().awards.items()}


def award_label(code: str) -> str:
    """An award's short name (CSTĐCS, Bằng khen cấp tỉnh), or its code when the catalogue lacks it."""
    award = load_catalogue().awards.get(code)
    return award.label if award is not None else code


def subject_kind_of(*, person=None, unit=None, household=None) -> str:
    """The law's subject kind of a ledger subject: a person, a household, a village, a commune, else a collective."""
    if person is not None:
        return SubjectKind.INDIVIDUAL
    if household is not None:
        return SubjectKind.HOUSEHOLD
    if unit.kind == "village":
        return SubjectKind.VILLAGE
    if unit.kind == "commune":
        return SubjectKind.COMMUNE
    return SubjectKind.COLLECTIVE


def codes(key: str) -> frozenset[str]:
    """Every code a list parameter of the catalogue has held (ratings, disciplines, initiative scopes)."""
    return load_catalogue().codes(key)


def _in_order(key: str) -> list[str]:
    """The codes of a list parameter, those in force last in their order, then any older ones."""
    rows = load_catalogue().settings.get(key, ())
    current = list(rows[-1].value) if rows else []
    return current + sorted(codes(key) - set(current))


def _checked(value, key: str, what: str) -> str:
    code = value.strip().upper() if isinstance(value, str) else value
    if code not in codes(key):
        shown = ", ".join(_in_order(key))
        raise DomainError(f"{what} không hợp lệ: {value} (hợp lệ: {shown}).")
    return code


def rating_code(value) -> str:
    return _checked(value, "rating.order", "Mức xếp loại")


def discipline_code(value) -> str:
    return _checked(value, "discipline.order", "Hình thức kỷ luật")


def scope_code(value) -> str:
    return _checked(value, "initiative.scopes", "Phạm vi sáng kiến")


def training_result_code(value) -> str:
    return _checked(value, "training.result_order", "Kết quả học tập")


def ordered(key: str, year: int) -> list[str]:
    """The codes of a list parameter in force for a year, in the catalogue's order."""
    return list(load_catalogue().param(key, year).value)


def at_or_above(key: str, threshold_key: str, year: int) -> list[str]:
    """The codes of `key` from the catalogue's threshold (`threshold_key`) on: e.g. the disciplines from cảnh cáo."""
    catalogue = load_catalogue()
    codes_in_order = list(catalogue.param(key, year).value)
    threshold = catalogue.param(threshold_key, year).value
    return codes_in_order[codes_in_order.index(threshold):]


def at_least(key: str, threshold_key: str, year: int) -> list[str]:
    """The codes of an ordered list (best first) down to the catalogue's threshold: e.g. the ratings that count as
    "completed the tasks"."""
    catalogue = load_catalogue()
    codes_in_order = list(catalogue.param(key, year).value)
    threshold = catalogue.param(threshold_key, year).value
    return codes_in_order[: codes_in_order.index(threshold) + 1]
