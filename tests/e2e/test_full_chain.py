"""Issue 13 end to end in real browsers, each account in its own context: the unit officer creates a dossier, adds the
eligible people of a batch run and a list from the Excel template, attaches the files and sends it; the appraiser
returns it with a reason; the officer completes it and sends it again; the appraiser receives and appraises it and asks
the ward's police for an opinion; the agency's account answers (and sees nothing else of the system); the office
publishes the list; an anonymous visitor comments; the portal editor approves the comment (shown after approval, not
before, escaped); once the consultation has run its time the dossier goes before the council, and the visitor follows
it by its tracking code. Only the round and the batch run are made by services; a screenshot of every step goes to
test-results/screenshots/ (and, with TDKT_DOC_SCREENSHOTS=1, the README's to docs/screenshots/)."""

import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from tdkt.core import calendar
from tdkt.core.actors import system_actor
from tdkt.nominations import services
from tdkt.nominations.models_consultation import Comment, Consultation
from tdkt.reports import services as batch_services
from tests.personas import PASSWORD
from tests.upload_samples import pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NUMBERS = {w: i for i, w in enumerate(("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"))}
COMMENT = "<script>alert('x')</script> Thầy An dạy rất tận tâm, phụ huynh đều tin yêu."
REASON = "Thiếu biên bản họp bình xét có kết quả biểu quyết."
ANSWER = "Chấp hành tốt pháp luật, không vi phạm an ninh, trật tự tại địa phương."
CSTDCS, LDTT = "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"


def _as(browser, browser_context_args, live_server, username):
    page = browser.new_context(**browser_context_args).new_page()
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=f"Xin chào, {username}")).to_be_visible()
    return page


def _act(page, label, reason=""):
    page.get_by_test_id("dossier-actions").get_by_role("link", name=label).click()
    if reason:
        page.get_by_label(re.compile(r"^Lý do\s*\*?$")).fill(reason)  # the general reason (not a per-item one)
    page.get_by_role("button", name=label).click()


