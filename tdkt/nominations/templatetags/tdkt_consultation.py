"""{% consultation_panel dossier %}: the public consultation's block on the dossier page (consultation.dossier_panel)."""

from django import template

register = template.Library()


@register.inclusion_tag("nominations/_consultation_panel.html", takes_context=True)
def consultation_panel(context, dossier):
    from tdkt.nominations.consultation import dossier_panel

    request = context.get("request")
    return {"panel": dossier_panel(dossier, request.user) if request is not None else None, "dossier": dossier,
            "names": context.get("names") or {}}
