from django.apps import AppConfig


class LawConfig(AppConfig):
    name = "tdkt.law"
    label = "law"
    verbose_name = "Danh mục pháp lý"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import catalogue, models, permissions  # noqa: F401  (permissions registers the rules)

        def forget(**kwargs) -> None:
            # The in-process snapshot of the catalogue is stale once any catalogue row changes.
            catalogue.clear_cache()

        for model in models.CATALOGUE_MODELS:
            post_save.connect(forget, sender=model, weak=False, dispatch_uid=f"law-forget-{model.__name__}")
            post_delete.connect(forget, sender=model, weak=False, dispatch_uid=f"law-forget-del-{model.__name__}")
        m2m_changed.connect(forget, sender=models.Regime.documents.through, weak=False, dispatch_uid="law-forget-m2m")
