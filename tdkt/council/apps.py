from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "tdkt.council"
    label = "council"
    verbose_name = "Phiên họp Hội đồng Thi đua - Khen thưởng"

    def ready(self) -> None:
        from . import navigation, permissions, workflow  # noqa: F401  (registers the rules, the workflow and the screens)
