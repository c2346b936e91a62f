from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tdkt.core"
    label = "core"
    verbose_name = "Hệ thống"

    def ready(self):
        from .thirdparty import name_third_party_apps

        name_third_party_apps()
