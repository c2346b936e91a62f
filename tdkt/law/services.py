"""Writes to the legal catalogue: one row at a time (admin, API) or the whole file (migration, `tdkt law load`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from django.db import models, transaction

from tdkt.core import audit
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require

from . import catalogue as snapshot
from .models import VERSIONED_MODELS


def _key_filter(row: models.Model) -> dict:
    """The fields naming a versioned key (attnames, so a null regime filters as IS NULL)."""
    key = getattr(type(row), "overlap_key", ())
    if key == ("__all__",):
        return {}
    return {row._meta.get_field(name).attname: getattr(row, row._meta.get_field(name).attname) for name in key}


def overlapping(row: models.Model) -> models.QuerySet:
    """Rows of the same model and key whose validity overlaps `row`'s (excluding the row itself)."""
    model = type(row)
    qs = model.objects.filter(**_key_filter(row))
    if row.pk:
        qs = qs.exclude(pk=row.pk)
    if row.valid_to is not None:
        qs = qs.filter(valid_from__lte=row.valid_to)
    return qs.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=row.valid_from))


def validate_row(row: models.Model) -> None:
    if row.valid_to is not None and row.valid_to < row.valid_from:
        raise DomainError(f"Ngày hết hiệu lực ({row.valid_to:%d/%m/%Y}) trước ngày bắt đầu hiệu lực ({row.valid_from:%d/%m/%Y}).")
    if hasattr(row, "reference_errors") and (errors := row.reference_errors()):
        raise DomainError(" ".join(str(e) for e in errors.values()))
    if getattr(type(row), "overlap_key", ()):
        other = overlapping(row).first()
        if other is not None:
            until = f"{other.valid_to:%d/%m/%Y}" if other.valid_to else "không thời hạn"
            raise DomainError(
                f"{row._meta.verbose_name.capitalize()} trùng thời gian hiệu lực với dòng “{other}” "
                f"(từ {other.valid_from:%d/%m/%Y} đến {until})."
            )


def catalogue_row_save(*, actor, row: models.Model) -> models.Model:
    """Save one catalogue row after checking its validity does not overlap another version of the same key."""
    require(actor, "law.change_catalogue", message="Chỉ quản trị hệ thống mới được sửa danh mục pháp lý.")
    with transaction.atomic():
        validate_row(row)
        created = row.pk is None
        row.save()
        audit.record(actor=actor, action=f"law.{row._meta.model_name}.{'created' if created else 'updated'}", target=row,
                     data={"valid_from": row.valid_from.isoformat() if getattr(row, "valid_from", None) else None,
                           "valid_to": row.valid_to.isoformat() if getattr(row, "valid_to", None) else None})
    snapshot.clear_cache()
    return row


# --- loading the shipped catalogue ------------------------------------------------------------------

def _d(value) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _common(item: dict) -> dict:
    out = {"legal_basis": item.get("legal_basis", ""), "needs_verification": bool(item.get("needs_verification"))}
    if "valid_from" in item:
        out["valid_from"] = _d(item["valid_from"])
        out["valid_to"] = _d(item.get("valid_to"))
    return out


