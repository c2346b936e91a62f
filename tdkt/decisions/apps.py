from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "tdkt.decisions"
    label = "decisions"
    verbose_name = "Quyết định khen thưởng"

    def ready(self) -> None:
        from . import navigation, permissions, workflow  # noqa: F401  (registers the rules, the workflow and the panels)
