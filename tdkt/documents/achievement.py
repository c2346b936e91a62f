"""The achievement report (báo cáo thành tích, NĐ 152/2025 annex) pre-filled from a person's ledger, for the officer and
the person to complete: identity, the ratings by year, the recognised initiatives and the awards received (revoked
ones left out, Art 93). `report_for(actor=, person=, award_code=, ...)` checks that the actor may read the ledger."""

from __future__ import annotations

import datetime as dt

from tdkt.core.permissions import require
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.records.models import AwardRecord, Initiative, YearRating

from . import rendering

YEARS_SHOWN = 6  # the ratings of the last six years (the longest a title looks back: CSTĐ toàn quốc, 6 years)


def _award_name(code: str) -> str:
    award = load_catalogue().awards.get(code)
    return award.name if award is not None else code


def _decision(number: str, day: dt.date | None) -> str:
    if not number and not day:
        return ""
    text = f"Quyết định số {number}" if number else "Quyết định"
    return f"{text} ngày {day:%d/%m/%Y}" if day else text


def context_for(person, *, award_code: str, year: int, place: str = "", head_title: str = "THỦ TRƯỞNG ĐƠN VỊ") -> dict:
    """The `achievement_report` context of `person` proposed for `award_code` for the achievements of `year`."""
    unit = person.unit
    parent = unit.parent if unit is not None else None
    ratings = YearRating.objects.filter(person=person, year__gt=year - YEARS_SHOWN, year__lte=year).order_by("year")
    awards = (AwardRecord.objects.filter(person=person, revocation__isnull=True).select_related("issuer")
              .order_by("year", "decision_date", "id"))
    initiatives = Initiative.objects.filter(person=person).order_by("year", "id")
    return {
        "issuer": {"parent": parent.name if parent is not None else "", "lines": [unit.name if unit is not None else ""]},
        "place": place or "Hà Nội", "date": None, "year": year + 1,
        "award": _award_name(award_code), "period": f"năm {year}",
        "person": {"name": person.full_name, "gender": person.get_gender_display(),
                   "birth": f"{person.date_of_birth:%d/%m/%Y}" if person.date_of_birth else "",
                   "position": person.position, "unit": unit.name if unit is not None else ""},
        "ratings": [{"year": r.year, "rating": vocab.label(vocab.Rating, r.rating)} for r in ratings],
        "awards": [{"year": a.year, "award": _award_name(a.award_code), "decision": _decision(a.decision_number, a.decision_date),
                    "issuer": a.issuer_name or (a.issuer.name if a.issuer else "")} for a in awards],
        "initiatives": [{"year": i.year, "title": i.title, "scope": i.get_scope_display(),
                         "decision": f"Quyết định số {i.decision_number}" if i.decision_number else ""} for i in initiatives],
        "head_title": head_title,
    }


def report_for(*, actor, person, award_code: str, year: int, place: str = "") -> bytes:
    """The pre-filled .docx of the person's achievement report; only for who may read the person's ledger."""
    require(actor, "records.view_ledger", person, message=f"Bạn không có quyền xem hồ sơ thành tích của {person.full_name}.")
    return rendering.render_docx("achievement_report", context_for(person, award_code=award_code, year=year, place=place))
