"""Forwarding upward in the same installation (decisions.forwarding; DOMAIN.md §4): the ward's office sends the nominee
beyond its authority to the province's round; the province's office finds a submitted dossier in its inbox, with the
origin shown, the nominee and the files copied, linked both ways; refusals are Vietnamese and change nothing."""

from __future__ import annotations

import pytest
from django.core.files.storage import storages

from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent, Transition
from tdkt.decisions import forwarding
from tdkt.nominations import selectors
from tdkt.nominations.models import Dossier, DossierStatus, Nominee


def _an(dossier):
    return dossier.nominees.get(person__full_name="Nguyễn Văn An")


def test_it_tells_which_nominees_are_beyond_the_levels_authority(received):
    assert [n.name for n in forwarding.beyond_authority(received)] == ["Nguyễn Văn An"]  # CSTĐ cấp tỉnh: Chủ tịch UBND cấp tỉnh


def test_the_province_receives_the_forwarded_nominee_in_its_inbox(received, province_round, province_office, personas):
    incoming = forwarding.dossier_forward(actor=personas["appraiser"], dossier=received, nominees=[_an(received)],
                                          target_round=province_round)
    incoming.refresh_from_db()
    assert incoming.status == DossierStatus.SUBMITTED and incoming.round == province_round and incoming.unit.code == "phuong_dong_da"
    assert incoming.forwarded_from == received and list(received.forwarded_to.all()) == [incoming]
    assert incoming.origin == "forwarded" and incoming.origin_name == "Phường Đống Đa"
    assert incoming in selectors.office_inbox(province_office)
    assert incoming not in selectors.office_inbox(personas["appraiser"])  # the ward's office has nothing to do there
    copy = incoming.nominees.get()
    assert (copy.person, copy.award_code, copy.forwarded_from, copy.summary) == (
        _an(received).person, "CSTD_TINH", _an(received), "Giáo viên dạy giỏi cấp thành phố")
    assert copy.verdict  # judged by the engine at once
    # the dossier's files are copied (new stored names, same bytes); nothing of Bình goes up
    originals = {a.sha256: a for a in received.attachments.all()}
    copies = list(incoming.attachments.all())
    assert len(copies) == len(originals) > 0
    for a in copies:
        assert a.storage_name != originals[a.sha256].storage_name
        assert storages["default"].open(a.storage_name).read() == storages["default"].open(originals[a.sha256].storage_name).read()
    assert Transition.objects.filter(target_id=str(incoming.pk), action="receive_forwarded", target="submitted").count() == 1
    event = AuditEvent.objects.get(action="decisions.dossier.forwarded", target_id=str(received.pk))
    assert event.data["incoming"] == incoming.pk and event.data["nominees"][0]["beyond_authority"] is True
    assert AuditEvent.objects.filter(action="nominations.dossier.forwarded_in", target_id=str(incoming.pk)).exists()
    received.refresh_from_db()
    assert received.status == DossierStatus.RECEIVED  # the ward's dossier goes on for the rest


def test_the_province_office_receives_and_appraises_it_like_any_submitted_dossier(received, province_round, province_office, personas):
    from tdkt.nominations import services

    incoming = forwarding.dossier_forward(actor=personas["appraiser"], dossier=received, nominees=[_an(received)],
                                          target_round=province_round)
    services.dossier_act(actor=province_office, dossier=incoming, action="receive")
    assert Dossier.objects.get(pk=incoming.pk).status == DossierStatus.RECEIVED


def _nothing_changed(received):
    assert Dossier.objects.filter(forwarded_from=received).count() == 0
    assert not AuditEvent.objects.filter(action="decisions.dossier.forwarded").exists()


def test_it_refuses_in_vietnamese_and_changes_nothing(received, province_round, ward_round, personas, tree):
    appraiser, an = personas["appraiser"], _an(received)
    cases = [
        (personas["officer_a"], [an], province_round, "Chỉ cơ quan thường trực của cấp xét"),
        (appraiser, [], province_round, "Hãy chọn ít nhất một người"),
        (appraiser, [an], ward_round, "không phải đợt xét của cấp trên Phường Đống Đa"),
        (appraiser, [received.nominees.get(person=tree.binh).pk + 1000], province_round, "không còn trong hồ sơ này"),
    ]
    for actor, nominees, target, message in cases:
        with pytest.raises(DomainError, match=message):
            forwarding.dossier_forward(actor=actor, dossier=received, nominees=nominees, target_round=target)
    province_round.awards = ["LDTT"]
    province_round.save()
    with pytest.raises(DomainError, match="không xét: Nguyễn Văn An"):
        forwarding.dossier_forward(actor=appraiser, dossier=received, nominees=[an], target_round=province_round)
    _nothing_changed(received)


