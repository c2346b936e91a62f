"""On PostgreSQL, at the same moment: two offices forwarding the same nominee make one incoming dossier, two imports of
the same package into a round make one (the source dossier's and the round's row locks; SQLite serialises every
write, the race needs PostgreSQL's row locks)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from tdkt.core.errors import DomainError
from tdkt.decisions import exchange, forwarding
from tdkt.decisions.exchange_import import package_import
from tdkt.nominations.models import Dossier

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks under concurrent writers: PostgreSQL")]


def _race(*calls):
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            outcomes[i] = ("ok", call())
        except DomainError as exc:
            outcomes[i] = ("refused", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_two_offices_forward_the_same_nominee_at_once_and_it_goes_up_once(received, province_round, personas):
    an = received.nominees.get(person__full_name="Nguyễn Văn An")
    outcomes = _race(*(lambda actor=actor: forwarding.dossier_forward(actor=actor, dossier=received, nominees=[an.pk],
                                                                      target_round=province_round)
                       for actor in (personas["appraiser"], personas["office_head"])))
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert "Đã chuyển lên cấp trên: Nguyễn Văn An" in next(o[1].message for o in outcomes if o[0] == "refused")
    assert Dossier.objects.filter(forwarded_from=received).count() == 1


def test_two_imports_of_one_package_at_once_make_one_dossier(received, province_round, province_office, personas):
    data = exchange.package_build(actor=personas["appraiser"], dossier=received)
    outcomes = _race(*(lambda: package_import(actor=province_office, data=data, target_round=province_round) for _ in range(2)))
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert Dossier.objects.filter(round=province_round, origin="imported").count() == 1
