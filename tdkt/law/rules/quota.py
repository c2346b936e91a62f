"""The CSTĐCS quota (≤ p% of those with LĐTT): national until 2023, a local option since 2024; and, when a unit
has more candidates than its quota allows, who comes first (legal policy: Art 5 Luật TĐKT, NĐ 152 Art 4)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..catalogue import Catalogue
from ..messages import Message
from ..schema import Check
from .context import used


def cstdcs_quota_applies(catalogue: Catalogue, year: int) -> bool:
    """Whether a quota limits the CSTĐCS of the year (the national one until 2023, the local option since)."""
    return bool(catalogue.param("cstdcs.quota.enabled", year).value)


def check_cstdcs_quota(*, ldtt_count: int, cstdcs_count: int, catalogue: Catalogue, year: int) -> Check:
    enabled = catalogue.param("cstdcs.quota.enabled", year)
    if not enabled.value:
        return Check.of("CSTDCS_QUOTA", "pass", Message("quota.off", {"year": year}), enabled.legal_basis,
                        parameters=(used("cstdcs.quota.enabled", enabled),))
    row = catalogue.param("cstdcs.quota.percent", year)
    percent = row.value
    allowed = ldtt_count * percent // 100
    ok = cstdcs_count * 100 <= percent * ldtt_count
    message = Message("quota.count", {"year": year, "cstdcs": cstdcs_count, "ldtt": ldtt_count, "percent": percent, "allowed": allowed})
    return Check.of("CSTDCS_QUOTA", "pass" if ok else "fail", message, row.legal_basis,
                    facts={"ldtt": ldtt_count, "cstdcs": cstdcs_count},
                    parameters=(used("cstdcs.quota.enabled", enabled), used("cstdcs.quota.percent", row)))


def rank_key(candidate, year: int, direct_workers: set, excellent: str) -> tuple:
    """CSTĐCS candidates, best first: the best rating (`excellent`, HTXSNV) in the year, initiatives of the year, length
    of the CSTĐCS chain ending the year before, then direct workers (the priority of Art 5 / NĐ 152 Art 4, DOMAIN.md
    §3), then Vietnamese name order. A candidate is a ledger: `person_id`, `name_sort_key`, `ratings`, `awards`,
    `initiatives`."""
    rating = next((r.rating for r in candidate.ratings if r.year == year), "")
    initiatives = sum(1 for i in candidate.initiatives if i.year == year)
    cstdcs_years = {a.year for a in candidate.awards if a.award == "CSTDCS" and not a.proposed}
    chain, y = 0, year - 1
    while y in cstdcs_years:
        chain, y = chain + 1, y - 1
    return (rating != excellent, -initiatives, -chain, candidate.person_id not in direct_workers, candidate.name_sort_key,
            candidate.person_id)


def apply_quota(candidates: list, *, ldtt_count: int, year: int, catalogue: Catalogue,
                direct_workers: Callable[[Iterable[int]], set]) -> tuple[set[int], Check]:
    """The CSTĐCS quota over one unit: (ids of the candidates over the quota, the check for all of them).
    Only a unit over the quota is ranked (`direct_workers(ids)` tells which of them work directly)."""
    check = check_cstdcs_quota(ldtt_count=ldtt_count, cstdcs_count=len(candidates), catalogue=catalogue, year=year)
    if check.result != "fail":
        return set(), check
    allowed = len(candidates) - 1
    while allowed > 0 and check_cstdcs_quota(ldtt_count=ldtt_count, cstdcs_count=allowed, catalogue=catalogue, year=year).result == "fail":
        allowed -= 1
    direct = direct_workers([c.person_id for c in candidates])
    excellent = catalogue.param("rating.order", year).value[0]
    ranked = sorted(candidates, key=lambda c: rank_key(c, year, direct, excellent))
    return {c.person_id for c in ranked[allowed:]}, check
