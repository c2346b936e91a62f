from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "tdkt.decisions"
    label = "decisions"
    verbose_name = "Quyết định khen thưởng"

    def ready(self) -> None:
        from . import navigation, permissions  # noqa: F401  (registers the rules and the dossier page's panels)
