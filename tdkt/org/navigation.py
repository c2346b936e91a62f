"""The org app in the shell: the "Đơn vị" menu entry, the units count on the home page, the abilities it gives."""

from tdkt.accounts import roles
from tdkt.core import registry


def _home(request):
    from .selectors import units_visible_to

    if not request.user.has_perm("org.view_units"):
        return None
    return {"units_count": units_visible_to(request.user).filter(valid_to__isnull=True).count()}


registry.nav(registry.NavEntry(key="units", label="Đơn vị", url_name="org:unit_tree", order=20, permission="org.view_units",
                               match=("org:unit_tree", "org:unit_detail")))
registry.section(registry.HomeSection(key="units", order=10, template="org/_home.html", context=_home))
registry.ability(registry.Ability(text="Xem cây đơn vị trong phạm vi được giao.", roles=roles.UNIT_READERS - roles.LEDGER_READERS,
                                  links=("units",), order=10))
