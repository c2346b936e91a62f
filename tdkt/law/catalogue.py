"""A frozen, in-memory snapshot of the legal catalogue for the engine and the money computation.

`load_catalogue()` reads the database once per process and keeps the snapshot; saving a catalogue row
(services, admin, loader) clears it in this process, and other processes reload it after
`SNAPSHOT_TTL_SECONDS` (docs/decisions/0003-law-catalogue-and-engine.md). When the database holds no
catalogue (e.g. a test database flushed by a transactional test) the snapshot is built from
`data/catalogue.json` directly, so the engine still answers with the shipped defaults.

The snapshot's shape is the JSON file's shape, so both sources go through one builder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tdkt.core.errors import DomainError

DATA_FILE = Path(__file__).resolve().parent / "data" / "catalogue.json"
SNAPSHOT_TTL_SECONDS = 60.0


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def year_reference_day(year: int) -> dt.date:
    """The day whose rules judge a year's titles: the year-end round (31 December of the year)."""
    return dt.date(year, 12, 31)


@dataclass(frozen=True, slots=True)
class Row:
    """One versioned value with its validity and legal reference."""

    valid_from: dt.date
    valid_to: dt.date | None
    value: Any
    legal_basis: str
    needs_verification: bool = False
    regime: str | None = None
    extra: dict = field(default_factory=dict)

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class RegimeInfo:
    code: str
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    active: bool
    legal_basis: str

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class AwardInfo:
    code: str
    name: str
    short_name: str
    kind: str  # title | form
    subjects: tuple[str, ...]
    rank: int
    periodicity: str
    period_years: int
    proposal_only: bool
    evaluated: bool
    legal_basis: str
    needs_verification: bool
    batch_order: int | None = None  # evaluated by the batch run, in this order (None: not in the batch)

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True, slots=True)
class Catalogue:
    awards: dict[str, AwardInfo]
    regimes: tuple[RegimeInfo, ...]
    settings: dict[str, tuple[Row, ...]]
    coefficients: dict[str, tuple[Row, ...]]  # award code → rows (extra: subject_kind, issuer)
    multipliers: dict[str, tuple[Row, ...]]  # subject kind → rows
    base_salaries: tuple[Row, ...]
    source: str = "db"
    version: str = ""  # digest of the data the snapshot was built from: stored with every result it produced
    _memo: dict = field(default_factory=dict, compare=False, repr=False)
    # award code → council voting rules (value: threshold_percent, strictly_greater, base, secret_default,
    # quorum_numerator, quorum_denominator); not part of `version` (no eligibility result depends on them)
    voting_rules: dict[str, tuple[Row, ...]] = field(default_factory=dict)

    # --- titles ------------------------------------------------------------------------------------
    def batch_titles(self) -> tuple[str, ...]:
        """The titles and forms a batch run evaluates for each person, in their order (`batch_order` flags)."""
        memo = self._memo
        if "batch" not in memo:
            flagged = [a for a in self.awards.values() if a.batch_order is not None]
            memo["batch"] = tuple(a.code for a in sorted(flagged, key=lambda a: (a.batch_order, a.code)))
        return memo["batch"]

    def individual_titles(self) -> tuple[str, ...]:
        """What the profile's panel offers: the batch's titles in their order, then the other titles and forms the
        engine evaluates for an individual (Bằng khen of the Prime Minister), by rank."""
        memo = self._memo
        if "individual" not in memo:
            batch = self.batch_titles()
            others = [a for a in self.awards.values() if a.evaluated and "individual" in a.subjects and a.code not in batch]
            memo["individual"] = batch + tuple(a.code for a in sorted(others, key=lambda a: (a.rank, a.code)))
        return memo["individual"]

    # --- regimes -----------------------------------------------------------------------------------
    def regime_on(self, day: dt.date) -> RegimeInfo:
        found = None
        for regime in self.regimes:  # sorted by valid_from: the active one starting last wins
            if regime.active and regime.is_valid_on(day):
                found = regime
        if found is None:
            raise DomainError(f"Danh mục chưa có chế độ pháp lý áp dụng ngày {day:%d/%m/%Y}.")
        return found

    def regime_for_year(self, year: int) -> RegimeInfo:
        key = ("regime", year)
        memo = self._memo
        if key not in memo:
            memo[key] = self.regime_on(year_reference_day(year))
        return memo[key]

    # --- parameters --------------------------------------------------------------------------------
    def param_on(self, key: str, day: dt.date) -> Row:
        rows = self.settings.get(key, ())
        regime = self.regime_on(day).code
        general = None
        for row in rows:
            if not row.is_valid_on(day):
                continue
            if row.regime == regime:
                return row
            if row.regime is None:
                general = row
        if general is None:
            raise DomainError(f"Danh mục thiếu tham số “{key}” áp dụng ngày {day:%d/%m/%Y}.")
        return general

    def param(self, key: str, year: int) -> Row:
        """The parameter in force for the titles of a year (memoised: the batch asks millions of times)."""
        memo_key = (key, year)
        memo = self._memo
        row = memo.get(memo_key)
        if row is None:
            row = memo[memo_key] = self.param_on(key, year_reference_day(year))
        return row

    def codes(self, key: str) -> frozenset[str]:
        """Every code a list-valued parameter has ever held (valid input codes: ratings, disciplines, scopes)."""
        memo_key = ("codes", key)
        memo = self._memo
        if memo_key not in memo:
            memo[memo_key] = frozenset(code for row in self.settings.get(key, ()) for code in row.value)
        return memo[memo_key]

    def order(self, key: str, year: int) -> dict[str, int]:
        """Position of each code in a list parameter (0 = first): ratings best first, disciplines lightest first."""
        memo_key = ("order", key, year)
        memo = self._memo
        if memo_key not in memo:
            memo[memo_key] = {code: i for i, code in enumerate(self.param(key, year).value)}
        return memo[memo_key]

    # --- money -------------------------------------------------------------------------------------
    def base_salary_on(self, day: dt.date) -> Row:
        for row in self.base_salaries:
            if row.is_valid_on(day):
                return row
        raise DomainError(f"Danh mục chưa có mức lương cơ sở áp dụng ngày {day:%d/%m/%Y}.")

    def coefficient_on(self, award: str, subject_kind: str, day: dt.date, issuer: str = "") -> Row | None:
        best, best_score = None, -1
        for row in self.coefficients.get(award, ()):
            if not row.is_valid_on(day):
                continue
            kind, row_issuer = row.extra.get("subject_kind", "any"), row.extra.get("issuer", "")
            if kind not in ("any", subject_kind) or row_issuer not in ("", issuer):
                continue
            score = (kind == subject_kind) * 2 + (row_issuer == issuer and issuer != "")
            if score > best_score:
                best, best_score = row, score
        return best

    def multiplier_on(self, subject_kind: str, day: dt.date) -> Row | None:
        for row in self.multipliers.get(subject_kind, ()):
            if row.is_valid_on(day):
                return row
        return None

    # --- councils ----------------------------------------------------------------------------------
    def voting_rule_on(self, award: str, day: dt.date, units: tuple[str, ...] = ()) -> Row | None:
        """The council's voting rule for an award in force on a day: the local rule of the nearest of `units` (the
        council's unit code first, then those above it) that has one, else the general rule (None: the award has none;
        see the setting `council.voting.default`)."""
        valid = [row for row in self.voting_rules.get(award, ()) if row.is_valid_on(day)]
        for unit in (*units, ""):
            for row in valid:
                if row.extra.get("unit", "") == unit:
                    return row
        return None


