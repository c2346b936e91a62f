"""A result of the engine kept in the database, whole: its verdict, its regime, the version of the catalogue that
produced it and its structured checks (message id and arguments, legal basis, the facts and parameters each
check used), never one flattened string. Apps that keep results (the batch run; next, the dossiers) make a
concrete model of `StoredResult`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .schema import EligibilityResult
from .vocabulary import Verdict


class StoredResult(models.Model):
    award = models.CharField(_("Danh hiệu / hình thức"), max_length=32)
    year = models.PositiveSmallIntegerField(_("Năm xét"))
    regime = models.CharField(_("Chế độ pháp lý"), max_length=40)
    verdict = models.CharField(_("Kết quả"), max_length=12, choices=Verdict.choices)
    catalogue_version = models.CharField(_("Phiên bản danh mục"), max_length=20)
    checks = models.JSONField(_("Các tiêu chí"), default=list)

    class Meta:
        abstract = True

    @classmethod
    def fields_of(cls, result: EligibilityResult) -> dict:
        data = result.to_dict()
        return {"award": data["award"], "year": data["year"], "regime": data["regime"], "verdict": data["verdict"],
                "catalogue_version": data["catalogue_version"], "checks": data["checks"]}

    def to_result(self) -> EligibilityResult:
        return EligibilityResult.from_dict({"award": self.award, "year": self.year, "regime": self.regime, "verdict": self.verdict,
                                            "catalogue_version": self.catalogue_version, "checks": self.checks})

    def messages(self, *results: str) -> list[str]:
        """The messages of the checks with these results (all checks when none is given), in order."""
        return [c["message"] for c in self.checks if not results or c["result"] in results]
