"""Background tasks of the nominations app: thin, take ids, act as the system account, call one service."""

from django.tasks import task

from tdkt.core.actors import system_actor

from . import notify


@task
def nominees_evaluate(dossier_id: int) -> int:
    """The engine's verdict on every nominee of the dossier not judged yet (after an import of a long list)."""
    from .models import SUBJECT_RELATED, Dossier, Nominee
    from .services import nominee_evaluate

    dossier = Dossier.objects.select_related("round").filter(pk=dossier_id).first()
    if dossier is None:
        return 0
    count = 0
    for nominee in Nominee.objects.filter(dossier=dossier, verdict="", withdrawn=False).select_related(*SUBJECT_RELATED):
        nominee_evaluate(nominee, dossier=dossier)
        count += 1
    return count


@task
def nominees_reevaluate(nominee_ids: list[int]) -> int:
    """The engine's verdict again on the open nominees among `nominee_ids`, after a change of their ledgers (an import,
    or many nominees at once: reevaluation.on_ledger_changed)."""
    from .reevaluation import nominees_reevaluate as reevaluate

    return reevaluate(actor=system_actor(), nominee_ids=nominee_ids)


@task
def nominations_digest() -> dict:
    """The daily digest of the dossiers near or past the office's time limit (nominations.notify.digest_send): to be
    enqueued once a day (or run by `tdkt nominations digest` from cron); a second run the same day sends nothing."""
    return notify.digest_send(actor=system_actor())
