"""A paginator whose count stops at a cap: "hơn 10.000" instead of counting every row of a province.

Counting the 200,000 people of a province's scope costs more than reading and rendering the page itself (a
scan of every row in scope on each request); a list that long is narrowed by its filters, not paged through to
its end. The count reads at most `cap + 1` rows (without the list's ordering and annotations): up to the cap
it is exact, beyond it `capped` is true and the pages stop at the cap. See docs/decisions/0009-web-bench.md.
"""

from __future__ import annotations

from django.core.paginator import Paginator
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
