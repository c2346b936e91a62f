"""The catalogue as loaded by the migration; versioned rows never overlap; the snapshot follows saves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.law import engine, services
from tdkt.law.catalogue import build, db_records, read_file
from tdkt.law.models import AwardType, BaseSalary, Coefficient, Regime, Setting

from .helpers import FILE_CATALOGUE

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db


def test_it_loads_the_catalogue_on_migrate():
    codes = set(AwardType.objects.values_list("code", flat=True))
    assert {"LDTT", "CSTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "DVTT", "TTLDXS", "DVQT", "CO_TINH", "CO_CP", "XA_TB",
            "THON_VH", "GDVH", "GIAY_KHEN", "BK_TINH", "BK_TTG", "KNC", "HCLD_1", "HCLD_2", "HCLD_3", "HC_TNXP",
            "HC_SAO_VANG", "AH_LD", "NGND", "GT_HCM"} <= codes
    assert AwardType.objects.get(code="LDTT").kind == "title"
    assert AwardType.objects.get(code="BK_TINH").kind == "form"
    assert AwardType.objects.get(code="HC_SAO_VANG").proposal_only


@pytest.mark.parametrize(("day", "amount"), [("2019-07-01", 1_490_000), ("2023-06-30", 1_490_000), ("2023-07-01", 1_800_000),
                                             ("2024-07-01", 2_340_000), ("2026-06-30", 2_340_000), ("2026-07-01", 2_530_000)])
def test_it_knows_the_base_salary_on_a_date(day, amount):
    assert engine.load_catalogue().base_salary_on(D(day)).value == amount


def test_it_flags_the_unconfirmed_items():
    assert Coefficient.objects.get(award__code="BK_TINH", valid_from=D("2024-01-01")).needs_verification
    assert not Coefficient.objects.get(award__code="BK_TINH", valid_from=D("2025-07-01")).needs_verification
    assert Coefficient.objects.get(award__code="HCLD_1").needs_verification
    assert AwardType.objects.get(code="XA_TB").needs_verification
    amendment = Regime.objects.get(code="AMEND_2026")
    assert amendment.needs_verification and not amendment.active
    assert Setting.objects.get(key="money.rounding_mode").needs_verification
    assert not AwardType.objects.get(code="LDTT").needs_verification


def test_it_builds_the_same_snapshot_from_the_database_as_from_the_file():
    snapshot = engine.load_catalogue()
    assert snapshot.source == "db"
    assert snapshot.awards == FILE_CATALOGUE.awards
    assert snapshot.regimes == FILE_CATALOGUE.regimes
    assert snapshot.settings == FILE_CATALOGUE.settings
    assert snapshot.base_salaries == FILE_CATALOGUE.base_salaries


def test_it_reloads_idempotently():
    counts = {m: m.objects.count() for m in (AwardType, Coefficient, Setting, BaseSalary)}
    created = services.catalogue_load(actor=system_actor())
    assert sum(created.values()) == 0
    assert {m: m.objects.count() for m in counts} == counts
    assert AuditEvent.objects.filter(action="law.catalogue.loaded").exists()


def test_it_restores_an_edited_value_on_reload():
    Setting.objects.filter(key="money.rounding_unit").update(value=1000)
    services.catalogue_load(actor=system_actor())
    assert Setting.objects.get(key="money.rounding_unit").value == 10000


def test_it_refuses_an_overlapping_version():
    row = Setting(key="money.rounding_unit", value=1000, valid_from=D("2025-01-01"), legal_basis="thử")
    with pytest.raises(DomainError, match="trùng thời gian hiệu lực"):
        services.catalogue_row_save(actor=system_actor(), row=row)
    assert not Setting.objects.filter(value=1000).exists()


def test_it_accepts_a_version_after_the_previous_one_is_closed(admin_user):
    current = Setting.objects.get(key="cstdcs.quota.enabled", valid_from=D("2024-01-01"))
    current.valid_to = D("2025-12-31")
    services.catalogue_row_save(actor=admin_user, row=current)
    services.catalogue_row_save(actor=admin_user, row=Setting(key="cstdcs.quota.enabled", value=True, valid_from=D("2026-01-01"),
                                                              local_option=True, legal_basis="Quyết định của UBND tỉnh"))
    assert AuditEvent.objects.filter(action="law.setting.created", actor=admin_user).exists()
    snapshot = engine.load_catalogue()
    assert engine.check_cstdcs_quota(ldtt_count=10, cstdcs_count=2, catalogue=snapshot, year=2026).result == "fail"
    assert engine.check_cstdcs_quota(ldtt_count=10, cstdcs_count=2, catalogue=snapshot, year=2025).result == "pass"


def test_it_refuses_a_row_ending_before_it_starts():
    row = BaseSalary(amount=3_000_000, valid_from=D("2030-07-01"), valid_to=D("2030-01-01"))
    with pytest.raises(DomainError, match="trước ngày bắt đầu hiệu lực"):
        services.catalogue_row_save(actor=system_actor(), row=row)


def test_it_forgets_the_snapshot_when_a_row_is_saved():
    first = engine.load_catalogue()
    assert engine.load_catalogue() is first
    salary = BaseSalary.objects.get(valid_from=D("2026-07-01"))
    salary.valid_to = D("2027-06-30")
    services.catalogue_row_save(actor=system_actor(), row=salary)
    services.catalogue_row_save(actor=system_actor(), row=BaseSalary(amount=2_700_000, valid_from=D("2027-07-01"), legal_basis="thử"))
    second = engine.load_catalogue()
    assert second is not first
    assert second.base_salary_on(D("2027-07-01")).value == 2_700_000


def test_it_falls_back_to_the_shipped_file_when_the_tables_are_empty():
    from tdkt.law import models

    for model in (models.Setting, models.Coefficient, models.DecidingAuthority, models.CouncilVotingRule):
        model.objects.all().delete()
    models.AwardType.objects.all().delete()
    snapshot = engine.load_catalogue()
    assert snapshot.source == "file"
    assert "LDTT" in snapshot.awards


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints exist on PostgreSQL only")
def test_it_refuses_an_overlap_in_the_database_on_postgresql():
    award = AwardType.objects.get(code="LDTT")
    with pytest.raises(IntegrityError), transaction.atomic():
        Coefficient.objects.create(award=award, subject_kind="any", value=Decimal("0.5"), valid_from=D("2025-09-01"))
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_it_shows_the_verification_column_in_the_admin(admin_client):
    response = admin_client.get("/admin/law/coefficient/", {"needs_verification__exact": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Cần xác minh" in body
    shown = {row.award.code for row in response.context["cl"].result_list}
    assert {"HCLD_1", "BK_TINH"} <= shown and "CSTD_TINH" not in shown


def test_it_shows_the_overlap_as_an_admin_form_error(admin_client):
    award = AwardType.objects.get(code="LDTT")
    response = admin_client.post("/admin/law/coefficient/add/", {
        "award": award.pk, "subject_kind": "any", "issuer": "", "value": "0.5", "valid_from": "2025-09-01", "valid_to": "",
        "legal_basis": "thử", "note": ""})
    assert response.status_code == 200
    assert "trùng thời gian hiệu lực" in response.content.decode()
    assert not Coefficient.objects.filter(value=Decimal("0.5")).exists()


def test_the_migration_gives_an_older_database_the_bk_ttg_rule():
    """A database loaded before the Bằng khen Thủ tướng had a rule gets its parameters and the award marked evaluated;
    the snapshot read from the database then judges as the file does."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("tdkt.law.migrations.0006_bk_ttg_rule")
    Setting.objects.filter(key__startswith="bk_ttg.").delete()
    AwardType.objects.filter(code="BK_TTG").update(evaluated=False)
    migration.load(apps, None)
    assert AwardType.objects.get(code="BK_TTG").evaluated
    shipped = [s for s in read_file()["settings"] if s["key"].startswith("bk_ttg.")]
    assert Setting.objects.filter(key__startswith="bk_ttg.").count() == len(shipped) > 0
    data = {"award": "BK_TTG", "year": 2025, "history": {
        "ratings": [{"year": y, "rating": "HTTNV"} for y in range(2020, 2026)],
        "awards": [{"year": 2019, "award": "BK_TINH"}, *({"year": y, "award": "CSTDCS"} for y in (2021, 2022, 2024))]}}
    assert engine.check(data)["verdict"] == engine.check(data, catalogue=FILE_CATALOGUE)["verdict"] == "eligible"


