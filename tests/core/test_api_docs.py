"""Issue 13, point 9: the OpenAPI schema at /api/schema/ and readable docs at /api/docs/, with every asset served by
the app itself (no CDN: government networks are often closed)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_docs_page_and_its_assets_are_served_locally(client):
    assert client.get("/api/schema/?format=json").json()["info"]["title"] == "TĐKT API"
    page = client.get(reverse("api-docs"))
    assert page.status_code == 200
    body = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert assets and not [a for a in assets if a.startswith(("http://", "https://", "//"))]
    assert any("swagger-ui" in a for a in assets)
    assert reverse("api-schema") in body
    script = next(a for a in assets if a.endswith(".js") and "swagger-ui" in a)
    assert client.get(script).status_code == 200
