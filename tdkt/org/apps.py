from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "tdkt.org"
    label = "org"
    verbose_name = "Đơn vị và cá nhân"

    def ready(self) -> None:
        from . import navigation, permissions  # noqa: F401  (registers the rules and the screens)
