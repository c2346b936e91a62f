"""Issue 13 in real browsers, each account in its own context: the unit officer prepares a dossier (a nominee picked
from the directory, the eligible people of a batch run in one click) and sends it; the appraiser returns it with a
reason; the officer sends it again; the appraiser receives it, appraises it and puts it before the council; an
anonymous visitor follows it by its tracking code. A screenshot of every step goes to the test output."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tdkt.core.actors import system_actor
from tdkt.nominations import services
from tdkt.reports import services as batch_services
from tests.personas import PASSWORD
from tests.upload_samples import pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _as(browser, browser_context_args, live_server, username):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=f"Xin chào, {username}")).to_be_visible()
    return page


def _act(page, label, reason=""):
    page.get_by_test_id("dossier-actions").get_by_role("link", name=label).click()
    if reason:
        page.get_by_label("Lý do").fill(reason)
    page.get_by_role("button", name=label).click()


def test_a_dossier_goes_from_the_unit_to_the_councils_door(browser, browser_context_args, live_server, personas, tree, shot):
    y = tree.year
    round_ = services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=y, kind="ANNUAL",
                                 title=f"Khen thưởng tổng kết năm {y}", awards=["LDTT", "CSTDCS"],
                                 intake_from=dt.date(y, 11, 1), intake_to=dt.date(y + 1, 12, 31))
    officer_user = personas["officer_a"]
    run = batch_services.batch_run_start(actor=officer_user, unit=tree.ward_a, year=y)
    batch_services.batch_run_execute(actor=system_actor(), run_id=run.pk)

    officer = _as(browser, browser_context_args, live_server, "canbo.dongda")
    officer.get_by_role("link", name="Hồ sơ khen thưởng", exact=True).click()
    officer.get_by_role("link", name=round_.title).click()
    officer.get_by_role("link", name="Lập hồ sơ").click()
    officer.get_by_label("Đơn vị đề nghị").select_option(str(tree.school_a.pk))
    officer.get_by_role("button", name="Lưu").click()
    expect(officer.get_by_text("Đã lập hồ sơ; mã tra cứu")).to_be_visible()
    code = officer.get_by_test_id("tracking-code").inner_text()
    shot(officer, "dossier-1-created")

    # a nominee from the directory, then the eligible people of the batch run in one click
    form = officer.locator("#add-nominee")
    form.get_by_label("Cá nhân").select_option(str(tree.an.pk))
    form.get_by_label("Danh hiệu, hình thức đề nghị").select_option("CSTDCS")
    form.get_by_label("Tóm tắt thành tích").fill("Giáo viên dạy giỏi cấp thành phố; sáng kiến được công nhận cấp cơ sở.")
    form.get_by_role("button", name="Thêm vào hồ sơ").click()
    expect(officer.get_by_text("Đã thêm Nguyễn Văn An vào hồ sơ.")).to_be_visible()
    batch = officer.locator("#from-batch")
    batch.get_by_label("Danh hiệu, hình thức").select_option("LDTT")
    batch.get_by_role("button", name="Thêm người đủ điều kiện").click()
    expect(officer.get_by_text("người đủ điều kiện từ lượt xét vào hồ sơ")).to_be_visible()
    expect(officer.get_by_test_id("nominees").get_by_test_id("nominee-verdict").first).to_be_visible()
    # the files of the round's components, one of them missing at first
    for component, name, label in (("TO_TRINH", "To trinh 12-TTr.pdf", "Tờ trình đề nghị khen thưởng"),
                              ("DANH_SACH", "Danh sach.pdf", "Danh sách đề nghị khen thưởng"),
                              ("BAO_CAO", "Bao cao thanh tich.pdf", "Báo cáo thành tích")):
        files = officer.get_by_test_id("checklist")
        files.get_by_label("Thành phần hồ sơ").select_option(component)
        files.locator("#file_file").set_input_files(files=[{"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes(component)}])
        files.get_by_role("button", name="Đính kèm").click()
        expect(officer.get_by_text(f"Đã đính kèm “{name}” ({label}).")).to_be_visible()
    shot(officer, "dossier-2-nominees", doc=True)
    _act(officer, "Gửi hồ sơ")
    expect(officer.get_by_test_id("dossier-status")).to_have_text("Đã gửi")
    dossier_url = officer.url

    appraiser = _as(browser, browser_context_args, live_server, "thamdinh")
    expect(appraiser.get_by_test_id("home-dossiers")).to_contain_text("Trường THCS Đống Đa")
    appraiser.get_by_test_id("home-dossiers").get_by_role("link").first.click()
    expect(appraiser.get_by_test_id("checklist")).to_contain_text("✗ Biên bản họp bình xét")
    _act(appraiser, "Trả lại để bổ sung", "Thiếu biên bản họp bình xét có kết quả biểu quyết.")
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Trả lại để bổ sung")
    shot(appraiser, "dossier-3-returned")

    officer.goto(dossier_url)
    expect(officer.get_by_test_id("dossier-history")).to_contain_text("Thiếu biên bản họp bình xét có kết quả biểu quyết.")
    files = officer.get_by_test_id("checklist")
    files.get_by_label("Thành phần hồ sơ").select_option("BIEN_BAN")
    files.locator("#file_file").set_input_files(files=[{"name": "Bien ban hop.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}])
    files.get_by_role("button", name="Đính kèm").click()
    expect(officer.get_by_text("Đã đính kèm “Bien ban hop.pdf”")).to_be_visible()
    _act(officer, "Gửi lại sau bổ sung")
    expect(officer.get_by_test_id("dossier-status")).to_have_text("Đã gửi lại sau bổ sung")
    shot(officer, "dossier-4-resubmitted")

    appraiser.goto(dossier_url)
    for label, state in (("Tiếp nhận hồ sơ", "Đã tiếp nhận"), ("Bắt đầu thẩm định", "Đang thẩm định")):
        _act(appraiser, label)
        expect(appraiser.get_by_test_id("dossier-status")).to_have_text(state)
    count = appraiser.get_by_test_id("appraisal-form").count()
    assert count >= 2
    for i in range(count):  # every nominee gets the appraiser's conclusion before the council
        form = appraiser.get_by_test_id("appraisal-form").nth(i)
        form.get_by_label("Kết luận thẩm định").select_option("eligible")
        form.get_by_label("Ý kiến thẩm định").fill("Đủ thành phần hồ sơ, đủ tiêu chuẩn.")
        form.get_by_role("button", name="Lưu").click()
        expect(appraiser.get_by_test_id("appraisal")).to_have_count(i + 1)
    expect(appraiser.get_by_test_id("appraisal").first).to_contain_text("Thẩm định: Đủ điều kiện")
    _act(appraiser, "Trình Hội đồng")
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Sẵn sàng trình Hội đồng")
    shot(appraiser, "dossier-5-ready", doc=True)

    visitor = browser.new_context(**browser_context_args).new_page()
    visitor.goto(f"{live_server.url}/tra-cuu/")
    visitor.get_by_placeholder("Mã tra cứu").fill(code.lower())
    visitor.get_by_role("button", name="Tra cứu").click()
    result = visitor.get_by_test_id("tracking-result")
    expect(result).to_contain_text("Sẵn sàng trình Hội đồng")
    expect(result).not_to_contain_text("Nguyễn Văn An")
    shot(visitor, "dossier-6-tracking", doc=True)
