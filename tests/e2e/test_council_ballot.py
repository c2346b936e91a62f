"""A council session in real browsers (issue 14): the secretary opens the ballot; a member votes from a phone-size
screen in their own browser context; the secretary's live count moves without the page being reloaded (htmx) and shows
no content; the secretary records an absent member's written vote, closes the ballot and reads the results.
Screenshots of every step under test-results/."""

import re

import pytest
from playwright.sync_api import expect

from tdkt.council import services
from tests.council.conftest import HELD_ON, council, dossiers  # noqa: F401  (fixtures)
from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _prepared(council):  # noqa: F811
    session = services.session_create(actor=council.secretary, council=council.council, held_on=HELD_ON,
                                      title="Phiên họp xét khen thưởng năm 2025", place="Hội trường UBND phường")
    services.agenda_add_ready(actor=council.secretary, session=session)
    for key, member in council.members.items():
        if member.role != "secretary":
            status = "absent_written" if key == "Đỗ Văn Hiệu" else "present"
            services.attendance_record(actor=council.secretary, session=session, member=member, status=status)
    return session


def test_a_member_votes_from_a_phone_and_the_secretary_closes_the_ballot(browser, live_server, council, dossiers, login, shot):  # noqa: F811
    session = _prepared(council)
    detail = f"{live_server.url}/hoi-dong/phien-hop/{session.pk}/"

    secretary = browser.new_page()
    login(secretary, "thuky", PASSWORD)
    secretary.goto(detail)
    expect(secretary.get_by_test_id("attendance")).to_contain_text("Đỗ Văn Hiệu")
    expect(secretary.get_by_test_id("agenda-group").first).to_contain_text("Nguyễn Văn An")
    shot(secretary, "council-session-draft")
    secretary.get_by_test_id("act-open_ballot").click()
    expect(secretary.get_by_test_id("session-status")).to_have_text("Đang bỏ phiếu")
    expect(secretary.get_by_test_id("ballot-count")).to_contain_text("0/5")
    shot(secretary, "council-session-open")

    phone = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    member = phone.new_page()
    login(member, "hoidong", PASSWORD)
    expect(member.get_by_test_id("home-ballots")).to_be_visible()
    member.get_by_test_id("home-ballots").get_by_role("link").first.click()
    expect(member).to_have_url(re.compile(r"/phieu-bau/$"))
    agree = member.get_by_text("Đồng ý", exact=True)
    expect(agree).to_have_count(2)
    box = agree.first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 140  # large enough for a thumb on a 390 px screen
    shot(member, "council-ballot-phone", doc=True)
    agree.first.click()
    member.get_by_text("Không đồng ý", exact=True).nth(1).click()
    member.once("dialog", lambda dialog: dialog.accept())
    member.get_by_test_id("cast").click()
    expect(member.get_by_test_id("voted")).to_be_visible()
    shot(member, "council-ballot-phone-cast")

    # The secretary's count moves by itself (htmx polling), and never shows what was voted.
    expect(secretary.get_by_test_id("ballot-count")).to_contain_text("1/5", timeout=12_000)
    expect(secretary.get_by_test_id("ballot-count")).not_to_contain_text("Đồng ý")
    for username in ("uyvien1", "uyvien2", "uyvien3"):
        services.vote_cast(actor=council.users[username], session=session,
                           choices={i.pk: "agree" for i in session.items.all()})
    secretary.reload()
    secretary.get_by_role("link", name="Ghi phiếu bằng văn bản").click()
    expect(secretary.get_by_role("heading", name="Phiếu bằng văn bản của Đỗ Văn Hiệu")).to_be_visible()
    for label in secretary.get_by_text("Đồng ý", exact=True).all():
        label.click()
    shot(secretary, "council-written-vote")
    secretary.get_by_test_id("cast").click()
    expect(secretary.get_by_test_id("ballot-count")).to_contain_text("5/5")
    secretary.once("dialog", lambda dialog: dialog.accept())
    secretary.get_by_test_id("act-close_ballot").click()
    results = secretary.get_by_test_id("results")
    expect(results).to_be_visible()
    # CSTĐCS: 5 of 5 agree; LĐTT: 4 of 5 (the member disagreed), both above their thresholds (Điều 30 NĐ 98/2023).
    expect(results.locator("tr", has_text="Nguyễn Văn An")).to_contain_text("100,00%")
    expect(results.locator("tr", has_text="Trần Thị Bình")).to_contain_text("80,00%")
    expect(results).to_contain_text("Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP")
    shot(secretary, "council-results", doc=True)
    phone.close()
