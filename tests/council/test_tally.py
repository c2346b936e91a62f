"""The council's count (tdkt.council.tally) as a table of cases, each citing its rule: the share is of ALL members of
the council, written votes of absent members counted; ≥ 90% for Anh hùng, CSTĐ toàn quốc and CSTĐ cấp tỉnh, ≥ 80% for
CSTĐCS, Cờ thi đua cấp tỉnh and Cờ của Chính phủ (Khoản 7 Điều 30 NĐ 98/2023/NĐ-CP, carried under NĐ 152/2025);
more than half of all members where no threshold is set; quorum 2/3 of members (DOMAIN.md §4)."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest

from tdkt.core.errors import DomainError
from tdkt.council.tally import parse_request, tally
from tdkt.law import catalogue as cat

FILE = cat.build(cat.read_file(), source="file")
DAY = dt.date(2025, 12, 20)
ART_30 = "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP"


def count(award, members, present, agree, disagree=0, *, catalogue=FILE, day=DAY):
    return tally(award=award, decided_on=day, members=members, present=present, agree=agree, disagree=disagree,
                 catalogue=catalogue)


@pytest.mark.parametrize(("award", "members", "present", "agree", "disagree", "share", "passed"), [
    pytest.param("CSTD_TINH", 10, 10, 9, 1, "90.00", True, id="Art 30(7) NĐ 98: CSTĐ cấp tỉnh, exactly 90% of all members passes"),
    pytest.param("CSTD_TINH", 10, 10, 8, 2, "80.00", False, id="Art 30(7) NĐ 98: CSTĐ cấp tỉnh, one vote short of 90% fails"),
    pytest.param("CSTD_TINH", 15, 12, 13, 1, "86.67", False, id="Art 30(7) NĐ 98: the issue's example, 13 of 15 is under 90%"),
    pytest.param("CSTD_TQ", 20, 20, 18, 2, "90.00", True, id="Art 30(7) NĐ 98: CSTĐ toàn quốc, 18 of 20 = 90% passes"),
    pytest.param("CSTD_TQ", 20, 20, 17, 3, "85.00", False, id="Art 30(7) NĐ 98: CSTĐ toàn quốc, 17 of 20 fails"),
    pytest.param("AH_LD", 30, 30, 27, 3, "90.00", True, id="Art 30(7) NĐ 98: Anh hùng Lao động, exactly 90% passes"),
    pytest.param("AH_LLVT", 30, 30, 26, 4, "86.67", False, id="Art 30(7) NĐ 98: Anh hùng LLVT, one vote short fails"),
    pytest.param("CSTDCS", 10, 10, 8, 2, "80.00", True, id="Art 30(7) NĐ 98: CSTĐCS, exactly 80% of all members passes"),
    pytest.param("CSTDCS", 10, 10, 7, 3, "70.00", False, id="Art 30(7) NĐ 98: CSTĐCS, one vote short of 80% fails"),
    pytest.param("CO_TINH", 15, 15, 12, 3, "80.00", True, id="Art 30(7) NĐ 98: Cờ thi đua cấp tỉnh, 12 of 15 = 80% passes"),
    pytest.param("CO_TINH", 15, 15, 11, 4, "73.33", False, id="Art 30(7) NĐ 98: Cờ thi đua cấp tỉnh, 11 of 15 fails"),
    pytest.param("CO_CP", 5, 5, 4, 1, "80.00", True, id="Art 30(7) NĐ 98: Cờ của Chính phủ, 4 of 5 = 80% passes"),
    pytest.param("CO_CP", 5, 5, 3, 2, "60.00", False, id="Art 30(7) NĐ 98: Cờ của Chính phủ, 3 of 5 fails"),
    pytest.param("CSTDCS", 10, 7, 8, 0, "80.00", True,
                 id="Art 30(7) NĐ 98: written votes of absent members count (7 present + 1 in writing = 80%)"),
    pytest.param("CSTDCS", 10, 7, 7, 0, "70.00", False,
                 id="Art 30(7) NĐ 98: the share is of all members, not of those present (7 of 7 present is 70%)"),
    pytest.param("LDTT", 10, 10, 6, 4, "60.00", True, id="DOMAIN §4: LĐTT has no national threshold, 6 of 10 is a majority"),
    pytest.param("LDTT", 10, 10, 5, 5, "50.00", False, id="DOMAIN §4: LĐTT, exactly half of all members is not a majority"),
    pytest.param("GIAY_KHEN", 9, 9, 5, 4, "55.56", True, id="DOMAIN §4: Giấy khen, 5 of 9 is more than half"),
    pytest.param("BK_TINH", 9, 6, 4, 2, "44.44", False, id="DOMAIN §4: Bằng khen, 4 of 9 all members is not a majority"),
])
def test_it_counts_the_share_of_all_members_against_the_threshold(award, members, present, agree, disagree, share, passed):
    result = count(award, members, present, agree, disagree)
    assert result.share_rounded == Decimal(share)
    assert result.quorum_met
    assert result.passed is passed
    assert result.rule.legal_basis


@pytest.mark.parametrize(("members", "present", "required", "met"), [
    pytest.param(15, 10, 10, True, id="DOMAIN §4: quorum 2/3 of 15 members is 10, 10 present is enough"),
    pytest.param(15, 9, 10, False, id="DOMAIN §4: 9 of 15 present is under 2/3"),
    pytest.param(10, 7, 7, True, id="DOMAIN §4: 2/3 of 10 is 6.67, rounded up to 7 members"),
    pytest.param(10, 6, 7, False, id="DOMAIN §4: 6 of 10 present is under 2/3"),
    pytest.param(3, 2, 2, True, id="DOMAIN §4: 2 of 3 is exactly 2/3"),
])
def test_it_requires_the_quorum_of_two_thirds_of_members(members, present, required, met):
    result = count("CSTDCS", members, present, agree=members, disagree=0)  # every member agrees, some in writing
    assert result.quorum_required == required
    assert result.quorum_met is met
    assert result.passed is met  # 100% agree does not pass without the quorum
    if not met:
        assert result.explanation.startswith("Không đủ túc số")


def test_it_cites_the_article_and_says_the_rule_needs_verification():
    result = count("CSTD_TINH", 15, 12, 13, 1)
    data = result.to_dict()
    assert data["legal_basis"].startswith(ART_30)
    assert data["needs_verification"] is True and data["rule"] == "award"
    assert data["quorum"] == {"required": 10, "present": 12, "met": True, "numerator": 2, "denominator": 3}
    assert data["share"] == 86.67 and data["threshold"] == 90.0 and data["passed"] is False
    assert result.explanation == "Không đạt: 13/15 phiếu đồng ý (86,67%), yêu cầu từ 90% tổng số thành viên Hội đồng trở lên."


def test_an_award_without_a_rule_gets_the_catalogues_default_simple_majority():
    # TTLDTT has no CouncilVotingRule: the setting council.voting.default applies (more than half, quorum 2/3).
    passed, failed = count("TTLDTT", 10, 7, 6, 1), count("TTLDTT", 10, 7, 5, 2)
    assert passed.rule.source == "default" and passed.passed and not failed.passed
    assert passed.quorum_required == 7
    assert "quá nửa" in passed.rule.legal_basis and passed.rule.needs_verification
    assert passed.rule.threshold_text == "trên 50% tổng số thành viên Hội đồng"


def test_the_default_is_catalogue_data_not_a_constant():
    data = cat.read_file()
    for row in data["settings"]:
        if row["key"] == "council.voting.default":
            row["value"] = {**row["value"], "threshold_percent": "75", "strictly_greater": False,
                            "quorum_numerator": 3, "quorum_denominator": 4}
    local = cat.build(data, source="test")
    result = count("TTLDTT", 8, 6, 6, 0, catalogue=local)
    assert result.passed and result.quorum_required == 6 and result.rule.threshold_percent == Decimal("75")
    assert not count("TTLDTT", 8, 6, 5, 0, catalogue=local).passed


def test_it_applies_the_rule_valid_on_the_session_date():
    data = copy.deepcopy(cat.read_file())
    rule = next(r for r in data["voting_rules"] if r["award"] == "CSTD_TINH")
    rule["valid_to"] = "2026-12-31"
    data["voting_rules"].append({**rule, "threshold_percent": "95", "valid_from": "2027-01-01", "valid_to": None,
                                 "legal_basis": "Quy tắc thử nghiệm từ năm 2027"})
    dated = cat.build(data, source="test")
    assert count("CSTD_TINH", 20, 20, 18, catalogue=dated, day=dt.date(2026, 12, 31)).passed
    later = count("CSTD_TINH", 20, 20, 18, catalogue=dated, day=dt.date(2027, 1, 1))
    assert not later.passed and later.rule.legal_basis == "Quy tắc thử nghiệm từ năm 2027"


VALID = {"award": "CSTD_TINH", "decided_on": "2025-12-20", "members": 15, "present": 12, "agree": 13, "disagree": 1}


@pytest.mark.parametrize(("change", "message"), [
    ({"agree": -1}, "Trường “agree”: không được là số âm (-1)."),
    ({"present": -3}, "Trường “present”: không được là số âm (-3)."),
    ({"present": 16}, "Số thành viên có mặt (16) lớn hơn tổng số thành viên Hội đồng (15)."),
    ({"agree": 14, "disagree": 2}, "Tổng số phiếu đồng ý và không đồng ý (16) lớn hơn tổng số thành viên Hội đồng (15)"),
    ({"members": 0, "present": 0, "agree": 0, "disagree": 0}, "Hội đồng phải có ít nhất một thành viên"),
    ({"members": "15"}, "Trường “members”: phải là số nguyên không âm."),
    ({"agree": 12.5}, "Trường “agree”: phải là số nguyên không âm."),
    ({"disagree": True}, "Trường “disagree”: phải là số nguyên không âm."),
    ({"decided_on": "20/12/2025"}, "Trường “decided_on”: ngày “20/12/2025” không hợp lệ"),
    ({"decided_on": "2025-02-30"}, "Trường “decided_on”: ngày “2025-02-30” không hợp lệ"),
    ({"award": "KHONG_CO"}, "mã danh hiệu/hình thức “KHONG_CO” không có trong danh mục"),
    ({"award": ""}, "Trường “award”: bắt buộc"),
    ({"votes": 3}, "Trường không được hỗ trợ: votes"),
])
def test_it_refuses_bad_input_with_a_vietnamese_message(change, message):
    body = {**VALID, **change}
    with pytest.raises(DomainError) as caught:
        tally(**parse_request(body), catalogue=FILE)
    assert message in caught.value.message


def test_it_names_the_missing_fields_and_refuses_what_is_not_an_object():
    with pytest.raises(DomainError, match="Thiếu trường bắt buộc: present, disagree"):
        parse_request({k: v for k, v in VALID.items() if k not in ("present", "disagree")})
    with pytest.raises(DomainError, match="phải là một đối tượng JSON"):
        parse_request([VALID])


def test_a_date_before_any_regime_is_refused_in_vietnamese():
    with pytest.raises(DomainError, match="Danh mục chưa có chế độ pháp lý áp dụng ngày 01/01/1980"):
        count("TTLDTT", 10, 10, 10, day=dt.date(1980, 1, 1))
