import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture(autouse=True)
def _default_language_after():
    """A request activates its language in this thread; the next test starts from the default again."""
    yield
    translation.deactivate()


@pytest.fixture
def superuser_client(client, db):
    admin = get_user_model().objects.create_superuser("quantri", password="x-Secret-123")
    client.force_login(admin)
    return client


@pytest.mark.django_db
def test_it_speaks_vietnamese_even_to_an_english_browser(client):
    admin = get_user_model().objects.create_superuser("quantri", password="x-Secret-123")
    client.force_login(admin)
    response = client.get(reverse("admin:law_coefficient_changelist"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert response.status_code == 200
    assert "để thay đổi" in page
    assert "Select Hệ số" not in page


def test_an_english_browser_gets_the_app_pages_in_vietnamese(superuser_client):
    response = superuser_client.get(reverse("records:people_list"), **ENGLISH_BROWSER)
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    assert "Danh sách cá nhân" in page and "Đổi mật khẩu" in page
    assert "Accept-Language" not in response.get("Vary", "")


def test_the_language_cookie_switches_the_django_admin_to_english(superuser_client):
    superuser_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = superuser_client.get(reverse("admin:law_coefficient_changelist"))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    # Django's own strings are English (its catalogue), and so are ours (the en catalogue).
    assert "Log out" in page and "Change password" in page
    assert "Select Reward coefficient to change" in page
    assert "để thay đổi" not in page


def test_with_the_cookie_our_strings_read_english(superuser_client):
    superuser_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = superuser_client.get(reverse("records:people_list")).content.decode()
    assert "Individuals" in page and "Search by name" in page and "Change password" in page
    assert "Danh sách cá nhân" not in page and "Tìm theo tên" not in page
    assert '<html lang="en">' in page  # screen readers and browsers are told the page's language


def test_a_cookie_naming_another_language_is_ignored(superuser_client):
    superuser_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = superuser_client.get(reverse("admin:law_coefficient_changelist"), **ENGLISH_BROWSER)
    assert response["Content-Language"] == "vi"
    assert "để thay đổi" in response.content.decode()


def _msgids(path: Path) -> set[str]:
    """The msgids of a .po file (continuation lines joined, escapes undone)."""
    ids, current, in_id = set(), None, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current, in_id = [line[len("msgid "):]], True
        elif in_id and line.startswith('"'):
            current.append(line)
        else:
            if in_id and current is not None:
                ids.add("".join(re.sub(r'^"|"$', "", part) for part in current).replace('\\"', '"').replace("\\n", "\n"))
            in_id = False
    return ids


def test_the_english_catalogue_lists_the_marked_strings():
    ids = _msgids(CATALOGUE)
    assert {"Cá nhân", "Hệ số tiền thưởng", "Khen thưởng đã nhận", "Hoàn thành"} <= ids  # models: names, choices
    assert {"Tìm theo tên", "Tất cả đơn vị", "Mật khẩu hiện tại"} <= ids  # forms: labels, empty labels
    assert {"Danh sách cá nhân", "Đổi mật khẩu", "Hồ sơ thành tích", "Phạm vi:"} <= ids  # templates
    assert "Tìm thấy %(n)s cá nhân" in ids  # a counted phrase (blocktranslate count)
    assert (CATALOGUE.parent / "django.mo").exists()


def test_every_string_of_the_english_catalogue_is_translated():
    """A string marked since the catalogue was last completed shows Vietnamese in English: after `makemessages`, every
    entry needs its translation (an empty or fuzzy msgstr is not used; tdkt/locale/README.md)."""
    import gettext

    with open(CATALOGUE.parent / "django.mo", "rb") as compiled:
        translated = {key[0] if isinstance(key, tuple) else key for key in gettext.GNUTranslations(compiled)._catalog}
    missing = sorted(_msgids(CATALOGUE) - translated - {""})
    assert not missing, f"{len(missing)} untranslated or fuzzy, e.g. {missing[:5]}"