def build(data: dict, *, source: str) -> Catalogue:
    """Build a snapshot from the catalogue.json shape."""

    def row(item: dict, value, **extra) -> Row:
        return Row(_date(item["valid_from"]), _date(item.get("valid_to")), value, item.get("legal_basis", ""),
                   bool(item.get("needs_verification")), item.get("regime"), extra)

    awards = {
        a["code"]: AwardInfo(a["code"], a["name"], a.get("short_name", ""), a["kind"], tuple(a.get("subjects", ())),
                             int(a.get("rank", 0)), a.get("periodicity", "yearly"), int(a.get("period_years", 1)),
                             bool(a.get("proposal_only")), bool(a.get("evaluated")), a.get("legal_basis", ""),
                             bool(a.get("needs_verification")), a.get("batch_order"))
        for a in data.get("awards", ())
    }
    regimes = tuple(sorted(
        (RegimeInfo(r["code"], r["name"], _date(r["valid_from"]), _date(r.get("valid_to")), bool(r.get("active", True)),
                    r.get("legal_basis", "")) for r in data.get("regimes", ())),
        key=lambda r: (r.valid_from, r.code),
    ))
    settings: dict[str, list[Row]] = {}
    for s in data.get("settings", ()):
        settings.setdefault(s["key"], []).append(row(s, s["value"]))
    coefficients: dict[str, list[Row]] = {}
    for c in data.get("coefficients", ()):
        coefficients.setdefault(c["award"], []).append(
            row(c, Decimal(str(c["value"])), subject_kind=c.get("subject_kind", "any"), issuer=c.get("issuer", ""), note=c.get("note", "")))
    multipliers: dict[str, list[Row]] = {}
    for m in data.get("multipliers", ()):
        multipliers.setdefault(m["subject_kind"], []).append(row(m, Decimal(str(m["value"]))))
    base = tuple(sorted((row(b, int(b["amount"])) for b in data.get("base_salaries", ())), key=lambda r: r.valid_from))
    voting: dict[str, list[Row]] = {}
    for v in data.get("voting_rules", ()):
        voting.setdefault(v["award"], []).append(row(v, voting_value(v), unit=v.get("unit", "")))

    def freeze(d: dict[str, list[Row]]) -> dict[str, tuple[Row, ...]]:
        return {k: tuple(sorted(v, key=lambda r: r.valid_from)) for k, v in d.items()}

    return Catalogue(awards, regimes, freeze(settings), freeze(coefficients), freeze(multipliers), base, source,
                     version=digest(data), voting_rules=freeze(voting))


