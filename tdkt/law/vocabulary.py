"""The words of the law, defined once: ratings, disciplines, initiative scopes, subject kinds, verdicts, check
results. Every screen, spreadsheet, message and form reads its labels here.

Which codes are valid, and in which order, is the catalogue's (`rating.order`, `discipline.order`,
`initiative.scopes`: dated data, it may change with the law); their names are here. A code the catalogue
gains before this module knows it is shown by its code (`label`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.TextChoices):
    """Mức độ hoàn thành nhiệm vụ (NĐ 90/2020), best first."""

    HTXSNV = "HTXSNV", _("Hoàn thành xuất sắc nhiệm vụ")
    HTTNV = "HTTNV", _("Hoàn thành tốt nhiệm vụ")
    HTNV = "HTNV", _("Hoàn thành nhiệm vụ")
    KHTNV = "KHTNV", _("Không hoàn thành nhiệm vụ")


class DisciplineForm(models.TextChoices):
    """Hình thức kỷ luật, lightest first."""

    KHIEN_TRACH = "KHIEN_TRACH", _("Khiển trách")
    CANH_CAO = "CANH_CAO", _("Cảnh cáo")
    HA_BAC_LUONG = "HA_BAC_LUONG", _("Hạ bậc lương")
    GIANG_CHUC = "GIANG_CHUC", _("Giáng chức")
    CACH_CHUC = "CACH_CHUC", _("Cách chức")
    BUOC_THOI_VIEC = "BUOC_THOI_VIEC", _("Buộc thôi việc")


class InitiativeScope(models.TextChoices):
    """Phạm vi ảnh hưởng của sáng kiến, đề tài."""

    CO_SO = "CO_SO", _("Cấp cơ sở")
    TINH = "TINH", _("Cấp tỉnh, bộ, ngành")
    TOAN_QUOC = "TOAN_QUOC", _("Toàn quốc")


class TrainingResult(models.TextChoices):
    """Kết quả học tập của khóa đào tạo, bồi dưỡng, best first."""

    XUAT_SAC = "XUAT_SAC", _("Xuất sắc")
    GIOI = "GIOI", _("Giỏi")
    KHA = "KHA", _("Khá")
    TRUNG_BINH_KHA = "TRUNG_BINH_KHA", _("Trung bình khá")
    TRUNG_BINH = "TRUNG_BINH", _("Trung bình")
    YEU = "YEU", _("Yếu")


class SubjectKind(models.TextChoices):
    """Đối tượng được xét khen thưởng."""

    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")
    VILLAGE = "village", _("Thôn, tổ dân phố")
    COMMUNE = "commune", _("Xã, phường, đặc khu")


class RoundKind(models.TextChoices):
    """Loại đợt xét khen thưởng (Điều 84, 85 Luật Thi đua, khen thưởng 2022); the components each kind requires are
    the catalogue's `dossier.components.<KIND>`."""

    ANNUAL = "ANNUAL", _("Thường xuyên (tổng kết năm)")
    THEMATIC = "THEMATIC", _("Chuyên đề, theo đợt")
    ADHOC = "ADHOC", _("Đột xuất")
    MERIT = "MERIT", _("Quá trình cống hiến")
    SENIORITY = "SENIORITY", _("Niên hạn")
    FOREIGN = "FOREIGN", _("Đối ngoại")
    RESISTANCE = "RESISTANCE", _("Thành tích kháng chiến")


class DossierComponent(models.TextChoices):
    """Thành phần hồ sơ đề nghị khen thưởng."""

    TO_TRINH = "TO_TRINH", _("Tờ trình đề nghị khen thưởng")
    DANH_SACH = "DANH_SACH", _("Danh sách đề nghị khen thưởng")
    BIEN_BAN = "BIEN_BAN", _("Biên bản họp bình xét (kèm kết quả biểu quyết)")
    BAO_CAO = "BAO_CAO", _("Báo cáo thành tích")
    BAO_CAO_TOM_TAT = "BAO_CAO_TOM_TAT", _("Báo cáo tóm tắt thành tích")
    XAC_NHAN_SANG_KIEN = "XAC_NHAN_SANG_KIEN", _("Giấy chứng nhận hoặc xác nhận sáng kiến, đề tài")
    XAC_NHAN_THANH_TICH = "XAC_NHAN_THANH_TICH", _("Văn bản xác nhận thành tích đột xuất")
    TO_KHAI = "TO_KHAI", _("Bản khai thành tích kháng chiến")
    GIAY_TO_CHUNG_MINH = "GIAY_TO_CHUNG_MINH", _("Giấy tờ chứng minh quá trình tham gia kháng chiến")


ANY_SUBJECT = ("any", _("Mọi đối tượng"))  # a coefficient row for every subject


class Verdict(models.TextChoices):
    ELIGIBLE = "eligible", _("Đủ điều kiện")
    NOT_ELIGIBLE = "not_eligible", _("Chưa đủ điều kiện")
    NEEDS_REVIEW = "needs_review", _("Cần xem xét thêm")


