from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "tdkt.records"
    label = "records"
    verbose_name = "Hồ sơ thành tích"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from tdkt.org.models import Person

        from . import navigation, permissions  # noqa: F401  (registers the rules and the screens)
        from .changes import person_saved

        post_save.connect(person_saved, sender=Person, dispatch_uid="records.person_saved")
