"""A paginator whose count stops at a cap: "hơn 1.000" instead of counting every row of a province.

Counting the 200,000 people of a province's scope costs more than reading and rendering the page itself (a
scan of every row in scope on each request); a list that long is narrowed by its filters, not paged through to
its end. The count reads at most `cap + 1` rows (without the list's ordering and annotations): up to the cap
it is exact, beyond it `capped` is true and the pages stop at the cap. `get_page` reads those keys first and,
when they are all the rows, the page among them (see `get_page`). See docs/decisions/0009-web-bench.md.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models.sql.where import WhereNode
from django.utils.functional import cached_property

COUNT_CAP = 1_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int | None = None, page_among_keys: bool = False,
                 values: tuple[str, ...] = (), **kwargs):
        """page_among_keys: under the cap, read the page by its keys alone, without the queryset's filters (which the
        keys already passed). Only for a queryset whose joins give one row per object (foreign keys, subqueries in
        the filters; no join through a many-valued relation, whose rows the filters would no longer narrow).
        values: the page's rows as dicts of these fields (`QuerySet.values`) instead of model instances; the keys
        are read before, without the joins the fields need."""
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap
        self.page_among_keys = page_among_keys
        self.values = values

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

    def get_page(self, number):
        """Like Django's (a bad number gives the first page, one past the end the last). The count is read as the
        keys of at most `cap + 1` rows (no ordering, no annotation); when there are no more than the cap, the page is
        then read among those keys, so that a costly filter (a name search) is not evaluated a second time."""
        qs = self.object_list
        if hasattr(qs, "query") and "_capped_count" not in self.__dict__ and not self.orphans:
            keys = list(qs.order_by().values_list("pk", flat=True)[: self.cap + 1])
            capped = len(keys) > self.cap
            self.__dict__["_capped_count"] = (self.cap, True) if capped else (len(keys), False)
            if not capped:
                qs = self._among(qs, keys) if keys else qs.none()
        if hasattr(qs, "query") and self.values and not self.__dict__.get("_as_values"):
            qs, self.__dict__["_as_values"] = qs.values(*self.values), True
        self.object_list = qs
        return super().get_page(number)

    def _among(self, qs, keys: list):
        if not self.page_among_keys:
            return qs.filter(pk__in=keys)
        rows = qs.all()
        rows.query.where = WhereNode()  # the filters are what found the keys (their joins stay: one row per object)
        return rows.filter(pk__in=keys)
