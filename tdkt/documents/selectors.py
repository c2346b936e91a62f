"""Reads of the documents app, limited to what the user may see."""

from django.db.models import QuerySet

from tdkt.accounts import roles, scoping

from .models import DocumentJob


def jobs_visible_to(user) -> QuerySet[DocumentJob]:
    """Bulk generation jobs of the units whose ledgers the user reads (the unit and everything under it)."""
    if not scoping.may(user, roles.LEDGER_READERS):
        return DocumentJob.objects.none()
    return DocumentJob.objects.select_related("unit", "requested_by").filter(scoping.subtree_q(user, roles=roles.LEDGER_READERS, field="unit"))
