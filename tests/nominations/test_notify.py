"""Issue 13, point 8: who is told of a dossier's move (the workflow's effects, after the commit) and the daily digest of
the dossiers near their time limit (`tdkt nominations digest`), walked through the real services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core import calendar
from tdkt.core.actors import system_actor
from tdkt.core.errors import Forbidden
from tdkt.core.models import Notification, Transition
from tdkt.nominations import notify, services
from tdkt.nominations.models import Dossier
from tests.personas import make_user

from .conftest import appraise_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    return settings


@pytest.fixture
def others(tree):
    """An appraiser of ward B and one of the province (above ward A's own office): neither is told of ward A's dossiers."""
    out = {}
    for username, unit in (("thamdinh.lang", tree.ward_b), ("thamdinh.tinh", tree.province)):
        out[username] = make_user(username)
        RoleAssignment.objects.create(user=out[username], role=Role.APPRAISER, unit=unit, valid_from=dt.date(2025, 7, 1))
    return out


def _act(capture, actor, dossier, action, reason=""):
    with capture(execute=True):
        services.dossier_act(actor=actor, dossier=dossier, action=action, reason=reason)


def _told(user):
    return list(Notification.objects.filter(recipient=user).order_by("id"))


def test_a_sent_dossier_is_announced_to_its_wards_office_only(dossier_a, officer_a, personas, others,
                                                              django_capture_on_commit_callbacks):
    Dossier.objects.filter(pk=dossier_a.pk).update(title="Đề nghị khen thưởng năm 2025")  # a title without the unit's name
    _act(django_capture_on_commit_callbacks, officer_a, dossier_a, "submit")
    for name in ("appraiser", "office_head"):
        [note] = _told(personas[name])
        assert note.title == "Hồ sơ mới chờ tiếp nhận: “Đề nghị khen thưởng năm 2025” của Trường THCS Đống Đa"
        assert note.url == reverse("nominations:dossier_detail", args=[dossier_a.pk])
        assert (note.target_type, note.target_id) == ("nominations.dossier", str(dossier_a.pk))
        assert "Gửi hồ sơ: canbo.dongda" in note.body and f"Đợt xét: {dossier_a.round.title}." in note.body
    assert Notification.objects.count() == 2  # not the officer who sent it, nor ward B's or the province's appraisers


def test_a_return_tells_the_officer_the_reason_by_notification_and_mail(dossier_a, officer_a, personas, immediate_tasks,
                                                                       django_capture_on_commit_callbacks):
    officer_a.email = "canbo.dongda@example.vn"
    officer_a.save(update_fields=["email"])
    appraiser = personas["appraiser"]
    _act(django_capture_on_commit_callbacks, officer_a, dossier_a, "submit")
    _act(django_capture_on_commit_callbacks, appraiser, dossier_a, "receive")
    mail.outbox.clear()
    _act(django_capture_on_commit_callbacks, appraiser, dossier_a, "return_for_supplement", "Thiếu biên bản họp bình xét")
    received, returned = _told(officer_a)
    assert received.title == f"Hồ sơ “{dossier_a.title}” đã được tiếp nhận"
    assert returned.title == f"Hồ sơ “{dossier_a.title}” bị trả lại để bổ sung"
    assert returned.body.startswith("Lý do: Thiếu biên bản họp bình xét\nTrả lại để bổ sung: thamdinh,")
    [message] = mail.outbox
    assert message.to == ["canbo.dongda@example.vn"] and message.subject == f"[TĐKT] {returned.title}"
    assert "Lý do: Thiếu biên bản họp bình xét" in message.body
    assert f"http://127.0.0.1:8000/ho-so-khen-thuong/{dossier_a.pk}/" in message.body
    assert _told(personas["officer_b"]) == [] and len(_told(appraiser)) == 1  # the appraiser: only the submission


def test_the_resubmission_goes_back_to_the_office_and_readiness_to_the_councils_secretary(
        dossier_a, officer_a, personas, django_capture_on_commit_callbacks):
    appraiser, secretary = personas["appraiser"], personas["secretary"]
    for actor, action, reason in [(officer_a, "submit", ""), (appraiser, "return_for_supplement", "Thiếu ảnh"),
                                  (officer_a, "resubmit", ""), (appraiser, "receive", ""), (appraiser, "start_appraisal", ""),
                                  (appraiser, "mark_ready", "")]:
        if action == "mark_ready":
            appraise_all(dossier_a, appraiser)
        _act(django_capture_on_commit_callbacks, actor, dossier_a, action, reason)
    titles = [n.title for n in _told(personas["office_head"])]
    assert titles == [f"Hồ sơ mới chờ tiếp nhận: “{dossier_a.title}”",
                      f"Hồ sơ “{dossier_a.title}” đã được gửi lại sau bổ sung, chờ tiếp nhận"]
    assert [n.title for n in _told(secretary)] == [f"Hồ sơ “{dossier_a.title}” đã sẵn sàng trình Hội đồng"]
    assert [n.title for n in _told(officer_a)][-2:] == [f"Hồ sơ “{dossier_a.title}” chuyển sang “Đang thẩm định”",
                                                         f"Hồ sơ “{dossier_a.title}” đã sẵn sàng trình Hội đồng"]


def test_a_rejection_tells_the_unit_with_the_reason(dossier_a, officer_a, personas, django_capture_on_commit_callbacks):
    _act(django_capture_on_commit_callbacks, officer_a, dossier_a, "submit")
    _act(django_capture_on_commit_callbacks, personas["office_head"], dossier_a, "reject", "Không thuộc đối tượng của đợt xét")
    [note] = _told(officer_a)
    assert note.title == f"Hồ sơ “{dossier_a.title}” không được chấp nhận"
    assert note.body.startswith("Lý do: Không thuộc đối tượng của đợt xét\n")


def test_a_notification_that_fails_never_undoes_the_move(dossier_a, officer_a, monkeypatch, caplog,
                                                        django_capture_on_commit_callbacks):
    def broken(**kwargs):
        raise RuntimeError("no table")

    monkeypatch.setattr(notify, "notify", broken)
    _act(django_capture_on_commit_callbacks, officer_a, dossier_a, "submit")
    dossier_a.refresh_from_db()
    assert dossier_a.status == "submitted" and Notification.objects.count() == 0
    assert "the notification of 'submit' was not written" in caplog.text


def _received_near_its_limit(dossier, officer, appraiser):
    """Sent and received (effects not run), the receipt moved back to leave 2 working days of the 20 as of today."""
    services.dossier_act(actor=officer, dossier=dossier, action="submit")
    services.dossier_act(actor=appraiser, dossier=dossier, action="receive")
    today, cal = timezone.localdate(), calendar.current()
    day = next(today - dt.timedelta(days=n) for n in range(20, 60) if cal.working_days_left(today - dt.timedelta(days=n), 20, today, []) == 2)
    Transition.objects.filter(target_id=str(dossier.pk), action="receive").update(
        at=timezone.make_aware(dt.datetime.combine(day, dt.time(9))))
    return day


def test_the_digest_tells_each_office_user_once_a_day(dossier_a, officer_a, personas, others, immediate_tasks,
                                                     django_capture_on_commit_callbacks):
    appraiser = personas["appraiser"]
    appraiser.email = "thamdinh@example.vn"
    appraiser.save(update_fields=["email"])
    assert notify.digest_send(actor=system_actor()) == {"dossiers": 0, "sent": 0, "already": 0}
    _received_near_its_limit(dossier_a, officer_a, appraiser)
    with django_capture_on_commit_callbacks(execute=True):
        report = notify.digest_send(actor=system_actor())
    # ward A's appraiser and head, and the province's appraiser whose scope covers the ward; not ward B's
    assert report == {"dossiers": 1, "sent": 3, "already": 0}
    [note] = _told(appraiser)
    # 2 working days left of the office's 20; the appraisal step's 10 from the same receipt are long past
    assert note.title == "1 hồ sơ sắp đến hạn hoặc đã quá hạn xử lý (1 quá hạn)" and note.url == reverse("nominations:index")
    assert f"– “{dossier_a.title}” (Trường THCS Đống Đa): còn 2 ngày làm việc, hạn " in note.body
    assert "; bước “Thẩm định hồ sơ”: quá hạn " in note.body
    assert [m.to for m in mail.outbox] == [["thamdinh@example.vn"]]
    assert _told(others["thamdinh.lang"]) == [] and len(_told(others["thamdinh.tinh"])) == 1
    assert _told(officer_a) == []  # the unit is not the one late
    with django_capture_on_commit_callbacks(execute=True):
        assert notify.digest_send(actor=system_actor()) == {"dossiers": 1, "sent": 0, "already": 3}
    assert len(_told(appraiser)) == 1 and len(mail.outbox) == 1


def test_a_returned_dossier_is_not_in_the_digest(dossier_a, officer_a, personas):
    _received_near_its_limit(dossier_a, officer_a, personas["appraiser"])
    services.dossier_act(actor=personas["appraiser"], dossier=dossier_a, action="return_for_supplement", reason="Thiếu ảnh")
    assert notify.digest_send(actor=system_actor())["dossiers"] == 0


def test_only_the_system_or_an_administrator_sends_the_digest(personas):
    with pytest.raises(Forbidden):
        notify.digest_send(actor=personas["appraiser"])


def test_the_command_prints_a_summary_and_sends_once(dossier_a, officer_a, personas, capsys):
    call_command("nominations", "digest")
    assert "Không có hồ sơ nào sắp đến hạn hoặc quá hạn xử lý" in capsys.readouterr().out
    _received_near_its_limit(dossier_a, officer_a, personas["appraiser"])
    call_command("nominations", "digest")
    assert capsys.readouterr().out.strip() == "1 hồ sơ sắp đến hạn hoặc quá hạn xử lý; đã gửi thông báo cho 2 người."
    call_command("nominations", "digest")
    assert "đã gửi thông báo cho 0 người, 2 người đã nhận bản tổng hợp hôm nay" in capsys.readouterr().out
    assert Notification.objects.count() == 2


def test_the_task_runs_the_digest(dossier_a, officer_a, personas, immediate_tasks):
    from tdkt.nominations.tasks import nominations_digest

    _received_near_its_limit(dossier_a, officer_a, personas["appraiser"])
    result = nominations_digest.enqueue()
    assert result.return_value == {"dossiers": 1, "sent": 2, "already": 0}


def test_a_dossier_left_unreceived_past_its_receipt_step_is_in_the_digest(dossier_a, officer_a, personas):
    """The office's overall clock runs only from the receipt; the receipt step's own limit (dossier.step.receipt_days)
    makes a dossier sent long ago and never received late too."""
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    today, cal = timezone.localdate(), calendar.current()
    day = next(today - dt.timedelta(days=n) for n in range(7, 40) if cal.working_days_left(today - dt.timedelta(days=n), 5, today, []) == -2)
    Transition.objects.filter(target_id=str(dossier_a.pk), action="submit").update(at=timezone.make_aware(dt.datetime.combine(day, dt.time(9))))
    assert notify.digest_send(actor=system_actor())["dossiers"] == 1
    [note] = _told(personas["appraiser"])
    assert note.title == "1 hồ sơ sắp đến hạn hoặc đã quá hạn xử lý (1 quá hạn)"
    assert f"– “{dossier_a.title}” (Trường THCS Đống Đa): bước “Tiếp nhận, kiểm tra hồ sơ”: quá hạn 2 ngày làm việc (hạn " in note.body