def test_a_nominee_goes_up_once_and_a_draft_not_at_all(received, province_round, personas, tree, ward_round):
    from tdkt.nominations import services

    appraiser = personas["appraiser"]
    forwarding.dossier_forward(actor=appraiser, dossier=received, nominees=[_an(received)], target_round=province_round)
    with pytest.raises(DomainError, match="Đã chuyển lên cấp trên: Nguyễn Văn An"):
        forwarding.dossier_forward(actor=appraiser, dossier=received, nominees=[_an(received)], target_round=province_round)
    draft = services.dossier_create(actor=personas["officer_a"], round_=ward_round, unit=tree.ward_a)
    with pytest.raises(DomainError, match="chỉ chuyển lên cấp trên hồ sơ đã tiếp nhận đủ"):
        forwarding.dossier_forward(actor=appraiser, dossier=draft, nominees=[1], target_round=province_round)
    assert Nominee.objects.filter(forwarded_from__isnull=False).count() == 1


def test_the_provinces_office_is_notified_of_the_incoming_dossier(received, province_round, province_office, personas,
                                                                    django_capture_on_commit_callbacks):
    from tdkt.core.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        incoming = forwarding.dossier_forward(actor=personas["appraiser"], dossier=received, nominees=[_an(received)],
                                              target_round=province_round)
    note = Notification.objects.get(recipient=province_office)
    assert note.title.startswith("Hồ sơ cấp dưới chuyển lên chờ tiếp nhận") and note.target_id == str(incoming.pk)


def test_the_authorities_come_from_the_shipped_catalogue_when_the_database_holds_none(tree, monkeypatch):
    """As `law.catalogue.load_catalogue` does: a database without the catalogue (flushed by a transactional test, or
    before the catalogue is loaded) reads catalogue.json, and says the same."""
    import datetime as dt

    from tdkt.decisions import authority

    on = dt.date(2026, 1, 15)
    from_db = [(a.authority, a.legal_basis) for a in authority.authorities("CSTD_TINH", on)]
    assert from_db and authority.decides_here("LDTT", tree.ward_a, on) and not authority.decides_here("CSTD_TINH", tree.ward_a, on)

    class NoCatalogue:
        class objects:  # noqa: N801 - a stand-in for a manager
            @staticmethod
            def exists():
                return False

    monkeypatch.setattr(authority, "AwardType", NoCatalogue)
    assert [(a.authority, a.legal_basis) for a in authority.authorities("CSTD_TINH", on)] == from_db
    assert authority.decides_here("LDTT", tree.ward_a, on) and not authority.decides_here("CSTD_TINH", tree.ward_a, on)


def test_the_higher_levels_decision_shows_on_the_dossier_below(client, received, province_round, personas, tree):
    """The province awards the forwarded nominee: the award is in the one ledger (the ward sees it at once), the ward's
    dossier records it and shows it."""
    import datetime as dt

    from django.urls import reverse

    from tdkt.core.numbering import numbering_profile_set
    from tdkt.decisions import services as decisions
    from tdkt.decisions.models import Decision, DecisionLine, DecisionStatus
    from tdkt.records.models import AwardRecord

    incoming = forwarding.dossier_forward(actor=personas["appraiser"], dossier=received, nominees=[_an(received)],
                                          target_round=province_round)
    copy = incoming.nominees.get()
    numbering_profile_set(actor=personas["admin"], issuer=tree.province, abbreviation="UBND")
    decision = Decision.objects.create(issuer=tree.province, title="Về việc tặng danh hiệu Chiến sĩ thi đua thành phố",
                                       decided_on=dt.date(2026, 1, 20), status=DecisionStatus.SUBMITTED, drafted_by=personas["admin"])
    DecisionLine.objects.create(decision=decision, position=1, nominee=copy, name=copy.name, person=copy.person, award_code="CSTD_TINH",
                                year=tree.year, amount=7_020_000)  # test data: the province's drafting is the same service as the ward's
    decisions.decision_sign(actor=personas["admin"], decision=decision)
    assert AwardRecord.objects.filter(person=tree.an, award_code="CSTD_TINH", decision_number="01/QĐ-UBND").exists()
    assert forwarding.outcomes_of(received) == [{"nominee": _an(received), "award": "CSTD_TINH", "award_name": "CSTĐ cấp tỉnh",
                                                 "number": "01/QĐ-UBND", "decided_on": dt.date(2026, 1, 20), "issuer": "Thành phố Hà Nội"}]
    assert AuditEvent.objects.get(action="decisions.forwarded.decided", target_id=str(received.pk)).data["number"] == "01/QĐ-UBND"
    client.force_login(personas["officer_a"])
    page = client.get(reverse("nominations:dossier_detail", args=[received.pk])).content.decode()
    assert "Kết quả ở cấp trên" in page and "Quyết định số 01/QĐ-UBND ngày 20/01/2026 của Thành phố Hà Nội" in page
