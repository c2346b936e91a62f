"""Notifications: a message to the users who must act next, under the bell of the top bar and by e-mail.

    notify(recipients=[...], title="Hồ sơ “…” bị trả lại để bổ sung", body="Lý do: …", url="/ho-so-khen-thuong/7/",
           target=dossier)

writes one `core.Notification` per recipient (each user once; inactive accounts and the system account are
skipped) and, once the transaction commits, mails each recipient who has an e-mail address: plain Vietnamese text
with the absolute link (`TDKT_SITE_URL`). The mail goes through a background task (`core.tasks`, the db_worker), so
a slow mail server never holds a page; an address in the reserved `.invalid` domain (RFC 2606: the demo accounts')
is never mailed. `key` makes a notification once per recipient (a daily digest); `url` is a path of this site
only, so that opening a notification can never send anyone elsewhere.

This module knows no app above `core`: the apps decide who gets what (e.g. `nominations.notify`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .actors import is_system
from .errors import DomainError
from .models import Notification
from .vntext import nfc

logger = logging.getLogger(__name__)

UNDELIVERABLE_DOMAIN = ".invalid"  # RFC 2606: never a real address (the demo accounts' e-mails)


def is_local_url(url: str) -> bool:
    """Whether `url` is a path of this site ("/ho-so-khen-thuong/7/"), not another site's address ("//evil.example",
    "https://…", "/\\evil.example")."""
    return (bool(url) and url.startswith("/") and not url.startswith(("//", "/\\"))
            and url_has_allowed_host_and_scheme(url, allowed_hosts=set()))


def site_url() -> str:
    """The site's address for the links of the mails: TDKT_SITE_URL, else the first CSRF_TRUSTED_ORIGINS entry
    (the public https origin of a deployment), else `make run`'s http://127.0.0.1:8000."""
    origins = [o for o in getattr(settings, "CSRF_TRUSTED_ORIGINS", []) or [] if "*" not in o]
    configured = getattr(settings, "TDKT_SITE_URL", "") or next(iter(origins), "")
    return (configured or "http://127.0.0.1:8000").rstrip("/")


def mailable(address: str) -> bool:
    address = (address or "").strip()
    return "@" in address and not address.lower().endswith(UNDELIVERABLE_DOMAIN)


def _text(body) -> str:
    """NFC, each line trimmed (and its inner spaces collapsed), the lines kept."""
    return "\n".join(nfc(line) for line in str(body or "").splitlines()).strip()


def _recipients(recipients: Iterable) -> list:
    """Each user once, in the order given; no inactive account, no system account, nothing unsaved."""
    seen, out = set(), []
    for user in recipients:
        if user is None or user.pk is None or user.pk in seen:
            continue
        seen.add(user.pk)
        if user.is_active and not is_system(user):
            out.append(user)
    return out


def notify(*, recipients: Iterable, title: str, body: str = "", url: str = "", target=None, email: bool = True,
           key: str = "") -> list[Notification]:
    """One notification per recipient (see the module's docstring); returns those written. With `key`, a recipient
    who already has a notification of that key gets none (checked and held by a unique constraint)."""
    title = nfc(str(title)).strip()
    if not title:
        raise ValueError("a notification needs a title")
    if url and not is_local_url(url):
        raise ValueError(f"a notification links to a path of this site, not {url!r}")
    users = _recipients(recipients)
    target_type, target_id = (target._meta.label_lower, str(target.pk)) if target is not None else ("", "")
    fields = {"title": title[:255], "body": _text(body), "url": url, "target_type": target_type,
              "target_id": target_id, "key": key}
    with transaction.atomic():
        if key:
            done = set(Notification.objects.filter(key=key, recipient__in=users).values_list("recipient_id", flat=True))
            created = []
            for user in users:
                if user.pk in done:
                    continue
                try:
                    with transaction.atomic():  # a concurrent run that wrote it first: the constraint says so
                        created.append(Notification.objects.create(recipient=user, **fields))
                except IntegrityError:
                    continue
        else:
            created = Notification.objects.bulk_create([Notification(recipient=user, **fields) for user in users])
        to_mail = [n.pk for n in created if email and mailable(n.recipient.email)]
        if to_mail:
            transaction.on_commit(partial(_enqueue_mail, to_mail))
    return created


def _enqueue_mail(notification_ids: list[int]) -> None:
    from .tasks import notification_mail_task

    notification_ids = list(notification_ids)
    notification_mail_task.enqueue(notification_ids=notification_ids)


def _message(notification: Notification) -> EmailMessage:
    user = notification.recipient
    site = site_url()
    lines = [f"Kính gửi {user.get_full_name() or user.get_username()},", "", notification.title]
    if notification.body:
        lines += ["", notification.body]
    if notification.url:
        lines += ["", f"Xem chi tiết: {site}{notification.url}"]
    lines += ["", "—", "Thư được gửi tự động từ Hệ thống quản lý thi đua, khen thưởng (TĐKT); vui lòng không trả lời thư này.",
              f"Xem mọi thông báo của bạn tại {site}{reverse('core:notifications')}"]
    return EmailMessage(subject=f"[TĐKT] {notification.title}", body="\n".join(lines), to=[user.email.strip()])


def notifications_mail(*, notification_ids: Iterable[int]) -> int:
    """Mail the notifications not mailed yet (the task's work); returns how many were sent. Each one is claimed
    first (compare-and-set on `emailed_at`), so two workers never send the same; a mail the server refuses is
    logged and left unsent (the notification stays under the bell)."""
    sent = 0
    rows = (Notification.objects.filter(pk__in=list(notification_ids), emailed_at__isnull=True)
            .select_related("recipient").order_by("id"))
    for notification in rows:
        if not mailable(notification.recipient.email):
            continue
        if not Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(emailed_at=timezone.now()):
            continue
        try:
            _message(notification).send()
        except Exception:  # the mail server (smtplib, OSError…): the in-app notification is already there
            logger.exception("notification %s: the mail was not sent", notification.pk)
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
        else:
            sent += 1
    return sent


# --- read ---------------------------------------------------------------------------------------------------------

def unread_count(user) -> int:
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_of(user):
    """The user's notifications, newest first (nobody reads another's)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def mark_read(*, actor, notification: Notification) -> Notification:
    """Mark one of the actor's notifications read (again: nothing changes)."""
    if notification.recipient_id != getattr(actor, "pk", None):
        raise DomainError("Thông báo này không phải của bạn.", code="forbidden")
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now
    return notification


def mark_all_read(*, actor) -> int:
    """Mark every unread notification of the actor read; returns how many."""
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
