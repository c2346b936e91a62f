"""The general legal grounds at the head of a decision and the basis of a revocation are dated catalogue data
(`decision.grounds`, `decision.revocation.basis`), not constants: the laws in force on the decision's day are cited, and
an administrator's new row is what the next draft cites."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt.core.actors import system_actor
from tdkt.decisions import services
from tdkt.law import catalogue as cat
from tdkt.law.models import Setting
from tdkt.law.services import catalogue_row_save
from tests.decisions.test_decisions import DECIDED_ON, closed_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    cat.clear_cache()
    yield
    cat.clear_cache()


def test_the_grounds_are_those_in_force_on_the_decisions_day():
    before, after = services.law_grounds(dt.date(2025, 6, 30)), services.law_grounds(dt.date(2025, 7, 1))
    assert any("Nghị định số 98/2023/NĐ-CP" in g for g in before) and not any("152/2025" in g for g in before)
    assert any("Nghị định số 152/2025/NĐ-CP" in g for g in after) and any("ngày 16 tháng 6 năm 2025" in g for g in after)
    assert services.revocation_basis(DECIDED_ON) == "Điều 93 Luật Thi đua, khen thưởng số 06/2022/QH15"


def test_a_draft_cites_the_catalogues_rows(council, dossiers, personas):
    row = Setting.objects.get(key="decision.grounds", valid_to__isnull=True)
    row.valid_to = dt.date(2025, 12, 21)
    catalogue_row_save(actor=system_actor(), row=row)
    newer = Setting(key="decision.grounds", value=["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 (sửa đổi);"],
                    valid_from=dt.date(2025, 12, 22), legal_basis="Văn bản thử nghiệm")
    catalogue_row_save(actor=system_actor(), row=newer)
    decision = services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON)
    assert decision.grounds[0] == "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 (sửa đổi);"
    assert not any("152/2025" in g for g in decision.grounds)
    assert any("kết quả họp Hội đồng Thi đua - Khen thưởng phường Đống Đa" in g for g in decision.grounds)
