"""Form widgets shared by every app.

`FastSelect` is Django's Select rendered in Python. Django renders a select through its widget templates, two
template inclusions per option (select_option.html and attrs.html): the people list's filter form, six selects
with some fifty options, cost as much as the table of results. The markup is the same (attributes as
attrs.html writes them, values and labels escaped).
"""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group, options, _ in widget["optgroups"]:
            if group:
                parts.append(format_html('<optgroup label="{}">', group))
            parts.extend(format_html('<option value="{}"{}>{}</option>', "" if o["value"] is None else str(o["value"]),
                                     flatatt(o["attrs"]), o["label"]) for o in options)
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # every part above is escaped by format_html