def test_the_migration_gives_an_older_database_nd91_s_ten_months():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("tdkt.law.migrations.0007_ldtt_ten_months_nd91")
    key = "ldtt.min_months_since_recruitment"
    Setting.objects.filter(key=key, valid_from=D("2017-10-01")).delete()
    Setting.objects.filter(key=key, valid_from=D("1990-01-01")).update(valid_to=D("2023-12-31"), legal_basis="Thông tư 12/2019/TT-BNV")
    migration.load(apps, None)
    rows = list(Setting.objects.filter(key=key, valid_to__lte=D("2023-12-31")).order_by("valid_from").values_list("valid_to", "value"))
    assert rows == [(D("2017-09-30"), 6), (D("2023-12-31"), 10)]
    data = {"award": "LDTT", "year": 2020, "subject": {"recruited_on": "2020-04-01"},
            "history": {"ratings": [{"year": 2020, "rating": "HTTNV"}]}}
    assert engine.check(data)["verdict"] == "not_eligible"


def test_the_migration_tells_an_older_database_s_regimes_apart():
    """A database loaded with the single regime "until 31/12/2023" (and the older citations, without the facts of a
    working year) gets NĐ 65/2014 and NĐ 91/2017 apart and every new row: its snapshot is then the file's."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("tdkt.law.migrations.0008_regimes_apart_and_working_year")
    fresh = build(db_records(), source="db").version  # a database loaded from today's file
    Regime.objects.filter(code="ND65_2014").delete()
    Regime.objects.filter(code="ND91_2017").update(code="LUAT_2003", valid_from=D("1990-01-01"))
    for key, rows in migration.SHIPPED.items():
        Setting.objects.filter(key=key, regime__isnull=True).delete()
        for valid_from, valid_to, value, basis in rows:
            Setting.objects.create(key=key, value=value, valid_from=D(valid_from), valid_to=D(valid_to) if valid_to else None,
                                   legal_basis=basis)
    Setting.objects.filter(key__in=migration.NEW_KEYS).delete()
    assert build(db_records(), source="db").regime_for_year(2016).code == "LUAT_2003"
    migration.load(apps, None)
    snapshot = build(db_records(), source="db")
    assert [r.code for r in snapshot.regimes] == [r.code for r in FILE_CATALOGUE.regimes]
    assert snapshot.regime_for_year(2016).code == "ND65_2014" and snapshot.regime_for_year(2018).code == "ND91_2017"
    assert snapshot.version == fresh
    migration.load(apps, None)  # again: nothing changes
    assert build(db_records(), source="db").version == fresh


def test_an_administrator_s_own_rows_are_left_alone_by_the_migration():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("tdkt.law.migrations.0008_regimes_apart_and_working_year")
    key = "ttldtt.ldtt_share"
    Setting.objects.filter(key=key).delete()
    Setting.objects.create(key=key, value={"percent": 70, "strict": False}, valid_from=D("1990-01-01"), legal_basis="Quy định của tỉnh")
    migration.load(apps, None)
    assert list(Setting.objects.filter(key=key).values_list("legal_basis", flat=True)) == ["Quy định của tỉnh"]