def load_data(data: dict, *, models_module=None) -> dict[str, int]:
    """Upsert every row of the catalogue.json shape, keyed by code (+ valid_from for versioned rows).

    Usable from a data migration (pass the historical models as `models_module`, any object with the model
    classes as attributes). Rows not in the file are left alone (an administrator may have added them).
    Returns counts of created rows per kind.
    """
    m = models_module or __import__("tdkt.law.models", fromlist=["x"])
    created: dict[str, int] = {}

    def upsert(kind: str, model, lookup: dict, defaults: dict):
        obj, was_created = model.objects.update_or_create(**lookup, defaults=defaults)
        created[kind] = created.get(kind, 0) + was_created
        return obj

    docs = {}
    for item in data.get("documents", ()):
        docs[item["code"]] = upsert("documents", m.LegalDocument, {"code": item["code"]}, {
            "number": item["number"], "title": item["title"], "issued_on": _d(item.get("issued_on")),
            "note": item.get("note", ""), **_common(item)})
    regimes = {}
    for item in data.get("regimes", ()):
        regime = upsert("regimes", m.Regime, {"code": item["code"]}, {
            "name": item["name"], "active": bool(item.get("active", True)), **_common(item)})
        regime.documents.set([docs[c] if c in docs else m.LegalDocument.objects.get(code=c) for c in item.get("documents", ())])
        regimes[item["code"]] = regime
    awards = {}
    # A data migration that runs before a field existed passes the historical model without it (batch_order: 0004).
    award_fields = {f.name for f in m.AwardType._meta.get_fields()}
    for item in data.get("awards", ()):
        fields = {
            "name": item["name"], "short_name": item.get("short_name", ""), "kind": item["kind"],
            "subjects": list(item.get("subjects", ())), "rank": int(item.get("rank", 0)),
            "periodicity": item.get("periodicity", "yearly"), "period_years": int(item.get("period_years", 1)),
            "proposal_only": bool(item.get("proposal_only")), "evaluated": bool(item.get("evaluated")),
            "batch_order": item.get("batch_order"), **_common(item)}
        awards[item["code"]] = upsert("awards", m.AwardType, {"code": item["code"]},
                                      {k: v for k, v in fields.items() if k in award_fields})

    def award(code):
        return awards[code] if code in awards else m.AwardType.objects.get(code=code)

    for item in data.get("coefficients", ()):
        common = _common(item)
        upsert("coefficients", m.Coefficient,
               {"award": award(item["award"]), "subject_kind": item.get("subject_kind", "any"), "issuer": item.get("issuer", ""),
                "valid_from": common.pop("valid_from")},
               {"value": Decimal(str(item["value"])), "note": item.get("note", ""), **common})
    for item in data.get("multipliers", ()):
        common = _common(item)
        upsert("multipliers", m.SubjectMultiplier, {"subject_kind": item["subject_kind"], "valid_from": common.pop("valid_from")},
               {"value": Decimal(str(item["value"])), **common})
    for item in data.get("base_salaries", ()):
        common = _common(item)
        upsert("base_salaries", m.BaseSalary, {"valid_from": common.pop("valid_from")}, {"amount": int(item["amount"]), **common})
    for item in data.get("authorities", ()):
        common = _common(item)
        upsert("authorities", m.DecidingAuthority,
               {"award": award(item["award"]), "authority": item["authority"], "valid_from": common.pop("valid_from")}, common)
    for item in data.get("voting_rules", ()):
        common = _common(item)
        key = {"award": award(item["award"]), "valid_from": common.pop("valid_from")}
        if any(f.name == "unit" for f in m.CouncilVotingRule._meta.fields):  # a migration before 0014 runs this too
            key["unit"] = item.get("unit", "")
        upsert("voting_rules", m.CouncilVotingRule, key, {
            "threshold_percent": Decimal(str(item["threshold_percent"])), "strictly_greater": bool(item.get("strictly_greater")),
            "base": item.get("base", "all"), "secret_default": bool(item.get("secret_default", True)),
            "quorum_numerator": int(item.get("quorum_numerator", 2)), "quorum_denominator": int(item.get("quorum_denominator", 3)),
            **common})
    for item in data.get("settings", ()):
        common = _common(item)
        regime = item.get("regime")
        upsert("settings", m.Setting,
               {"key": item["key"], "regime": (regimes.get(regime) or m.Regime.objects.get(code=regime)) if regime else None,
                "valid_from": common.pop("valid_from")},
               {"value": item["value"], "local_option": bool(item.get("local_option")),
                "description": item.get("description", ""), **common})
    return created


def catalogue_load(*, actor, path: Path | None = None) -> dict[str, int]:
    """Reload data/catalogue.json idempotently, then check no versioned key overlaps; all or nothing."""
    require(actor, "law.change_catalogue", message="Chỉ quản trị hệ thống mới được nạp lại danh mục pháp lý.")
    data = snapshot.read_file(path or snapshot.DATA_FILE)
    with transaction.atomic():
        created = load_data(data)
        for model in VERSIONED_MODELS:
            for row in model.objects.all():
                validate_row(row)
        audit.record(actor=actor, action="law.catalogue.loaded", data={"created": created, "file": str(path or snapshot.DATA_FILE.name)})
    snapshot.clear_cache()
    return created
