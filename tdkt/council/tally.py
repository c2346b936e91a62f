"""The council's count (kết quả biểu quyết), a pure calculation over the catalogue's voting rules.

`tally(award=, decided_on=, members=, present=, agree=, disagree=)` reads the rule of the award in force on the day
(`law.CouncilVotingRule`, or the catalogue setting `council.voting.default` for an award that has none) and answers:
the quorum (required, present, met), the share of agreeing votes — of **all** members of the council by default,
written votes of absent members counted (DOMAIN.md §4; NĐ 98/2023 Điều 30 khoản 7) —, the threshold, whether the item
passed, and the legal basis (with whether it still needs verification). The thresholds and quorum are data, never
constants here. The same function serves the command `tdkt council tally`, the endpoint `POST /api/v1/council/tally`
and the results of a session (`council.services.results`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tdkt.core.errors import DomainError
from tdkt.law.catalogue import Catalogue, load_catalogue, voting_value

DEFAULT_KEY = "council.voting.default"
COUNTS = ("members", "present", "agree", "disagree")
FIELDS = ("award", "decided_on", *COUNTS)
OPTIONAL = ("unit",)  # the council's unit code: its level's own rules apply


@dataclass(frozen=True, slots=True)
class Rule:
    award: str
    threshold_percent: Decimal
    strictly_greater: bool
    base: str  # "all" | "present"
    secret_default: bool
    quorum_numerator: int
    quorum_denominator: int
    legal_basis: str
    needs_verification: bool
    source: str  # "award": the award's own rule | "local": a level's own rule | "default": the catalogue's default
    unit: str = ""  # the code of the unit whose local rule this is ("" for a general rule)

    @property
    def threshold_text(self) -> str:
        percent = _percent_text(self.threshold_percent)
        of = "tổng số thành viên Hội đồng" if self.base == "all" else "số thành viên có mặt"
        return f"trên {percent}% {of}" if self.strictly_greater else f"từ {percent}% {of} trở lên"

    @property
    def quorum_text(self) -> str:
        return f"{self.quorum_numerator}/{self.quorum_denominator} tổng số thành viên"


@dataclass(frozen=True, slots=True)
class Tally:
    award: str
    award_name: str
    decided_on: dt.date
    members: int
    present: int
    agree: int
    disagree: int
    quorum_required: int
    share: Decimal  # percent of the base (all members by default), exact
    rule: Rule

    @property
    def quorum_met(self) -> bool:
        return self.present >= self.quorum_required

    @property
    def threshold_met(self) -> bool:
        base = self.members if self.rule.base == "all" else self.present
        if base == 0:
            return False
        # exact: agree / base ≥ threshold / 100, compared without rounding (14 of 15 is not 93.33…% ≥ 93.34%)
        left, right = Decimal(self.agree) * 100, self.rule.threshold_percent * base
        return left > right if self.rule.strictly_greater else left >= right

    @property
    def passed(self) -> bool:
        return self.quorum_met and self.threshold_met

    @property
    def share_rounded(self) -> Decimal:
        return self.share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def explanation(self) -> str:
        """One Vietnamese sentence: why the item passed or not."""
        if not self.quorum_met:
            return (f"Không đủ túc số: có mặt {self.present}/{self.members} thành viên, cần ít nhất {self.quorum_required} "
                    f"({self.rule.quorum_text}).")
        agreed = f"{self.agree}/{self.members if self.rule.base == 'all' else self.present} phiếu đồng ý ({_percent_text(self.share_rounded)}%)"
        if self.threshold_met:
            return f"Đạt: {agreed}, yêu cầu {self.rule.threshold_text}."
        return f"Không đạt: {agreed}, yêu cầu {self.rule.threshold_text}."

    def to_dict(self) -> dict:
        return {
            "award": self.award, "award_name": self.award_name, "decided_on": self.decided_on.isoformat(),
            "members": self.members, "agree": self.agree, "disagree": self.disagree,
            "quorum": {"required": self.quorum_required, "present": self.present, "met": self.quorum_met,
                       "numerator": self.rule.quorum_numerator, "denominator": self.rule.quorum_denominator},
            "share": float(self.share_rounded), "threshold": float(self.rule.threshold_percent),
            "strictly_greater": self.rule.strictly_greater, "base": self.rule.base, "threshold_text": self.rule.threshold_text,
            "passed": self.passed, "explanation": self.explanation, "legal_basis": self.rule.legal_basis,
            "needs_verification": self.rule.needs_verification, "rule": self.rule.source, "rule_unit": self.rule.unit,
        }


def _percent_text(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return text.replace(".", ",")


def percent_text(share) -> str:
    """A share as the screens and the minutes print it: two decimals, decimal comma ("80,00%")."""
    return "" if share is None else f"{Decimal(str(share)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%".replace(".", ",")


def threshold_short(threshold, strictly_greater: bool, base: str) -> str:
    """A threshold in a table cell: "từ 90% trở lên", "trên 50%" (of all members unless the base is those present)."""
    if threshold is None:
        return ""
    percent = _percent_text(Decimal(str(threshold)))
    text = f"trên {percent}%" if strictly_greater else f"từ {percent}% trở lên"
    return text + (" số có mặt" if base == "present" else "")


def units_of(unit) -> tuple[str, ...]:
    """The codes a council of `unit` looks its local voting rules up by: its own, then those of the units above it
    (nearest first)."""
    from tdkt.org.models import Unit
    from tdkt.org.selectors import paths_at_and_above

    if unit is None:
        return ()
    codes = dict(Unit.objects.filter(path__in=paths_at_and_above(unit.path)).values_list("path", "code"))
    return tuple(codes[p] for p in sorted(codes, key=len, reverse=True) if codes[p])


def voting_rule(award: str, day: dt.date, *, units: tuple[str, ...] = (), catalogue: Catalogue | None = None) -> Rule:
    """The rule the council applies to `award` on `day`: a local rule of the nearest of `units` (see `units_of`),
    else the award's general rule, else the catalogue's default."""
    catalogue = load_catalogue() if catalogue is None else catalogue
    if award not in catalogue.awards:
        raise DomainError(f"Trường “award”: mã danh hiệu/hình thức “{award}” không có trong danh mục.", details={"field": "award"})
    row = catalogue.voting_rule_on(award, day, units)
    source = "local" if row is not None and row.extra.get("unit") else "award"
    if row is None:
        row, source = catalogue.param_on(DEFAULT_KEY, day), "default"
        value = voting_value(row.value) if isinstance(row.value, dict) else None
        if value is None:
            raise DomainError(f"Tham số “{DEFAULT_KEY}” của danh mục không hợp lệ.")
    else:
        value = row.value
    if value["quorum_denominator"] <= 0 or value["quorum_numerator"] > value["quorum_denominator"]:
        raise DomainError(f"Túc số {value['quorum_numerator']}/{value['quorum_denominator']} của quy tắc biểu quyết không hợp lệ.")
    return Rule(award=award, legal_basis=row.legal_basis, needs_verification=row.needs_verification, source=source,
                unit=row.extra.get("unit", ""), **value)


def quorum_required(members: int, rule: Rule) -> int:
    """The smallest attendance that makes the quorum: ⌈members × numerator / denominator⌉."""
    return -(-members * rule.quorum_numerator // rule.quorum_denominator)


def check_counts(*, members: int, present: int, agree: int, disagree: int) -> None:
    for name, value in (("members", members), ("present", present), ("agree", agree), ("disagree", disagree)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise DomainError(f"Trường “{name}”: phải là số nguyên không âm.", details={"field": name})
        if value < 0:
            raise DomainError(f"Trường “{name}”: không được là số âm ({value}).", details={"field": name})
    if members == 0:
        raise DomainError("Trường “members”: Hội đồng phải có ít nhất một thành viên.", details={"field": "members"})
    if present > members:
        raise DomainError(f"Số thành viên có mặt ({present}) lớn hơn tổng số thành viên Hội đồng ({members}).",
                          details={"field": "present"})
    if agree + disagree > members:
        raise DomainError(f"Tổng số phiếu đồng ý và không đồng ý ({agree + disagree}) lớn hơn tổng số thành viên Hội đồng "
                          f"({members}); mỗi thành viên chỉ có một phiếu.", details={"field": "agree"})


def tally(*, award: str, decided_on: dt.date, members: int, present: int, agree: int, disagree: int,
          units: tuple[str, ...] = (), catalogue: Catalogue | None = None) -> Tally:
    """Count one agenda item. `agree` and `disagree` include the written votes of absent members; `units`: the council's
    unit code and those above it, for a level's own rules (`units_of`)."""
    if not isinstance(decided_on, dt.date):
        raise DomainError("Trường “decided_on”: bắt buộc (ngày dạng YYYY-MM-DD).", details={"field": "decided_on"})
    check_counts(members=members, present=present, agree=agree, disagree=disagree)
    catalogue = load_catalogue() if catalogue is None else catalogue
    rule = voting_rule(award, decided_on, units=units, catalogue=catalogue)
    base = members if rule.base == "all" else present
    share = Decimal(agree) * 100 / base if base else Decimal(0)
    return Tally(award=award, award_name=catalogue.awards[award].name, decided_on=decided_on, members=members, present=present,
                 agree=agree, disagree=disagree, quorum_required=quorum_required(members, rule), share=share, rule=rule)


