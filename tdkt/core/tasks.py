"""Background tasks of the kernel: thin, take ids, call one function (the db_worker runs them)."""

from django.tasks import task

from . import notifications


@task
def notification_mail_task(notification_ids: list[int]) -> int:
    """Mail the notifications (core.notifications.notifications_mail); returns how many mails were sent."""
    return notifications.notifications_mail(notification_ids=notification_ids)
