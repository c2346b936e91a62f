"""The subject of an achievement: exactly one of a person, a unit (a collective) or a household.

Ratings and awards in the ledger, and next the nominees of a dossier and the lines of a decision, all name
their subject this way (`SubjectMixin`); `subject_fields` checks that exactly one is given.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from tdkt.core.errors import DomainError

SUBJECT_FIELDS = ("person", "unit", "household")


class SubjectMixin(models.Model):
    """Exactly one of person / unit (collective) / household (a check constraint: `one_subject_constraint`)."""

    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Cá nhân")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Tập thể")
    household = models.ForeignKey("org.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Hộ gia đình")

    class Meta:
        abstract = True

    @classmethod
    def one_subject_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=(
                Q(person__isnull=False, unit__isnull=True, household__isnull=True)
                | Q(person__isnull=True, unit__isnull=False, household__isnull=True)
                | Q(person__isnull=True, unit__isnull=True, household__isnull=False)
            ),
            name=name,
        )

    @property
    def subject(self):
        return self.person or self.unit or self.household


def subject_fields(*, person=None, unit=None, household=None) -> dict:
    """{"person": p} (or unit, or household): exactly one must be given, else a Vietnamese DomainError."""
    given = {k: v for k, v in (("person", person), ("unit", unit), ("household", household)) if v is not None}
    if len(given) != 1:
        raise DomainError("Phải chọn đúng một đối tượng: cá nhân, tập thể hoặc hộ gia đình.")
    return given


def subject_of(obj) -> dict:
    """The subject fields of a Person, Unit or Household instance."""
    from .models import Household, Person, Unit

    if isinstance(obj, Person):
        return {"person": obj}
    if isinstance(obj, Unit):
        return {"unit": obj}
    if isinstance(obj, Household):
        return {"household": obj}
    raise DomainError("Đối tượng khen thưởng phải là cá nhân, tập thể hoặc hộ gia đình.")


def subject_unit(obj):
    """The unit whose scope a subject belongs to: a person's current unit, the unit itself, a household's village."""
    subject = getattr(obj, "subject", obj)
    if hasattr(subject, "path"):
        return subject
    if hasattr(subject, "village"):
        return subject.village
    return getattr(subject, "unit", None)


def subject_code(subject: dict) -> str:
    """'person:12', 'unit:phuong_lang', 'household:3' (for audit events)."""
    (key, value), = subject.items()
    return f"{key}:{getattr(value, 'code', value.pk)}"
