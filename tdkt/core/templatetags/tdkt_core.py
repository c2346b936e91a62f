"""Template filters shared by every app: dates as Vietnamese write them, lookups."""

from django import template

register = template.Library()


@register.filter
def vn_date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def lookup(mapping, key):
    return mapping.get(key, key) if mapping else key
