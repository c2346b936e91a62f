"""Browser tests: pytest-playwright driving Debian's Chromium against pytest-django's live_server."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results" / os.environ.get("TDKT_SHOTS_DIR", "screenshots")  # one folder per pass (scripts/test.sh)
DOC_SHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def shot():
    """shot(page, name, doc=False): save a screenshot under test-results/; with doc=True and
    TDKT_DOC_SCREENSHOTS=1 also under docs/screenshots/ (the README's pictures)."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, doc: bool = False, full_page: bool = True):
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
        if doc and os.environ.get("TDKT_DOC_SCREENSHOTS") == "1":
            DOC_SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(DOC_SHOTS / f"{name}.png"), full_page=full_page)

    return take


@pytest.fixture
def login(live_server):
    def do(page, username: str, password: str):
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()

    return do
