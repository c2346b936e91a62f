"""Issue 13, point 7 in real browsers, each in its own context: the standing office publishes a dossier's list for
public consultation; an anonymous visitor comments (a script tag included) after answering the challenge; the portal
editor approves the comment; the visitor sees it, escaped, and the appraiser finds it on the dossier."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tdkt.core.actors import system_actor
from tdkt.nominations import services
from tests.nominations.conftest import attach_components
from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NUMBERS = {w: i for i, w in enumerate(("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"))}
TEXT = "<script>alert('x')</script> Thầy An dạy rất tận tâm, phụ huynh đều tin yêu."


def _as(browser, browser_context_args, live_server, username):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=f"Xin chào, {username}")).to_be_visible()
    return page


def _answer(question: str) -> str:
    words = question.lower().split()
    return str(NUMBERS[words[0]] + NUMBERS[words[2]])


def test_the_office_publishes_a_visitor_comments_the_editor_approves(browser, browser_context_args, live_server, personas, tree,
                                                                      settings, shot):
    settings.CONSULTATION_MIN_FILL_SECONDS = 0  # the browser fills the form faster than a person
    y, officer, appraiser_user = tree.year, personas["officer_a"], personas["appraiser"]
    round_ = services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=y, kind="ANNUAL",
                                 title=f"Khen thưởng tổng kết năm {y}", awards=["CSTDCS"], intake_from=dt.date(y, 11, 1),
                                 intake_to=dt.date(y + 1, 12, 31))
    dossier_a = services.dossier_create(actor=officer, round_=round_, unit=tree.school_a)
    services.nominee_add(actor=officer, dossier=dossier_a, person=tree.an, award_code="CSTDCS", summary="Giáo viên dạy giỏi")
    attach_components(dossier_a, officer)
    services.dossier_act(actor=officer, dossier=dossier_a, action="submit")
    for action in ("receive", "start_appraisal"):
        services.dossier_act(actor=appraiser_user, dossier=dossier_a, action=action)

    office = _as(browser, browser_context_args, live_server, "thamdinh")
    office.goto(f"{live_server.url}/ho-so-khen-thuong/{dossier_a.pk}/")
    office.get_by_test_id("dossier-actions").get_by_role("link", name="Lấy ý kiến công khai").click()
    office.get_by_role("button", name="Lấy ý kiến công khai").click()
    expect(office.get_by_test_id("dossier-status")).to_have_text("Đang lấy ý kiến công khai")
    expect(office.get_by_test_id("consultation-panel")).to_contain_text("Đang nhận ý kiến")
    shot(office, "consultation-1-opened")

    visitor = browser.new_context(**browser_context_args).new_page()
    dialogs = []
    visitor.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visitor.goto(f"{live_server.url}/lay-y-kien/")
    visitor.get_by_role("link", name="Trường THCS Đống Đa").click()
    nominee = visitor.get_by_test_id("public-nominee").first
    expect(nominee).to_contain_text("Nguyễn Văn An")
    expect(nominee).to_contain_text("Chiến sĩ thi đua cơ sở")
    expect(nominee).not_to_contain_text("1985")
    shot(visitor, "consultation-2-public-list", doc=True)
    visitor.get_by_role("link", name="Góp ý về Nguyễn Văn An").click()
    visitor.get_by_label("Nội dung ý kiến").fill(TEXT)
    visitor.get_by_label("Họ và tên").fill("Phụ huynh lớp 9A")
    visitor.get_by_label("Câu hỏi kiểm tra").fill("99")  # a wrong answer first: refused, a new question
    visitor.get_by_role("button", name="Gửi ý kiến").click()
    expect(visitor.get_by_text("Câu trả lời câu hỏi kiểm tra chưa đúng.")).to_be_visible()
    visitor.get_by_label("Câu hỏi kiểm tra").fill(_answer(visitor.get_by_test_id("challenge-question").inner_text()))
    visitor.get_by_role("button", name="Gửi ý kiến").click()
    expect(visitor.get_by_text("Cảm ơn bạn đã góp ý.")).to_be_visible()
    expect(visitor.get_by_test_id("approved-comments")).to_have_count(0)  # waits for moderation

    editor = _as(browser, browser_context_args, live_server, "bientap")
    editor.get_by_role("link", name="Kiểm duyệt góp ý", exact=True).click()
    expect(editor.get_by_test_id("comment-queue")).to_contain_text("Nguyễn Văn An")
    editor.get_by_test_id("comment-queue").get_by_role("link", name="Kiểm duyệt").first.click()
    expect(editor.get_by_test_id("comment")).to_contain_text(TEXT)
    shot(editor, "consultation-3-moderation", doc=True)
    editor.get_by_role("button", name="Duyệt, cho hiển thị").click()
    expect(editor.get_by_text("Đã duyệt ý kiến")).to_be_visible()

    visitor.reload()
    comments = visitor.get_by_test_id("approved-comments")
    expect(comments).to_contain_text(TEXT)  # the script tag shows as text, it does not run
    expect(comments).to_contain_text("Phụ huynh lớp 9A")
    shot(visitor, "consultation-4-approved", doc=True)
    assert dialogs == []

    office.reload()
    expect(office.get_by_test_id("consultation-comments")).to_contain_text("Thầy An dạy rất tận tâm")
    for page in (office, visitor, editor):
        page.context.close()
