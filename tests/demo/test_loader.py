import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import RoleAssignment
from tdkt.core.models import AuditEvent
from tdkt.demo import base as demo_base
from tdkt.demo import loader as demo
from tdkt.law.schema import AwardEntry, InitiativeEntry
from tdkt.org.models import Cluster, Council, Person, Unit
from tdkt.org.selectors import is_council_voter
from tdkt.records.eligibility import check_subject, eligibility_request
from tdkt.records.models import AwardRecord, AwardSource, Discipline, Initiative, WorkYear, YearRating

pytestmark = pytest.mark.django_db


class _Undo(Exception):
    pass


def _fingerprint() -> tuple:
    return (
        Unit.objects.count(), Person.objects.count(), YearRating.objects.count(), AwardRecord.objects.count(),
        Discipline.objects.count(), tuple(Person.objects.order_by("name_sort_key", "full_name", "date_of_birth").values_list("full_name", "citizen_id")),
    )


def test_it_loads_the_same_data_twice_with_the_same_seed():
    try:
        with transaction.atomic():
            first = demo.load(seed=7, size=0.04)
            before = _fingerprint()
            raise _Undo
    except _Undo:
        pass
    assert Person.objects.count() == 0
    second = demo.load(seed=7, size=0.04)
    assert _fingerprint() == before and first.counts == second.counts
    # --once does nothing the second time
    assert demo.load(seed=7, size=0.04, once=True).skipped
    assert _fingerprint() == before


def test_it_creates_the_demo_world_with_named_people_and_accounts():
    demo.load(seed=2026, size=0.04)
    dong_da = Unit.objects.get(code="phuong_dong_da")
    ha = Person.objects.get(full_name="Nguyễn Thị Thu Hà")
    assert ha.unit.path.startswith(dong_da.path) and ha.is_direct_worker
    request = eligibility_request(ha, "CSTD_TINH", 2025)
    assert {a.year for a in request.awards if a.award == "CSTDCS"} >= {2023, 2024, 2025}
    assert InitiativeEntry(2025, "TINH") in request.initiatives and AwardEntry(2025, "CSTDCS") in request.awards
    assert check_subject(ha, "CSTD_TINH", 2025).verdict == "eligible"
    hung = Person.objects.get(full_name="Trần Văn Hùng")
    assert check_subject(hung, "LDTT", 2025).verdict == "not_eligible"
    assert hung.unit.path.startswith(dong_da.path) and hung.disciplines.get().form == "KHIEN_TRACH"
    assert AwardRecord.objects.filter(issuer__code="quan_dong_da", decision_date__lt="2025-07-01").exists()
    assert not AwardRecord.objects.filter(issuer__code="quan_dong_da", decision_date__gte="2025-07-01").exists()
    users = get_user_model().objects
    assert users.get(username="quantri").is_superuser and users.get(username="chutich").check_password(demo_base.PASSWORD)
    assert RoleAssignment.objects.get(user__username="canbo.dongda").unit == dong_da
    assert RoleAssignment.objects.get(user__username="canbo.lang").unit.code == "phuong_lang"
    council = Council.objects.get(kind="tdkt", unit=dong_da)
    chair = council.members.get(role="chair")
    assert chair.user.username == "chutich" and chair.person.full_name == "Nguyễn Văn Thắng"
    # the council's members hold the council roles through their membership, and vote (the secretary does not)
    assert RoleAssignment.objects.get(user__username="hoidong").role == "council_member"
    assert RoleAssignment.objects.get(user__username="thuky", unit=dong_da).role == "council_secretary"
    assert council.members.get(user__username="hoidong").assignment.role == "council_member"
    assert is_council_voter(users.get(username="hoidong"), council, dt.date(2025, 12, 1))
    assert not is_council_voter(users.get(username="thuky"), council, dt.date(2025, 12, 1))
    # the history is imported history; the load acted as the system account
    assert not AwardRecord.objects.exclude(source=AwardSource.IMPORTED).exists()
    assert AuditEvent.objects.get(action=demo_base.LOADED_ACTION).actor.username == "he-thong"
    assert Cluster.objects.get(kind="cum").memberships.filter(year=2026, role="head", unit=dong_da).exists()
    assert Unit.objects.filter(is_small_collective=True, parent__kind="school").exists()


