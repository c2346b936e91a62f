from django import template

from tdkt.law import vocabulary as vocab

register = template.Library()


@register.filter
def component_label(code) -> str:
    return vocab.label(vocab.DossierComponent, code)


@register.filter
def dossier_state(value) -> str:
    from tdkt.nominations.workflow import DOSSIER

    return DOSSIER.state_label(value)
