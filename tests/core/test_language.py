import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse


@pytest.mark.django_db
def test_it_speaks_vietnamese_even_to_an_english_browser(client):
    admin = get_user_model().objects.create_superuser("quantri", password="x-Secret-123")
    client.force_login(admin)
    response = client.get(reverse("admin:law_coefficient_changelist"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert response.status_code == 200
    assert "để thay đổi" in page
    assert "Select Hệ số" not in page
