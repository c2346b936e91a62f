"""Display names of catalogue codes for the web pages (the law app's catalogue, with a fallback)."""

from tdkt.records.models import DisciplineForm, InitiativeScope, Rating

FALLBACK_AWARD_NAMES = {
    "LDTT": "Lao động tiên tiến",
    "CSTT": "Chiến sĩ tiên tiến",
    "CSTDCS": "Chiến sĩ thi đua cơ sở",
    "CSTD_TINH": "Chiến sĩ thi đua cấp tỉnh",
    "CSTD_TQ": "Chiến sĩ thi đua toàn quốc",
    "TTLDTT": "Tập thể lao động tiên tiến",
    "TTLDXS": "Tập thể lao động xuất sắc",
    "CO_TINH": "Cờ thi đua cấp tỉnh",
    "CO_CP": "Cờ thi đua của Chính phủ",
    "GIAY_KHEN": "Giấy khen",
    "BK_TINH": "Bằng khen cấp tỉnh",
    "BK_TTG": "Bằng khen của Thủ tướng Chính phủ",
    "GDVH": "Gia đình văn hóa",
    "THON_VH": "Thôn, tổ dân phố văn hóa",
    "XA_TB": "Xã, phường, đặc khu tiêu biểu",
}

RATING_NAMES = dict(Rating.choices)
DISCIPLINE_NAMES = dict(DisciplineForm.choices)
SCOPE_NAMES = dict(InitiativeScope.choices)


def award_names() -> dict[str, str]:
    """code → Vietnamese name, from the law catalogue when it is installed (one query)."""
    names = dict(FALLBACK_AWARD_NAMES)
    try:
        from tdkt.law.models import AwardType
    except ImportError:
        return names
    names.update(dict(AwardType.objects.values_list("code", "name")))
    return names


def regime_name(code: str) -> str:
    """The Vietnamese name of a legal regime code (e.g. ND152_2025), or the code itself."""
    if not code:
        return ""
    try:
        from tdkt.law.models import Regime
    except ImportError:
        return code
    return Regime.objects.filter(code=code).values_list("name", flat=True).first() or code
