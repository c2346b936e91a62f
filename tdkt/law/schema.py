"""The eligibility engine's input and output: the contract shared by the CLI, the API, the person page
and the batch run. The JSON form is documented in README.md (section "Kiểm tra điều kiện").

Parsing JSON into these classes (with Vietnamese errors) is `tdkt.law.engine.parse_request`.
"""

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Literal

SubjectKind = Literal["individual", "collective", "household", "village", "commune"]
CheckResult = Literal["pass", "fail", "cannot_judge"]
Verdict = Literal["eligible", "not_eligible", "needs_review"]


@dataclass(frozen=True, slots=True)
class RatingEntry:
    year: int
    rating: str  # HTXSNV, HTTNV, HTNV, KHTNV


@dataclass(frozen=True, slots=True)
class AwardEntry:
    year: int
    award: str  # catalogue code
    proposed: bool = False  # proposed in the same round (the year under review), not yet decided


@dataclass(frozen=True, slots=True)
class DisciplineEntry:
    form: str  # KHIEN_TRACH ... BUOC_THOI_VIEC
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class InitiativeEntry:
    year: int
    scope: str  # CO_SO, TINH, TOAN_QUOC


@dataclass(frozen=True, slots=True)
class CollectiveData:
    members: int
    completed_tasks: int
    ldtt: int
    cstdcs: int
    disciplined_canh_cao_or_above: int


@dataclass(frozen=True, slots=True)
class Subject:
    kind: SubjectKind = "individual"
    recruited_on: dt.date | None = None  # LDTT: excluded if recruited < 6 months before the year's end


@dataclass(frozen=True, slots=True)
class EligibilityRequest:
    award: str
    year: int
    subject: Subject = Subject()
    ratings: tuple[RatingEntry, ...] = ()
    awards: tuple[AwardEntry, ...] = ()
    disciplines: tuple[DisciplineEntry, ...] = ()
    initiatives: tuple[InitiativeEntry, ...] = ()
    collective: CollectiveData | None = None


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    result: CheckResult
    message: str  # Vietnamese explanation
    legal_basis: str  # e.g. "Điều 24 Luật Thi đua, khen thưởng 2022"


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    award: str
    year: int
    regime: str
    verdict: Verdict
    checks: tuple[Check, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["checks"] = [asdict(c) for c in self.checks]
        return data
