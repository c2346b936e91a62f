"""Commendation rounds (đợt xét khen thưởng) and the nomination dossiers (hồ sơ đề nghị khen thưởng) units prepare in
them, with their nominees. A round is opened by the standing office of a level (its unit); a dossier belongs to a
proposing unit of the round's subtree and moves along `workflow.DOSSIER`; a nominee is a person, a collective or a
household proposed for one title or form, with the engine's verdict kept beside it."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.law import vocabulary as vocab
from tdkt.org.subjects import SubjectMixin

# Unambiguous letters and digits (no 0/O, 1/I/L): read aloud and typed from paper.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACKING_LENGTH = 10


def new_tracking_code() -> str:
    """A short unguessable public code (31^10 ≈ 8·10^14)."""
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


# The subject of a nominee (and of a hold): exactly one of these, read together with the nominee.
SUBJECT_RELATED = ("person", "person__unit", "unit", "household", "household__village")


def subject_related(prefix: str) -> tuple[str, ...]:
    """`SUBJECT_RELATED` under a relation to the nominee, e.g. "nominee__" for a comment's or an attachment's."""
    return tuple(prefix + path for path in SUBJECT_RELATED)


def subject_name(subject) -> str:
    """How a nominee's subject is named in lists: a person's full name, a unit's name, "Hộ <head of household>"."""
    if subject is None:
        return ""
    return getattr(subject, "full_name", None) or getattr(subject, "name", None) or str(subject)


def subject_key(obj) -> tuple[str, int]:
    """("person", id), ("unit", id) or ("household", id) of a nominee or a hold (anything with the three ids)."""
    for name in ("person", "unit", "household"):
        value = getattr(obj, f"{name}_id", None)
        if value is not None:
            return name, value
    raise ValueError("no subject")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Đang nhận hồ sơ")
    CLOSED = "closed", _("Đã đóng")


