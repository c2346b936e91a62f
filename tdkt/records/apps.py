from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "tdkt.records"
    label = "records"
    verbose_name = "Hồ sơ thành tích"

    def ready(self) -> None:
        from . import navigation, permissions  # noqa: F401  (registers the rules and the screens)
