from django.apps import AppConfig


class NominationsConfig(AppConfig):
    name = "tdkt.nominations"
    label = "nominations"
    verbose_name = "Hồ sơ đề nghị khen thưởng"

    def ready(self) -> None:
        from tdkt.records.changes import ledger_changed

        from . import navigation, permissions, workflow  # noqa: F401  (registers the rules, the workflow and the screens)
        from .reevaluation import on_ledger_changed

        # the open nominees are judged again whenever the ledger changes (issue 13, point 3)
        ledger_changed.connect(on_ledger_changed, dispatch_uid="nominations.reevaluate_on_ledger_change")
