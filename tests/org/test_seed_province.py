import datetime as dt
import io

import pytest
from django.core.management import call_command

from tdkt.org.models import Unit, UnitKind, UnitSuccession

pytestmark = pytest.mark.django_db


def test_it_seeds_ha_noi_wards_and_the_dissolved_district_idempotently():
    call_command("org", "seed-province", "--code", "1", stdout=io.StringIO())
    province = Unit.objects.get(code="ha_noi")
    assert province.kind == UnitKind.PROVINCE and province.admin_code == 1
    wards = Unit.objects.filter(parent=province, kind=UnitKind.COMMUNE)
    assert wards.count() == 126
    dong_da = Unit.objects.get(code="phuong_dong_da")
    assert dong_da.admin_code == 235 and dong_da.path == f"{province.path}{dong_da.pk}/"
    for code in ("phuong_lang", "phuong_o_cho_dua", "phuong_kim_lien", "phuong_van_mieu_quoc_tu_giam"):
        assert Unit.objects.filter(code=code, valid_to__isnull=True).exists()
    district = Unit.objects.get(code="quan_dong_da")
    assert district.kind == UnitKind.DISTRICT and district.valid_to == dt.date(2025, 6, 30)
    old = Unit.objects.filter(parent=district)
    assert old.count() == 17 and not old.filter(valid_to__isnull=True).exists()
    assert Unit.objects.get(code="quan_dong_da_phuong_kim_lien").name == "Phường Kim Liên"
    successors = set(UnitSuccession.objects.filter(predecessor=district).values_list("successor__code", flat=True))
    assert {"phuong_dong_da", "phuong_lang", "phuong_o_cho_dua", "phuong_kim_lien", "phuong_van_mieu_quoc_tu_giam"} <= successors
    assert UnitSuccession.objects.filter(predecessor__code="quan_dong_da_phuong_thinh_quang", successor=dong_da).exists()
    counts = (Unit.objects.count(), UnitSuccession.objects.count())
    call_command("org", "seed-province", stdout=io.StringIO())
    assert (Unit.objects.count(), UnitSuccession.objects.count()) == counts
