"""factory-boy factories for units, people and the ledger (shared by every app's tests).

Units and people are created through the org services, so tree paths, depth, sort keys and memberships
are always right: `UnitFactory(parent=ward)`, `PersonFactory(unit=school, full_name="Nguyễn Văn An")`.
"""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from tdkt.core.actors import system_actor
from tdkt.org import services as org_services
from tdkt.org.models import Gender, Household, Person, Unit, UnitKind
from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Minh", "Nga", "Phong", "Quỳnh", "Sơn", "Thảo"]


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"don_vi_{n}")
    name = factory.Sequence(lambda n: f"Đơn vị số {n}")
    kind = UnitKind.AGENCY
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return org_services.unit_create(actor=kwargs.pop("actor", None) or system_actor(), **kwargs)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"{FAMILY[n % len(FAMILY)]} Văn {GIVEN[n % len(GIVEN)]}")
    gender = Gender.MALE
    unit = factory.SubFactory(UnitFactory)
    date_of_birth = dt.date(1985, 5, 20)
    joined_on = dt.date(2010, 9, 1)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return org_services.person_create(actor=kwargs.pop("actor", None) or system_actor(), **kwargs)


class HouseholdFactory(DjangoModelFactory):
    class Meta:
        model = Household

    head_name = factory.Sequence(lambda n: f"{FAMILY[n % len(FAMILY)]} Văn {GIVEN[n % len(GIVEN)]}")
    village = factory.SubFactory(UnitFactory, kind=UnitKind.VILLAGE, has_legal_status=False)
    members = 4


class YearRatingFactory(DjangoModelFactory):
    class Meta:
        model = YearRating

    person = factory.SubFactory(PersonFactory)
    year = 2024
    rating = "HTTNV"


class AwardRecordFactory(DjangoModelFactory):
    class Meta:
        model = AwardRecord

    person = factory.SubFactory(PersonFactory)
    award_code = "LDTT"
    year = 2024
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    decision_date = factory.LazyAttribute(lambda o: dt.date(o.year + 1, 1, 15))
    issuer_name = "UBND quận Đống Đa"


class DisciplineFactory(DjangoModelFactory):
    class Meta:
        model = Discipline

    person = factory.SubFactory(PersonFactory)
    form = "KHIEN_TRACH"
    start = dt.date(2024, 3, 1)
    end = dt.date(2025, 2, 28)


class InitiativeFactory(DjangoModelFactory):
    class Meta:
        model = Initiative

    person = factory.SubFactory(PersonFactory)
    year = 2024
    title = factory.Sequence(lambda n: f"Sáng kiến số {n}")
    scope = "CO_SO"
