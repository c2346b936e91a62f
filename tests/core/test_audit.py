import pytest
from django.contrib.auth import get_user_model

from tdkt.core import audit
from tdkt.core.models import AuditEvent


@pytest.mark.django_db
def test_it_records_who_did_what_to_which_object():
    user = get_user_model().objects.create_user("canbo", password="x-Secret-123")
    audit.record(actor=user, action="records.rating.created", target=user, data={"year": 2025})
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.target_id, event.data) == (user, "records.rating.created", str(user.pk), {"year": 2025})
