"""Batch eligibility runs: one row per run (its state, on the workflow of `workflow.py`, and its progress), one row
per person (the verdicts of the run's titles), and the run's distinct results, kept whole (`BatchResult`).

The titles a run evaluates come from the catalogue (`AwardType.batch_order`) and are stored on the run, so a
title joins the batch without a migration: a row's verdicts are a JSON object {code: verdict}.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.law.stored import StoredResult


class BatchRunStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class BatchRun(models.Model):
    """A batch eligibility run over a unit's subtree for a year. Progress is `processed` of `total` people."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Đơn vị"))
    year = models.PositiveSmallIntegerField(_("Năm xét"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Người yêu cầu")
    )
    status = models.CharField(_("Trạng thái"), max_length=10, choices=BatchRunStatus.choices, default=BatchRunStatus.QUEUED)
    titles = models.JSONField(_("Danh hiệu được xét"), default=list, blank=True)  # codes, in the batch's order
    catalogue_version = models.CharField(_("Phiên bản danh mục"), max_length=20, blank=True)
    total = models.PositiveIntegerField(_("Tổng số cá nhân"), default=0)
    processed = models.PositiveIntegerField(_("Đã xét"), default=0)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("Bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Kết thúc"), null=True, blank=True)
    error = models.TextField(_("Lỗi"), blank=True)
    summary = models.JSONField(_("Tổng hợp"), default=dict, blank=True)  # {code: {verdict: count}}
    # {request field: the number of people for whom a check could not judge without it} (law.vocabulary.MISSING_FACTS)
    missing_facts = models.JSONField(_("Số cá nhân thiếu dữ liệu"), default=dict, blank=True)
    quota_note = models.CharField(_("Tỷ lệ CSTĐCS"), max_length=500, blank=True)
    result_file = models.FileField(_("Tệp kết quả"), upload_to="reports/batch/", blank=True)

    class Meta:
        verbose_name = _("Lượt xét điều kiện hàng loạt")
        verbose_name_plural = _("Lượt xét điều kiện hàng loạt")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Xét điều kiện hàng loạt năm {self.year} — {self.unit}"

    @property
    def percent(self) -> int:
        if self.status == BatchRunStatus.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.processed * 100 / self.total))

    @property
    def requester_name(self) -> str:
        """Who asked for the run ("" once the account is gone)."""
        user = self.requested_by
        return (user.get_full_name() or user.username) if user is not None else ""

    @property
    def is_finished(self) -> bool:
        return self.status in (BatchRunStatus.DONE, BatchRunStatus.FAILED)


class BatchResult(StoredResult):
    """One distinct result of a run (people with the same history signature share it), numbered in the run."""

    run = models.ForeignKey(BatchRun, on_delete=models.CASCADE, related_name="results", verbose_name=_("Lượt xét"))
    key = models.PositiveIntegerField(_("Số thứ tự trong lượt xét"))

    class Meta:
        verbose_name = _("Kết quả xét (tiêu chí)")
        verbose_name_plural = _("Kết quả xét (tiêu chí)")
        constraints = [models.UniqueConstraint(fields=["run", "key"], name="reports_result_run_key")]

    def __str__(self) -> str:
        return f"{self.run} — kết quả số {self.key}"


class BatchRunRow(models.Model):
    """One person's verdicts in a run, with a snapshot of what the list shows (name, unit, birth date).

    verdicts: {title code: verdict}; results: {title code: key of its BatchResult}; notes: {title code: [text]}
    added by the batch itself (the CSTĐCS quota)."""

    run = models.ForeignKey(BatchRun, on_delete=models.CASCADE, related_name="rows", verbose_name=_("Lượt xét"))
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("Cá nhân"))
    full_name = models.CharField(_("Họ và tên"), max_length=150)
    name_sort_key = models.CharField(max_length=600)
    unit_name = models.CharField(_("Đơn vị"), max_length=255)
    date_of_birth = models.DateField(_("Ngày sinh"), null=True, blank=True)
    verdicts = models.JSONField(_("Kết quả"), default=dict)
    results = models.JSONField(_("Kết quả chi tiết"), default=dict)
    notes = models.JSONField(_("Ghi chú của lượt xét"), default=dict, blank=True)
    legacy_reasons = models.TextField(_("Lý do (lượt xét trước khi lưu tiêu chí)"), blank=True)

    class Meta:
        verbose_name = _("Kết quả xét của cá nhân")
        verbose_name_plural = _("Kết quả xét của cá nhân")
        ordering = ["name_sort_key", "person_id"]
        indexes = [models.Index(fields=["run", "name_sort_key", "person"], name="reports_row_run_order")]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.run}"

    def verdict_list(self, titles) -> list[tuple[str, str]]:
        return [(code, self.verdicts.get(code, "")) for code in titles]
