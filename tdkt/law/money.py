"""Reward money: coefficient × (subject multiplier for forms) × base salary on the decision date, rounded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from tdkt.core.errors import DomainError
from tdkt.core.vntext import money_in_words

from .catalogue import Catalogue, load_catalogue
from .vocabulary import SubjectKind, subject_in_sentence

ROUNDING = {"nearest": ROUND_HALF_UP, "up": ROUND_CEILING}


@dataclass(frozen=True, slots=True)
class RewardResult:
    amount: int
    words: str
    coefficient: Decimal
    multiplier: Decimal
    base_salary: int
    rounding: str  # e.g. "nearest 10000"
    legal_basis: str
    raw_amount: Decimal = Decimal(0)  # before rounding
    message: str = ""

    def to_dict(self) -> dict:
        return {"amount": self.amount, "amount_in_words": self.words, "coefficient": float(self.coefficient),
                "multiplier": float(self.multiplier), "base_salary": self.base_salary, "rounding": self.rounding,
                "raw_amount": float(self.raw_amount), "legal_basis": self.legal_basis, "message": self.message}


def round_amount(raw: Decimal, *, unit: int, mode: str) -> int:
    if mode not in ROUNDING:
        raise DomainError(f"Cách làm tròn “{mode}” không hợp lệ (nearest hoặc up).")
    return int((raw / unit).quantize(Decimal(1), rounding=ROUNDING[mode]) * unit)


def reward_compute(*, award_code: str, subject_kind: str, decided_on: dt.date, catalogue: Catalogue | None = None,
                   issuer: str = "") -> RewardResult:
    catalogue = load_catalogue() if catalogue is None else catalogue
    award = catalogue.awards.get(award_code)
    if award is None:
        raise DomainError(f"Trường “award”: mã danh hiệu/hình thức “{award_code}” không có trong danh mục.")
    if subject_kind not in SubjectKind.values:
        raise DomainError(f"Trường “subject”: đối tượng “{subject_kind}” không hợp lệ ({', '.join(SubjectKind.values)}).")
    if subject_kind not in award.subjects:
        raise DomainError(f"{award.name} không xét tặng cho {subject_in_sentence(subject_kind)}.")
    base = catalogue.base_salary_on(decided_on)
    coefficient = catalogue.coefficient_on(award.code, subject_kind, decided_on, issuer)
    if coefficient is None:
        if not catalogue.coefficients.get(award.code) and not award.needs_verification:
            return RewardResult(0, money_in_words(0), Decimal(0), Decimal(1), base.value, "", award.legal_basis,
                                message=f"{award.name} không kèm tiền thưởng theo danh mục hiện hành")
        unverified = " (cần xác minh)" if award.needs_verification else ""
        raise DomainError(f"Danh mục chưa có hệ số tiền thưởng của {award.name} áp dụng ngày {decided_on:%d/%m/%Y}{unverified}.")
    multiplier = Decimal(1)
    basis = [coefficient.legal_basis]
    if award.kind == "form" and subject_kind != "individual":
        row = catalogue.multiplier_on(subject_kind, decided_on)
        if row is None:
            raise DomainError(f"Danh mục chưa có hệ số nhân cho {subject_in_sentence(subject_kind)} áp dụng ngày {decided_on:%d/%m/%Y}.")
        multiplier = row.value
        if row.legal_basis not in basis:
            basis.append(row.legal_basis)
    mode = catalogue.param_on("money.rounding_mode", decided_on).value
    unit = catalogue.param_on("money.rounding_unit", decided_on).value
    raw = coefficient.value * multiplier * base.value
    amount = round_amount(raw, unit=unit, mode=mode)
    basis.append(base.legal_basis)
    return RewardResult(amount, money_in_words(amount), coefficient.value, multiplier, base.value, f"{mode} {unit}",
                        "; ".join(basis), raw,
                        message=f"{_decimal(coefficient.value)} × {_decimal(multiplier)} × {base.value:,} = {raw:,.0f} → {amount:,} đồng"
                        .replace(",", ".").replace("·", ","))


def _decimal(value: Decimal) -> str:
    """A coefficient as Vietnamese writes it: "0,3", "1,5", "1" (the decimal comma; "·" until the thousands dots are set)."""
    return format(value.normalize(), "f").replace(".", "·")
