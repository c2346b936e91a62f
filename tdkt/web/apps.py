from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tdkt.web"
    label = "web"
    verbose_name = "Giao diện"

    def ready(self) -> None:
        from . import navigation  # noqa: F401  (registers the home and admin entries)
