"""The files of a dossier and the standing office's appraisal of each nominee (issue 13, points 3 and 5)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

OTHER_COMPONENT = "OTHER"


class Attachment(models.Model):
    """A file of a dossier (one of the round's components, or another document), or of one nominee. Checked by its
    content (`core.uploads`), stored under a name nobody can guess, served only after the dossier's permission check;
    taken back, never deleted."""

    dossier = models.ForeignKey("nominations.Dossier", on_delete=models.PROTECT, related_name="attachments", verbose_name=_("Hồ sơ"))
    nominee = models.ForeignKey("nominations.Nominee", on_delete=models.PROTECT, null=True, blank=True, related_name="attachments",
                                verbose_name=_("Người, tập thể"))
    component = models.CharField(_("Thành phần hồ sơ"), max_length=40)
    storage_name = models.CharField(max_length=255, editable=False)
    filename = models.CharField(_("Tên tệp"), max_length=200)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("Dung lượng"))
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người tải lên"))
    uploaded_at = models.DateTimeField(_("Tải lên lúc"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("Rút lúc"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("Lý do rút"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.filename


class Conclusion(models.TextChoices):
    ELIGIBLE = "eligible", _("Đủ điều kiện")
    NOT_ELIGIBLE = "not_eligible", _("Chưa đủ điều kiện")
    NEEDS_SUPPLEMENT = "needs_supplement", _("Cần bổ sung")


class Appraisal(models.Model):
    """The appraiser's conclusion on one nominee, beside the engine's checks. `version` grows at each save: a save
    made on an older version is refused (optimistic locking: a second appraiser never silently overwrites the first)."""

    nominee = models.OneToOneField("nominations.Nominee", on_delete=models.PROTECT, related_name="appraisal", verbose_name=_("Người, tập thể"))
    conclusion = models.CharField(_("Kết luận thẩm định"), max_length=20, choices=Conclusion.choices)
    note = models.TextField(_("Ý kiến thẩm định"), blank=True, max_length=4000)
    version = models.PositiveIntegerField(default=1)
    appraised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người thẩm định"))
    appraised_at = models.DateTimeField(_("Thẩm định lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Kết luận thẩm định")
        verbose_name_plural = _("Kết luận thẩm định")


class ReturnItem(models.Model):
    """One thing the appraiser asks the unit to supplement when returning a dossier (issue 13, point 5): a component
    of the round's checklist, or a nominee, with what is missing. Linked to the transition of the return (the general
    reason stays on it); whether the unit has fixed it is read, not stored (a file for the component attached after the
    return; the nominee changed, withdrawn or given a file after it: `returns.return_panel`). Never changed."""

    dossier = models.ForeignKey("nominations.Dossier", on_delete=models.PROTECT, related_name="return_items", verbose_name=_("Hồ sơ"))
    transition = models.ForeignKey("core.Transition", on_delete=models.PROTECT, related_name="+", verbose_name=_("Lần trả lại"))
    position = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    component = models.CharField(_("Thành phần hồ sơ"), max_length=40, blank=True)
    nominee = models.ForeignKey("nominations.Nominee", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("Người, tập thể"))
    text = models.TextField(_("Nội dung cần bổ sung"), max_length=1000)

    class Meta:
        verbose_name = _("Nội dung yêu cầu bổ sung")
        verbose_name_plural = _("Nội dung yêu cầu bổ sung")
        ordering = ["transition_id", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=(~models.Q(component="") & models.Q(nominee__isnull=True))
                                   | (models.Q(component="") & models.Q(nominee__isnull=False)),
                                   name="nominations_returnitem_one_subject"),
        ]

    def __str__(self) -> str:
        return self.text[:60]
