"""Batch eligibility runs: one row per run (its progress) and one row per person (the verdicts)."""

from django.conf import settings
from django.db import models

# The titles evaluated per person, in ascending order: a title found eligible is fed, as "proposed in the
# same round", to the evaluation of the higher titles of the same year (DOMAIN.md §3, the year under review).
TITLE_CODES: tuple[str, ...] = ("LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH")
TITLE_LABELS: dict[str, str] = {
    "LDTT": "Lao động tiên tiến",
    "CSTDCS": "Chiến sĩ thi đua cơ sở",
    "CSTD_TINH": "Chiến sĩ thi đua cấp tỉnh",
    "CSTD_TQ": "Chiến sĩ thi đua toàn quốc",
    "BK_TINH": "Bằng khen cấp tỉnh",
}
TITLE_SHORT: dict[str, str] = {
    "LDTT": "LĐTT",
    "CSTDCS": "CSTĐCS",
    "CSTD_TINH": "CSTĐ tỉnh",
    "CSTD_TQ": "CSTĐ toàn quốc",
    "BK_TINH": "Bằng khen tỉnh",
}
# Column of BatchRunRow holding each title's verdict.
TITLE_FIELDS: dict[str, str] = {code: code.lower() for code in TITLE_CODES}


class Verdict(models.TextChoices):
    ELIGIBLE = "eligible", "Đủ điều kiện"
    NEEDS_REVIEW = "needs_review", "Cần xem xét"
    NOT_ELIGIBLE = "not_eligible", "Không đủ"


class BatchRunStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang chạy"
    DONE = "done", "Hoàn thành"
    FAILED = "failed", "Lỗi"


class BatchRun(models.Model):
    """A batch eligibility run over a unit's subtree for a year. Progress is `processed` of `total` people."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="Đơn vị")
    year = models.PositiveSmallIntegerField("Năm xét")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="Người yêu cầu"
    )
    status = models.CharField("Trạng thái", max_length=10, choices=BatchRunStatus.choices, default=BatchRunStatus.QUEUED)
    total = models.PositiveIntegerField("Tổng số cá nhân", default=0)
    processed = models.PositiveIntegerField("Đã xét", default=0)
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    started_at = models.DateTimeField("Bắt đầu", null=True, blank=True)
    finished_at = models.DateTimeField("Kết thúc", null=True, blank=True)
    error = models.TextField("Lỗi", blank=True)
    summary = models.JSONField("Tổng hợp", default=dict, blank=True)  # {code: {verdict: count}}
    quota_note = models.CharField("Tỷ lệ CSTĐCS", max_length=500, blank=True)
    result_file = models.FileField("Tệp kết quả", upload_to="reports/batch/", blank=True)

    class Meta:
        verbose_name = "Lượt xét điều kiện hàng loạt"
        verbose_name_plural = "Lượt xét điều kiện hàng loạt"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Xét điều kiện {self.year} — {self.unit}"

    @property
    def percent(self) -> int:
        if self.status == BatchRunStatus.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.processed * 100 / self.total))

    @property
    def is_finished(self) -> bool:
        return self.status in (BatchRunStatus.DONE, BatchRunStatus.FAILED)


class BatchRunRow(models.Model):
    """One person's verdicts in a run, with a snapshot of what the list shows (name, unit, birth date)."""

    run = models.ForeignKey(BatchRun, on_delete=models.CASCADE, related_name="rows", verbose_name="Lượt xét")
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="+", verbose_name="Cá nhân")
    full_name = models.CharField("Họ và tên", max_length=150)
    name_sort_key = models.CharField(max_length=600)
    unit_name = models.CharField("Đơn vị", max_length=255)
    date_of_birth = models.DateField("Ngày sinh", null=True, blank=True)
    ldtt = models.CharField("LĐTT", max_length=12, choices=Verdict.choices)
    cstdcs = models.CharField("CSTĐCS", max_length=12, choices=Verdict.choices)
    cstd_tinh = models.CharField("CSTĐ tỉnh", max_length=12, choices=Verdict.choices)
    cstd_tq = models.CharField("CSTĐ toàn quốc", max_length=12, choices=Verdict.choices)
    bk_tinh = models.CharField("Bằng khen tỉnh", max_length=12, choices=Verdict.choices)
    reasons = models.TextField("Lý do", blank=True)

    class Meta:
        verbose_name = "Kết quả xét của cá nhân"
        verbose_name_plural = "Kết quả xét của cá nhân"
        ordering = ["name_sort_key", "person_id"]
        indexes = [models.Index(fields=["run", "name_sort_key", "person"], name="reports_row_run_order")]

    def verdicts(self) -> list[tuple[str, str]]:
        return [(code, getattr(self, TITLE_FIELDS[code])) for code in TITLE_CODES]
