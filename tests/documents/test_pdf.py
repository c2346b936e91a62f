"""PDF by LibreOffice: one conversion of the decision, its text read back with pdftotext and page 1 rendered to PNG in
test-results/ for a person to look at; and what happens without LibreOffice. The conversion tests run only where
soffice is installed (scripts/test-system-deps.sh installs it, CI has it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tdkt.core.errors import DomainError
from tdkt.documents import kinds, rendering

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results" / os.environ.get("TDKT_SHOTS_DIR", "screenshots")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                   reason="LibreOffice (soffice) hoặc poppler-utils chưa được cài: sh scripts/test-system-deps.sh")


def save_page_one(pdf: bytes, name: str, tmp_path) -> Path:
    """Page 1 of a PDF as PNG (pdftoppm, 80 dpi) into the test results, for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    target = SHOTS / name
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", str(source), str(target)], check=True, timeout=60)
    return target.with_suffix(".png")


def pdf_text(pdf: bytes, tmp_path) -> str:
    source = tmp_path / "read.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(source), "-"], check=True, capture_output=True, timeout=60).stdout.decode()


@needs_soffice
@pytest.mark.django_db
def test_the_decision_as_pdf_keeps_its_text_and_page_one_is_saved_as_png(tmp_path):
    pdf = rendering.to_pdf(rendering.render_docx("decision", kinds.get("decision").sample()))
    assert pdf.startswith(b"%PDF-")
    body = " ".join(pdf_text(pdf, tmp_path).split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 05/QĐ-UBND",
                     "Hà Nội, ngày 05 tháng 01 năm 2026", "QUYẾT ĐỊNH", "Nguyễn Văn An", "Đặng Thị Ánh Tuyết", "Phạm Ngọc Ước",
                     "2.340.000", "5.496.000", "Năm triệu bốn trăm chín mươi sáu nghìn đồng", "Nguyễn Thị Hồng Nhung"):
        assert expected in body, expected
    fonts = subprocess.run(["pdffonts", str(tmp_path / "read.pdf")], capture_output=True, text=True, check=True).stdout
    assert "LiberationSerif" in fonts or "Tinos" in fonts or "TimesNewRoman" in fonts  # Times New Roman or its metric clone
    assert "DejaVu" not in fonts and "Carlito" not in fonts
    png = save_page_one(pdf, "documents-decision-page1", tmp_path)
    assert png.stat().st_size > 10_000


def test_without_libreoffice_the_pdf_is_refused_in_vietnamese_and_the_docx_still_works(settings, db):
    settings.TDKT_SOFFICE = "/khong/co/soffice"
    assert rendering.pdf_available() is False
    docx = rendering.render_docx("submission", kinds.get("submission").sample())
    assert docx.startswith(b"PK")
    with pytest.raises(DomainError) as caught:
        rendering.to_pdf(docx)
    assert caught.value.code == "pdf_unavailable"
    assert "chưa cài LibreOffice" in caught.value.message and ".docx" in caught.value.message


@needs_soffice
def test_a_damaged_docx_is_a_vietnamese_error_not_a_traceback():
    with pytest.raises(DomainError, match="LibreOffice không chuyển được văn bản sang PDF"):
        rendering.to_pdf(b"PK\x03\x04 not really a docx")
