"""The words of the law in templates: verdicts, check results, ratings (names from tdkt.law.vocabulary)."""

from django import template

from tdkt.law import vocabulary as vocab

register = template.Library()

VERDICT_CSS = {"eligible": "text-bg-success", "not_eligible": "text-bg-danger", "needs_review": "text-bg-warning"}
CHECK_ICONS = {"pass": "✓", "fail": "✗", "cannot_judge": "?", vocab.ATTESTED: "✎"}
RATING_CSS = {"HTXSNV": "text-bg-success", "HTTNV": "text-bg-primary", "HTNV": "text-bg-secondary", "KHTNV": "text-bg-danger"}


@register.filter
def verdict_label(value) -> str:
    return vocab.label(vocab.Verdict, value)


@register.filter
def verdict_css(value) -> str:
    return VERDICT_CSS.get(value, "text-bg-secondary")


@register.filter
def check_icon(value) -> str:
    return CHECK_ICONS.get(value, "•")


@register.filter
def check_label(value) -> str:
    return str(vocab.ATTESTED_LABEL) if value == vocab.ATTESTED else vocab.label(vocab.CheckResult, value)


@register.filter
def check_state(check) -> str:
    """What a check's mark says: pass / fail / cannot_judge, or "attested" for what the unit attests."""
    return vocab.check_shown(check.code, check.result)


@register.filter
def rating_label(value) -> str:
    return vocab.label(vocab.Rating, value)


@register.filter
def rating_css(value) -> str:
    return RATING_CSS.get(value, "text-bg-light")
