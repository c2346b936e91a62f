"""Document numbering (core.numbering; Nghị định 30/2020 Điều 15, DOCUMENTS.md §4–5): "Số: 05/QĐ-UBND", one running
number per issuer, type and year from 01 on 1 January, no gaps (a rolled-back caller gives its number back), no
duplicates (a constraint; and the counter row locked in the caller's transaction)."""

from __future__ import annotations

import contextlib
import sqlite3
import threading

import pytest
from django.db import IntegrityError, connections, transaction

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent, IssuedNumber, NumberCounter
from tdkt.core.numbering import number_next, numbering_profile_set


@pytest.fixture
def ward(tree):
    numbering_profile_set(actor=system_actor(), issuer=tree.ward_a, abbreviation="UBND")
    return tree.ward_a


def _take(ward, doc_type="QĐ", year=2026, actor=None):
    with transaction.atomic():
        return number_next(actor=actor or system_actor(), issuer=ward, doc_type=doc_type, year=year)


def test_it_numbers_from_01_with_the_type_and_the_issuers_abbreviation(ward):
    first, second = _take(ward), _take(ward)
    assert (first.display, second.display) == ("Số: 01/QĐ-UBND", "Số: 02/QĐ-UBND")
    assert [_take(ward).text for _ in range(8)][-1] == "10/QĐ-UBND"  # no leading 0 from 10


def test_each_type_and_each_year_has_its_own_series_by_default(ward):
    assert _take(ward, "QĐ").text == "01/QĐ-UBND"
    assert _take(ward, "TTr").text == "01/TTr-UBND"
    assert _take(ward, "QĐ").text == "02/QĐ-UBND"
    assert _take(ward, "QĐ", year=2027).text == "01/QĐ-UBND"  # from 01 again on 1 January


def test_another_issuer_numbers_on_its_own(ward, tree):
    numbering_profile_set(actor=system_actor(), issuer=tree.ward_b, abbreviation="UBND")
    _take(ward)
    assert _take(tree.ward_b).text == "01/QĐ-UBND"
    assert _take(ward).text == "02/QĐ-UBND"


def test_the_shared_scheme_numbers_every_type_in_one_series(tree):
    numbering_profile_set(actor=system_actor(), issuer=tree.ward_b, abbreviation="UBND", scheme="shared")
    texts = [_take(tree.ward_b, code).text for code in ("QĐ", "TTr", "BB", "QĐ")]
    assert texts == ["01/QĐ-UBND", "02/TTr-UBND", "03/BB-UBND", "04/QĐ-UBND"]


def test_a_rolled_back_caller_gives_its_number_back(ward):
    _take(ward)
    with pytest.raises(RuntimeError, match="document failed"), transaction.atomic():
        number_next(actor=system_actor(), issuer=ward, doc_type="QĐ", year=2026)
        raise RuntimeError("the document failed")
    assert _take(ward).text == "02/QĐ-UBND"
    assert list(IssuedNumber.objects.order_by("number").values_list("number", flat=True)) == [1, 2]


def test_it_refuses_bad_input_in_vietnamese(ward, tree):
    with pytest.raises(DomainError, match="Mã loại văn bản “XYZ” không có trong Phụ lục III"):
        _take(ward, "XYZ")
    with pytest.raises(DomainError, match="Năm của số văn bản"):
        _take(ward, year="2026")
    with pytest.raises(DomainError, match="Chưa đặt chữ viết tắt tên cơ quan ban hành của Phường Láng"):
        _take(tree.ward_b)
    with pytest.raises(DomainError, match="Chữ viết tắt tên cơ quan gồm chữ in hoa"):
        numbering_profile_set(actor=system_actor(), issuer=ward, abbreviation="UB ND")
    assert IssuedNumber.objects.count() == 0 and NumberCounter.objects.filter(last__gt=0).count() == 0


