"""Issue 13: the working-day calendar (core.calendar) and time limits counted in working days.

The days off are what the `holidays` package (0.109 when written) says of 2026: Tết Nguyên đán from Giao thừa
(Monday 16/02) to Mùng bốn (Friday 20/02), Giỗ Tổ Hùng Vương on Sunday 26/04 and its day in lieu on Monday 27/04,
30/4 and 1/5 (Thursday and Friday), 1/9 and 2/9, the swap of Monday 31/08 for Saturday 22/08 and the new
Ngày Văn hóa Việt Nam (24/11). Counting starts on the day after the event (Bộ luật Dân sự 2015, Art 147).
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.core import calendar
from tdkt.core.calendar import Calendar, Source
from tdkt.core.errors import DomainError

D = dt.date
PACKAGE = Calendar()  # the package's calendar alone, no overrides: pure, no database


def test_the_package_knows_tet_2026_and_the_other_holidays_of_the_year():
    off = {day.day: day.reason for day in PACKAGE.year(2026) if not day.working}
    assert {D(2026, 2, d) for d in range(16, 21)} <= set(off)
    assert off[D(2026, 2, 17)] == "Tết Nguyên Đán" and off[D(2026, 2, 16)] == "Giao thừa Tết Nguyên Đán"
    assert {D(2026, 4, 27), D(2026, 4, 30), D(2026, 5, 1), D(2026, 8, 31), D(2026, 9, 1), D(2026, 9, 2), D(2026, 11, 24)} <= set(off)
    assert [d.day for d in PACKAGE.year(2026) if d.working] == [D(2026, 8, 22)]  # the Saturday worked for 31/08


def test_it_agrees_with_the_package_on_every_day_without_overrides():
    package = holidays.Vietnam(years=range(2013, 2029))
    day = D(2013, 1, 1)
    while day < D(2028, 12, 31):
        assert PACKAGE.is_working_day(day) == package.is_working_day(day), day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(("start", "n", "expected", "why"), [
    (D(2026, 1, 30), 1, D(2026, 2, 2), "a Friday, then the weekend (the issue's example)"),
    (D(2026, 1, 30), 0, D(2026, 1, 30), "n = 0 is the day of the event"),
    (D(2026, 1, 31), 0, D(2026, 1, 31), "n = 0 is the day of the event, even a Saturday"),
    (D(2026, 1, 31), 1, D(2026, 2, 2), "an event on a Saturday: the first day is Monday"),
    (D(2026, 2, 13), 1, D(2026, 2, 23), "across Tết 2026: Saturday 14 to Sunday 22 are days off"),
    (D(2026, 2, 10), 5, D(2026, 2, 24), "11, 12, 13, then 23, 24"),
    (D(2026, 2, 2), 20, D(2026, 3, 9), "four weeks minus Tết's five weekdays"),
    (D(2026, 4, 29), 1, D(2026, 5, 4), "30/4 and 1/5 (Thursday, Friday), then the weekend"),
    (D(2026, 4, 24), 1, D(2026, 4, 28), "Giỗ Tổ on a Sunday: Monday 27/4 off in lieu"),
    (D(2026, 4, 24), 5, D(2026, 5, 6), "28, 29, then 4, 5, 6 May"),
    (D(2026, 8, 21), 1, D(2026, 8, 22), "Saturday 22/8 is a working day (swapped for 31/8)"),
    (D(2026, 8, 28), 1, D(2026, 9, 3), "29 to 2/9 off: weekend, the swapped Monday, 1/9 and 2/9"),
    (D(2026, 11, 23), 1, D(2026, 11, 25), "24/11, Ngày Văn hóa Việt Nam"),
])
def test_it_adds_working_days_from_the_day_after_the_event(start, n, expected, why):
    assert PACKAGE.add_working_days(start, n) == expected, why
    if n:
        assert PACKAGE.is_working_day(expected) and PACKAGE.working_days_between(start, expected) == n


def test_working_days_between_counts_after_a_up_to_b_and_is_negative_backwards():
    assert PACKAGE.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    assert PACKAGE.working_days_between(D(2026, 2, 23), D(2026, 2, 13)) == -1
    assert PACKAGE.working_days_between(D(2026, 2, 13), D(2026, 2, 13)) == 0
    assert PACKAGE.working_days_between(D(2026, 4, 29), D(2026, 5, 4)) == 1
    assert PACKAGE.working_days_between(D(2026, 1, 1), D(2026, 12, 31)) == 261 - 13 + 1  # weekdays, 13 of them holidays, a Saturday worked
    assert PACKAGE.working_days_between(D(2026, 1, 30), D(2026, 2, 1)) == 0  # a weekend only


@settings(max_examples=60, deadline=None)
@given(start=st.dates(min_value=D(2014, 1, 1), max_value=D(2030, 12, 31)), n=st.integers(min_value=0, max_value=400))
def test_counting_back_gives_the_count(start, n):
    end = PACKAGE.add_working_days(start, n)
    assert PACKAGE.working_days_between(start, end) == n
    assert PACKAGE.working_days_between(end, start) == -n
    assert PACKAGE.deadline(start, n) == end


def test_it_names_the_days_it_skipped():
    skipped = PACKAGE.days_off(D(2026, 8, 28), D(2026, 9, 3))
    assert [(d.day.day, d.source) for d in skipped] == [(29, Source.WEEK), (30, Source.WEEK), (31, Source.HOLIDAYS),
                                                        (1, Source.HOLIDAYS), (2, Source.HOLIDAYS)]
    assert skipped[2].reason == "Ngày nghỉ (thay cho ngày 22/08/2026)"
    assert PACKAGE.day(D(2026, 8, 22)).describe() == "22/08/2026 (Thứ Bảy): ngày làm việc — làm việc bù cho ngày nghỉ 31/08/2026"
    assert PACKAGE.day(D(2026, 2, 17)).describe() == "17/02/2026 (Thứ Ba): ngày nghỉ — Tết Nguyên Đán"
    assert PACKAGE.day(D(2026, 2, 2)).describe() == "02/02/2026 (Thứ Hai): ngày làm việc"


@pytest.mark.parametrize(("call", "message"), [
    (lambda: PACKAGE.add_working_days(D(2026, 1, 30), -1), "Số ngày làm việc phải là số nguyên không âm (đã nhập -1)."),
    (lambda: PACKAGE.add_working_days(D(2026, 1, 30), 10_001), "Số ngày làm việc quá lớn"),
    (lambda: PACKAGE.deadline(D(2026, 1, 30), 3, [(D(2026, 2, 5), D(2026, 2, 1))]), "Ngày nộp lại hồ sơ (01/02/2026) trước ngày trả lại"),
    (lambda: PACKAGE.add_working_days(D(9999, 12, 30), 5), "Ngày vượt quá giới hạn của lịch"),
])
def test_it_refuses_in_vietnamese(call, message):
    with pytest.raises(DomainError) as refused:
        call()
    assert message in refused.value.message


def test_a_datetime_is_a_programming_error():
    with pytest.raises(TypeError):
        PACKAGE.is_working_day(dt.datetime(2026, 2, 2, 8, 0))
    with pytest.raises(TypeError):
        PACKAGE.add_working_days(D(2026, 2, 2), 1.0)


# --- time limits with a dossier returned for supplement ---------------------------------------------------------

RECEIVED = D(2026, 2, 2)  # a dossier received on Monday 2/2/2026, to be appraised within 10 working days
RETURNED, RESUBMITTED = D(2026, 2, 5), D(2026, 2, 10)  # returned for supplement on Thursday 5/2, back on Tuesday 10/2
PAUSE = [(RETURNED, RESUBMITTED)]


def test_without_a_pause_the_limit_runs_across_tet():
    assert PACKAGE.deadline(RECEIVED, 10) == D(2026, 2, 23)  # 3..13 (9 working days), Tết 14..22 off, 23


def test_a_pause_stops_the_clock_from_the_day_after_the_return_to_the_resubmission():
    # counted: 3, 4, 5 (the day of return counts) | 6..10 stopped | 11, 12, 13 | Tết | 23, 24, 25, 26
    assert PACKAGE.deadline(RECEIVED, 10, PAUSE) == D(2026, 2, 26)
    assert PACKAGE.deadline(RECEIVED, 3, PAUSE) == D(2026, 2, 5)  # reached before the return: unchanged
    assert PACKAGE.deadline(RECEIVED, 10, [(RETURNED, RETURNED)]) == D(2026, 2, 23)  # back the same day: no pause


def test_the_days_elapsed_and_left_freeze_while_the_dossier_is_out():
    table = [  # today, elapsed, left
        (D(2026, 2, 2), 0, 10), (D(2026, 2, 5), 3, 7), (D(2026, 2, 9), 3, 7), (D(2026, 2, 10), 3, 7),
        (D(2026, 2, 11), 4, 6), (D(2026, 2, 13), 6, 4), (D(2026, 2, 20), 6, 4), (D(2026, 2, 26), 10, 0),
        (D(2026, 2, 27), 11, -1), (D(2026, 1, 15), 0, 10),
    ]
    for today, elapsed, left in table:
        assert PACKAGE.working_days_elapsed(RECEIVED, today, PAUSE) == elapsed, today
        assert PACKAGE.working_days_left(RECEIVED, 10, today, PAUSE) == left, today


def test_a_dossier_still_out_has_its_clock_stopped_and_no_last_day_yet():
    still_out = [(RETURNED, None)]
    assert PACKAGE.working_days_elapsed(RECEIVED, D(2026, 3, 31), still_out) == 3
    assert PACKAGE.working_days_left(RECEIVED, 10, D(2026, 3, 31), still_out) == 7
    assert PACKAGE.deadline(RECEIVED, 3, still_out) == D(2026, 2, 5)  # reached before it went out
    with pytest.raises(DomainError) as refused:
        PACKAGE.deadline(RECEIVED, 10, still_out)
    assert "Hồ sơ đang được trả lại để bổ sung (từ ngày 05/02/2026)" in refused.value.message


def test_two_pauses_and_overlapping_pauses():
    second = (D(2026, 2, 24), D(2026, 2, 27))  # out again after Tết
    assert PACKAGE.deadline(RECEIVED, 10, [*PAUSE, second]) == D(2026, 3, 3)  # 23, 24 | 25..27 stopped | 2, 3
    assert PACKAGE.deadline(RECEIVED, 10, [*PAUSE, (D(2026, 2, 6), D(2026, 2, 9))]) == D(2026, 2, 26)


@pytest.fixture
def clock(monkeypatch):
    """A frozen clock: `clock(datetime)` sets what `django.utils.timezone.now()` answers (no freezegun in the deps)."""
    from django.utils import timezone

    def freeze(at: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: at)

    return freeze


def hanoi(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.mark.django_db
def test_with_a_frozen_clock_over_tet_today_is_the_day_in_viet_nam(clock):
    # 17:30 UTC on 25/02/2026 is already 00:30 on 26/02 in Hà Nội: the last day of the limit, nothing left.
    clock(dt.datetime(2026, 2, 25, 17, 30, tzinfo=dt.UTC))
    assert calendar.working_days_left(RECEIVED, 10, pauses=PAUSE) == 0
    assert calendar.working_days_elapsed(RECEIVED, pauses=PAUSE) == 10
    clock(hanoi(2026, 2, 18, 9, 0))  # Mùng hai Tết: the clock does not move over Tết
    assert calendar.working_days_left(RECEIVED, 10, pauses=PAUSE) == 4
    clock(hanoi(2026, 2, 27, 9, 0))
    assert calendar.working_days_left(RECEIVED, 10, pauses=PAUSE) == -1  # overdue by one working day


@pytest.mark.django_db
def test_with_a_frozen_clock_over_30_april_and_1_may(clock):
    received, pause = D(2026, 4, 24), [(D(2026, 4, 28), D(2026, 5, 4))]  # Friday; returned on Tuesday 28/4, back 4/5
    assert calendar.deadline(received, 5) == D(2026, 5, 6)  # 28, 29, then 4, 5, 6 (27/4 in lieu of Giỗ Tổ)
    assert calendar.deadline(received, 5, pause) == D(2026, 5, 8)  # 28 | 29..4 stopped | 5, 6, 7, 8
    table = [((2026, 4, 27, 16, 0), 0, 5), ((2026, 4, 28, 16, 0), 1, 4), ((2026, 5, 1, 10, 0), 1, 4),
             ((2026, 5, 4, 16, 0), 1, 4), ((2026, 5, 5, 8, 0), 2, 3), ((2026, 5, 8, 23, 59), 5, 0), ((2026, 5, 11, 7, 0), 6, -1)]
    for at, elapsed, left in table:
        clock(hanoi(*at))
        assert calendar.working_days_elapsed(received, pauses=pause) == elapsed, at
        assert calendar.working_days_left(received, 5, pauses=pause) == left, at
