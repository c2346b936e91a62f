"""Reward money: coefficient × multiplier (forms) × base salary on the decision date, rounded (NĐ 152/2025 Điều 49–54)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from tdkt.core.errors import DomainError
from tdkt.law import catalogue as cat
from tdkt.law.money import reward_compute

from .helpers import FILE_CATALOGUE

D = dt.date.fromisoformat


@pytest.mark.parametrize(("award", "subject", "decided_on", "raw", "amount", "words"), [
    pytest.param("LDTT", "individual", "2025-12-20", 702_000, 700_000, "Bảy trăm nghìn đồng",
                 id="Điều 50 NĐ 152: LĐTT 0.3 × 2,340,000 = 702,000, nearest ten thousand"),
    pytest.param("BK_TINH", "household", "2026-08-01", 5_692_500, 5_690_000, "Năm triệu sáu trăm chín mươi nghìn đồng",
                 id="NĐ 152: Bằng khen for a household 1.5 × 1.5 × 2,530,000"),
    pytest.param("CSTD_TINH", "individual", "2025-12-20", 7_020_000, 7_020_000, "Bảy triệu không trăm hai mươi nghìn đồng",
                 id="Điều 50 NĐ 152: CSTĐ cấp tỉnh 3.0 × 2,340,000"),
    pytest.param("TTLDXS", "collective", "2025-12-20", 3_510_000, 3_510_000, "Ba triệu năm trăm mười nghìn đồng",
                 id="Điều 50 NĐ 152: a collective title's coefficient is already the collective's"),
    pytest.param("GIAY_KHEN", "collective", "2025-12-20", 1_404_000, 1_400_000, "Một triệu bốn trăm nghìn đồng",
                 id="NĐ 152: Giấy khen for a collective 2 × 0.3"),
    pytest.param("BK_TINH", "individual", "2025-03-01", 2_340_000, 2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng",
                 id="NĐ 98 period: Bằng khen 1.0 [U]"),
    pytest.param("CSTDCS", "individual", "2024-03-01", 1_800_000, 1_800_000, "Một triệu tám trăm nghìn đồng",
                 id="base salary on the decision date: 1,800,000 before 1/7/2024"),
])
def test_it_computes_the_reward(award, subject, decided_on, raw, amount, words):
    result = reward_compute(award_code=award, subject_kind=subject, decided_on=D(decided_on), catalogue=FILE_CATALOGUE)
    assert result.raw_amount == raw
    assert result.amount == amount
    assert result.words == words
    assert result.legal_basis


def test_it_uses_the_commune_chairs_coefficient_before_july_2025():
    before = reward_compute(award_code="GIAY_KHEN", subject_kind="individual", decided_on=D("2025-06-30"), issuer="commune_chair",
                            catalogue=FILE_CATALOGUE)
    after = reward_compute(award_code="GIAY_KHEN", subject_kind="individual", decided_on=D("2025-07-01"), issuer="commune_chair",
                           catalogue=FILE_CATALOGUE)
    assert before.coefficient == Decimal("0.15") and before.amount == 350_000  # 351,000
    assert after.coefficient == Decimal("0.3") and after.amount == 700_000


def test_it_rounds_up_when_the_setting_says_so():
    data = cat.read_file()
    for row in data["settings"]:
        if row["key"] == "money.rounding_mode":
            row["value"] = "up"
    result = reward_compute(award_code="LDTT", subject_kind="individual", decided_on=D("2025-12-20"),
                            catalogue=cat.build(data, source="test"))
    assert result.amount == 710_000
    assert result.words == "Bảy trăm mười nghìn đồng"


def test_it_pays_nothing_for_a_cultured_family():
    result = reward_compute(award_code="GDVH", subject_kind="household", decided_on=D("2025-12-20"), catalogue=FILE_CATALOGUE)
    assert result.amount == 0
    assert "không kèm tiền thưởng" in result.message


@pytest.mark.parametrize(("award", "subject", "decided_on", "text"), [
    pytest.param("NOPE", "individual", "2025-12-20", "“NOPE” không có trong danh mục", id="unknown award"),
    pytest.param("LDTT", "collective", "2025-12-20", "không xét tặng cho tập thể", id="title for the wrong subject"),
    pytest.param("LDTT", "individual", "2019-01-01", "Danh mục chưa có mức lương cơ sở áp dụng ngày 01/01/2019", id="no base salary that day"),
    pytest.param("HC_TNXP", "individual", "2025-12-20", "chưa có hệ số tiền thưởng của Huy chương Thanh niên xung phong vẻ vang áp dụng ngày 20/12/2025 (cần xác minh)", id="no coefficient known [U]"),
])
def test_it_explains_what_it_cannot_compute(award, subject, decided_on, text):
    try:
        result = reward_compute(award_code=award, subject_kind=subject, decided_on=D(decided_on), catalogue=FILE_CATALOGUE)
    except DomainError as exc:
        assert text.lower() in exc.message.lower()
    else:
        assert result.amount == 0 and text in result.message


def test_it_reports_the_parts_of_the_sum():
    result = reward_compute(award_code="BK_TINH", subject_kind="household", decided_on=D("2026-08-01"), catalogue=FILE_CATALOGUE)
    data = dataclasses.asdict(result)
    assert (data["coefficient"], data["multiplier"], data["base_salary"]) == (Decimal("1.5"), Decimal("1.5"), 2_530_000)
    assert result.rounding == "nearest 10000"
