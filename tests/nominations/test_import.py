"""Issue 13, point 3: nominees from an Excel list. Every row checked against the directory (the dossier's unit only)
and the round; per-row Vietnamese errors; nothing partial; a script in a cell is stored as typed and shown escaped."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tdkt.core.models import AuditEvent
from tdkt.nominations.importing import COLUMNS, SHEET, nominee_import
from tdkt.nominations.models import Nominee
from tdkt.org import services as org_services

pytestmark = pytest.mark.django_db


def _xlsx(rows, headers=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    headers = headers or [c.header for c in COLUMNS]
    sheet.append(headers)
    keys = [c.key for c in COLUMNS]
    for row in rows:
        sheet.append([row.get(k, "") for k in keys])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _import(dossier, actor, rows, fmt="xlsx"):
    data = _xlsx(rows) if fmt == "xlsx" else json.dumps(rows, ensure_ascii=False).encode()
    return nominee_import(actor=actor, dossier=dossier, file=io.BytesIO(data), format=fmt)


def test_a_list_is_imported_matched_and_judged(tree, dossier_a, officer_a):
    org_services.person_update(actor=officer_a, person=tree.an, citizen_id="001085012345")
    rows = [{"full_name": "Nguyễn Văn An", "citizen_id": "001085012345", "award": "LDTT", "summary": "Giáo viên dạy giỏi"}]
    report = _import(dossier_a, officer_a, rows)
    assert report.ok, report.errors
    assert report.created == 1 and report.evaluated_now
    nominee = Nominee.objects.get(dossier=dossier_a, award_code="LDTT")
    assert nominee.person == tree.an and nominee.verdict and nominee.summary == "Giáo viên dạy giỏi"
    assert [h.history_type for h in nominee.history.order_by("history_id")] == ["+", "~"]  # written, then judged
    assert AuditEvent.objects.filter(action="nominations.nominee.imported", data__rows=1).exists()


def test_every_bad_row_is_named_and_nothing_is_imported(tree, dossier_a, officer_a):
    rows = [
        {"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "LDTT"},
        {"full_name": "Phạm Thị Dung", "date_of_birth": "02/05/1990", "award": "LDTT"},  # another ward: not found
        {"full_name": "Người Không Có", "date_of_birth": "01/01/1990", "award": "LDTT"},
        {"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "BK_TINH"},
        {"full_name": "Nguyễn Văn An", "date_of_birth": "31/02/1985", "award": "LDTT"},
        {"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "CSTDCS"},  # already in the dossier
        {"full_name": "", "award": "LDTT"},
    ]
    report = _import(dossier_a, officer_a, rows)
    assert not report.ok
    messages = [e.message for e in report.errors]
    assert "Dòng 3: Không tìm thấy “Phạm Thị Dung” (ngày sinh 02/05/1990) trong Trường THCS Đống Đa." in messages
    assert "Dòng 4: Không tìm thấy “Người Không Có” (ngày sinh 01/01/1990) trong Trường THCS Đống Đa." in messages
    assert any(m.startswith("Dòng 5: Đợt xét không xét “BK_TINH”") for m in messages)
    assert any(m.startswith("Dòng 6: Ngày sinh 31/02/1985 không phải là ngày có thật") for m in messages)
    assert "Dòng 7: Nguyễn Văn An đã được đề nghị Chiến sĩ thi đua cơ sở trong đợt xét này." in messages
    assert any(m.startswith("Dòng 8: Thiếu họ và tên.") for m in messages)
    assert Nominee.objects.filter(dossier=dossier_a).count() == 1  # only the fixture's
    # the other ward's person was looked for in this unit only: the words of a person who does not exist
    assert not any("Láng" in m for m in messages)


def test_malformed_or_empty_files_are_refused_in_vietnamese(dossier_a, officer_a):
    from tdkt.core.errors import DomainError

    with pytest.raises(DomainError, match="Không đọc được tệp Excel"):
        nominee_import(actor=officer_a, dossier=dossier_a, file=io.BytesIO(b"PK\x03\x04 not a workbook"), format="xlsx")
    with pytest.raises(DomainError, match="Tệp rỗng."):
        nominee_import(actor=officer_a, dossier=dossier_a, file=io.BytesIO(b""), format="xlsx")
    with pytest.raises(DomainError, match="Tệp không có dòng dữ liệu nào."):
        nominee_import(actor=officer_a, dossier=dossier_a, file=io.BytesIO(_xlsx([])), format="xlsx")
    with pytest.raises(DomainError, match="Thiếu cột"):
        nominee_import(actor=officer_a, dossier=dossier_a, file=io.BytesIO(_xlsx([{"full_name": "A"}], headers=["Tên"])), format="xlsx")


def test_a_script_in_a_cell_is_stored_as_typed_and_shown_escaped(client, tree, dossier_a, officer_a):
    rows = [{"full_name": "Nguyễn Văn An", "date_of_birth": dt.date(1985, 3, 12).strftime("%d/%m/%Y"), "award": "LDTT",
             "summary": "<script>alert('x')</script> dạy giỏi"}]
    assert _import(dossier_a, officer_a, rows, fmt="json").ok
    assert Nominee.objects.get(award_code="LDTT").summary.startswith("<script>")
    client.force_login(officer_a)
    body = client.get(reverse("nominations:dossier_detail", args=[dossier_a.pk])).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; dạy giỏi" in body and "<script>alert(" not in body


def test_the_import_page_and_its_template(client, tree, dossier_a, officer_a, officer_b):
    client.force_login(officer_a)
    template = client.get(reverse("nominations:nominee_import_template", args=[dossier_a.pk]))
    book = load_workbook(io.BytesIO(template.content))
    assert [c.value for c in book[SHEET][1]] == [c.header for c in COLUMNS]
    assert "CSTDCS" in [row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    url = reverse("nominations:nominee_import", args=[dossier_a.pk])
    bad = SimpleUploadedFile("ds.xlsx", _xlsx([{"full_name": "Người Không Có", "date_of_birth": "01/01/1990", "award": "LDTT"}]))
    body = client.post(url, {"file": bad}).content.decode()
    assert 'data-testid="import-errors"' in body and "Dòng 2: Không tìm thấy “Người Không Có”" in body
    good = SimpleUploadedFile("ds.xlsx", _xlsx([{"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "LDTT"}]))
    body = client.post(url, {"file": good}, follow=True).content.decode()
    assert "Đã thêm 1 người từ danh sách vào hồ sơ." in body
    client.force_login(officer_b)
    assert client.get(url).status_code == 404


def test_a_long_list_is_judged_by_the_background_task_and_not_sent_before(tree, dossier_a, officer_a, monkeypatch,
                                                                          django_capture_on_commit_callbacks):
    from tdkt.core.workflow import TransitionError
    from tdkt.nominations import importing, services
    from tdkt.nominations.tasks import nominees_evaluate

    monkeypatch.setattr(importing, "EVALUATE_NOW", 0)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = _import(dossier_a, officer_a, [{"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "LDTT"}])
    assert report.ok and not report.evaluated_now and callbacks  # the task is enqueued on commit
    nominee = Nominee.objects.get(award_code="LDTT")
    assert nominee.verdict == ""
    with pytest.raises(TransitionError, match="Hệ thống đang xét điều kiện của 1 người, tập thể vừa nhập"):
        services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")
    assert nominees_evaluate.call(dossier_a.pk) == 1
    nominee.refresh_from_db()
    assert nominee.verdict
    services.dossier_act(actor=officer_a, dossier=dossier_a, action="submit")


def test_imported_nominees_have_their_creation_in_history_and_one_audit_event(tree, dossier_a, officer_a, monkeypatch,
                                                                              django_capture_on_commit_callbacks):
    """The bulk write (tdkt.nominations.bulk) leaves what `save()` would: one "+" history row per nominee, by the
    importer, with the nominee's values; one audit event with every (person, award); the list's order kept."""
    from tdkt.nominations import importing

    monkeypatch.setattr(importing, "EVALUATE_NOW", 0)  # the long-list path: nothing else writes history meanwhile
    rows = [{"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "LDTT", "summary": "Dạy giỏi"},
            {"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "GIAY_KHEN", "justification": "Lý do"}]
    before = Nominee.history.count()
    with django_capture_on_commit_callbacks(execute=False):
        report = _import(dossier_a, officer_a, rows)
    assert report.ok and report.created == 2
    imported = list(Nominee.objects.filter(dossier=dossier_a, award_code__in=["LDTT", "GIAY_KHEN"]).order_by("id"))
    assert [n.award_code for n in imported] == ["LDTT", "GIAY_KHEN"]
    assert imported[0].summary == "Dạy giỏi" and imported[1].justification == "Lý do"
    assert imported[0].checks == [] and imported[0].verdict == "" and not imported[0].withdrawn and imported[0].unit_id is None
    assert Nominee.history.count() == before + 2
    for nominee in imported:
        (entry,) = nominee.history.all()
        assert entry.history_type == "+" and entry.history_user_id == officer_a.pk
        assert (entry.person_id, entry.award_code, entry.summary, entry.justification, entry.dossier_id, entry.created_at) == (
            nominee.person_id, nominee.award_code, nominee.summary, nominee.justification, dossier_a.pk, nominee.created_at)
    (event,) = AuditEvent.objects.filter(action="nominations.nominee.imported", target_id=str(dossier_a.pk))
    assert event.actor == officer_a and event.data["rows"] == 2
    assert event.data["nominees"] == [[tree.an.pk, "LDTT"], [tree.an.pk, "GIAY_KHEN"]]


def test_a_refused_list_writes_no_history_and_no_audit_event(tree, dossier_a, officer_a):
    before = Nominee.history.count()
    report = _import(dossier_a, officer_a, [{"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "award": "LDTT"},
                                            {"full_name": "Người Không Có", "date_of_birth": "01/01/1990", "award": "LDTT"}])
    assert not report.ok and Nominee.history.count() == before
    assert not AuditEvent.objects.filter(action="nominations.nominee.imported").exists()


def test_identical_rows_are_still_found_across_spellings(tree, dossier_a, officer_a):
    """The fingerprint compares each cell as normalised text (NFC, spaces): the same row typed twice is refused."""
    import unicodedata

    name = "Nguyễn Văn An"
    rows = [{"full_name": name, "date_of_birth": "12/03/1985", "award": "LDTT"},
            {"full_name": "  " + unicodedata.normalize("NFD", name), "date_of_birth": "12/03/1985", "award": "LDTT"}]
    report = _import(dossier_a, officer_a, rows, fmt="json")
    assert not report.ok
    assert "Bản ghi 2: Dòng trùng hoàn toàn với bản ghi 1." in [e.message for e in report.errors]
