"""Attachments are checked by their content, stored under random names and served as downloads only
(tdkt.core.uploads, decision 0016). Every file here is a real one, made in the test (tests/upload_samples.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import struct
import unicodedata
import zipfile
from pathlib import Path

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from tdkt.core import upload_content
from tdkt.core.api_forms import form_serializer
from tdkt.core.errors import DomainError
from tdkt.core.uploads import (
    AttachmentField,
    Upload,
    check_upload,
    checked_request_file,
    content_disposition,
    safe_filename,
    serve_upload,
    store_upload,
    upload_help,
)
from tests import upload_samples as samples

MB = 1024 * 1024


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")  # what the browser says is ignored


def refusal(name: str, data: bytes, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        check_upload(upload(name, data), **kwargs)
    return caught.value


# --- accepted kinds -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "make", "kind", "content_type", "extension"), [
    ("To trinh.pdf", samples.pdf_bytes, "pdf", "application/pdf", ".pdf"),
    ("Tờ trình.docx", samples.docx_bytes, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    ("Danh sách.xlsx", samples.xlsx_bytes, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ("ảnh.jpg", samples.jpeg_bytes, "jpeg", "image/jpeg", ".jpg"),
    ("ẢNH.JPEG", samples.jpeg_bytes, "jpeg", "image/jpeg", ".jpg"),
    ("bằng khen.png", samples.png_bytes, "png", "image/png", ".png"),
])
def test_each_kind_is_accepted_by_its_content(name, make, kind, content_type, extension):
    data = make()
    checked = check_upload(upload(name, data))
    assert checked == Upload(kind=kind, content_type=content_type, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                             filename=name, extension=extension)


def test_the_file_is_left_rewound_for_storing():
    file = upload("a.pdf", samples.pdf_bytes())
    check_upload(file)
    assert file.read() == samples.pdf_bytes()


def test_a_plain_binary_file_object_is_checked_too():
    file = io.BytesIO(samples.png_bytes())
    file.name = "x.png"
    assert check_upload(file).size == len(samples.png_bytes())


def test_the_result_is_frozen():
    checked = check_upload(upload("a.png", samples.png_bytes()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        checked.kind = "pdf"


def test_a_name_without_extension_gets_the_one_of_its_content():
    assert check_upload(upload("scan", samples.pdf_bytes())).filename == "scan.pdf"


# --- impostors and mismatches --------------------------------------------------------------------------------

def test_a_windows_program_renamed_pdf_is_refused():
    error = refusal("setup.pdf", samples.WINDOWS_PROGRAM)
    assert error.code == "upload_mismatch"
    assert error.message == ("Tệp “setup.pdf” không phải là tệp PDF: nội dung là tệp chương trình. "
                             "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc ảnh PNG.")


def test_a_linux_program_renamed_png_is_refused():
    error = refusal("anh.png", samples.LINUX_PROGRAM)
    assert error.code == "upload_mismatch"
    assert error.message.startswith("Tệp “anh.png” không phải là ảnh PNG: nội dung là tệp chương trình.")


def test_a_script_renamed_jpg_is_refused():
    assert "nội dung là tệp chương trình" in refusal("a.jpg", b"#!/bin/sh\nrm -rf ~\n").message


def test_a_word_file_renamed_xlsx_is_refused_with_advice_to_rename():
    error = refusal("danh sach.xlsx", samples.docx_bytes())
    assert error.code == "upload_mismatch"
    assert error.message == ("Tệp “danh sach.xlsx” không phải là tệp Excel (.xlsx): nội dung là tệp Word (.docx). "
                             "Hãy chọn đúng tệp, hoặc đặt lại tên tệp cho đúng loại.")


def test_a_png_renamed_jpg_is_a_mismatch():
    assert "không phải là ảnh JPEG: nội dung là ảnh PNG" in refusal("a.jpg", samples.png_bytes()).message


def test_a_plain_zip_renamed_docx_is_refused():
    error = refusal("to trinh.docx", samples.zip_bytes({"to-trinh.txt": "xin chào"}))
    assert error.code == "upload_mismatch"
    assert "không phải là tệp Word (.docx): nội dung là tệp nén ZIP." in error.message


def test_a_docx_must_hold_its_document_part():
    data = samples.zip_bytes({"[Content_Types].xml": samples._content_types(samples.DOCX_MAIN), "_rels/.rels": samples._RELS})
    error = refusal("a.docx", data)
    assert error.code == "upload_damaged"
    assert "thiếu phần nội dung chính của tài liệu" in error.message


def test_a_zip_with_word_document_but_no_content_types_is_not_a_docx():
    data = samples.zip_bytes({"word/document.xml": "<w:document/>"})
    assert "nội dung là tệp nén ZIP" in refusal("a.docx", data).message


def test_a_macro_enabled_word_file_renamed_docx_is_refused():
    assert "nội dung là tệp Office có macro (.docm, .xlsm)" in refusal("a.docx", samples.docm_bytes()).message


def test_an_old_doc_is_refused_with_its_name_and_renamed_docx_too():
    error = refusal("to trinh.doc", samples.OLD_DOC)
    assert error.code == "upload_type"
    assert error.message == ("Tệp “to trinh.doc” không được nhận: nội dung là tài liệu Office đời cũ (.doc, .xls) hoặc "
                             "tệp Office có đặt mật khẩu. Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc ảnh PNG.")
    assert "không phải là tệp Word (.docx): nội dung là tài liệu Office đời cũ" in refusal("a.docx", samples.OLD_DOC).message


def test_a_web_page_renamed_pdf_is_refused():
    assert "không phải là tệp PDF: nội dung là trang web (HTML)." in refusal("a.pdf", samples.WEB_PAGE).message
    assert "trang web (HTML)" in refusal("a.pdf", b"\xef\xbb\xbf  <html><body>x</body></html>").message


def test_an_svg_is_refused_even_named_svg_or_png():
    assert "không được nhận: nội dung là ảnh SVG" in refusal("logo.svg", samples.SVG_IMAGE).message
    assert "không phải là ảnh PNG: nội dung là ảnh SVG" in refusal("logo.png", samples.SVG_IMAGE).message


def test_other_contents_are_named_in_the_refusal():
    assert "nội dung là ảnh GIF" in refusal("a.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00" + b"\x00" * 30).message
    assert "nội dung là tệp nén RAR" in refusal("a.pdf", b"Rar!\x1a\x07\x00" + b"\x00" * 30).message
    assert "nội dung là văn bản thuần" in refusal("a.pdf", "Xin chào".encode()).message
    assert "nội dung là dữ liệu không nhận ra được" in refusal("a.pdf", bytes(range(256)) * 4).message


def test_an_exe_name_is_refused_whatever_it_holds():
    error = refusal("bang khen.exe", samples.pdf_bytes())
    assert error.code == "upload_type"
    assert error.message.startswith("Tệp “bang khen.exe” không được nhận: nội dung là tệp PDF.")


def test_a_narrower_choice_names_only_what_it_takes():
    error = refusal("a.png", samples.png_bytes(), allowed=("pdf",))
    assert error.message == "Tệp “a.png” không được nhận: nội dung là ảnh PNG. Chỉ nhận tệp PDF."
    assert check_upload(upload("a.pdf", samples.pdf_bytes()), allowed=["pdf"]).kind == "pdf"
    with pytest.raises(ValueError):
        check_upload(upload("a.pdf", samples.pdf_bytes()), allowed=("gif",))


# --- damaged, empty, too large, bombs ------------------------------------------------------------------------

def test_an_empty_file_is_refused():
    error = refusal("danh sach.xlsx", b"")
    assert (error.code, error.message) == ("upload_empty", "Tệp “danh sach.xlsx” rỗng (không có nội dung).")


def test_a_pdf_header_alone_is_damaged():
    error = refusal("a.pdf", b"%PDF-1.7\n")
    assert error.code == "upload_damaged"
    assert error.message == ("Tệp “a.pdf” bị hỏng hoặc không đầy đủ: tệp PDF không có phần kết thúc. "
                             "Hãy mở tệp trên máy, lưu lại rồi tải lên lại.")


def test_a_pdf_cut_short_during_the_upload_is_damaged():
    data = samples.pdf_bytes()
    assert refusal("a.pdf", data[: len(data) // 2]).code == "upload_damaged"


def test_a_png_cut_short_is_damaged():
    data = samples.png_bytes()
    assert refusal("a.png", data[:-12]).code == "upload_damaged"


def test_a_malformed_xlsx_is_refused():
    data = samples.xlsx_bytes()
    cut = refusal("a.xlsx", data[: len(data) // 2])
    assert cut.code == "upload_damaged"
    assert cut.message.startswith("Tệp “a.xlsx” bị hỏng hoặc không đầy đủ: không đọc được cấu trúc tệp.")
    assert refusal("a.xlsx", b"Ho va ten;Danh hieu\n").code == "upload_mismatch"


def test_an_oversized_file_is_refused_with_the_limit_in_mb(settings):
    settings.TDKT_UPLOAD_MAX_MB = 1
    data = samples.pdf_bytes("A" * MB)
    error = refusal("a.pdf", data)
    assert error.code == "upload_too_large"
    assert error.message == "Tệp “a.pdf” có dung lượng 1,1 MB, vượt quá giới hạn 1 MB mỗi tệp."
    assert check_upload(upload("a.pdf", samples.pdf_bytes("A" * (MB - 1000)))).kind == "pdf"


def test_the_default_limit_is_20_mb(settings):
    assert settings.TDKT_UPLOAD_MAX_MB == 20
    assert upload_help() == "Nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc ảnh PNG; tối đa 20 MB mỗi tệp."


def test_the_size_is_refused_before_the_file_is_read():
    class Huge:
        name = "video.pdf"
        size = 21 * MB

        def read(self, *args):
            raise AssertionError("read before the size was checked")

        seek = tell = chunks = read

    with pytest.raises(DomainError) as caught:
        check_upload(Huge())
    assert caught.value.message == "Tệp “video.pdf” có dung lượng 21 MB, vượt quá giới hạn 20 MB mỗi tệp."


def test_a_limit_under_one_mb_is_shown_in_kb():
    data = samples.pdf_bytes().ljust(1536, b"%")
    assert refusal("a.pdf", data, max_bytes=1024).message == "Tệp “a.pdf” có dung lượng 1,5 KB, vượt quá giới hạn 1 KB mỗi tệp."
    assert "vượt quá giới hạn 100 byte mỗi tệp" in refusal("a.pdf", data, max_bytes=100).message


def test_a_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(upload_content, "ZIP_MAX_UNCOMPRESSED", MB)
    bomb = samples.zip_bytes({"[Content_Types].xml": samples._content_types(samples.DOCX_MAIN),
                              "word/document.xml": b"\x00" * (2 * MB)})
    assert len(bomb) < 10_000
    error = refusal("a.docx", bomb)
    assert error.code == "upload_zip_bomb"
    assert error.message == ("Tệp “a.docx” bị từ chối: khi giải nén, nội dung vượt quá 512 MB hoặc 10.000 thành phần "
                             "(có thể là tệp độc hại).")


def test_a_zip_that_lies_about_its_sizes_is_refused_at_the_real_limit():
    data = bytearray(samples.xlsx_bytes())
    directory = data.index(b"PK\x01\x02")  # the first central directory entry: its uncompressed size at +24
    data[directory + 24: directory + 28] = struct.pack("<I", 0xFFFF_FFFE)
    assert refusal("a.xlsx", bytes(data)).code == "upload_zip_bomb"


def test_a_zip_with_too_many_members_is_refused():
    members = {f"xl/worksheets/sheet{i}.xml": b"" for i in range(upload_content.ZIP_MAX_ENTRIES + 1)}
    data = samples.zip_bytes(members, compression=zipfile.ZIP_STORED)
    assert refusal("a.xlsx", data).code == "upload_zip_bomb"


# --- file names ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "safe"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\Windows\\win.ini.pdf", "win.ini.pdf"),
    ("bằng\x00khen\x1b\x7f.pdf", "bằngkhen.pdf"),
    ("tờ\ttrình\n  số 5.pdf", "tờ trình số 5.pdf"),
    ("hóa đơn\u202efdp.exe", "hóa đơnfdp.exe"),  # the right-to-left override that shows "exe.pdf"
    ('a<b>c:"d"|e?*.pdf', "a_b_c__d__e__.pdf"),
    ("  ..ẩn.pdf. ", "ẩn.pdf"),
    ("../", "tệp đính kèm"),
    ("", "tệp đính kèm"),
])
def test_file_names_are_made_safe(given, safe):
    assert safe_filename(given) == safe


def test_decomposed_vietnamese_names_become_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh - Bằng khen.pdf")
    assert decomposed != "Nguyễn Thị Ánh - Bằng khen.pdf"
    checked = check_upload(upload(decomposed, samples.pdf_bytes()))
    assert checked.filename == "Nguyễn Thị Ánh - Bằng khen.pdf"
    assert unicodedata.is_normalized("NFC", checked.filename)


def test_long_names_keep_their_extension():
    name = safe_filename("Tờ trình " * 40 + ".docx")
    assert len(name) <= 150 and name.endswith(".docx")


def test_a_traversal_name_is_checked_under_its_last_part():
    assert check_upload(upload("../../etc/passwd.pdf", samples.pdf_bytes())).filename == "passwd.pdf"


# --- storing and serving -------------------------------------------------------------------------------------

@pytest.fixture(params=["filesystem", "memory"])
def storage_root(request, settings, tmp_path) -> Path | None:
    if request.param == "filesystem":
        settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
        settings.MEDIA_ROOT = tmp_path / "media"
        return settings.MEDIA_ROOT
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    return None


def test_store_and_serve_round_trip(storage_root):
    data = samples.pdf_bytes("Bang khen 2026")
    file = upload(unicodedata.normalize("NFD", "Bằng khen Nguyễn Văn Đức.pdf"), data)
    checked = check_upload(file)
    name = store_upload(file, checked, prefix="nominations/attachments")

    assert re.fullmatch(r"nominations/attachments/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", name)
    if storage_root is not None:
        assert (storage_root / name).read_bytes() == data
    response = serve_upload(RequestFactory().get("/"), name=name, filename=checked.filename, content_type=checked.content_type)
    try:
        assert b"".join(response.streaming_content) == data
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == (
            "attachment; filename=\"Bang khen Nguyen Van Duc.pdf\"; "
            "filename*=UTF-8''B%E1%BA%B1ng%20khen%20Nguy%E1%BB%85n%20V%C4%83n%20%C4%90%E1%BB%A9c.pdf")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"
        assert response["Content-Length"] == str(len(data))
    finally:
        response.file_to_stream.close()  # not response.close(): its request_finished signal would touch the database


def test_stored_names_are_random_and_take_nothing_from_the_user(storage_root):
    names = set()
    for _ in range(3):
        file = upload("../../evil name.php.jpg", samples.jpeg_bytes())
        names.add(store_upload(file, check_upload(file), prefix="test"))
    assert len(names) == 3
    assert all(re.fullmatch(r"test/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", n) for n in names)


def test_a_jpeg_named_jpeg_is_stored_as_jpg(storage_root):
    file = upload("anh.JPEG", samples.jpeg_bytes())
    assert store_upload(file, check_upload(file), prefix="test").endswith(".jpg")


def test_store_refuses_a_bad_prefix_or_another_file(storage_root):
    file = upload("a.png", samples.png_bytes())
    checked = check_upload(file)
    for prefix in ("", "../x", "/abs", "Hoa", "a//b", "a/"):
        with pytest.raises(ValueError):
            store_upload(file, checked, prefix=prefix)
    with pytest.raises(ValueError):
        store_upload(upload("b.png", samples.png_bytes(8, 8)), checked, prefix="test")


def test_serving_a_missing_file_is_a_404_and_only_attachment_types_are_served(storage_root):
    with pytest.raises(Http404):
        serve_upload(RequestFactory().get("/"), name="test/2026/01/" + "0" * 32 + ".pdf", filename="a.pdf",
                     content_type="application/pdf")
    with pytest.raises(ValueError):
        serve_upload(RequestFactory().get("/"), name="x", filename="a.html", content_type="text/html")


def test_the_download_name_is_escaped():
    assert content_disposition('a"b\\c.pdf') == "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf"


def test_media_is_not_routed():
    from django.urls import Resolver404, resolve

    from tdkt import urls

    assert not any("media" in str(p.pattern) for p in urls.urlpatterns)
    with pytest.raises(Resolver404):
        resolve("/media/test/2026/01/" + "0" * 32 + ".pdf")


# --- forms and the API ---------------------------------------------------------------------------------------

class AttachmentForm(forms.Form):
    file = AttachmentField(label="Tệp đính kèm")
    scan = AttachmentField(label="Bản chụp", allowed=("pdf", "jpeg", "png"), required=False)


def test_the_form_field_gives_the_checked_file():
    form = AttachmentForm(data={}, files={"file": upload("to trinh.docx", samples.docx_bytes())})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["file"].checked.kind == "docx"
    assert not form.cleaned_data["scan"]


def test_the_form_field_shows_the_vietnamese_refusal():
    form = AttachmentForm(data={}, files={"file": upload("setup.pdf", samples.WINDOWS_PROGRAM),
                                          "scan": upload("a.docx", samples.docx_bytes())})
    assert not form.is_valid()
    assert form.errors["file"] == ["Tệp “setup.pdf” không phải là tệp PDF: nội dung là tệp chương trình. "
                                   "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc ảnh PNG."]
    assert form.errors["scan"] == ["Tệp “a.docx” không được nhận: nội dung là tệp Word (.docx). "
                                   "Chỉ nhận tệp PDF, ảnh JPEG hoặc ảnh PNG."]
    assert form.errors.as_data()["file"][0].code == "upload_mismatch"


def test_the_form_field_says_an_empty_file_in_the_same_words():
    form = AttachmentForm(data={}, files={"file": upload("a.pdf", b"")})
    assert form.errors["file"] == ["Tệp “a.pdf” rỗng (không có nội dung)."]


def test_the_form_field_tells_what_it_takes(settings):
    settings.TDKT_UPLOAD_MAX_MB = 5
    html = str(AttachmentForm()["scan"]) + str(AttachmentForm()["scan"].help_text)
    assert 'accept=".pdf,.jpg,.jpeg,.png"' in html
    assert "Nhận tệp PDF, ảnh JPEG hoặc ảnh PNG; tối đa 5 MB mỗi tệp." in html


def test_the_api_schema_documents_an_attachment_as_a_file():
    serializer = form_serializer("AttachmentBody", AttachmentForm)()
    assert isinstance(serializer.fields["file"], serializers.FileField)


class AttachmentView(APIView):
    authentication_classes = []
    permission_classes = []

    def post(self, request):
        file, checked = checked_request_file(request, "file", allowed=("pdf",))
        return Response({"kind": checked.kind, "filename": checked.filename})


def test_the_api_function_takes_the_file_and_refuses_in_vietnamese_by_field():
    factory = APIRequestFactory()
    ok = AttachmentView.as_view()(factory.post("/", {"file": upload("a.pdf", samples.pdf_bytes())}, format="multipart"))
    assert (ok.status_code, ok.data) == (200, {"kind": "pdf", "filename": "a.pdf"})

    bad = AttachmentView.as_view()(factory.post("/", {"file": upload("a.pdf", samples.WEB_PAGE)}, format="multipart"))
    message = "Tệp “a.pdf” không phải là tệp PDF: nội dung là trang web (HTML). Chỉ nhận tệp PDF."
    assert (bad.status_code, bad.data) == (400, {"error": message, "details": {"file": [message]}})

    missing = AttachmentView.as_view()(factory.post("/", {}, format="multipart"))
    assert missing.status_code == 400
    assert missing.data == {"error": "Chưa gửi tệp đính kèm.", "details": {"file": ["Chưa gửi tệp đính kèm."]}}


def test_a_large_upload_spooled_to_disk_is_checked_and_stored(settings, tmp_path):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every upload becomes a TemporaryUploadedFile
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.MEDIA_ROOT = tmp_path / "media"
    data = samples.xlsx_bytes()
    request = RequestFactory().post("/", {"file": upload("Danh sách khen thưởng.xlsx", data)})
    file, checked = checked_request_file(request)
    assert type(file).__name__ == "TemporaryUploadedFile"
    assert (checked.kind, checked.filename) == ("xlsx", "Danh sách khen thưởng.xlsx")
    name = store_upload(file, checked, prefix="test")
    assert (settings.MEDIA_ROOT / name).read_bytes() == data
