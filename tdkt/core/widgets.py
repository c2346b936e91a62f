"""Form widgets shared by every app.

`FastSelect` is Django's Select rendered in Python. Django renders a select through its widget templates, two
template inclusions per option (select_option.html and attrs.html): the people list's filter form, six selects
with some fifty options, cost as much as the table of results. The markup is the same (attributes as
attrs.html writes them, values and labels escaped).
"""

from __future__ import annotations

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


def _attrs(attrs: dict) -> str:
    """Attributes as Django's attrs.html writes them: in order, True as a bare name, False left out."""
    return "".join(f" {conditional_escape(k)}" if v is True else f' {conditional_escape(k)}="{conditional_escape(v)}"'
                   for k, v in attrs.items() if v is not False and v is not None)


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], mark_safe(_attrs(widget["attrs"])))]
        for group, options, _ in widget["optgroups"]:
            if group:
                parts.append(format_html('<optgroup label="{}">', group))
            parts.extend(format_html('<option value="{}"{}>{}</option>', "" if o["value"] is None else str(o["value"]),
                                     mark_safe(_attrs(o["attrs"])), o["label"]) for o in options)
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # every part above is escaped by format_html
