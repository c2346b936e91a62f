"""Template filters shared by every app: dates and numbers as Vietnamese write them, lookups, the given name of a user."""

from django import template

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
