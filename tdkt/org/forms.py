"""Form fields shared by the pages that choose a unit."""

from __future__ import annotations

from django import forms

from .selectors import in_tree_order


class UnitChoiceField(forms.ModelChoiceField):
    """A unit select listing the units in tree order (`selectors.in_tree_order`: each level active first, by
    kind, by Vietnamese name), indented under their parents; dissolved units are marked."""

    base_depth = 0

    def label_from_instance(self, unit):
        indent = "\u2003" * max(unit.depth - self.base_depth, 0)
        suffix = " (đã giải thể)" if unit.valid_to else ""
        return f"{indent}{unit.name}{suffix}"

    def set_units(self, units, *, shown=None) -> None:
        """units: the queryset of valid choices; shown: the units to list (default: all of them)."""
        self.queryset = units
        ordered = in_tree_order(units if shown is None else shown)
        self.base_depth = min((u.depth for u in ordered), default=0)
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        self.widget.choices = [*empty, *((u.pk, self.label_from_instance(u)) for u in ordered)]
