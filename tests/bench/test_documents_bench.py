"""`make bench`'s documents part, run tiny in-process: every figure is printed, beside the baseline when LibreOffice is
installed, and it says so when it is not."""

from __future__ import annotations

import shutil

import pytest

from bench import documents


def test_without_libreoffice_the_bench_prints_the_direct_figures_and_says_why_there_is_no_baseline(settings, capsys):
    settings.TDKT_SOFFICE = "/khong/co/soffice"
    documents.print_table(documents.run(recipients=30, lo_pages=2, repeat=1))
    out = capsys.readouterr().out
    assert "LibreOffice (soffice) is not installed" in out
    for label in ("30 certificates as .docx", "30 certificates as PDF, drawn with fpdf2", "the whole set of certificates (.docx + PDF)",
                  "the decision with its 30-row list as .docx"):
        assert label in out, out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) chưa được cài: sh scripts/test-system-deps.sh")
def test_with_libreoffice_each_figure_is_beside_the_one_page_conversion(capsys):
    documents.print_table(documents.run(recipients=5, lo_pages=2, repeat=1))
    out = capsys.readouterr().out
    assert "baseline: ONE LibreOffice conversion of a one-page certificate" in out
    assert "LibreOffice: one conversion of a 2-page certificate .docx" in out and "the decision as PDF" in out
    assert "goal ≤ 5× base: " in out
    assert "the decision and its certificates, .docx + PDF (the issue's set)" in out