class CheckResult(models.TextChoices):
    PASS = "pass", _("Đạt")
    FAIL = "fail", _("Không đạt")
    CANNOT_JUDGE = "cannot_judge", _("Chưa đủ dữ liệu để đánh giá")


# Criteria the unit attests (phẩm chất chính trị, đạo đức, lối sống…): the engine lists them as passed so that they
# never block, but the system computes nothing; a screen shows them with this neutral mark, never as "Đạt".
ATTESTED = "attested"
ATTESTED_LABEL = _("Đơn vị xác nhận")
ATTESTED_CHECKS = frozenset({"ATTESTATION"})


def check_shown(code: str, result: str) -> str:
    """How a check is shown: its result, or ATTESTED for a criterion the unit attests."""
    return ATTESTED if code in ATTESTED_CHECKS else result


_LABELS: dict[type[models.TextChoices], dict[str, str]] = {}


def label(choices: type[models.TextChoices], code: str | None) -> str:
    """The Vietnamese name of a code of one vocabulary, or the code itself when unknown."""
    if code is None:
        return ""
    names = _LABELS.get(choices)
    if names is None:
        names = _LABELS[choices] = dict(choices.choices)
    return str(names.get(code, code))


def in_sentence(text: str) -> str:
    """A label as it reads inside a sentence: 'Xã, phường, đặc khu' → 'xã, phường, đặc khu'."""
    return text[:1].lower() + text[1:] if text else text


def subject_in_sentence(kind: str) -> str:
    return in_sentence(label(SubjectKind, kind))


def scope_in_sentence(scope: str) -> str:
    """'cấp tỉnh, bộ, ngành' (as in "sáng kiến phạm vi cấp tỉnh, bộ, ngành")."""
    return in_sentence(label(InitiativeScope, scope))


# The request fields a check may find missing (`facts["missing"]` of a check that cannot judge): their names as an
# officer fills them in (the panel asks for them, the batch run counts the people lacking them).
MISSING_FACTS = {
    "subject.recruited_on": _("Ngày tuyển dụng (hoặc ngày bắt đầu công tác liên tục)"),
    "history.ratings": _("Xếp loại mức độ hoàn thành nhiệm vụ của năm"),
    "history.work_years.days_off": _("Số ngày nghỉ làm việc trong năm"),
    "history.work_years.training.result": _("Kết quả học tập của khóa đào tạo, bồi dưỡng"),
    "history.work_years.transfer.months": _("Số tháng công tác ở đơn vị cũ"),
    "history.work_years.transfer.comment": _("Ý kiến nhận xét của đơn vị cũ"),
}


def missing_fact_label(field: str) -> str:
    return str(MISSING_FACTS.get(field, field))


def missing_facts(checks) -> list[str]:
    """The fields the checks that cannot judge ask for, once each, in the checks' order."""
    out: list[str] = []
    for check in checks:
        if check.result == "cannot_judge":
            for field in check.facts.get("missing", ()):
                if field not in out:
                    out.append(field)
    return out


class OpinionAgency(models.TextChoices):
    """Cơ quan được lấy ý kiến hiệp y, xác nhận về người, tập thể được đề nghị khen thưởng (PROCEDURES §3); which
    awards and subjects need which is the catalogue's `opinion.requirements`."""

    PARTY = "PARTY", _("Cấp ủy Đảng")
    INSPECTION = "INSPECTION", _("Thanh tra (khiếu nại, tố cáo)")
    POLICE = "POLICE", _("Công an")
    TAX = "TAX", _("Cơ quan thuế")
    SOCIAL_INSURANCE = "SOCIAL_INSURANCE", _("Bảo hiểm xã hội")
    ENVIRONMENT = "ENVIRONMENT", _("Nông nghiệp và Môi trường")
    LABOUR_SAFETY = "LABOUR_SAFETY", _("An toàn, vệ sinh lao động")
    HEALTH = "HEALTH", _("Y tế (an toàn thực phẩm)")
    RESIDENCE = "RESIDENCE", _("UBND xã, phường nơi cư trú")
    INITIATIVE_COUNCIL = "INITIATIVE_COUNCIL", _("Hội đồng sáng kiến")


# The key of `opinion.requirements` for an individual who heads a unit (thủ trưởng đơn vị: budget and social-insurance
# confirmations), in addition to the individual's own.
OPINION_LEADER = "leader"


class HoldKind(models.TextChoices):
    """Why a nominee's award is held (NĐ 152/2025 Điều 4 khoản 4: not considered while it is pending)."""

    COMPLAINT = "COMPLAINT", _("Đang có khiếu nại chưa giải quyết")
    DENUNCIATION = "DENUNCIATION", _("Đang có tố cáo chưa giải quyết")
    INSPECTION = "INSPECTION", _("Đang bị thanh tra, kiểm tra")
    INVESTIGATION = "INVESTIGATION", _("Đang bị điều tra")
    DISCIPLINE = "DISCIPLINE", _("Đang xem xét kỷ luật")
    PRESS = "PRESS", _("Có phản ánh của báo chí, dư luận đang xác minh")
