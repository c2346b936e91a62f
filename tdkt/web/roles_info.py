"""What each role can do today, for the home page: the abilities the apps registered (`core.registry`), with links
to their menu entries, and what is not built yet."""

from __future__ import annotations

from tdkt.accounts import scoping
from tdkt.accounts.roles import Role
from tdkt.core import registry

NOT_YET = {
    Role.APPRAISER: "Thẩm định hồ sơ đề nghị khen thưởng sẽ có khi phân hệ hồ sơ đề nghị được đưa vào sử dụng.",
    Role.OFFICE_HEAD: "Duyệt tờ trình và theo dõi tiến độ sẽ có khi phân hệ hồ sơ đề nghị được đưa vào sử dụng.",
    Role.COUNCIL_MEMBER: "Bỏ phiếu và xem hồ sơ trình Hội đồng sẽ có khi phân hệ Hội đồng được đưa vào sử dụng; tài khoản này không xem hồ sơ cá nhân.",
    Role.COUNCIL_SECRETARY: "Lập phiên họp, kiểm phiếu và biên bản sẽ có khi phân hệ Hội đồng được đưa vào sử dụng.",
    Role.SIGNER: "Ký quyết định khen thưởng sẽ có khi phân hệ quyết định được đưa vào sử dụng.",
    Role.CLUSTER_HEAD: "Chấm điểm, xếp hạng cụm, khối thi đua sẽ có khi phân hệ cụm, khối được đưa vào sử dụng; tài khoản này không xem hồ sơ cá nhân.",
    Role.PORTAL_EDITOR: "Biên tập tin bài, gương điển hình sẽ có khi phân hệ cổng thông tin được đưa vào sử dụng; tài khoản này không xem hồ sơ cá nhân.",
}


def links(user) -> dict[str, tuple[str, str]]:
    """key → (label, url) of the menu entries the user may open."""
    return {entry.key: (entry.label, entry.url()) for entry in registry.nav_for(user)}


def cards_for(user) -> list[dict]:
    """One card per distinct active role: its label, scope units, today's abilities with links, and what is not built yet."""
    available = links(user)
    by_role: dict[str, dict] = {}
    for a in scoping.active_assignments(user):
        card = by_role.setdefault(a.role, {"role": a.role, "label": a.get_role_display(), "units": [], "lines": [],
                                           "later": NOT_YET.get(a.role)})
        card["units"].append(a.unit)
    for card in by_role.values():
        for ability in registry.abilities_for(card["role"]):
            card["lines"].append({"text": ability.text, "links": [available[k] for k in ability.links if k in available]})
    return list(by_role.values())
