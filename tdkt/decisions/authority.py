"""Who decides an award (law.DecidingAuthority, with validity dates and legal references) and whether that is the level
of a unit: what a level decides itself, and what it forwards to the higher level (DOMAIN.md §4; Luật TĐKT Điều 83).

The catalogue names the authority in words ("Chủ tịch UBND cấp xã", "Chủ tịch UBND cấp tỉnh", "Thủ tướng Chính phủ").
`LEVEL_WORDS` says which words name the head of each kind of unit; an award is decided at a unit's level when one of
its authorities valid on the day names that head. No word of a kind in the table (a village, a team): the level
decides nothing itself. The words are the catalogue's own; when the catalogue changes its wording, this table follows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from tdkt.law.catalogue import read_file
from tdkt.law.models import AwardType, DecidingAuthority
from tdkt.org.models import UnitKind

LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    UnitKind.PROVINCE: ("cấp tỉnh",),
    UnitKind.COMMUNE: ("cấp xã",),
    UnitKind.DEPARTMENT: ("Giám đốc sở",),
    UnitKind.AGENCY: ("tư cách pháp nhân",),
    UnitKind.PUBLIC_SERVICE: ("tư cách pháp nhân",),
    UnitKind.SCHOOL: ("tư cách pháp nhân",),
    UnitKind.HEALTH: ("tư cách pháp nhân",),
    UnitKind.ENTERPRISE: ("Giám đốc doanh nghiệp",),
}


@dataclass(frozen=True)
class Authority:
    authority: str
    legal_basis: str


def authorities(award_code: str, on: dt.date) -> list[Authority]:
    """Who decides `award_code` on `on`: the catalogue's rows valid that day, read where `law.catalogue.load_catalogue`
    reads the catalogue (the database once it holds the catalogue, else the shipped catalogue.json)."""
    if AwardType.objects.exists():
        rows = (DecidingAuthority.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on), award__code=award_code,
                                                 valid_from__lte=on).order_by("valid_from", "id"))
        return [Authority(r.authority, r.legal_basis) for r in rows]
    out = []
    for item in read_file().get("authorities", ()):
        start, end = dt.date.fromisoformat(item["valid_from"]), item.get("valid_to")
        if item["award"] == award_code and start <= on and (end is None or on <= dt.date.fromisoformat(end)):
            out.append(Authority(item["authority"], item.get("legal_basis", "")))
    return out


def decides_here(award_code: str, unit, on: dt.date) -> bool:
    """Whether the head of `unit` decides `award_code` on `on` (a legal-entity agency only when it has legal status)."""
    words = LEVEL_WORDS.get(unit.kind, ())
    if "tư cách pháp nhân" in words and not unit.has_legal_status:
        return False
    return any(word.lower() in row.authority.lower() for row in authorities(award_code, on) for word in words)


def authority_text(award_code: str, on: dt.date) -> str:
    """"Chủ tịch UBND cấp tỉnh; … (Luật …)": who decides, with the legal basis, for the screens."""
    rows = authorities(award_code, on)
    return "; ".join(f"{row.authority} ({row.legal_basis})" if row.legal_basis else row.authority for row in rows)
