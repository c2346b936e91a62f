"""Template tags of the people screens.

`people_rows` writes the people list's table rows in Python: the list is the page officers open most, and the
template language spends some 25 nodes per row (links, filters, badges), about as long as the rest of the page
(docs/decisions/0009-web-bench.md). The markup is the one the template wrote, every value escaped by format_html.
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from tdkt.law.templatetags.tdkt_law import rating_css, rating_label
from tdkt.org.models import Gender

register = template.Library()

_SENTINEL = 987654321  # a person id no reverse() shares with the rest of the address


@register.simple_tag
def people_rows(people) -> SafeString:
    """The <tr> of each person of the page (annotated with `year_rating`, the unit selected with it)."""
    address = reverse("records:person_detail", args=[_SENTINEL])
    genders = dict(Gender.choices)
    leader = format_html(' <span class="badge text-bg-light border fw-normal">{}</span>', gettext("Lãnh đạo"))
    direct = format_html(' <span class="badge text-bg-light border fw-normal">{}</span>', gettext("Trực tiếp"))
    none = mark_safe('<span class="text-muted small">—</span>')

    def row(p):
        rating = (format_html('<span class="badge {}" title="{}">{}</span>', rating_css(p.year_rating), rating_label(p.year_rating),
                              p.year_rating) if p.year_rating else none)
        return (address.replace(str(_SENTINEL), str(p.pk)), p.full_name, leader if p.is_leader else "",
                direct if p.is_direct_worker else "", genders.get(p.gender, p.gender),
                p.date_of_birth.strftime("%d/%m/%Y") if p.date_of_birth else "", p.position, p.unit.name if p.unit else "", rating)

    return format_html_join(
        "\n", '<tr><td><a href="{}" class="fw-semibold">{}</a>{}{}</td><td class="d-none d-md-table-cell">{}</td>'
              '<td class="d-none d-md-table-cell">{}</td><td class="d-none d-lg-table-cell">{}</td><td class="small">{}</td>'
              "<td>{}</td></tr>", (row(p) for p in people))
