from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tdkt.documents"
    label = "documents"
    verbose_name = "Văn bản và giấy khen"

    def ready(self) -> None:
        from . import kinds, permissions, workflow  # noqa: F401  (registers the document kinds, the rules and the workflow)