def _attach(page, component, name, label):
    files = page.get_by_test_id("checklist")
    files.get_by_label("Thành phần hồ sơ").select_option(component)
    files.locator("#file_file").set_input_files(files=[{"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes(component)}])
    files.get_by_role("button", name="Đính kèm").click()
    expect(page.get_by_text(f"Đã đính kèm “{name}” ({label}).")).to_be_visible()


def _nominee(page, award):
    return page.get_by_test_id("nominees").locator("li[data-nominee]").filter(has_text=award)


def _answer(question: str) -> str:
    words = question.lower().split()
    return str(NUMBERS[words[0]] + NUMBERS[words[2]])


def test_a_dossier_walks_the_whole_chain_to_the_councils_door(browser, browser_context_args, live_server, personas, tree,
                                                               settings, shot):
    settings.CONSULTATION_MIN_FILL_SECONDS = 0  # the browser fills the form faster than a person
    y = tree.year
    round_ = services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=y, kind="ANNUAL",
                                 title=f"Khen thưởng tổng kết năm {y}", awards=["LDTT", "CSTDCS"],
                                 intake_from=dt.date(y, 11, 1), intake_to=dt.date(y + 1, 12, 31))
    run = batch_services.batch_run_start(actor=personas["officer_a"], unit=tree.ward_a, year=y)
    batch_services.batch_run_execute(actor=system_actor(), run_id=run.pk)

    # 1. The unit officer creates the dossier
    officer = _as(browser, browser_context_args, live_server, "canbo.dongda")
    officer.get_by_role("link", name="Hồ sơ khen thưởng", exact=True).click()
    officer.get_by_role("link", name=round_.title).click()
    officer.get_by_role("link", name="Lập hồ sơ").click()
    officer.get_by_label("Đơn vị đề nghị").select_option(str(tree.school_a.pk))
    officer.get_by_role("button", name="Lưu").click()
    expect(officer.get_by_text("Đã lập hồ sơ; mã tra cứu")).to_be_visible()
    expect(officer.get_by_test_id("dossier-status")).to_have_text("Đang soạn")
    code = officer.get_by_test_id("tracking-code").inner_text()
    dossier_url = officer.url
    shot(officer, "chain-01-created")

    # 2. The eligible people of the batch run in one click (the eligibility suggestions)
    batch = officer.locator("#from-batch")
    batch.get_by_label("Danh hiệu, hình thức").select_option("LDTT")
    batch.get_by_role("button", name="Thêm người đủ điều kiện").click()
    expect(officer.get_by_text("Đã thêm 1 người đủ điều kiện từ lượt xét vào hồ sơ.")).to_be_visible()
    expect(_nominee(officer, LDTT).get_by_test_id("nominee-verdict")).to_have_text("Đủ điều kiện")
    shot(officer, "chain-02-from-batch")

    # 3. A list from the Excel template: downloaded from the import page, filled in, uploaded
    officer.get_by_role("link", name="Nhập danh sách đề nghị từ tệp Excel").click()
    with officer.expect_download() as download:
        officer.get_by_role("link", name="Tải tệp mẫu (.xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = book["Danh sách đề nghị"]
    headers = [c.value for c in sheet[1]]
    row = {"Họ và tên": "Nguyễn Văn An", "Ngày sinh (dd/mm/yyyy)": "12/03/1985", "Danh hiệu/Hình thức (mã)": "CSTDCS",
           "Tóm tắt thành tích": "Giáo viên dạy giỏi cấp thành phố; sáng kiến được công nhận cấp cơ sở."}
    for header, value in row.items():
        sheet.cell(row=2, column=headers.index(header) + 1, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    officer.get_by_label("Tệp danh sách (.xlsx hoặc .json)").set_input_files(files=[{
        "name": "danh-sach.xlsx", "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "buffer": buffer.getvalue()}])
    shot(officer, "chain-03-import")
    officer.get_by_role("button", name="Kiểm tra và nhập").click()
    expect(officer.get_by_text("Đã thêm 1 người từ danh sách vào hồ sơ.")).to_be_visible()
    imported = _nominee(officer, CSTDCS)
    expect(imported).to_contain_text("Nguyễn Văn An")
    expect(imported.get_by_test_id("nominee-verdict")).to_have_text("Đủ điều kiện")
    expect(imported).to_contain_text("Giáo viên dạy giỏi cấp thành phố")

    # 4. The files of the round's components, the meeting's minutes missing at first; sent
    for component, name, label in (("TO_TRINH", "To trinh 12-TTr.pdf", "Tờ trình đề nghị khen thưởng"),
                                   ("DANH_SACH", "Danh sach.pdf", "Danh sách đề nghị khen thưởng"),
                                   ("BAO_CAO", "Bao cao thanh tich.pdf", "Báo cáo thành tích")):
        _attach(officer, component, name, label)
    shot(officer, "chain-04-nominees", doc=True)
    _act(officer, "Gửi hồ sơ")
    expect(officer.get_by_text("Gửi hồ sơ: hồ sơ chuyển sang “Đã gửi”.")).to_be_visible()
    expect(officer.get_by_test_id("dossier-status")).to_have_text("Đã gửi")
    expect(officer.locator("#add-nominee")).to_have_count(0)  # sent: the unit no longer edits it

    # 5. The appraiser finds it on the home page and returns it with a reason
    appraiser = _as(browser, browser_context_args, live_server, "thamdinh")
    expect(appraiser.get_by_test_id("home-dossiers")).to_contain_text("Trường THCS Đống Đa")
    appraiser.get_by_test_id("home-dossiers").get_by_role("link").first.click()
    expect(appraiser.get_by_test_id("checklist")).to_contain_text("✗ Biên bản họp bình xét")
    _act(appraiser, "Trả lại để bổ sung", REASON)
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Trả lại để bổ sung")
    shot(appraiser, "chain-05-returned")

    # 6. The officer reads the reason, adds the minutes, sends it again
    officer.goto(dossier_url)
    expect(officer.get_by_test_id("dossier-status")).to_have_text("Trả lại để bổ sung")
    expect(officer.get_by_test_id("dossier-history")).to_contain_text(REASON)
    _attach(officer, "BIEN_BAN", "Bien ban hop.pdf", "Biên bản họp bình xét (kèm kết quả biểu quyết)")
    _act(officer, "Gửi lại sau bổ sung")
    expect(officer.get_by_test_id("dossier-status")).to_have_text("Đã gửi lại sau bổ sung")
    shot(officer, "chain-06-resubmitted")

    # 7. The appraiser receives it, appraises every nominee, asks the police about the CSTĐCS nominee
    appraiser.goto(dossier_url)
    for label, state in (("Tiếp nhận hồ sơ", "Đã tiếp nhận"), ("Bắt đầu thẩm định", "Đang thẩm định")):
        _act(appraiser, label)
        expect(appraiser.get_by_test_id("dossier-status")).to_have_text(state)
    expect(appraiser.get_by_test_id("appraisal-form")).to_have_count(2)
    for i in range(2):
        form = appraiser.get_by_test_id("appraisal-form").nth(i)
        form.get_by_label("Kết luận thẩm định").select_option("eligible")
        form.get_by_label("Ý kiến thẩm định").fill("Đủ thành phần hồ sơ, đủ tiêu chuẩn.")
        form.get_by_role("button", name="Lưu").click()
        expect(appraiser.get_by_test_id("appraisal")).to_have_count(i + 1)
    expect(appraiser.get_by_test_id("appraisal").first).to_contain_text("Thẩm định: Đủ điều kiện")
    appraiser.get_by_test_id("opinions").get_by_role("link", name="Lấy ý kiến hiệp y").click()
    appraiser.get_by_label(f"Nguyễn Văn An — {CSTDCS}").check()
    appraiser.get_by_label("Loại cơ quan").select_option("POLICE")
    appraiser.get_by_label("Cơ quan được lấy ý kiến").select_option(label="Công an phường Đống Đa (có tài khoản hiệp y)")
    appraiser.get_by_label("Nội dung đề nghị cho ý kiến").fill("Đề nghị xác nhận việc chấp hành pháp luật tại nơi cư trú.")
    appraiser.get_by_role("button", name="Gửi đề nghị").click()
    expect(appraiser.get_by_text("Đã gửi đề nghị lấy ý kiến Công an phường Đống Đa về 1 người, tập thể")).to_be_visible()
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Chờ ý kiến hiệp y")
    expect(appraiser.get_by_test_id("opinion-request").get_by_test_id("opinion-status")).to_have_text("Chờ trả lời")
    shot(appraiser, "chain-07-opinion-requested")

    # 8. The police's account: the request on its home page and in its inbox, nothing else of the system
    police = _as(browser, browser_context_args, live_server, "hiepy.congan")
    expect(police.get_by_test_id("home-opinions")).to_contain_text("Nguyễn Văn An")
    nav = police.locator("nav.tdkt-nav")
    expect(nav.get_by_role("link", name="Hồ sơ khen thưởng", exact=True)).to_have_count(0)
    expect(nav.get_by_role("link", name="Cá nhân", exact=True)).to_have_count(0)
    nav.get_by_role("link", name="Ý kiến hiệp y", exact=True).click()
    inbox = police.get_by_test_id("opinion-inbox")
    expect(inbox).to_contain_text(CSTDCS)
    expect(inbox).to_contain_text("Trường THCS Đống Đa")
    inbox.get_by_role("link", name="Trả lời").click()
    expect(police.get_by_test_id("opinion-request-detail")).to_contain_text("Đề nghị xác nhận việc chấp hành pháp luật tại nơi cư trú.")
    police.get_by_label("Đồng ý", exact=True).check()
    police.get_by_label("Nội dung trả lời").fill(ANSWER)
    shot(police, "chain-08-agency-answer", doc=True)
    police.get_by_role("button", name="Gửi ý kiến").click()
    expect(police.get_by_text("Đã gửi ý kiến của Công an phường Đống Đa về Nguyễn Văn An.")).to_be_visible()
    expect(police.get_by_test_id("opinion-inbox")).to_contain_text("Đồng ý")
    assert police.goto(dossier_url).status == 403  # the dossier itself stays closed to the agency

    # 9. The office sees the answer and publishes the list for public consultation
    appraiser.goto(dossier_url)
    request = appraiser.get_by_test_id("opinion-request")
    expect(request.get_by_test_id("opinion-status")).to_have_text("Đồng ý")
    expect(request.get_by_test_id("opinion-text")).to_have_text(ANSWER)
    _act(appraiser, "Lấy ý kiến công khai")
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Đang lấy ý kiến công khai")
    expect(appraiser.get_by_test_id("consultation-panel")).to_contain_text("Đang nhận ý kiến")
    expect(appraiser.get_by_test_id("dossier-held")).to_contain_text("Chưa thể “Trình Hội đồng”: Đang lấy ý kiến công khai đến hết ngày")
    shot(appraiser, "chain-09-published")

    # 10. An anonymous visitor reads the list and comments (a wrong answer to the challenge first)
    visitor = browser.new_context(**browser_context_args).new_page()
    dialogs = []
    visitor.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visitor.goto(f"{live_server.url}/lay-y-kien/")
    visitor.get_by_role("link", name="Trường THCS Đống Đa").click()
    public = visitor.get_by_test_id("public-nominee").filter(has_text=CSTDCS)
    expect(public).to_contain_text("Nguyễn Văn An")
    expect(public).not_to_contain_text("1985")  # no date of birth in public
    consultation_url = visitor.url
    public.get_by_role("link", name="Góp ý về Nguyễn Văn An").click()
    visitor.get_by_label("Nội dung ý kiến").fill(COMMENT)
    visitor.get_by_label("Họ và tên").fill("Phụ huynh lớp 9A")
    visitor.get_by_label("Câu hỏi kiểm tra").fill("99")
    visitor.get_by_role("button", name="Gửi ý kiến").click()
    expect(visitor.get_by_text("Câu trả lời câu hỏi kiểm tra chưa đúng.")).to_be_visible()
    visitor.get_by_label("Câu hỏi kiểm tra").fill(_answer(visitor.get_by_test_id("challenge-question").inner_text()))
    visitor.get_by_role("button", name="Gửi ý kiến").click()
    expect(visitor.get_by_text("Cảm ơn bạn đã góp ý.")).to_be_visible()
    visitor.goto(consultation_url)
    expect(visitor.get_by_test_id("public-nominee").first).to_be_visible()
    expect(visitor.get_by_test_id("approved-comments")).to_have_count(0)  # not shown before moderation
    shot(visitor, "chain-10-commented")

    # 11. The portal editor approves it
    editor = _as(browser, browser_context_args, live_server, "bientap")
    editor.get_by_role("link", name="Kiểm duyệt góp ý", exact=True).click()
    expect(editor.get_by_test_id("comment-queue")).to_contain_text("Nguyễn Văn An")
    editor.get_by_test_id("comment-queue").get_by_role("link", name="Kiểm duyệt").first.click()
    expect(editor.get_by_test_id("comment")).to_contain_text(COMMENT)
    shot(editor, "chain-11-moderation")
    editor.get_by_role("button", name="Duyệt, cho hiển thị").click()
    expect(editor.get_by_text("Đã duyệt ý kiến")).to_be_visible()

    visitor.reload()
    comments = visitor.get_by_test_id("public-nominee").filter(has_text=CSTDCS).get_by_test_id("approved-comments")
    expect(comments).to_contain_text(COMMENT)  # the script tag shows as text, it does not run
    expect(comments).to_contain_text("Phụ huynh lớp 9A")
    shot(visitor, "chain-12-comment-approved", doc=True)
    assert dialogs == []

    # 12. The consultation has run its time (moved back: its ten working days ended yesterday, the comment came within
    # them); the office puts the dossier before the council
    today, opened = timezone.localdate(), timezone.localdate()
    while calendar.deadline(opened, 10) >= today:
        opened -= dt.timedelta(days=1)
    consultation = Consultation.objects.get(dossier__tracking_code=code)
    Consultation.objects.filter(pk=consultation.pk).update(opened_on=opened, closes_on=calendar.deadline(opened, 10))
    Comment.objects.filter(consultation=consultation).update(created_at=timezone.now() - (today - opened) + dt.timedelta(days=1))
    appraiser.reload()
    expect(appraiser.get_by_test_id("consultation-panel")).to_contain_text("Đã kết thúc")
    expect(appraiser.get_by_test_id("consultation-comments")).to_contain_text("Thầy An dạy rất tận tâm")
    _act(appraiser, "Trình Hội đồng")
    expect(appraiser.get_by_text("Trình Hội đồng: hồ sơ chuyển sang “Sẵn sàng trình Hội đồng”.")).to_be_visible()
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Sẵn sàng trình Hội đồng")
    expect(appraiser.get_by_test_id("dossier-actions").get_by_role("link", name="Trình Hội đồng")).to_have_count(0)
    expect(appraiser.get_by_test_id("dossier-held")).to_have_count(0)
    shot(appraiser, "chain-13-ready", doc=True)

    # 13. The visitor follows the dossier by its code: its state, no names
    visitor.goto(f"{live_server.url}/tra-cuu/")
    visitor.get_by_placeholder("Mã tra cứu").fill(code.lower())
    visitor.get_by_role("button", name="Tra cứu").click()
    result = visitor.get_by_test_id("tracking-result")
    expect(result).to_contain_text("Sẵn sàng trình Hội đồng")
    expect(result).not_to_contain_text("Nguyễn Văn An")
    shot(visitor, "chain-14-tracking")
    for page in (officer, appraiser, police, visitor, editor):
        page.context.close()
