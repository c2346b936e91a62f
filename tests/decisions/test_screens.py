"""The screens of forwarding and exchange: the ward's office forwards from the dossier page, the province's office finds
the incoming dossier in its inbox with its origin, the original shows the link; the package is downloaded from the
dossier page and uploaded on the round page; refusals are Vietnamese form errors."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tdkt.nominations.models import Dossier


def _box(html: str, pk: int) -> str:
    """The check box of a nominee on the forwarding form."""
    return next(tag for tag in re.findall(r"<input[^>]*>", html) if 'name="nominees"' in tag and f'value="{pk}"' in tag)


def test_the_ward_office_forwards_from_the_dossier_page_and_the_province_sees_it(client, received, province_round, province_office,
                                                                                personas):
    client.force_login(personas["appraiser"])
    page = client.get(reverse("nominations:dossier_detail", args=[received.pk])).content.decode()
    assert 'data-testid="forwarding-panel"' in page and "Vượt thẩm quyền của cấp này" in page and "Nguyễn Văn An" in page
    form = client.get(reverse("decisions:forward", args=[received.pk])).content.decode()
    an = received.nominees.get(person__full_name="Nguyễn Văn An")
    binh = received.nominees.get(person__full_name="Trần Thị Bình")
    assert "checked" in _box(form, an.pk) and "checked" not in _box(form, binh.pk)  # preselected: beyond the ward's authority
    empty = client.post(reverse("decisions:forward", args=[received.pk]), data={"target_round": province_round.pk})
    assert "Hãy chọn ít nhất một người, tập thể để chuyển lên cấp trên." in empty.content.decode()
    done = client.post(reverse("decisions:forward", args=[received.pk]), data={"target_round": province_round.pk, "nominees": [an.pk]},
                       follow=True)
    text = done.content.decode()
    assert "Đã chuyển 1 người, tập thể lên Thành phố Hà Nội" in text and 'data-testid="dossier-forwarded-to"' in text
    incoming = Dossier.objects.get(forwarded_from=received)

    client.force_login(province_office)
    inbox = client.get(reverse("nominations:index")).content.decode()
    assert incoming.title in inbox and "Cấp dưới chuyển lên" in inbox
    detail = client.get(reverse("nominations:dossier_detail", args=[incoming.pk])).content.decode()
    assert "Hồ sơ do Phường Đống Đa chuyển lên" in detail and received.tracking_code in detail
    assert "Tiếp nhận hồ sơ" in detail  # received like any submitted dossier


def test_the_package_is_downloaded_on_the_dossier_page_and_uploaded_on_the_round_page(client, received, province_round,
                                                                                      province_office, personas):
    client.force_login(personas["appraiser"])
    download = client.get(reverse("decisions:export", args=[received.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert f"goi-ho-so-{received.tracking_code}.zip" in download["Content-Disposition"]
    client.force_login(province_office)
    round_page = client.get(reverse("nominations:round_detail", args=[province_round.pk])).content.decode()
    assert 'data-testid="import-panel"' in round_page
    url = reverse("decisions:import", args=[province_round.pk])
    refused = client.post(url, data={"package": SimpleUploadedFile("goi.zip", b"not a zip")})
    assert "Gói hồ sơ bị từ chối: tệp không phải là gói hồ sơ dạng .zip" in refused.content.decode()
    assert not Dossier.objects.filter(round=province_round).exists()
    done = client.post(url, data={"package": SimpleUploadedFile("goi.zip", download.content)}, follow=True)
    text = done.content.decode()
    assert "Đã nhập gói hồ sơ của Phường Đống Đa: 2 người, tập thể" in text and "Hồ sơ nhập từ gói hồ sơ của Phường Đống Đa" in text


def test_the_panels_are_not_shown_to_whom_may_not_act(client, received, province_round, personas):
    client.force_login(personas["officer_a"])
    page = client.get(reverse("nominations:dossier_detail", args=[received.pk])).content.decode()
    assert 'data-testid="forwarding-panel"' not in page
    client.force_login(personas["appraiser"])  # the ward's office: not the province's round
    assert client.get(reverse("nominations:round_detail", args=[province_round.pk])).status_code in (200, 404)
    assert client.get(reverse("decisions:import", args=[province_round.pk])).status_code in (403, 404)
