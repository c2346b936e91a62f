"""The dossier page's block of agency opinions and holds, self-contained: `{% opinions_block dossier as op %}` gives
the block's data to the office that appraises the dossier (None to anyone else, who sees nothing of it)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def opinions_block(context, dossier):
    from tdkt.nominations import opinions
    from tdkt.nominations import selectors_opinions as reads

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or dossier is None or not user.has_perm("nominations.appraise_dossier", dossier):
        return None
    data = reads.dossier_block(dossier)
    data["can_request"] = dossier.status in opinions.REQUESTABLE
    return data
