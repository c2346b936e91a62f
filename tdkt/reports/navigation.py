"""The reports app in the shell: its menu entry and the abilities it gives on the home page."""

from tdkt.accounts import roles
from tdkt.core import registry

registry.nav(registry.NavEntry(
    key="batch", label="Xét điều kiện hàng loạt", url_name="reports:batch_start", order=40, permission="reports.run_batch",
    match=("reports:batch_start", "reports:batch_detail", "reports:index"),
))
registry.ability(registry.Ability(text="Xét điều kiện hàng loạt cho cả đơn vị theo năm.", roles=roles.LEDGER_READERS,
                                  links=("batch",), order=40))
