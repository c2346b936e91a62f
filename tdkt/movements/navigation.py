"""The movements app in the shell: its menu entry, the registrations to make and to decide on the home page, the
abilities it gives."""

from tdkt.accounts import roles
from tdkt.core import registry


def _home(request):
    from . import selectors

    if not request.user.has_perm("movements.view_movements"):
        return None
    to_make = selectors.registrations_to_make(request.user)
    to_decide = list(selectors.awaiting_decision(request.user).order_by("submitted_at", "id")[:8])
    if not to_make and not to_decide:
        return None
    return {"to_make": to_make, "to_decide": to_decide}


registry.nav(registry.NavEntry(
    key="movements", label="Phong trào thi đua", url_name="movements:index", order=33, permission="movements.view_movements",
    match=("movements:index", "movements:movement_create", "movements:movement_detail", "movements:movement_edit",
           "movements:registration_detail", "movements:registration_edit", "movements:registration_start"),
))
registry.section(registry.HomeSection(key="movements", order=8, template="movements/_home.html", context=_home))
registry.ability(registry.Ability(text="Phát động phong trào thi đua (thường xuyên, chuyên đề, chào mừng ngày kỷ niệm) cho các đơn vị "
                                       "thuộc phạm vi, đặt tiêu chí, nhắc đơn vị chưa đăng ký, duyệt hoặc trả lại đăng ký thi đua.",
                                  roles=frozenset({roles.Role.UNIT_OFFICER}) | roles.OFFICE, links=("movements",), order=30))
registry.ability(registry.Ability(text="Đăng ký thi đua của đơn vị: chỉ tiêu theo từng tiêu chí, danh hiệu đăng ký cho tập thể và cá nhân.",
                                  roles=frozenset({roles.Role.UNIT_OFFICER}), links=("movements",), order=31))