def test_the_accounts_command_prints_roles_and_scopes(capsys):
    demo.load(seed=1, size=0.02)
    call_command("demo", "accounts")
    out = capsys.readouterr().out
    assert "canbo.dongda" in out and "Phường Đống Đa" in out and "TdktDemo@2026" in out


def test_the_demo_gives_the_ward_officer_working_years_to_complete():
    """Issue 12: a transfer without the old unit's comment, maternity leave, a long course; the CSTĐCS initiatives of
    the 2003 law marked as used for their title."""
    demo.load(seed=2026, size=0.04)
    moved = WorkYear.objects.get(transfer_from="Phường Kim Liên")
    assert moved.person.unit.path.startswith(Unit.objects.get(code="phuong_dong_da").path)
    checks = {c.code: c for c in check_subject(moved.person, "LDTT", 2025).checks}
    assert checks["TRANSFER_COMMENT"].result == "cannot_judge"
    assert checks["RATING"].result == "pass"  # the missing comment, not the rating, decides
    assert WorkYear.objects.filter(maternity_days__gt=0).exists() and WorkYear.objects.filter(training_months__gte=12).exists()
    used = Initiative.objects.filter(used_for__isnull=False).select_related("used_for")
    assert used.exists() and all(i.used_for.award_code == "CSTDCS" and i.used_for.year == i.year for i in used)


def test_the_demo_round_gives_the_officer_and_the_office_dossiers_waiting(client):
    """Issue 13, point 10: an open 2025 round of Phường Đống Đa with dossiers in every state so far; each of the
    officer and the office finds its own waiting on the home page."""
    from django.urls import reverse

    from tdkt.nominations.models import Dossier, Round

    demo.load(seed=2026, size=1.0)
    round_ = Round.objects.get(office_unit__code="phuong_dong_da", year=2025)
    assert round_.status == "open"
    states = set(Dossier.objects.filter(round=round_).values_list("status", flat=True))
    assert states == {"draft", "returned", "submitted", "awaiting_opinions", "in_consultation", "ready_for_council"}
    assert Dossier.objects.filter(round=round_, status="returned").count() == 2
    users = get_user_model().objects
    client.force_login(users.get(username="canbo.dongda"))
    officer_home = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-dossiers"' in officer_home and "Trả lại để bổ sung" in officer_home
    client.force_login(users.get(username="thamdinh"))
    office_home = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-dossiers"' in office_home and "Đã gửi" in office_home


def test_the_demo_police_account_finds_a_request_waiting():
    from tdkt.nominations import selectors_opinions

    demo.load(seed=2026, size=0.25)
    user = get_user_model().objects.get(username="hiepy.congan")
    police = Unit.objects.get(code="cong_an_dong_da")
    assert RoleAssignment.objects.get(user=user).unit == police and RoleAssignment.objects.get(user=user).role == "agency"
    waiting = list(selectors_opinions.inbox(user).filter(status="pending"))
    assert waiting and {r.addressee for r in waiting} == {police}
    assert waiting[0].dossier.status == "awaiting_opinions"


def test_the_demo_round_has_a_village_proposing_its_households_for_gdvh():
    from tdkt.nominations.models import Nominee

    demo.load(seed=2026, size=0.04)
    nominees = list(Nominee.objects.filter(dossier__unit__code="tdp_dong_da_01", household__isnull=False).select_related("household__village"))
    assert nominees and {n.award_code for n in nominees} == {"GDVH"}
    assert all(n.household.village.code == "tdp_dong_da_01" and n.verdict and n.dossier.status == "draft" for n in nominees)
