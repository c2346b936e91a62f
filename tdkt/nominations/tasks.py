"""Background tasks of the nominations app: thin, act as the system account, call one service."""

from django.tasks import task

from tdkt.core.actors import system_actor

from . import notify


@task
def nominations_digest() -> dict:
    """The daily digest of the dossiers near or past the office's time limit (nominations.notify.digest_send): to be
    enqueued once a day (or run by `tdkt nominations digest` from cron); a second run the same day sends nothing."""
    return notify.digest_send(actor=system_actor())
