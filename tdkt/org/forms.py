"""Form fields shared by the pages that choose units."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import in_tree_order


class InTreeOrder:
    """For a unit (multiple) choice field: `set_units` lists the units in tree order (`selectors.in_tree_order`:
    each level active first, by kind, by Vietnamese name)."""

    base_depth = 0

    def set_units(self, units, *, shown=None, options=None) -> None:
        """units: the queryset of valid choices; shown: the units to list (default: all of them); options: the
        listed choices as `unit_options` made them (memoised by the caller), instead of `shown`."""
        self.queryset = units
        if options is None:
            options = self.unit_options(units if shown is None else shown)
        empty = [("", self.empty_label)] if getattr(self, "empty_label", None) is not None else []
        self.widget.choices = [*empty, *options]

    def unit_options(self, units) -> list[tuple[int, str]]:
        """(pk, label) of the units in tree order, indented from the shallowest of them."""
        ordered = in_tree_order(units)
        self.base_depth = min((u.depth for u in ordered), default=0)
        return [(u.pk, self.label_from_instance(u)) for u in ordered]


class UnitChoiceField(InTreeOrder, forms.ModelChoiceField):
    """A unit select: units indented under their parents; dissolved units are marked."""

    def label_from_instance(self, unit):
        indent = "\u2003" * max(unit.depth - self.base_depth, 0)
        name = _("%(name)s (đã giải thể)") % {"name": unit.name} if unit.valid_to else unit.name
        return f"{indent}{name}"
