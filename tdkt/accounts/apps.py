from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tdkt.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import (
            permissions,  # noqa: F401  (registers the rules)
            scoping,
        )

        # Memoised assignments carry their unit (path, dates): a change to either drops them. The unit is named, not
        # imported (org sits above accounts).
        for sender in ("accounts.RoleAssignment", "org.Unit"):
            post_save.connect(scoping.assignments_changed, sender=sender, dispatch_uid=f"assignments-{sender}-saved")
            post_delete.connect(scoping.assignments_changed, sender=sender, dispatch_uid=f"assignments-{sender}-deleted")
