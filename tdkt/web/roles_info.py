"""What each role can do today, for the home page: the abilities the apps registered (`core.registry`), with links
to their menu entries, and what is not built yet."""

from __future__ import annotations

from tdkt.accounts import scoping
from tdkt.accounts.roles import Role
from tdkt.core import registry

NOT_YET = {  # what a role will do that is not built yet (the rest of its work is listed from the apps' abilities)
    Role.CLUSTER_HEAD: "Chấm điểm, xếp hạng cụm, khối thi đua sẽ có khi phân hệ cụm, khối được đưa vào sử dụng.",
    Role.PORTAL_EDITOR: "Biên tập tin bài, gương điển hình sẽ có khi phân hệ cổng thông tin được đưa vào sử dụng.",
}
NO_PEOPLE = "Tài khoản này không xem hồ sơ cá nhân."
WITHOUT_PEOPLE = frozenset({Role.COUNCIL_MEMBER, Role.CLUSTER_HEAD, Role.PORTAL_EDITOR})


def links(user) -> dict[str, tuple[str, str]]:
    """key → (label, url) of the menu entries the user may open."""
    return {entry.key: (entry.label, entry.url()) for entry in registry.nav_for(user)}


def cards_for(user) -> list[dict]:
    """One card per distinct active role: its label, scope units, today's abilities with links, and what is not built yet."""
    available = links(user)
    by_role: dict[str, dict] = {}
    for a in scoping.active_assignments(user):
        card = by_role.setdefault(a.role, {"role": a.role, "label": a.get_role_display(), "units": [], "lines": [],
                                           "later": " ".join(filter(None, (NOT_YET.get(a.role),
                                                                            NO_PEOPLE if a.role in WITHOUT_PEOPLE else "")))})
        card["units"].append(a.unit)
    for card in by_role.values():
        for ability in registry.abilities_for(card["role"]):
            card["lines"].append({"text": ability.text, "links": [available[k] for k in ability.links if k in available]})
    return list(by_role.values())