def parse_request(body) -> dict:
    """The keyword arguments of `tally` from the JSON of the command and the endpoint, or a Vietnamese DomainError."""
    if not isinstance(body, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON, ví dụ {\"award\": \"CSTD_TINH\", \"decided_on\": "
                          "\"2025-12-20\", \"members\": 15, \"present\": 12, \"agree\": 13, \"disagree\": 1}.")
    unknown = sorted(set(body) - set(FIELDS) - set(OPTIONAL))
    if unknown:
        raise DomainError(f"Trường không được hỗ trợ: {', '.join(unknown)} (các trường: {', '.join((*FIELDS, *OPTIONAL))}).",
                          details={"field": unknown[0]})
    missing = [name for name in FIELDS if name not in body]
    if missing:
        raise DomainError(f"Thiếu trường bắt buộc: {', '.join(missing)}.", details={"field": missing[0]})
    if not isinstance(body["award"], str) or not body["award"].strip():
        raise DomainError("Trường “award”: bắt buộc (mã danh hiệu/hình thức, ví dụ CSTD_TINH).", details={"field": "award"})
    text = body["decided_on"]
    try:
        if not isinstance(text, str):
            raise ValueError
        decided_on = dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"Trường “decided_on”: ngày “{text}” không hợp lệ (dạng YYYY-MM-DD, ví dụ 2025-12-20).",
                          details={"field": "decided_on"}) from None
    counts = {name: body[name] for name in COUNTS}
    check_counts(**counts)
    return {"award": body["award"].strip(), "decided_on": decided_on, **counts, "units": _units_field(body.get("unit"))}


def _units_field(code) -> tuple[str, ...]:
    from tdkt.org.models import Unit

    if code in (None, ""):
        return ()
    unit = Unit.objects.filter(code=code).first() if isinstance(code, str) else None
    if unit is None:
        raise DomainError(f"Trường “unit”: không có đơn vị nào mang mã “{code}”.", details={"field": "unit"})
    return units_of(unit)