def test_only_an_administrator_sets_the_abbreviation(tree, personas):
    with pytest.raises(DomainError, match="Chỉ quản trị hệ thống"):
        numbering_profile_set(actor=personas["office_head"], issuer=tree.ward_a, abbreviation="UBND")
    numbering_profile_set(actor=personas["admin"], issuer=tree.ward_a, abbreviation="ubnd")
    assert AuditEvent.objects.filter(action="core.numbering_profile.set", data__abbreviation="UBND").exists()


def test_the_scheme_of_a_year_with_numbers_stays(ward):
    from django.utils import timezone

    _take(ward, year=timezone.localdate().year)
    with pytest.raises(DomainError, match="cách đánh số mới chỉ áp dụng từ ngày 01 tháng 01"):
        numbering_profile_set(actor=system_actor(), issuer=ward, abbreviation="UBND", scheme="shared")


def test_each_number_is_audited_and_kept_once(ward):
    taken = _take(ward)
    event = AuditEvent.objects.get(action="core.document_number.issued")
    assert event.data["text"] == "01/QĐ-UBND" and "Nghị định số 30/2020/NĐ-CP" in event.data["legal_basis"]
    row = taken.issued
    with pytest.raises(IntegrityError), transaction.atomic():  # the constraint, whatever a caller does
        IssuedNumber.objects.create(issuer_type=row.issuer_type, issuer_id=row.issuer_id, issuer_name=row.issuer_name,
                                    doc_type="QĐ", series="QĐ", year=2026, number=1, symbol=row.symbol, text=row.text,
                                    issued_by=row.issued_by)


@contextlib.contextmanager
def _threads_share_one_database(tmp_path):
    """PostgreSQL: nothing to do, every thread's connection reaches the test database. SQLite: the test database lives
    in memory in a shared cache, whose table locks fail at once ("database table is locked") instead of waiting
    under the busy timeout as the file database of production does; so it is copied into a file (sqlite3's backup)
    and the threads' new connections open that file with the settings of production (IMMEDIATE transactions, WAL,
    the busy timeout): what they write and what the test reads back is in the file."""
    db = connections["default"]
    if db.vendor != "sqlite":
        yield
        return
    path = str(tmp_path / "numbering.sqlite3")
    target = sqlite3.connect(path)
    db.ensure_connection()
    db.connection.backup(target)
    target.close()
    settings_dict = connections.settings["default"]
    name = settings_dict["NAME"]
    settings_dict["NAME"] = path
    try:
        yield
    finally:
        settings_dict["NAME"] = name


def _in_a_thread(call):
    """`call()` on a new connection of its own (a thread), its result."""
    out = []

    def run():
        try:
            out.append(call())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out[0]


@pytest.mark.django_db(transaction=True)
def test_twenty_callers_at_once_get_twenty_distinct_consecutive_numbers(tree, tmp_path):
    """20 threads, each on its own connection, each taking one number for the same issuer, type and year in its own
    transaction at the same moment (PostgreSQL: the counter row's lock; SQLite: IMMEDIATE transactions that wait
    for each other under the busy timeout)."""
    numbering_profile_set(actor=system_actor(), issuer=tree.ward_a, abbreviation="UBND")
    actor = system_actor()
    with pytest.raises(RuntimeError, match="inside the caller's transaction"):  # a number outside one would be spent
        number_next(actor=actor, issuer=tree.ward_a, doc_type="QĐ", year=2026)
    count = 20
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            with transaction.atomic():
                results.append(number_next(actor=actor, issuer=tree.ward_a, doc_type="QĐ", year=2026).number)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    with _threads_share_one_database(tmp_path):
        threads = [threading.Thread(target=run) for _ in range(count)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        issued = _in_a_thread(lambda: sorted(IssuedNumber.objects.values_list("number", flat=True)))
        last = _in_a_thread(lambda: NumberCounter.objects.get(series="QĐ", year=2026).last)
        audited = _in_a_thread(lambda: AuditEvent.objects.filter(action="core.document_number.issued").count())
    assert errors == []
    assert sorted(results) == list(range(1, count + 1))
    assert issued == list(range(1, count + 1)) and last == count and audited == count
