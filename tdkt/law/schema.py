"""The eligibility engine's input and output: the contract shared by the CLI, the API, the person page
and the batch run. The JSON form is documented in README.md (section "Kiểm tra điều kiện").

Parsing JSON into these classes (with Vietnamese errors) is `tdkt.law.engine.parse_request`.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from .messages import Message, plain, render

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
    # The award it already grounded (CV 5007/BNV-TĐKT: one initiative grounds one award): its code and year.
    used_for: str | None = None
    used_year: int | None = None


@dataclass(frozen=True, slots=True)
class WorkYearEntry:
    """The facts of a working year (DOMAIN.md §3). None: not known (a check that needs it cannot judge)."""

    year: int
    days_off: int | None = None  # working days off work in the year, maternity leave included
    maternity_days: int = 0  # of those, maternity leave under the social-insurance law
    training_months: int = 0  # a training or secondment course in the year, its length in months (0: none)
    training_result: str | None = None  # its result (training.result_order)
    transfer_from: str = ""  # a transfer in the year: the old unit
    transfer_months: int | None = None  # months worked at the old unit in the year (None with transfer_from: not known)
    transfer_comment: bool = False  # the old unit's comment is in the dossier

    @property
    def transferred(self) -> bool:
        return bool(self.transfer_from) or self.transfer_months is not None


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
    recruited_on: dt.date | None = None  # LDTT: excluded if recruited < N months before the year's end
    # The start of continuous service at the unit, labour-contract time that counts included (TT 01/2024).
    service_start: dt.date | None = None


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
    # The day a complete dossier was received: the rules in force that day judge it (DOMAIN.md §1). None: the
    # year-end round of the year under review (31 December).
    received_on: dt.date | None = None
    work_years: tuple[WorkYearEntry, ...] = ()
    # The achievement period when it ends before the year under review (a Bằng khen proposed at the end of 2024
    # for 2022–2023); None: the year under review.
    period_from: int | None = None
    period_to: int | None = None


class Parameter(NamedTuple):
    """A catalogue row a check read: its key, the value in force and its legal reference."""

    key: str
    value: Any
    legal_basis: str

    def to_dict(self) -> dict:
        return {"key": self.key, "value": plain(self.value), "legal_basis": self.legal_basis}


class Check(NamedTuple):
    """One criterion's outcome and its trace: the message (id and arguments; `message` is its Vietnamese text), the
    legal basis, the facts of the history it read and the catalogue parameters it used, with their values (as
    OpenFisca's trace). Two checks are equal when they say the same thing (message id and arguments), whatever the
    wording; the text is rendered when it is read (the batch keeps tens of thousands of checks it never shows). A
    tuple, immutable and cheap: the engine makes one per criterion of every request."""

    code: str
    result: CheckResult
    legal_basis: str  # e.g. "Điều 24 Luật Thi đua, khen thưởng 2022"
    message_id: str
    args: Mapping[str, Any] = {}
    facts: Mapping[str, Any] = {}
    parameters: tuple[Parameter, ...] = ()
    text: str = ""  # the stored text of a check read back (`from_dict`); empty for a check the engine made

    @property
    def message(self) -> str:
        """The Vietnamese explanation (rendered from message_id and args; as stored for a check read back)."""
        return self.text or render(self.message_id, self.args)

    @classmethod
    def of(cls, code: str, result: CheckResult, message: Message, legal_basis: str, *, facts: Mapping[str, Any] | None = None,
           parameters: tuple[Parameter, ...] = ()) -> "Check":
        return cls(code, result, legal_basis, message[0], message[1], facts or {}, parameters)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Check":
        """A check as stored (`to_dict`); arguments and facts stay in their JSON form, the text as it was."""
        return cls(data["code"], data["result"], data.get("legal_basis", ""), data.get("message_id", ""),
                   data.get("args", {}), data.get("facts", {}),
                   tuple(Parameter(p["key"], p["value"], p.get("legal_basis", "")) for p in data.get("parameters", ())),
                   data["message"])

    def to_dict(self) -> dict:
        return {"code": self.code, "result": self.result, "message": self.message, "legal_basis": self.legal_basis,
                "message_id": self.message_id, "args": plain(self.args), "facts": plain(self.facts),
                "parameters": [p.to_dict() for p in self.parameters]}


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    award: str
    year: int
    regime: str
    verdict: Verdict
    checks: tuple[Check, ...] = field(default_factory=tuple)
    catalogue_version: str = ""  # the digest of the catalogue snapshot that produced it

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "EligibilityResult":
        return cls(data["award"], data["year"], data["regime"], data["verdict"],
                   tuple(Check.from_dict(c) for c in data.get("checks", ())), data.get("catalogue_version", ""))

    def to_dict(self) -> dict:
        return {"award": self.award, "year": self.year, "regime": self.regime, "catalogue_version": self.catalogue_version,
                "verdict": self.verdict, "checks": [c.to_dict() for c in self.checks]}
