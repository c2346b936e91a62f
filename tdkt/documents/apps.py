from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tdkt.documents"
    label = "documents"
    verbose_name = "Văn bản và giấy khen"

    def ready(self) -> None:
        from . import kinds, navigation, permissions, workflow  # noqa: F401  (registers the kinds, the screens, the rules, the workflow)