class Round(models.Model):
    """Đợt xét khen thưởng of a level: its kind (catalogue `round.kinds`), the awards it covers, the units invited and
    the intake window."""

    office_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Cấp tổ chức xét"),
                                    help_text=_("Đơn vị có cơ quan thường trực nhận và thẩm định hồ sơ"))
    year = models.PositiveSmallIntegerField(_("Năm"))
    kind = models.CharField(_("Loại đợt xét"), max_length=16, choices=vocab.RoundKind.choices)
    title = models.CharField(_("Tên đợt xét"), max_length=255)
    awards = models.JSONField(_("Danh hiệu, hình thức được đề nghị"), default=list)
    invited = models.ManyToManyField("org.Unit", related_name="+", blank=True, verbose_name=_("Đơn vị được đề nghị"))
    intake_from = models.DateField(_("Nhận hồ sơ từ ngày"))
    intake_to = models.DateField(_("Hạn nộp hồ sơ"))
    status = models.CharField(_("Trạng thái"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người tạo"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Đợt xét khen thưởng")
        verbose_name_plural = _("Đợt xét khen thưởng")
        ordering = ["-year", "-intake_to", "id"]

    def __str__(self) -> str:
        return self.title


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RECEIVED = "received", _("Đã tiếp nhận")
    RETURNED = "returned", _("Trả lại để bổ sung")
    RESUBMITTED = "resubmitted", _("Đã gửi lại sau bổ sung")
    UNDER_APPRAISAL = "under_appraisal", _("Đang thẩm định")
    AWAITING_OPINIONS = "awaiting_opinions", _("Chờ ý kiến hiệp y")
    IN_CONSULTATION = "in_consultation", _("Đang lấy ý kiến công khai")
    READY_FOR_COUNCIL = "ready_for_council", _("Sẵn sàng trình Hội đồng")
    WITHDRAWN = "withdrawn", _("Đơn vị đã rút")
    REJECTED = "rejected", _("Không chấp nhận")


class DossierOrigin(models.TextChoices):
    LOCAL = "", _("Lập tại hệ thống này")
    FORWARDED = "forwarded", _("Cấp dưới chuyển lên (cùng hệ thống)")
    IMPORTED = "imported", _("Nhập từ gói hồ sơ của hệ thống khác")


class Dossier(models.Model):
    """Hồ sơ đề nghị khen thưởng of a proposing unit inside a round. An incoming dossier of a higher level carries its
    origin (decisions.forwarding / decisions.exchange): the lower level's dossier it was forwarded from (the link back
    is `forwarded_to`), or the package it was imported from (its sender, reference and digest)."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="dossiers", verbose_name=_("Đợt xét"))
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Đơn vị đề nghị"))
    title = models.CharField(_("Trích yếu"), max_length=255)
    status = models.CharField(_("Trạng thái"), max_length=20, choices=DossierStatus.choices, default=DossierStatus.DRAFT)
    tracking_code = models.CharField(_("Mã tra cứu"), max_length=16, unique=True, default=new_tracking_code, editable=False)
    submitted_on = models.DateField(_("Ngày gửi"), null=True, blank=True)
    received_on = models.DateField(_("Ngày tiếp nhận đủ hồ sơ"), null=True, blank=True,
                                   help_text=_("Hồ sơ được xét theo quy định có hiệu lực vào ngày này"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người lập"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    origin = models.CharField(_("Nguồn hồ sơ"), max_length=10, choices=DossierOrigin.choices, default=DossierOrigin.LOCAL, blank=True)
    forwarded_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="forwarded_to",
                                       verbose_name=_("Chuyển lên từ hồ sơ"))
    origin_name = models.CharField(_("Nơi gửi"), max_length=255, blank=True)
    origin_reference = models.CharField(_("Số hiệu hồ sơ gốc"), max_length=64, blank=True)
    origin_digest = models.CharField(_("Mã kiểm tra gói hồ sơ (SHA-256)"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("Hồ sơ đề nghị khen thưởng")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["round", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def editable(self) -> bool:
        """Nominees are added and changed while the unit holds the dossier (draft, or returned for supplement)."""
        return self.status in (DossierStatus.DRAFT, DossierStatus.RETURNED)


class Nominee(models.Model):
    """A person, a collective (unit) or a household proposed in a dossier for one title or form, with the engine's verdict at the time it
    was last evaluated (`checks`: the result's checks as JSON) and the officer's justification for proposing someone
    the engine finds not eligible."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="nominees", verbose_name=_("Hồ sơ"))
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("Cá nhân"))
    # A nominee is one subject; the collective's and the household's columns are indexed where set (partial indexes:
    # a list of thousands of people adds no entry to them).
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("Tập thể"), db_index=False)
    household = models.ForeignKey("org.Household", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                  verbose_name=_("Hộ gia đình"), db_index=False)
    award_code = models.CharField(_("Danh hiệu, hình thức đề nghị"), max_length=40)
    summary = models.TextField(_("Tóm tắt thành tích"), blank=True, max_length=4000)
    justification = models.TextField(_("Lý do đề nghị dù chưa đủ điều kiện"), blank=True, max_length=4000)
    verdict = models.CharField(_("Kết quả xét điều kiện"), max_length=20, blank=True)
    checks = models.JSONField(_("Các tiêu chí"), default=list, blank=True)
    regime = models.CharField(_("Quy định áp dụng"), max_length=40, blank=True)
    evaluated_at = models.DateTimeField(_("Xét lúc"), null=True, blank=True)
    withdrawn = models.BooleanField(_("Đã rút khỏi hồ sơ"), default=False)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    # An incoming dossier's nominee: the lower level's nominee it was forwarded from (decisions.forwarding), and for a
    # subject this installation does not know (an imported package's person, collective or household that matched
    # nobody here) its name and what the package says of it: an external nominee, without a local subject.
    forwarded_from = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="forwarded_to",
                                       db_index=False, verbose_name=_("Chuyển lên từ"))  # a partial index (Meta): set on few rows
    external_name = models.CharField(_("Tên (người, tập thể ngoài hệ thống)"), max_length=255, blank=True)
    external_data = models.JSONField(_("Thông tin theo gói hồ sơ"), default=dict, blank=True)
    # The history is read by nominee (its id) and by date, never by dossier or subject: no index on those (each costs
    # every imported list's history rows their upkeep; the nominee table keeps its own).
    history = HistoricalRecords(no_db_index=["dossier", "person", "unit", "household", "forwarded_from"])

    class Meta:
        verbose_name = _("Người, tập thể được đề nghị")
        verbose_name_plural = _("Người, tập thể được đề nghị")
        ordering = ["id"]
        constraints = [models.CheckConstraint(
            condition=SubjectMixin.one_subject_constraint("x").condition
            | models.Q(person__isnull=True, unit__isnull=True, household__isnull=True) & ~models.Q(external_name=""),
            name="nominations_nominee_one_subject")]
        indexes = [models.Index(fields=["unit"], condition=models.Q(unit__isnull=False), name="nominations_nominee_unit"),
                   models.Index(fields=["household"], condition=models.Q(household__isnull=False), name="nominations_nominee_household"),
                   models.Index(fields=["forwarded_from"], condition=models.Q(forwarded_from__isnull=False),
                                name="nominations_nominee_forwarded")]

    @property
    def subject(self):
        return self.person if self.person_id else (self.unit if self.unit_id else self.household)

    @property
    def subject_kind(self) -> str:
        """The law's subject kind (individual, collective, village, commune, household), as the catalogue reads it."""
        if self.is_external:
            return str((self.external_data or {}).get("kind", ""))
        from tdkt.records.catalogue import subject_kind_of

        return subject_kind_of(person=self.person, unit=self.unit, household=self.household)

    @property
    def is_external(self) -> bool:
        """A nominee of an imported package whom this installation does not know (no ledger here)."""
        return not (self.person_id or self.unit_id or self.household_id)

    @property
    def name(self) -> str:
        return subject_name(self.subject) if not self.is_external else self.external_name

    def __str__(self) -> str:
        return f"{self.name} — {self.award_code}"


from .models_consultation import Comment, CommentStatus, Consultation  # noqa: E402, F401  (public consultation)
from .models_opinions import Hold, OpinionRequest  # noqa: E402,F401  (agency opinions and holds, issue 13 point 6)
from .models_work import Appraisal, Attachment, Conclusion, ReturnItem  # noqa: E402,F401  (files, appraisals, return items)
