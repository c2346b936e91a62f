"""Which award codes exist and which subjects they may be given to.

The law app's catalogue (`tdkt.law.models.AwardType`) is the source of truth when it is installed and
loaded; until then (or for an empty catalogue) the codes of DOMAIN.md §2 are used, so the ledger can be
filled before the catalogue is edited.
"""

from __future__ import annotations

INDIVIDUAL, COLLECTIVE, HOUSEHOLD, VILLAGE, COMMUNE = "individual", "collective", "household", "village", "commune"
ANY = frozenset({INDIVIDUAL, COLLECTIVE, HOUSEHOLD, VILLAGE, COMMUNE})
_IC = frozenset({INDIVIDUAL, COLLECTIVE, VILLAGE, COMMUNE})
_COLL = frozenset({COLLECTIVE, VILLAGE, COMMUNE})

FALLBACK: dict[str, tuple[str, frozenset[str]]] = {
    "LDTT": ("Lao động tiên tiến", frozenset({INDIVIDUAL})),
    "CSTT": ("Chiến sĩ tiên tiến", frozenset({INDIVIDUAL})),
    "CSTDCS": ("Chiến sĩ thi đua cơ sở", frozenset({INDIVIDUAL})),
    "CSTD_TINH": ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", frozenset({INDIVIDUAL})),
    "CSTD_TQ": ("Chiến sĩ thi đua toàn quốc", frozenset({INDIVIDUAL})),
    "TTLDTT": ("Tập thể lao động tiên tiến", _COLL),
    "DVTT": ("Đơn vị tiên tiến", _COLL),
    "TTLDXS": ("Tập thể lao động xuất sắc", _COLL),
    "DVQT": ("Đơn vị quyết thắng", _COLL),
    "CO_TINH": ("Cờ thi đua của bộ, ban, ngành, tỉnh", _COLL),
    "CO_CP": ("Cờ thi đua của Chính phủ", _COLL),
    "XA_TB": ("Xã, phường, đặc khu tiêu biểu", frozenset({COMMUNE})),
    "THON_VH": ("Thôn, tổ dân phố văn hóa", frozenset({VILLAGE})),
    "GDVH": ("Gia đình văn hóa", frozenset({HOUSEHOLD})),
    "GIAY_KHEN": ("Giấy khen", ANY),
    "BK_TINH": ("Bằng khen của bộ, ban, ngành, tỉnh", ANY),
    "BK_TTG": ("Bằng khen của Thủ tướng Chính phủ", ANY),
    "KNC": ("Kỷ niệm chương", frozenset({INDIVIDUAL})),
    "HCLD_1": ("Huân chương Lao động hạng Nhất", _IC),
    "HCLD_2": ("Huân chương Lao động hạng Nhì", _IC),
    "HCLD_3": ("Huân chương Lao động hạng Ba", _IC),
    "HC_TNXP": ("Huy chương Thanh niên xung phong vẻ vang", frozenset({INDIVIDUAL})),
}


def _subjects_of(row) -> frozenset[str] | None:
    """The subject kinds stored on an AwardType row, whatever the law app named the field."""
    for attr in ("subjects", "subject_kinds", "subject_kind", "subject"):
        value = getattr(row, attr, None)
        if value is None:
            continue
        if hasattr(value, "all"):  # a relation
            value = [getattr(v, "code", str(v)) for v in value.all()]
        if isinstance(value, str):
            value = [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
        kinds = frozenset(str(v) for v in value)
        if "any" in kinds:
            return ANY
        return kinds or None
    return None


def award_catalogue() -> dict[str, tuple[str, frozenset[str]]]:
    """code → (Vietnamese name, allowed subject kinds)."""
    try:
        from tdkt.law.models import AwardType
    except ImportError:
        return dict(FALLBACK)
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic():  # a savepoint: a missing table must not break the caller's transaction
            rows = list(AwardType.objects.all())
    except DatabaseError:  # catalogue table not migrated yet
        return dict(FALLBACK)
    if not rows:
        return dict(FALLBACK)
    out = {}
    for row in rows:
        fallback_subjects = FALLBACK.get(row.code, ("", ANY))[1]
        out[row.code] = (row.name, _subjects_of(row) or fallback_subjects)
    return out


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
