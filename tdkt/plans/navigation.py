"""The plans app in the shell: its menu entry and the abilities it gives."""

from tdkt.accounts import roles
from tdkt.core import registry

registry.nav(registry.NavEntry(
    key="plans", label="Kế hoạch TĐKT", url_name="plans:index", order=37, permission="plans.view_plans",
    match=("plans:index", "plans:create", "plans:detail", "plans:document", "plans:task_detail"),
))
registry.ability(registry.Ability(text="Lập kế hoạch công tác thi đua, khen thưởng năm của cấp mình (sao chép từ năm trước hoặc từ kế hoạch "
                                       "cấp trên), soạn các mục, nhiệm vụ trọng tâm và chương trình công tác của Hội đồng, kiểm tra và "
                                       "tạo văn bản kế hoạch.",
                                  roles=roles.OFFICE, links=("plans",), order=37))
registry.ability(registry.Ability(text="Cập nhật tiến độ các nhiệm vụ trọng tâm mà đơn vị mình chủ trì, kèm minh chứng.",
                                  roles=frozenset({roles.Role.UNIT_OFFICER}), links=("plans",), order=37))
