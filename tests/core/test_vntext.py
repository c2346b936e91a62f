import datetime as dt

import pytest

from tdkt.core import vntext


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (7_020_000, "Bảy triệu không trăm hai mươi nghìn đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (702_000, "Bảy trăm linh hai nghìn đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (1_000_000, "Một triệu đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (10_530_000, "Mười triệu năm trăm ba mươi nghìn đồng"),
        (1_200_000_000, "Một tỷ hai trăm triệu đồng"),
        (0, "Không đồng"),
    ],
)
def test_it_reads_amounts_in_vietnamese_words(amount, words):
    assert vntext.money_in_words(amount) == words


def test_it_sorts_names_in_vietnamese_order():
    names = ["Đặng", "Ân", "Dương", "Anh", "Bùi", "Ánh"]
    assert sorted(names, key=vntext.sort_key) == ["Anh", "Ánh", "Ân", "Bùi", "Dương", "Đặng"]


def test_it_sorts_people_by_given_name_first():
    names = ["Bùi Thị Bình", "Nguyễn Văn An", "Trần Anh"]
    assert sorted(names, key=vntext.person_sort_key) == ["Nguyễn Văn An", "Trần Anh", "Bùi Thị Bình"]


def test_it_normalises_to_nfc_and_collapses_spaces():
    decomposed = "Nguye\u0302\u0303n  Va\u0306n"
    assert vntext.nfc(decomposed) == "Nguyễn Văn"


def test_it_formats_dates_as_state_documents_do():
    assert vntext.format_date(dt.date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"
    assert vntext.format_date(dt.date(2026, 11, 24)) == "ngày 24 tháng 11 năm 2026"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1_000_000_000_000, "một nghìn tỷ"),
        (2_005_000_000, "hai tỷ không trăm linh năm triệu"),
        (105, "một trăm linh năm"),
    ],
)
def test_it_reads_large_numbers(n, words):
    assert vntext.number_in_words(n) == words
