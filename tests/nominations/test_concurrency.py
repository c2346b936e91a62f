"""Issue 13, acceptance: concurrency on PostgreSQL. Two appraisers save the same nominee's conclusion at once: exactly
one wins, the other is told of the conflict; two officers submit the same dossier at once: one transition, not two.
(SQLite serialises every write: the race needs PostgreSQL's row locks; the suite runs on both.)"""

from __future__ import annotations

from tdkt.core.models import AuditEvent, Transition
from tdkt.nominations import services, work
from tdkt.nominations.models import Appraisal, Dossier, DossierStatus
from tests.races import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def test_two_appraisers_save_at_once_and_exactly_one_wins(dossier_a, officer_a, personas):
    appraiser, head = personas["appraiser"], personas["office_head"]
    for actor, action in ((officer_a, "submit"), (appraiser, "receive"), (appraiser, "start_appraisal")):
        services.dossier_act(actor=actor, dossier=dossier_a, action=action)
    nominee = dossier_a.nominees.get()
    outcomes = race(
        lambda: work.appraisal_save(actor=appraiser, nominee=nominee, conclusion="eligible", note="", version=None),
        lambda: work.appraisal_save(actor=head, nominee=nominee, conclusion="not_eligible", note="Thiếu minh chứng", version=None),
    )
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    refused = next(o[1] for o in outcomes if o[0] == "refused")
    assert refused.code == "conflict" and "sau khi bạn mở trang" in refused.message
    assert Appraisal.objects.count() == 1 and Appraisal.objects.get().version == 1
    assert AuditEvent.objects.filter(action="nominations.appraisal.saved").count() == 1


def test_two_officers_submit_the_same_dossier_at_once_and_it_moves_once(dossier_a, officer_a, personas):
    admin = personas["admin"]
    outcomes = race(
        lambda: services.dossier_act(actor=officer_a, dossier=Dossier.objects.get(pk=dossier_a.pk), action="submit"),
        lambda: services.dossier_act(actor=admin, dossier=Dossier.objects.get(pk=dossier_a.pk), action="submit"),
    )
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert Dossier.objects.get(pk=dossier_a.pk).status == DossierStatus.SUBMITTED
    assert Transition.objects.filter(target_id=str(dossier_a.pk), action="submit").count() == 1
    assert AuditEvent.objects.filter(action="nominations.dossier.submitted", target_id=str(dossier_a.pk)).count() == 1
