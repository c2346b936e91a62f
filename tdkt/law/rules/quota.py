"""The CSTĐCS quota (≤ p% of those with LĐTT): national until 2023, a local option since 2024."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..schema import Check


def cstdcs_quota_applies(catalogue: Catalogue, year: int) -> bool:
    """Whether a quota limits the CSTĐCS of the year (the national one until 2023, the local option since)."""
    return bool(catalogue.param("cstdcs.quota.enabled", year).value)


def check_cstdcs_quota(*, ldtt_count: int, cstdcs_count: int, catalogue: Catalogue, year: int) -> Check:
    enabled = catalogue.param("cstdcs.quota.enabled", year)
    if not enabled.value:
        return Check("CSTDCS_QUOTA", "pass", f"Không áp dụng tỷ lệ CSTĐCS trên số LĐTT năm {year}", enabled.legal_basis)
    row = catalogue.param("cstdcs.quota.percent", year)
    percent = row.value
    allowed = ldtt_count * percent // 100
    text = (f"Năm {year}: {cstdcs_count} CSTĐCS trên {ldtt_count} LĐTT; "
            f"tối đa {percent}% (không quá {allowed} người)")
    ok = cstdcs_count * 100 <= percent * ldtt_count
    return Check("CSTDCS_QUOTA", "pass" if ok else "fail", text, row.legal_basis)
