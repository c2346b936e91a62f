"""The council's screens: the secretary's session page (attendance, agenda by award, the live count without content,
open and close), the member's ballot page (large buttons, one paper for every item), written votes, the paper tally
and the results page; bad input gives a Vietnamese message and changes nothing."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tdkt.council import services
from tdkt.council.models import BallotParticipation, CouncilSession, SessionStatus
from tests.upload_samples import pdf_bytes

from .conftest import HELD_ON
from .test_sessions import items, opened, prepare


def test_the_secretary_creates_a_session_from_the_form(client, council, dossiers):
    client.force_login(council.secretary)
    page = client.get(reverse("council:session_create"))
    assert page.status_code == 200 and "Hội đồng Thi đua - Khen thưởng phường Đống Đa" in page.content.decode()
    bad = client.post(reverse("council:session_create"), {"council": council.council.pk, "title": "", "held_on": "32/12/2025"})
    assert bad.status_code == 200 and "Vui lòng điền mục này." in bad.content.decode() and "32/12/2025 không phải là ngày có thật." in bad.content.decode()
    assert not CouncilSession.objects.exists()
    response = client.post(reverse("council:session_create"), {"council": council.council.pk, "title": "Phiên họp cuối năm",
                                                               "held_on": "20/12/2025", "place": "Hội trường"})
    session = CouncilSession.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("council:session_detail", args=[session.pk])
    assert session.secret is True


def test_the_secretarys_page_shows_attendance_the_agenda_by_award_and_the_buttons(client, council, dossiers):
    session = services.session_create(actor=council.secretary, council=council.council, held_on=HELD_ON,
                                      title="Phiên họp cuối năm")
    client.force_login(council.secretary)
    html = client.get(reverse("council:session_detail", args=[session.pk])).content.decode()
    assert "Đưa 2 người, tập thể của hồ sơ sẵn sàng vào chương trình" in html and html.count("Chưa điểm danh") == 5
    assert 'data-testid="quorum"' not in html  # no agenda yet
    client.post(reverse("council:agenda_add", args=[session.pk]))
    for member in council.members.values():
        if member.role != "secretary":
            client.post(reverse("council:attendance", args=[session.pk]), {"member": member.pk, "status": "present"})
    html = client.get(reverse("council:session_detail", args=[session.pk])).content.decode()
    assert re.search(r"Chiến sĩ thi đua cơ sở.*Nguyễn Văn An.*Lao động tiên tiến.*Trần Thị Bình", html, re.S)
    assert "Chưa điểm danh" not in html and 'data-testid="act-open_ballot"' in html
    assert "Túc số: có mặt 5, cần ít nhất 4 thành viên." in html
    response = client.post(reverse("council:act", args=[session.pk]), {"action": "open_ballot"})
    assert response.status_code == 302
    html = client.get(reverse("council:session_detail", args=[session.pk])).content.decode()
    assert 'data-testid="act-close_ballot"' in html and "0/5" in html and 'hx-trigger="every 5s"' in html


def test_the_live_count_shows_ballots_returned_never_their_content(client, council, dossiers):
    session = opened(council, dossiers)
    services.vote_cast(actor=council.users["hoidong"], session=session,
                       choices={i.pk: "agree" for i in session.items.all()})
    client.force_login(council.secretary)
    html = client.get(reverse("council:session_count", args=[session.pk])).content.decode()
    assert "1/5" in html and "phiếu đã nhận" in html
    assert "Đồng ý" not in html and "đồng ý" not in html.replace("không hiện nội dung", "")
    results = client.get(reverse("council:results", args=[session.pk])).content.decode()
    assert "Kết quả chỉ được công bố sau khi kết thúc bỏ phiếu." in results and 'data-testid="results"' not in results


def test_a_member_votes_on_the_ballot_page(client, council, dossiers):
    session = opened(council, dossiers)
    by_award = items(session)
    client.force_login(council.users["hoidong"])
    page = client.get(reverse("council:ballot", args=[session.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and html.count('class="btn-check"') == 4 and "btn-lg w-100" in html
    assert "Bỏ phiếu kín: hệ thống chỉ ghi nhận bạn đã bỏ phiếu" in html
    # One item left empty: refused with a Vietnamese message, nothing counted, the other choice kept checked.
    missing = client.post(reverse("council:ballot", args=[session.pk]), {f"item_{by_award['CSTDCS'].pk}": "agree"})
    assert missing.status_code == 400 and "còn thiếu: 2. Trần Thị Bình" in missing.content.decode()
    assert 'value="agree" autocomplete="off" required checked' in missing.content.decode()
    # A vote for an item not on the agenda: refused, nothing counted.
    foreign = client.post(reverse("council:ballot", args=[session.pk]), {f"item_{by_award['CSTDCS'].pk}": "agree",
                                                                         f"item_{by_award['LDTT'].pk}": "agree", "item_999999": "agree"})
    assert foreign.status_code == 400 and "Nội dung số 999999 không có trong chương trình phiên họp này." in foreign.content.decode()
    assert not BallotParticipation.objects.exists() and sum(i.agree_count for i in session.items.all()) == 0
    done = client.post(reverse("council:ballot", args=[session.pk]), {f"item_{by_award['CSTDCS'].pk}": "agree",
                                                                      f"item_{by_award['LDTT'].pk}": "disagree"})
    assert done.status_code == 302
    again = client.get(reverse("council:ballot", args=[session.pk])).content.decode()
    assert "Bạn đã bỏ phiếu trong phiên họp này." in again and 'data-testid="ballot-form"' not in again
    twice = client.post(reverse("council:ballot", args=[session.pk]), {f"item_{by_award['CSTDCS'].pk}": "agree",
                                                                       f"item_{by_award['LDTT'].pk}": "agree"})
    assert twice.status_code == 400 and "mỗi thành viên chỉ bỏ một phiếu" in twice.content.decode()


def test_the_secretary_records_a_written_vote_and_the_results_show_the_basis(client, council, dossiers):
    session = opened(council, dossiers)
    by_award = items(session)
    for key in ("hoidong", "uyvien1", "uyvien2"):
        services.vote_cast(actor=council.users[key], session=session, choices={i.pk: "agree" for i in session.items.all()})
    services.vote_cast(actor=council.users["uyvien3"], session=session, choices={i.pk: "disagree" for i in session.items.all()})
    client.force_login(council.secretary)
    absent = council.members["Đỗ Văn Hiệu"]
    page = client.get(reverse("council:written_vote", args=[session.pk, absent.pk])).content.decode()
    assert "Phiếu bằng văn bản của Đỗ Văn Hiệu" in page
    response = client.post(reverse("council:written_vote", args=[session.pk, absent.pk]),
                           {f"item_{by_award['CSTDCS'].pk}": "agree", f"item_{by_award['LDTT'].pk}": "disagree"})
    assert response.status_code == 302
    response = client.post(reverse("council:act", args=[session.pk]), {"action": "close_ballot"})
    assert response["Location"] == reverse("council:results", args=[session.pk])
    html = client.get(response["Location"]).content.decode()
    assert 'data-testid="results"' in html and re.search(r"80[,.]00%", html)
    assert "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP" in html and "Đạt" in html


def test_a_paper_ballot_from_its_form(client, council, dossiers):
    session = opened(council, dossiers)
    by_award = items(session)
    client.force_login(council.secretary)
    bad = client.post(reverse("council:paper_tally", args=[session.pk]), {
        f"agree_{by_award['CSTDCS'].pk}": "-1", f"disagree_{by_award['CSTDCS'].pk}": "0",
        f"agree_{by_award['LDTT'].pk}": "3", f"disagree_{by_award['LDTT'].pk}": "2"})
    assert "Số phiếu không được là số âm." in bad.content.decode() and "Hãy đính kèm bản quét biên bản kiểm phiếu." in bad.content.decode()
    response = client.post(reverse("council:paper_tally", args=[session.pk]), {
        f"agree_{by_award['CSTDCS'].pk}": "4", f"disagree_{by_award['CSTDCS'].pk}": "1",
        f"agree_{by_award['LDTT'].pk}": "3", f"disagree_{by_award['LDTT'].pk}": "2",
        "scan": SimpleUploadedFile("Biên bản kiểm phiếu.pdf", pdf_bytes("Biên bản kiểm phiếu"))})
    assert response.status_code == 302
    download = client.get(reverse("council:scan", args=[session.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    client.post(reverse("council:act", args=[session.pk]), {"action": "close_ballot"})
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED and session.paper


def test_bad_actions_change_nothing(client, council, dossiers):
    session = prepare(council, dossiers)
    client.force_login(council.secretary)
    response = client.post(reverse("council:act", args=[session.pk]), {"action": "close_ballot"}, follow=True)
    assert "Không thể thực hiện “Kết thúc bỏ phiếu”" in response.content.decode()
    response = client.post(reverse("council:attendance", args=[session.pk]), {"member": "x", "status": "present"}, follow=True)
    assert "Hãy chọn một thành viên của Hội đồng." in response.content.decode()
    session.refresh_from_db()
    assert session.status == SessionStatus.DRAFT


def test_the_admin_is_read_only_and_hides_a_secret_ballots_counts_until_the_close(client, council, dossiers, personas):
    session = opened(council, dossiers)
    for key in ("hoidong", "uyvien1"):
        services.vote_cast(actor=council.users[key], session=session, choices={i.pk: "agree" for i in session.items.all()})
    client.force_login(personas["admin"])
    page = client.get(reverse("admin:council_councilsession_change", args=[session.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "Số phiếu đồng ý" in html and "hoidong" in html  # who took part is shown
    assert not re.search(r'<td class="field-agree">\s*<p>2</p>', html) and 'name="_save"' not in html
    assert re.search(r'<td class="field-agree">\s*<p>—</p>', html)
    assert client.get(reverse("admin:council_councilsession_add")).status_code == 403
    services.ballot_close(actor=council.secretary, session=session)
    html = client.get(reverse("admin:council_councilsession_change", args=[session.pk])).content.decode()
    assert re.search(r'<td class="field-agree">\s*<p>2</p>', html)
