"""The amendment screens: from the issued decision's page "Sửa đổi, bổ sung quyết định" → the reason and date → the
draft, whose page adds a corrected line ("Sửa đổi dòng") or a nominee left out ("Bổ sung") and shows the new money, the
money recovered and the net; then submit and the chair's confirmation; the amended decision lists its amendment and the
person's profile shows the replaced award struck through with the amending decision's number."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.decisions.models import Decision, DecisionKind, DecisionStatus
from tdkt.records.models import AwardRecord
from tests.decisions.test_amendments import issued, left_out  # noqa: F401  (fixtures)
from tests.decisions.test_decisions import numbering  # noqa: F401  (a fixture)


def _amend(client, decision, reason="Ghi nhầm danh hiệu của bà Trần Thị Bình", day="29/12/2025"):
    return client.post(reverse("decisions:decision_amend", args=[decision.pk]), data={"reason": reason, "decided_on": day})


def test_the_office_amends_a_line_and_the_chair_signs(client, issued, personas, tree):  # noqa: F811
    client.force_login(personas["appraiser"])
    page = client.get(reverse("decisions:decision_detail", args=[issued.pk])).content.decode()
    assert 'data-testid="amend-decision"' in page and "Sửa đổi, bổ sung quyết định" in page
    assert client.get(reverse("decisions:decision_amend", args=[issued.pk])).status_code == 200
    no_reason = _amend(client, issued, reason="")
    assert "Phải ghi lý do sửa đổi, bổ sung quyết định." in no_reason.content.decode()
    assert not Decision.objects.filter(kind=DecisionKind.AMENDMENT).exists()
    done = _amend(client, issued)
    draft = Decision.objects.get(kind=DecisionKind.AMENDMENT)
    assert done.status_code == 302 and done["Location"] == reverse("decisions:decision_detail", args=[draft.pk])
    page = client.get(done["Location"]).content.decode()
    assert 'data-testid="replace-form"' in page and "Trần Thị Bình — LĐTT năm 2025" in page
    assert "Không còn ai được Hội đồng đề nghị mà chưa có trong quyết định." in page  # no supplement: everyone is in 01

    binh = issued.lines.get(name="Trần Thị Bình")
    add = reverse("decisions:decision_line_add", args=[draft.pk])
    bad = client.post(add, data={"mode": "replace", "replaces": binh.pk, "award_code": "CSTDCS", "year": "1900"})
    assert bad.status_code == 400 and "Năm thành tích phải từ 1945 đến 2025." in bad.content.decode()
    same = client.post(add, data={"mode": "replace", "replaces": binh.pk, "award_code": "LDTT", "year": "2025"})
    assert same.status_code == 400 and "Dòng sửa đổi phải khác dòng cũ" in same.content.decode()
    assert not draft.lines.exists()
    ok = client.post(add, data={"mode": "replace", "replaces": binh.pk, "award_code": "CSTDCS", "year": "2025"})
    assert ok.status_code == 302
    page = client.get(reverse("decisions:decision_detail", args=[draft.pk])).content.decode()
    assert "thay cho Lao động tiên tiến (2025) tại Quyết định số 01/QĐ-UBND" in page
    assert 'data-testid="new-total">2.340.000' in page and 'data-testid="recovered-total">700.000' in page
    assert 'data-testid="total">1.640.000' in page and "Một triệu sáu trăm bốn mươi nghìn đồng" in page
    assert "Số tiền chi thêm" in page
    assert "2. Trần Thị Bình — LĐTT năm 2025" not in page and "1. Nguyễn Văn An — CSTĐCS năm 2025" in page  # in force
    client.post(reverse("decisions:decision_act", args=[draft.pk]), data={"action": "submit"})

    client.force_login(personas["chair"])
    confirm = client.get(reverse("decisions:decision_sign", args=[draft.pk])).content.decode()
    assert "khen thưởng bị sửa đổi sẽ bị hủy bỏ" in confirm and "thu hồi tiền đã chi: 700.000 đồng" in confirm
    client.post(reverse("decisions:decision_sign", args=[draft.pk]), data={"confirm": "on"})
    draft.refresh_from_db()
    assert (draft.status, draft.number_text) == (DecisionStatus.ISSUED, "02/QĐ-UBND")

    client.force_login(personas["appraiser"])
    amended = client.get(reverse("decisions:decision_detail", args=[issued.pk])).content.decode()
    assert 'data-testid="corrections"' in amended and "Quyết định 02/QĐ-UBND" in amended and "Sửa đổi, bổ sung quyết định ·" in amended
    assert "theo Quyết định số 02/QĐ-UBND" in amended
    profile = client.get(reverse("records:person_detail", args=[tree.binh.pk])).content.decode()
    assert "<del>" in profile and "theo QĐ số 02/QĐ-UBND" in profile and "Sửa đổi theo Quyết định số 02/QĐ-UBND" in profile
    assert AwardRecord.objects.get(person=tree.binh, decision_number="02/QĐ-UBND").award_code == "CSTDCS"


def test_a_nominee_left_out_is_supplemented_from_the_page(client, left_out, personas, tree):  # noqa: F811
    client.force_login(personas["appraiser"])
    _amend(client, left_out, reason="Bổ sung người bị bỏ sót")
    draft = Decision.objects.get(kind=DecisionKind.AMENDMENT)
    page = client.get(reverse("decisions:decision_detail", args=[draft.pk])).content.decode()
    assert 'data-testid="supplement-form"' in page and "Trần Thị Bình — LĐTT năm 2025" in page
    add = reverse("decisions:decision_line_add", args=[draft.pk])
    empty = client.post(add, data={"mode": "supplement"})
    assert empty.status_code == 400 and "Hãy chọn người, tập thể được bổ sung." in empty.content.decode()
    nominee = draft.amends.session.items.get(nominee__person=tree.binh).nominee
    assert client.post(add, data={"mode": "supplement", "nominee": nominee.pk}).status_code == 302
    line = draft.lines.get()
    assert (line.person, line.award_code, line.amount, line.nominee) == (tree.binh, "LDTT", 700_000, nominee)


def test_no_amendment_button_for_a_reader_or_a_draft(client, issued, personas):  # noqa: F811
    client.force_login(personas["officer_a"])
    page = client.get(reverse("decisions:decision_detail", args=[issued.pk])).content.decode()
    assert 'data-testid="amend-decision"' not in page
    assert client.get(reverse("decisions:decision_amend", args=[issued.pk])).status_code == 403
    client.force_login(personas["appraiser"])
    _amend(client, issued)
    draft = Decision.objects.get(kind=DecisionKind.AMENDMENT)
    page = client.get(reverse("decisions:decision_detail", args=[draft.pk])).content.decode()
    assert 'data-testid="amend-decision"' not in page
    refused = client.post(reverse("decisions:decision_amend", args=[draft.pk]), data={"reason": "Lần nữa", "decided_on": "29/12/2025"})
    assert "Chỉ sửa đổi, bổ sung được một quyết định khen thưởng đã ban hành." in refused.content.decode()


@pytest.mark.parametrize("mode", ["replace", "supplement"])
def test_a_line_is_added_only_to_an_amendment_draft(client, issued, personas, mode):  # noqa: F811
    client.force_login(personas["appraiser"])
    response = client.post(reverse("decisions:decision_line_add", args=[issued.pk]), data={"mode": mode}, follow=True)
    assert "Chỉ thêm dòng vào dự thảo quyết định sửa đổi, bổ sung." in response.content.decode()


def test_an_amendment_that_takes_back_more_than_it_pays_is_listed_as_money_to_recover(client, issued, personas):  # noqa: F811
    client.force_login(personas["appraiser"])
    _amend(client, issued, reason="Ghi nhầm danh hiệu của ông Nguyễn Văn An")
    draft = Decision.objects.get(kind=DecisionKind.AMENDMENT)
    an = issued.lines.get(name="Nguyễn Văn An")  # CSTĐCS, 2.340.000 paid → LĐTT, 700.000
    client.post(reverse("decisions:decision_line_add", args=[draft.pk]),
                data={"mode": "replace", "replaces": an.pk, "award_code": "LDTT", "year": "2025"})
    draft.refresh_from_db()
    assert draft.total_amount == -1_640_000
    listing = client.get(reverse("decisions:decision_index")).content.decode()
    assert "phải thu về 1.640.000" in listing and "-1.640.000" not in listing
