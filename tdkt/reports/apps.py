from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "tdkt.reports"
    label = "reports"
    verbose_name = "Báo cáo, thống kê"

    def ready(self) -> None:
        from . import navigation, permissions, workflow  # noqa: F401  (registers the rules, the workflow and the screens)
