"""parse_request: strict validation, Vietnamese messages naming the field."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt.core.errors import DomainError
from tdkt.law import engine

from .helpers import FILE_CATALOGUE, payload

NEXT_YEAR = dt.date.today().year + 1


def parse(data):
    return engine.parse_request(data, catalogue=FILE_CATALOGUE)


def test_it_parses_the_issue_example():
    request = parse({"award": "CSTD_TINH", "year": 2025, "subject": {"kind": "individual", "recruited_on": "2020-09-01"},
                     "history": {"ratings": [{"year": 2025, "rating": "HTXSNV"}], "awards": [{"year": 2024, "award": "CSTDCS"},
                                 {"year": 2025, "award": "CSTDCS", "proposed": True}],
                                 "disciplines": [{"form": "KHIEN_TRACH", "start": "2025-03-01", "end": "2026-03-01"}],
                                 "initiatives": [{"year": 2025, "scope": "TINH"}]},
                     "collective": {"members": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 1, "disciplined_canh_cao_or_above": 0}})
    assert request.award == "CSTD_TINH" and request.year == 2025
    assert request.subject.recruited_on == dt.date(2020, 9, 1)
    assert request.awards[1].proposed is True
    assert request.disciplines[0].end == dt.date(2026, 3, 1)
    assert request.collective.ldtt == 15


@pytest.mark.parametrize(("data", "field", "text"), [
    pytest.param({"award": "NOPE", "year": 2025}, "award", "“NOPE” không có trong danh mục", id="unknown award"),
    pytest.param({"year": 2025}, "award", "bắt buộc", id="missing award"),
    pytest.param({"award": "LDTT"}, "year", "bắt buộc", id="missing year"),
    pytest.param({"award": "LDTT", "year": "2025"}, "year", "số nguyên", id="year as a string"),
    pytest.param({"award": "LDTT", "year": 2025.0}, "year", "số nguyên", id="year as a float"),
    pytest.param({"award": "LDTT", "year": True}, "year", "số nguyên", id="year as a boolean"),
    pytest.param({"award": "LDTT", "year": 1989}, "year", "năm 1989 nằm ngoài khoảng", id="year before 1990"),
    pytest.param({"award": "LDTT", "year": NEXT_YEAR + 1}, "year", "nằm ngoài khoảng", id="year after next year"),
    pytest.param({"award": "LDTT", "year": 2025, "subject": {"kind": "robot"}}, "subject.kind", "“robot”", id="unknown subject"),
    pytest.param({"award": "LDTT", "year": 2025, "subject": {"recruited_on": "2025-02-30"}}, "subject.recruited_on", "không hợp lệ",
                 id="impossible date"),
    pytest.param({"award": "LDTT", "year": 2025, "subject": {"recruited_on": "01/02/2025"}}, "subject.recruited_on", "YYYY-MM-DD",
                 id="date in the wrong format"),
    pytest.param(payload("LDTT", 2025, ratings={2025: "GIOI"}), "history.ratings[0].rating", "mã xếp loại “GIOI”", id="unknown rating"),
    pytest.param(payload("LDTT", 2025, awards=[(2024, "XYZ")]), "history.awards[0].award", "“XYZ”", id="unknown award in history"),
    pytest.param(payload("LDTT", 2025, disciplines=[("PHAT_TIEN", "2025-01-01", "2025-02-01")]), "history.disciplines[0].form",
                 "hình thức kỷ luật “PHAT_TIEN”", id="unknown discipline"),
    pytest.param(payload("LDTT", 2025, disciplines=[("KHIEN_TRACH", "2025-05-01", "2025-02-01")]), "history.disciplines[0].end",
                 "trước ngày bắt đầu", id="discipline ends before it starts"),
    pytest.param(payload("LDTT", 2025, initiatives=[(2025, "HUYEN")]), "history.initiatives[0].scope", "phạm vi sáng kiến “HUYEN”",
                 id="unknown initiative scope"),
    pytest.param({"award": "LDTT", "year": 2025, "history": {"ratings": [{"year": 2025, "rating": "HTNV"}, {"year": 2025, "rating": "HTTNV"}]}},
                 "history.ratings[1].year", "nhiều hơn một xếp loại", id="two ratings for one year"),
    pytest.param({"award": "LDTT", "year": 2025, "histroy": {}}, "histroy", "không có trong cấu trúc", id="misspelt key"),
    pytest.param({"award": "TTLDTT", "year": 2025, "collective": {"members": 5, "completed_tasks": 5, "ldtt": 6, "cstdcs": 0,
                                                                  "disciplined_canh_cao_or_above": 0}},
                 "collective.ldtt", "lớn hơn số thành viên", id="more LĐTT than members"),
    pytest.param({"award": "TTLDTT", "year": 2025, "collective": {"members": 5}}, "collective.completed_tasks", "bắt buộc",
                 id="collective figure missing"),
    pytest.param({"award": "LDTT", "year": 2025, "history": {"ratings": {"2025": "HTXSNV"}}}, "history.ratings", "danh sách",
                 id="ratings not a list"),
])
def test_it_names_the_field_in_a_vietnamese_error(data, field, text):
    with pytest.raises(DomainError) as info:
        parse(data)
    assert f"Trường “{field}”" in info.value.message
    assert text in info.value.message


def test_it_refuses_a_body_that_is_not_an_object():
    with pytest.raises(DomainError, match="đối tượng JSON"):
        parse([{"award": "LDTT"}])


def test_it_accepts_next_year_and_null_optionals():
    request = parse({"award": "LDTT", "year": NEXT_YEAR, "subject": {"kind": "individual", "recruited_on": None}, "history": None})
    assert request.year == NEXT_YEAR and request.subject.recruited_on is None and request.ratings == ()
