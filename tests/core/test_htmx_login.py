"""An expired session inside htmx: the people search answers HX-Redirect to the login page, and back after it."""

from urllib.parse import quote

from django.urls import reverse

from tests.personas import PASSWORD

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "people-results", "HTTP_HX_CURRENT_URL": "http://testserver/ca-nhan/?q=nguyen"}


def test_the_people_search_without_a_session_redirects_the_whole_page_to_login(client, officer_a):
    response = client.get("/ca-nhan/", {"q": "nguyen van"}, **HTMX)
    assert response.status_code == 200
    login = reverse("accounts:login")
    assert response["HX-Redirect"] == f"{login}?next={quote('/ca-nhan/?q=nguyen', safe='')}"
    assert "Location" not in response
    assert "Đăng nhập" not in response.content.decode()  # no login page to swap into the results


def test_the_login_brings_the_user_back_to_the_page(client, officer_a):
    target = client.get("/ca-nhan/", {"q": "nguyen van"}, **HTMX)["HX-Redirect"]
    page = client.get(target).content.decode()
    assert 'name="next" value="/ca-nhan/?q=nguyen"' in page
    response = client.post(target, {"username": "canbo.dongda", "password": PASSWORD, "next": "/ca-nhan/?q=nguyen"})
    assert response.status_code == 302
    assert response["Location"] == "/ca-nhan/?q=nguyen"


def test_a_current_url_of_another_site_is_not_followed(client, officer_a):
    response = client.get("/ca-nhan/", {"q": "an"}, **{**HTMX, "HTTP_HX_CURRENT_URL": "https://evil.example/ca-nhan/"})
    assert response["HX-Redirect"] == f"{reverse('accounts:login')}?next={quote('/ca-nhan/?q=an', safe='')}"


def test_an_ordinary_request_still_gets_the_usual_redirect(client, officer_a):
    response = client.get("/ca-nhan/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "HX-Redirect" not in response


def test_a_logged_in_htmx_search_gets_its_partial(client, officer_a):
    client.force_login(officer_a)
    response = client.get("/ca-nhan/", {"q": "an"}, **HTMX)
    assert response.status_code == 200
    assert "HX-Redirect" not in response
    assert "<html" not in response.content.decode()
