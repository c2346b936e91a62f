"""Issue 13, point 6 in real browsers, each account in its own context: the appraiser asks the ward's police for an
opinion on a nominee; the police's account finds the request on its home page and in its inbox (and nothing else of
the system in its menu) and answers; the appraiser sees the answer on the dossier and puts it before the council."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tdkt.nominations import services
from tests.e2e.test_dossier_chain import _act, _as
from tests.nominations.conftest import appraise_all, attach_components

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_appraiser_asks_the_police_and_sees_the_agencys_answer(browser, browser_context_args, live_server, personas, tree, shot):
    y = tree.year
    officer, office = personas["officer_a"], personas["appraiser"]
    round_ = services.round_open(actor=office, office_unit=tree.ward_a, year=y, kind="ANNUAL", title=f"Khen thưởng tổng kết năm {y}",
                                 awards=["CSTDCS"], intake_from=dt.date(y, 11, 1), intake_to=dt.date(y + 1, 12, 31))
    dossier = services.dossier_create(actor=officer, round_=round_, unit=tree.school_a)
    services.nominee_add(actor=officer, dossier=dossier, person=tree.an, award_code="CSTDCS", summary="Giáo viên dạy giỏi")
    attach_components(dossier, officer)
    for actor, action in ((officer, "submit"), (office, "receive"), (office, "start_appraisal")):
        services.dossier_act(actor=actor, dossier=dossier, action=action)
    appraise_all(dossier, office)
    dossier_url = f"{live_server.url}/ho-so-khen-thuong/{dossier.pk}/"

    appraiser = _as(browser, browser_context_args, live_server, "thamdinh")
    appraiser.goto(dossier_url)
    block = appraiser.get_by_test_id("opinions")
    block.get_by_role("link", name="Lấy ý kiến hiệp y").click()
    appraiser.get_by_label("Nguyễn Văn An").check()
    appraiser.get_by_label("Loại cơ quan").select_option("POLICE")
    appraiser.get_by_label("Cơ quan được lấy ý kiến").select_option(label="Công an phường Đống Đa (có tài khoản hiệp y)")
    appraiser.get_by_label("Nội dung đề nghị cho ý kiến").fill("Đề nghị xác nhận việc chấp hành pháp luật tại nơi cư trú.")
    appraiser.get_by_role("button", name="Gửi đề nghị").click()
    expect(appraiser.get_by_text("Đã gửi đề nghị lấy ý kiến Công an phường Đống Đa về 1 người, tập thể")).to_be_visible()
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Chờ ý kiến hiệp y")
    expect(appraiser.get_by_test_id("opinion-request").get_by_test_id("opinion-status")).to_have_text("Chờ trả lời")
    shot(appraiser, "opinions-1-requested", doc=True)

    police = _as(browser, browser_context_args, live_server, "hiepy.congan")
    expect(police.get_by_test_id("home-opinions")).to_contain_text("Nguyễn Văn An")
    nav = police.locator("nav.tdkt-nav")
    expect(nav.get_by_role("link", name="Hồ sơ khen thưởng", exact=True)).to_have_count(0)
    expect(nav.get_by_role("link", name="Cá nhân", exact=True)).to_have_count(0)
    nav.get_by_role("link", name="Ý kiến hiệp y", exact=True).click()
    inbox = police.get_by_test_id("opinion-inbox")
    expect(inbox).to_contain_text("Chiến sĩ thi đua cơ sở")
    expect(inbox).to_contain_text("Trường THCS Đống Đa")
    inbox.get_by_role("link", name="Trả lời").click()
    expect(police.get_by_test_id("opinion-request-detail")).to_contain_text("Đề nghị xác nhận việc chấp hành pháp luật tại nơi cư trú.")
    police.get_by_label("Đồng ý", exact=True).check()
    police.get_by_label("Nội dung trả lời").fill("Chấp hành tốt pháp luật, không vi phạm an ninh, trật tự tại địa phương.")
    shot(police, "opinions-2-answer", doc=True)
    police.get_by_role("button", name="Gửi ý kiến").click()
    expect(police.get_by_text("Đã gửi ý kiến của Công an phường Đống Đa về Nguyễn Văn An.")).to_be_visible()
    expect(police.get_by_test_id("opinion-inbox")).to_contain_text("Đồng ý")
    assert police.goto(dossier_url).status == 403  # the dossier itself stays closed to the agency

    appraiser.goto(dossier_url)
    request = appraiser.get_by_test_id("opinion-request")
    expect(request.get_by_test_id("opinion-status")).to_have_text("Đồng ý")
    expect(request.get_by_test_id("opinion-text")).to_have_text("Chấp hành tốt pháp luật, không vi phạm an ninh, trật tự tại địa phương.")
    shot(appraiser, "opinions-3-answered", doc=True)
    _act(appraiser, "Trình Hội đồng")
    expect(appraiser.get_by_test_id("dossier-status")).to_have_text("Sẵn sàng trình Hội đồng")
