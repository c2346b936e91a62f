"""The cache shared by every worker (Redis, as in production): what it memoises is dropped when its data changes.

These tests talk to the Redis on 127.0.0.1 (as the suite talks to PostgreSQL); each uses keys of its own. They
run outside a transaction (transactional tests), since nothing is stored from inside one.
"""

import datetime as dt
import secrets

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from tdkt.accounts import scoping
from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.roles import Role
from tdkt.accounts.services import role_assign, role_revoke
from tdkt.core import shared_cache
from tdkt.core.actors import system_actor

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def redis_cache():
    prefix = f"tdkt-test-{secrets.token_hex(6)}"
    config = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
                          "KEY_PREFIX": prefix}}
    with override_settings(CACHES=config, TDKT_SHARED_CACHE=True):
        yield caches["default"]


def test_a_value_is_built_once_until_its_family_is_bumped(redis_cache):
    built = []

    def build():
        built.append(1)
        return {"n": len(built)}

    assert shared_cache.get_or_build("f", "k", build) == {"n": 1}
    assert shared_cache.get_or_build("f", "k", build) == {"n": 1}  # from Redis
    assert len(built) == 1
    shared_cache.bump("f")
    assert shared_cache.get_or_build("f", "k", build) == {"n": 2}
    assert shared_cache.get_or_build("other", "k", build) == {"n": 3}  # families do not share values


def test_nothing_is_stored_from_inside_a_transaction(redis_cache):
    built = []
    with transaction.atomic():
        shared_cache.get_or_build("f", "k", lambda: built.append(1))
    shared_cache.get_or_build("f", "k", lambda: built.append(1))
    assert len(built) == 2


def test_a_lost_generation_does_not_bring_old_values_back(redis_cache):
    shared_cache.get_or_build("f", "k", lambda: "old")
    redis_cache.delete("gen:f")  # evicted
    assert shared_cache.get_or_build("f", "k", lambda: "new") == "new"


def test_without_redis_nothing_is_memoised(db):
    built = []
    for _ in range(2):
        shared_cache.get_or_build("f", "k", lambda: built.append(1))
    assert len(built) == 2


def _page(client, user):
    client.force_login(user)
    return client.get(reverse("records:people_list"))


def test_a_revoked_role_takes_effect_on_the_next_request(redis_cache, client, tree, officer_a):
    assert _page(client, officer_a).status_code == 200
    assert _page(client, officer_a).status_code == 200  # the assignments now come from Redis
    for assignment in RoleAssignment.objects.filter(user=officer_a):
        role_revoke(actor=system_actor(), assignment=assignment)
    assert _page(client, officer_a).status_code in (302, 403, 404)


def test_a_granted_role_takes_effect_on_the_next_request(redis_cache, client, tree, django_user_model):
    user = django_user_model.objects.create_user("moi_bo_nhiem", password="x")
    assert _page(client, user).status_code in (302, 403, 404)
    role_assign(actor=system_actor(), user=user, role=Role.UNIT_OFFICER, unit=tree.ward_a)
    response = _page(client, user)
    assert response.status_code == 200 and tree.an.full_name in response.content.decode()


def test_the_unit_filter_follows_a_renamed_unit(redis_cache, client, tree, officer_a):
    assert tree.school_a.name in _page(client, officer_a).content.decode()
    tree.school_a.name = "Trường Tiểu học Đổi Tên"
    tree.school_a.save()
    assert "Trường Tiểu học Đổi Tên" in _page(client, officer_a).content.decode()


def test_assignments_are_memoised_per_day(redis_cache, tree, django_user_model):
    user = django_user_model.objects.create_user("tu_ngay_mai", password="x")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    role_assign(actor=system_actor(), user=user, role=Role.UNIT_OFFICER, unit=tree.ward_a, valid_from=tomorrow)
    user = django_user_model.objects.get(pk=user.pk)
    assert scoping.active_assignments(user) == []
    assert [a.role for a in scoping.active_assignments(user, on=tomorrow)] == [Role.UNIT_OFFICER]
    user = django_user_model.objects.get(pk=user.pk)  # a new request: both days come from Redis, each its own
    assert scoping.active_assignments(user) == []
    assert [a.role for a in scoping.active_assignments(user, on=tomorrow)] == [Role.UNIT_OFFICER]
