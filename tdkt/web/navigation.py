"""The shell's own entries: the home page and the administration (staff only)."""

from tdkt.accounts import roles
from tdkt.core import registry

registry.nav(registry.NavEntry(key="home", label="Trang chủ", url_name="web:home", order=0, match=("web:home",)))
registry.nav(registry.NavEntry(key="admin", label="Quản trị", url_name="admin:index", order=90, staff_only=True))
registry.ability(registry.Ability(text="Quản trị danh mục, tài khoản và phân quyền.", roles=roles.ADMINS, links=("admin",), order=90))
