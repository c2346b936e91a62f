"""Notifications (issue 13, point 8): `core.notifications.notify` writes one row per recipient (each once, never the
system account or an inactive one) and mails after the commit; the bell shows the unread count on every page for
one query; /thong-bao/ lists one's own notifications, opens one (read, then its page on this site only) and marks
them all read."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.core import notifications
from tdkt.core.actors import system_actor
from tdkt.core.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    return settings


def _email(user, address):
    user.email = address
    user.save(update_fields=["email"])
    return user


def test_it_writes_one_notification_per_user_and_skips_the_system_and_inactive_accounts(personas):
    officer, appraiser, head = personas["officer_a"], personas["appraiser"], personas["office_head"]
    head.is_active = False
    head.save(update_fields=["is_active"])
    written = notifications.notify(recipients=[officer, appraiser, officer, system_actor(), head, None],
                                   title="Hồ sơ “Trường THCS Đống Đa” bị trả lại để bổ sung", body="Lý do: thiếu biên bản",
                                   url="/ho-so-khen-thuong/1/")
    assert sorted(n.recipient.username for n in written) == ["canbo.dongda", "thamdinh"]
    assert Notification.objects.count() == 2
    row = Notification.objects.get(recipient=officer)
    assert (row.title, row.body, row.url, row.read_at) == ("Hồ sơ “Trường THCS Đống Đa” bị trả lại để bổ sung",
                                                          "Lý do: thiếu biên bản", "/ho-so-khen-thuong/1/", None)


def test_it_keeps_the_target_and_refuses_a_link_to_another_site(personas, tree):
    written = notifications.notify(recipients=[personas["officer_a"]], title="Đơn vị", target=tree.ward_a)
    assert (written[0].target_type, written[0].target_id) == ("org.unit", str(tree.ward_a.pk))
    for url in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "ho-so/1/"):
        with pytest.raises(ValueError):
            notifications.notify(recipients=[personas["officer_a"]], title="Thử", url=url)


def test_a_key_makes_it_once_per_recipient(personas):
    officer, appraiser = personas["officer_a"], personas["appraiser"]
    assert len(notifications.notify(recipients=[officer], title="Tổng hợp", key="test:2026-03-17")) == 1
    again = notifications.notify(recipients=[officer, appraiser], title="Tổng hợp", key="test:2026-03-17")
    assert [n.recipient for n in again] == [appraiser]
    assert Notification.objects.filter(key="test:2026-03-17").count() == 2


def test_it_mails_after_the_commit_with_the_absolute_link(personas, immediate_tasks, settings, django_capture_on_commit_callbacks):
    settings.TDKT_SITE_URL = "https://tdkt.example.gov.vn"
    officer = _email(personas["officer_a"], "canbo.dongda@example.vn")
    demo = _email(personas["appraiser"], "thamdinh@tdkt.invalid")  # the demo accounts' reserved domain: never mailed
    no_address = personas["office_head"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        notifications.notify(recipients=[officer, demo, no_address], title="Hồ sơ “A” bị trả lại để bổ sung",
                             body="Lý do: thiếu biên bản họp", url="/ho-so-khen-thuong/7/")
        assert mail.outbox == []  # nothing before the commit
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["canbo.dongda@example.vn"]
    assert message.subject == "[TĐKT] Hồ sơ “A” bị trả lại để bổ sung"
    assert "Lý do: thiếu biên bản họp" in message.body
    assert "Xem chi tiết: https://tdkt.example.gov.vn/ho-so-khen-thuong/7/" in message.body
    assert "https://tdkt.example.gov.vn/thong-bao/" in message.body
    assert Notification.objects.get(recipient=officer).emailed_at is not None
    assert Notification.objects.get(recipient=demo).emailed_at is None


def test_it_sends_no_mail_when_asked_not_to_or_when_rolled_back(personas, immediate_tasks, django_capture_on_commit_callbacks):
    officer = _email(personas["officer_a"], "canbo.dongda@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(recipients=[officer], title="Chỉ trong ứng dụng", email=False)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notifications.notify(recipients=[officer], title="Bị hủy")
                raise RuntimeError
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert list(Notification.objects.values_list("title", flat=True)) == ["Chỉ trong ứng dụng"]


def test_a_refused_mail_is_logged_and_the_notification_stays(personas, immediate_tasks, django_capture_on_commit_callbacks,
                                                             monkeypatch, caplog):
    officer = _email(personas["officer_a"], "canbo.dongda@example.vn")

    def refuse(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify(recipients=[officer], title="Thư không đi")
    row = Notification.objects.get()
    assert row.emailed_at is None and row.read_at is None
    assert "the mail was not sent" in caplog.text


def test_the_bell_shows_the_unread_count_for_one_query(client, personas):
    officer = personas["officer_a"]
    client.force_login(officer)
    body = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="bell"' in body and 'aria-label="Thông báo"' in body and "text-bg-warning" not in body
    notifications.notify(recipients=[officer], title="Một")
    notifications.notify(recipients=[officer], title="Hai")
    notifications.notify(recipients=[personas["officer_b"]], title="Của người khác")
    with CaptureQueriesContext(connection) as queries:
        body = client.get(reverse("web:home")).content.decode()
    assert "Thông báo (2 chưa đọc)" in body and '<span class="badge rounded-pill text-bg-warning">2</span>' in body
    assert len([q for q in queries.captured_queries if "core_notification" in q["sql"]]) == 1


def test_an_anonymous_visitor_has_no_bell_and_the_list_asks_to_log_in(client, tree):
    assert 'data-testid="bell"' not in client.get(reverse("accounts:login")).content.decode()
    response = client.get(reverse("core:notifications"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_the_list_shows_ones_own_newest_first_unread_in_bold_and_pages(client, personas):
    officer = personas["officer_a"]
    for k in range(30):
        notifications.notify(recipients=[officer], title=f"Thông báo số {k}")
    notifications.notify(recipients=[personas["officer_b"]], title="Của phường Láng")
    notifications.mark_read(actor=officer, notification=Notification.objects.get(title="Thông báo số 28"))
    client.force_login(officer)
    body = client.get(reverse("core:notifications")).content.decode()
    assert body.index("Thông báo số 29") < body.index("Thông báo số 28") < body.index("Thông báo số 27")
    assert "Thông báo số 5<" in body and "Thông báo số 4<" not in body  # 25 a page
    assert "Của phường Láng" not in body
    assert '<div class="fw-bold"><span class="visually-hidden">Chưa đọc: </span>Thông báo số 29</div>' in body
    assert '<div class="">Thông báo số 28</div>' in body
    assert "Đánh dấu đã đọc tất cả" in body and "Trang 1/2" in body
    second = client.get(reverse("core:notifications") + "?page=2").content.decode()
    assert "Thông báo số 0<" in second and "Thông báo số 29" not in second


def test_opening_one_marks_it_read_and_goes_to_its_page(client, personas):
    officer = personas["officer_a"]
    row = notifications.notify(recipients=[officer], title="Hồ sơ", url="/ho-so-khen-thuong/?status=returned")[0]
    client.force_login(officer)
    response = client.get(reverse("core:notification_open", args=[row.pk]))
    assert response.status_code == 302 and response["Location"] == "/ho-so-khen-thuong/?status=returned"
    row.refresh_from_db()
    assert row.read_at is not None
    assert notifications.unread_count(officer) == 0


def test_opening_one_never_leaves_the_site(client, personas):
    """A row written around `notify` (by hand, by an older version) with another site's address opens the list."""
    officer = personas["officer_a"]
    for url in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        row = Notification.objects.create(recipient=officer, title="Lạ", url=url)
        client.force_login(officer)
        response = client.get(reverse("core:notification_open", args=[row.pk]))
        assert response.status_code == 302 and response["Location"] == reverse("core:notifications"), url


def test_another_users_notification_is_a_404(client, personas):
    other = notifications.notify(recipients=[personas["officer_b"]], title="Của phường Láng")[0]
    client.force_login(personas["officer_a"])
    assert client.get(reverse("core:notification_open", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None
    with pytest.raises(notifications.DomainError):
        notifications.mark_read(actor=personas["officer_a"], notification=other)


def test_mark_all_read_is_a_post_of_ones_own(client, personas):
    officer = personas["officer_a"]
    notifications.notify(recipients=[officer, personas["officer_b"]], title="Một")
    notifications.notify(recipients=[officer], title="Hai")
    client.force_login(officer)
    assert client.get(reverse("core:notifications_read_all")).status_code == 405
    response = client.post(reverse("core:notifications_read_all"), follow=True)
    assert "Đã đánh dấu đã đọc 2 thông báo." in response.content.decode()
    assert notifications.unread_count(officer) == 0 and notifications.unread_count(personas["officer_b"]) == 1
    assert notifications.mark_all_read(actor=officer) == 0
