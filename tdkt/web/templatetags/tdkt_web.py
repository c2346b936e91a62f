from django import template

register = template.Library()

VERDICTS = {
    "eligible": ("Đủ điều kiện", "text-bg-success"),
    "not_eligible": ("Chưa đủ điều kiện", "text-bg-danger"),
    "needs_review": ("Cần xem xét thêm", "text-bg-warning"),
}
CHECKS = {
    "pass": ("✓", "Đạt"),
    "fail": ("✗", "Không đạt"),
    "cannot_judge": ("?", "Chưa đủ dữ liệu để đánh giá"),
}
RATING_CSS = {"HTXSNV": "text-bg-success", "HTTNV": "text-bg-primary", "HTNV": "text-bg-secondary", "KHTNV": "text-bg-danger"}


@register.filter
def vn_date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@register.filter
def verdict_label(value) -> str:
    return VERDICTS.get(value, (value, ""))[0]


@register.filter
def verdict_css(value) -> str:
    return VERDICTS.get(value, ("", "text-bg-secondary"))[1]


@register.filter
def check_icon(value) -> str:
    return CHECKS.get(value, ("•", ""))[0]


@register.filter
def check_label(value) -> str:
    return CHECKS.get(value, ("", value))[1]


@register.filter
def rating_css(value) -> str:
    return RATING_CSS.get(value, "text-bg-light")


@register.filter
def lookup(mapping, key):
    return mapping.get(key, key) if mapping else key


@register.simple_tag
def batch_url() -> str:
    """URL of the batch eligibility run (reports app) when it exists, else ''."""
    from tdkt.web.roles_info import _batch_link

    link = _batch_link()
    return link[1] if link else ""