VOTING_FIELDS = ("threshold_percent", "strictly_greater", "base", "secret_default", "quorum_numerator", "quorum_denominator")


def voting_value(item: dict) -> dict:
    """A voting rule's numbers (a rule row of the catalogue or the value of the setting `council.voting.default`)."""
    return {"threshold_percent": Decimal(str(item.get("threshold_percent", "50"))),
            "strictly_greater": bool(item.get("strictly_greater", False)), "base": item.get("base", "all"),
            "secret_default": bool(item.get("secret_default", True)),
            "quorum_numerator": int(item.get("quorum_numerator", 2)), "quorum_denominator": int(item.get("quorum_denominator", 3))}


def digest(data: dict) -> str:
    """A short, stable digest of catalogue data (the same rows give the same digest, from the file or the database)."""
    keys = ("regimes", "awards", "coefficients", "multipliers", "base_salaries", "settings")
    canonical = {k: sorted((_canonical(row) for row in data.get(k, ())), key=lambda r: json.dumps(r, sort_keys=True))
                 for k in keys}
    return hashlib.sha256(json.dumps(canonical, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def _canonical(row: dict) -> dict:
    def value(v):
        if isinstance(v, (dt.date, Decimal)):
            return str(v) if not isinstance(v, Decimal) else format(v.normalize(), "f")
        if isinstance(v, float):
            return format(Decimal(str(v)).normalize(), "f")
        if isinstance(v, int) and not isinstance(v, bool):
            return format(Decimal(v), "f")
        return v

    return {k: value(v) for k, v in row.items() if k != "documents" and not k.startswith("_")}


def read_file(path: Path = DATA_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def db_records() -> dict:
    """The database catalogue in the catalogue.json shape (a constant number of queries)."""
    from . import models as m

    def validity(obj) -> dict:
        return {"valid_from": obj.valid_from, "valid_to": obj.valid_to, "legal_basis": obj.legal_basis,
                "needs_verification": obj.needs_verification}

    return {
        "awards": [
            {"code": a.code, "name": a.name, "short_name": a.short_name, "kind": a.kind, "subjects": a.subjects, "rank": a.rank,
             "periodicity": a.periodicity, "period_years": a.period_years, "proposal_only": a.proposal_only,
             "evaluated": a.evaluated, "batch_order": a.batch_order, **validity(a)}
            for a in m.AwardType.objects.all()
        ],
        "regimes": [{"code": r.code, "name": r.name, "active": r.active, **validity(r)} for r in m.Regime.objects.all()],
        "settings": [{"key": s.key, "value": s.value, "regime": s.regime.code if s.regime_id else None, **validity(s)}
                     for s in m.Setting.objects.select_related("regime")],
        "coefficients": [{"award": c.award.code, "subject_kind": c.subject_kind, "issuer": c.issuer, "value": c.value,
                          "note": c.note, **validity(c)} for c in m.Coefficient.objects.select_related("award")],
        "multipliers": [{"subject_kind": x.subject_kind, "value": x.value, **validity(x)} for x in m.SubjectMultiplier.objects.all()],
        "base_salaries": [{"amount": b.amount, **validity(b)} for b in m.BaseSalary.objects.all()],
        "voting_rules": [{"award": v.award.code, "unit": v.unit, **{name: getattr(v, name) for name in VOTING_FIELDS}, **validity(v)}
                         for v in m.CouncilVotingRule.objects.select_related("award")],
    }


_lock = threading.Lock()
_cached: tuple[float, Catalogue] | None = None


def load_catalogue() -> Catalogue:
    """The process-wide snapshot (read from the database at most once per SNAPSHOT_TTL_SECONDS)."""
    global _cached
    cached = _cached
    now = time.monotonic()
    if cached is not None and now - cached[0] < SNAPSHOT_TTL_SECONDS:
        return cached[1]
    with _lock:
        from .models import AwardType

        if AwardType.objects.exists():
            snapshot = build(db_records(), source="db")
        else:
            snapshot = build(read_file(), source="file")
        _cached = (time.monotonic(), snapshot)
        return snapshot


def clear_cache() -> None:
    global _cached
    _cached = None
