from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "tdkt.plans"
    label = "plans"
    verbose_name = "Kế hoạch công tác thi đua, khen thưởng"

    def ready(self) -> None:
        from . import navigation, permissions  # noqa: F401  (registers the rules and the menu entry)
