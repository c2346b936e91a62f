"""Form fields shared by the pages that choose units."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import in_tree_order


class InTreeOrder:
    """For a unit (multiple) choice field: `set_units` lists the units in tree order (`selectors.in_tree_order`:
    each level active first, by kind, by Vietnamese name)."""

    base_depth = 0

    def set_units(self, units, *, shown=None) -> None:
        """units: the queryset of valid choices; shown: the units to list (default: all of them)."""
        self.queryset = units
        ordered = in_tree_order(units if shown is None else shown)
        self.base_depth = min((u.depth for u in ordered), default=0)
        empty = [("", self.empty_label)] if getattr(self, "empty_label", None) is not None else []
        self.widget.choices = [*empty, *((u.pk, self.label_from_instance(u)) for u in ordered)]


class UnitChoiceField(InTreeOrder, forms.ModelChoiceField):
    """A unit select: units indented under their parents; dissolved units are marked."""

    def label_from_instance(self, unit):
        indent = "\u2003" * max(unit.depth - self.base_depth, 0)
        name = _("%(name)s (đã giải thể)") % {"name": unit.name} if unit.valid_to else unit.name
        return f"{indent}{name}"
