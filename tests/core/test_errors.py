"""403 and CSRF in Vietnamese, with a way out; a refusal is one line in the log; no English parser text in the API."""

import io
import json
import logging

from django.test import Client
from django.urls import reverse
from rest_framework.exceptions import ParseError, ValidationError

from tdkt.core.api import exception_handler
from tdkt.core.logs import OneLineForbidden
from tests.personas import make_user

CSRF_WORDS = "Thiếu hoặc sai mã chống giả mạo (CSRF)"


def test_a_stale_form_of_a_logged_in_user_gets_a_vietnamese_page_with_a_way_back(officer_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer_a)
    url = reverse("accounts:password_change")
    response = browser.post(url, {"old_password": "x"}, HTTP_REFERER=f"http://testserver{url}")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in body and "Dữ liệu chưa được lưu." in body
    assert f'href="http://testserver{url}"' in body and "Tải lại trang biểu mẫu" in body
    assert "CSRF verification failed" not in body and "Forbidden" not in body


def test_a_stale_form_after_logging_out_in_another_tab_offers_the_login_and_back(db):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(reverse("accounts:logout"), HTTP_REFERER="http://testserver/ca-nhan/?q=an")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Phiên đăng nhập đã kết thúc" in body
    assert 'href="/tai-khoan/dang-nhap/?next=http%3A%2F%2Ftestserver%2Fca-nhan%2F%3Fq%3Dan"' in body


def test_a_referer_from_another_site_is_not_offered_as_the_way_back(db):
    browser = Client(enforce_csrf_checks=True)
    body = browser.post(reverse("accounts:login"), {}, HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in body
    assert 'href="/tai-khoan/dang-nhap/"' in body


def test_an_api_call_with_a_session_but_no_csrf_token_says_so(officer_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer_a)
    response = browser.post(reverse("api:reward-compute"), json.dumps({"award": "CSTDCS", "subject": "individual", "decided_on": "2026-01-15"}),
                            content_type="application/json")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error.startswith(CSRF_WORDS) and "X-CSRFToken" in error
    assert "Bạn không có quyền" not in error


def test_an_api_call_with_the_csrf_token_passes(officer_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer_a)
    browser.get(reverse("accounts:password_change"))
    token = browser.cookies["csrftoken"].value
    response = browser.post(reverse("api:reward-compute"), json.dumps({"award": "CSTDCS", "subject": "individual", "decided_on": "2026-01-15"}),
                            content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def _console_handler():
    return next(h for h in logging.getLogger().handlers if any(isinstance(f, OneLineForbidden) for f in h.filters))


def test_an_ordinary_403_is_logged_as_one_line_without_a_traceback(client, tree):
    stranger = make_user("khong.vai.tro")
    client.force_login(stranger)
    handler = _console_handler()
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        response = client.get(reverse("org:unit_tree"))
    finally:
        handler.setStream(old)
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()
    lines = [line for line in stream.getvalue().splitlines() if "Forbidden" in line or "Traceback" in line or line.startswith("  ")]
    assert len(lines) == 1, stream.getvalue()
    assert lines[0].startswith(f"Forbidden (Permission denied): {reverse('org:unit_tree')} (user khong.vai.tro")
    assert "Traceback" not in stream.getvalue()


def test_api_400_details_carry_no_english_parser_text():
    response = exception_handler(ParseError("JSON parse error - Expecting value: line 1 column 1 (char 0)"), {})
    assert response.status_code == 400
    assert response.data == {"error": "Dữ liệu JSON sai cú pháp.", "details": None}
    assert "Expecting value" not in json.dumps(response.data)
    response = exception_handler(ValidationError({"year": ["Phải là số nguyên."]}), {})
    assert response.data == {"error": "Dữ liệu gửi lên không hợp lệ (JSON sai cú pháp hoặc thiếu trường).",
                             "details": {"year": ["Phải là số nguyên."]}}


def test_the_api_parser_error_of_a_real_endpoint_is_vietnamese(officer_a):
    browser = Client()
    browser.force_login(officer_a)
    response = browser.post(reverse("api-token"), '{"username": ', content_type="application/json")
    assert response.status_code == 400
    assert "parse" not in json.dumps(response.json()).lower()
