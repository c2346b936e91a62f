"""The achievement report pre-filled from a person's ledger: identity, ratings by year, initiatives, the awards received
(not the revoked ones); only for who may read the person's ledger."""

from __future__ import annotations

import pytest

from tdkt.core.errors import Forbidden
from tdkt.documents import achievement

from .docxcheck import lines, open_docx, text


def test_the_report_is_prefilled_from_the_ledger(tree, personas):
    doc = open_docx(achievement.report_for(actor=personas["officer_a"], person=tree.an, award_code="CSTDCS", year=tree.year))
    body = text(doc)
    y = tree.year
    assert "BÁO CÁO THÀNH TÍCH" in lines(doc) and "ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA CƠ SỞ" in lines(doc)
    assert "- Họ và tên: Nguyễn Văn An" in lines(doc) and "- Ngày, tháng, năm sinh: 12/03/1985" in lines(doc)
    assert "TRƯỜNG THCS ĐỐNG ĐA" in lines(doc) and "PHƯỜNG ĐỐNG ĐA" in lines(doc)
    ratings = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert ratings[1:] == [[str(year), "Hoàn thành xuất sắc nhiệm vụ"] for year in range(y - 3, y + 1)]
    initiatives = [[c.text for c in row.cells] for row in doc.tables[2].rows]
    assert [r[1] for r in initiatives[1:]] == [f"Đổi mới phương pháp dạy học {year}" for year in range(y - 3, y + 1)]
    awards = [[c.text for c in row.cells] for row in doc.tables[3].rows]
    assert len(awards) == 1 + 6  # LĐTT and CSTĐCS for each of three years
    assert awards[1][2] == f"Quyết định số {100 + (y - 3) % 100}/QĐ-UBND ngày 15/01/{y - 2}"
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in body and "……" in body  # left for the person to complete


def test_a_revoked_award_is_not_listed(tree, personas):
    doc = open_docx(achievement.report_for(actor=personas["admin"], person=tree.binh, award_code="LDTT", year=tree.year))
    assert len(doc.tables[3].rows) == 1  # the header only: her one award was revoked


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "no_role"])
def test_only_ledger_readers_of_the_person_get_it(tree, personas, persona):
    with pytest.raises(Forbidden, match="Bạn không có quyền xem hồ sơ thành tích của Nguyễn Văn An"):
        achievement.report_for(actor=personas[persona], person=tree.an, award_code="CSTDCS", year=tree.year)


def test_the_person_page_offers_the_report_and_it_downloads_as_docx(client, tree, personas, settings):
    from django.urls import reverse

    settings.TDKT_SOFFICE = "/khong/co/soffice"
    client.force_login(personas["officer_a"])
    page = client.get(reverse("records:person_detail", args=[tree.an.pk])).content.decode()
    assert "Báo cáo thành tích" in page and "chưa cài LibreOffice" in page
    url = reverse("documents:achievement_report", args=[tree.an.pk])
    response = client.get(url, {"award": "CSTDCS", "year": tree.year, "format": "docx"})
    assert response.status_code == 200 and "B%C3%A1o%20c%C3%A1o%20th%C3%A0nh%20t%C3%ADch" in response["Content-Disposition"]
    assert "- Họ và tên: Nguyễn Văn An" in lines(open_docx(response.content))
    pdf = client.get(url, {"award": "CSTDCS", "year": tree.year, "format": "pdf"}, follow=True)
    assert "chưa cài LibreOffice" in pdf.content.decode() and pdf.redirect_chain[-1][0].endswith(f"/{tree.an.pk}/")
    bad = client.get(url, {"award": "KHONG_CO", "year": "năm ngoái"}, follow=True)
    assert "Hãy chọn danh hiệu, hình thức đề nghị và năm thành tích trong danh sách." in bad.content.decode()
