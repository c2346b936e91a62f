from django.apps import AppConfig


class NominationsConfig(AppConfig):
    name = "tdkt.nominations"
    label = "nominations"
    verbose_name = "Hồ sơ đề nghị khen thưởng"

    def ready(self) -> None:
        from . import navigation, permissions, workflow  # noqa: F401  (registers the rules, the workflow and the screens)
