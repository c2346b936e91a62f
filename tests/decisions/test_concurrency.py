"""On PostgreSQL, at the same moment: two offices forwarding the same nominee make one incoming dossier, two imports of
the same package into a round make one (the source dossier's and the round's row locks; SQLite serialises every
write, the race needs PostgreSQL's row locks)."""

from __future__ import annotations

from tdkt.decisions import exchange, forwarding
from tdkt.decisions.exchange_import import package_import
from tdkt.nominations.models import Dossier
from tests.races import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def test_two_offices_forward_the_same_nominee_at_once_and_it_goes_up_once(received, province_round, personas):
    an = received.nominees.get(person__full_name="Nguyễn Văn An")
    outcomes = race(*(lambda actor=actor: forwarding.dossier_forward(actor=actor, dossier=received, nominees=[an.pk],
                                                                      target_round=province_round)
                       for actor in (personas["appraiser"], personas["office_head"])))
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert "Đã chuyển lên cấp trên: Nguyễn Văn An" in next(o[1].message for o in outcomes if o[0] == "refused")
    assert Dossier.objects.filter(forwarded_from=received).count() == 1


def test_two_imports_of_one_package_at_once_make_one_dossier(received, province_round, province_office, personas):
    data = exchange.package_build(actor=personas["appraiser"], dossier=received)
    outcomes = race(*(lambda: package_import(actor=province_office, data=data, target_round=province_round) for _ in range(2)))
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert Dossier.objects.filter(round=province_round, origin="imported").count() == 1
