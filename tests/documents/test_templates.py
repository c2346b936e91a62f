"""Administrators' templates: an uploaded .docx replaces the shipped one once it renders the kind's sample context; a
file that is not a .docx by its content, or whose tags do not render, is refused in Vietnamese and nothing changes."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.documents import rendering, services
from tdkt.documents.models import DocumentTemplate

from .docxcheck import lines, open_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_with(*paragraphs: str) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def upload(data: bytes, name: str = "mau-to-trinh.docx"):
    return SimpleUploadedFile(name, data, content_type=DOCX)


OWN = docx_with("MẪU RIÊNG CỦA PHƯỜNG", "{{ number_line }}", "{{ place_date }}", "{{ summary }}")


def test_an_uploaded_template_is_used_instead_of_the_shipped_one_and_audited(personas):
    admin = personas["admin"]
    template = services.template_upload(actor=admin, kind="submission", file=upload(OWN), note="Mẫu năm 2026")
    assert template.active and template.filename == "mau-to-trinh.docx"
    from tdkt.documents import kinds

    body = lines(open_docx(rendering.render_docx("submission", kinds.get("submission").sample())))
    assert body == ["MẪU RIÊNG CỦA PHƯỜNG", "Số: 12/TTr-UBND", "Hà Nội, ngày 09 tháng 02 năm 2026",
                    "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"]
    event = AuditEvent.objects.get(action="documents.template.uploaded")
    assert event.actor == admin and event.data["kind"] == "submission" and event.data["sha256"] == template.sha256
    # the other kinds still use the shipped templates
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines(open_docx(rendering.render_docx("ballot", kinds.get("ballot").sample())))


def test_a_second_upload_sets_the_first_aside_and_stopping_it_goes_back_to_the_shipped_one(personas):
    admin = personas["admin"]
    first = services.template_upload(actor=admin, kind="submission", file=upload(OWN))
    second = services.template_upload(actor=admin, kind="submission", file=upload(docx_with("MẪU THỨ HAI", "{{ summary }}")))
    first.refresh_from_db()
    assert not first.active and second.active
    services.template_set_active(actor=admin, template=second, active=False)
    from tdkt.documents import kinds

    body = lines(open_docx(rendering.render_docx("submission", kinds.get("submission").sample())))
    assert "TỜ TRÌNH" in body and "MẪU THỨ HAI" not in body
    assert AuditEvent.objects.filter(action="documents.template.deactivated", target_id=str(second.pk)).exists()


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\nstartxref\n0\n%%EOF\n", "mau.docx", "không phải là tệp Word (.docx)"),
    (b"Xin chao, day la van ban thuong", "mau.docx", "không phải là tệp Word (.docx)"),
    (docx_with("{{ summary "), "mau.docx", "có lỗi ở thẻ trộn dữ liệu"),
    (docx_with("{%p for x in paragraphs %}", "{{ x }}"), "mau.docx", "thiếu thẻ đóng"),
    (docx_with("{{ so_quyet_dinh }}"), "mau.docx", "trường dữ liệu “so_quyet_dinh” không có trong dữ liệu"),
])
def test_a_template_that_is_not_a_docx_or_does_not_render_is_refused_and_nothing_changes(personas, data, name, message):
    admin = personas["admin"]
    kept = services.template_upload(actor=admin, kind="submission", file=upload(OWN))
    events = AuditEvent.objects.count()
    with pytest.raises(DomainError) as caught:
        services.template_upload(actor=admin, kind="submission", file=upload(data, name))
    assert message in caught.value.message
    assert list(DocumentTemplate.objects.values_list("pk", "active")) == [(kept.pk, True)]
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("persona", ["officer_a", "appraiser", "chair"])
def test_only_an_administrator_replaces_templates(personas, persona):
    with pytest.raises(Forbidden, match="Chỉ quản trị viên được thay mẫu văn bản"):
        services.template_upload(actor=personas[persona], kind="submission", file=upload(OWN))
    assert not DocumentTemplate.objects.exists()


def test_an_unknown_kind_is_refused(personas):
    with pytest.raises(DomainError, match="Không có loại văn bản “giay_phep”"):
        services.template_upload(actor=personas["admin"], kind="giay_phep", file=upload(OWN))


def test_the_admin_upload_page_refuses_a_bad_template_in_vietnamese_and_accepts_a_good_one(client, personas):
    client.force_login(personas["admin"])
    url = reverse("admin:documents_documenttemplate_add")
    assert client.get(url).status_code == 200
    bad = client.post(url, {"kind": "minutes", "file": upload(docx_with("{{ ten_hoi_dong }}"), "bien-ban.docx"), "note": ""})
    assert bad.status_code == 200
    assert "trường dữ liệu “ten_hoi_dong” không có trong dữ liệu" in bad.content.decode()
    assert not DocumentTemplate.objects.exists()
    good = client.post(url, {"kind": "minutes", "file": upload(docx_with("{{ summary }}", "{{ number_line }}"), "bien-ban.docx"), "note": ""})
    assert good.status_code == 302
    assert DocumentTemplate.objects.get().kind == "minutes"
    shipped = client.get(reverse("admin:documents_shipped", args=["decision"]))
    assert shipped.status_code == 200 and shipped.content.startswith(b"PK")
    assert "quyet-dinh-khen-thuong.docx" in shipped["Content-Disposition"]
