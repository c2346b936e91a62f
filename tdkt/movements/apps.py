from django.apps import AppConfig


class MovementsConfig(AppConfig):
    name = "tdkt.movements"
    label = "movements"
    verbose_name = "Phong trào thi đua"

    def ready(self) -> None:
        from . import navigation, permissions, workflow  # noqa: F401  (registers the rules, the workflow and the screens)
