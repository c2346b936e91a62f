"""Template filters shared by every app: dates and numbers as Vietnamese write them, lookups, the given name of a
user; the page links of a list."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.filter
def vn_date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def lookup(mapping, key):
    return mapping.get(key, key) if mapping else key


@register.filter
def given_name(user) -> str:
    """The name a Vietnamese greeting uses: the given name, the last word of the full name ("Xin chào, Hà")."""
    words = (user.get_full_name() or "").split()
    return words[-1] if words else user.get_username()


@register.filter
def vn_int(value) -> str:
    """A whole number with Vietnamese digit grouping: 10000 → "10.000"."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return "" if value is None else str(value)


@register.simple_tag(takes_context=True)
def page_nav(context, page, hx_target: str = "") -> SafeString:
    """The page links (core/_pagination.html): previous, the numbers of `page_links` when the view gives them
    (1 2 … 9 10 11 … 40, from Paginator.get_elided_page_range), next, and "Trang 2/40" ("Trang 2/hơn 40" when the
    count is capped). With hx_target (a CSS selector) a link replaces only that element (htmx, the address bar
    follows); without JavaScript it loads the page as usual. Written in Python: a list page draws a dozen links."""
    if not page.has_other_pages():
        return mark_safe("")
    query = context.get("query") or ""
    base = f"?{query}&page=" if query else "?page="

    def link(number, label, aria: str = "") -> SafeString:
        extra = format_html(' hx-get="{}{}" hx-target="{}" hx-push-url="true"', base, number, hx_target) if hx_target else ""
        label_attr = format_html(' aria-label="{}"', aria) if aria else ""
        return format_html('<li class="page-item"><a class="page-link" href="{}{}"{}{}>{}</a></li>', base, number, extra,
                           label_attr, label)

    parts = []
    if page.has_previous():
        parts.append(link(page.previous_page_number(), gettext("« Trước")))
    for number in context.get("page_links") or ():
        if number == page.number:
            parts.append(format_html('<li class="page-item active" aria-current="page"><span class="page-link">{}</span></li>', number))
        elif number == page.paginator.ELLIPSIS:
            parts.append(mark_safe('<li class="page-item disabled"><span class="page-link">…</span></li>'))
        else:
            parts.append(link(number, number, gettext("Trang %(number)s") % {"number": number}))
    if page.has_next():
        parts.append(link(page.next_page_number(), gettext("Sau »")))
    if getattr(page.paginator, "capped", False):
        where = gettext("Trang %(number)s/hơn %(pages)s") % {"number": page.number, "pages": vn_int(page.paginator.num_pages)}
    else:
        where = gettext("Trang %(number)s/%(pages)s") % {"number": page.number, "pages": page.paginator.num_pages}
    parts.append(format_html('<li class="page-item disabled"><span class="page-link">{}</span></li>', where))
    return format_html('<nav aria-label="{}" class="mt-3"><ul class="pagination pagination-sm flex-wrap">{}</ul></nav>',
                       gettext("Phân trang"), mark_safe("".join(parts)))
