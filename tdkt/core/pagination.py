"""A paginator whose count stops at a cap: "hơn 10.000" instead of counting every row of a province.

Counting the 200,000 people of a province's scope costs more than reading and rendering the page itself (a
scan of every row in scope on each request); a list that long is narrowed by its filters, not paged through to
its end. The count reads at most `cap + 1` rows (without the list's ordering and annotations): up to the cap
it is exact, beyond it `capped` is true and the pages stop at the cap. `get_page` reads the page and the count
in one query (the count rides along as a scalar subquery; one round trip less per list). See
docs/decisions/0009-web-bench.md.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap

    @cached_property
    def _capped_count(self) -> tuple[int, bool]:
        qs = self.object_list
        if not hasattr(qs, "query"):  # a list: its length is free
            return len(qs), False
        n = qs.order_by().values("pk")[: self.cap + 1].count()
        return (self.cap, True) if n > self.cap else (n, False)

    @cached_property
    def count(self) -> int:
        return self._capped_count[0]

    @property
    def capped(self) -> bool:
        """Whether there are more rows than `count` (which is then the cap)."""
        return self._capped_count[1]

    def _count_sql(self) -> tuple[str, tuple]:
        sql, params = self.object_list.order_by().values("pk")[: self.cap + 1].query.sql_with_params()
        return f"SELECT COUNT(*) FROM ({sql}) capped", params

    def get_page(self, number):
        """Like Django's (a bad number gives the first page, one past the end the last), the count read with the rows."""
        qs = self.object_list
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1
        if not hasattr(qs, "query") or "_capped_count" in self.__dict__ or self.orphans or wanted < 1:
            return super().get_page(number)
        bottom = (wanted - 1) * self.per_page
        rows = list(qs.annotate(_capped_total=RawSQL(*self._count_sql()))[bottom:bottom + self.per_page])
        if not rows:  # past the end (or nothing at all): count alone, then Django's rules
            return super().get_page(number)
        total = rows[0]._capped_total
        self.__dict__["_capped_count"] = (self.cap, True) if total > self.cap else (total, False)
        if bottom >= self.count:  # beyond the cap's last page
            return super().get_page(number)
        return self._get_page(rows, wanted, self)
