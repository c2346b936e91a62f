"""`tdkt document`: one document from JSON for checking by hand; bad input exits 2 with a Vietnamese message."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from tdkt.documents import samples

from .docxcheck import lines, open_docx

pytestmark = pytest.mark.django_db


def _context_json(tmp_path, **changes) -> str:
    context = {**samples.submission(), **changes}
    context["date"] = context["date"].isoformat()
    path = tmp_path / "to-trinh.json"
    path.write_text(json.dumps(context, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_it_renders_a_document_from_json(tmp_path, capsys):
    out = tmp_path / "to-trinh.docx"
    call_command("document", "submission", _context_json(tmp_path), "--out", str(out))
    assert "Hà Nội, ngày 09 tháng 02 năm 2026" in lines(open_docx(out.read_bytes()))
    assert "Đã ghi Tờ trình đề nghị khen thưởng (Mẫu 1.4) vào" in capsys.readouterr().out


def test_it_lists_the_kinds(capsys):
    call_command("document", "--list")
    assert "minutes\tBiên bản họp Hội đồng Thi đua - Khen thưởng (Mẫu 1.9)" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["giay_phep", "--sample", "--out", "x.docx"], "Không có loại văn bản “giay_phep”"),
    (["submission", "khong-co.json", "--out", "x.docx"], "Không tìm thấy tệp “khong-co.json”"),
    (["submission"], "Cần mã loại văn bản"),
])
def test_bad_input_exits_2_with_a_vietnamese_message(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as caught:
        call_command("document", *[str(tmp_path / a) if a.endswith(".docx") else a for a in args])
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_a_context_missing_its_signer_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        call_command("document", "submission", _context_json(tmp_path, signer={}), "--out", str(tmp_path / "x.docx"))
    assert caught.value.code == 2
    assert "Thiếu chức danh hoặc họ tên người ký tờ trình." in capsys.readouterr().err
