"""Council sessions through the real services: the secretary prepares a session (agenda of the ready dossiers, grouped by
award; attendance), opens the ballot, members vote from their own accounts, the secretary records written votes, the
ballot closes and is immutable; the results use the catalogue's rules (Khoản 7 Điều 30 NĐ 98/2023)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.council import selectors, services
from tdkt.council.models import AgendaItem, BallotParticipation, OpenVote, SessionStatus
from tdkt.org.councils import council_create, council_member_add
from tests.upload_samples import pdf_bytes

from .conftest import HELD_ON

PRESENT = ("hoidong", "uyvien1", "uyvien2", "uyvien3")  # 4 of 5: the quorum (2/3 of 5 is 3.33, so 4)
WRITTEN = ("Đỗ Văn Hiệu",)


def prepare(council, dossiers, *, secret=None, attendance=None):
    """A session of ward A's council on 20/12/2025 with the ready dossier's nominees and everyone's attendance."""
    session = services.session_create(actor=council.secretary, council=council.council, held_on=HELD_ON,
                                      title="Phiên họp xét khen thưởng năm 2025", place="Hội trường UBND phường", secret=secret)
    services.agenda_add_ready(actor=council.secretary, session=session)
    attendance = attendance or {**{k: "present" for k in PRESENT}, **{k: "absent_written" for k in WRITTEN}}
    for key, status in attendance.items():
        services.attendance_record(actor=council.secretary, session=session, member=council.members[key], status=status)
    return session


def items(session):
    return {i.award_code: i for i in session.items.all()}


def paper(session, **choices):
    """A ballot paper: award code → choice (one item per award in these tests)."""
    by_award = items(session)
    return {by_award[award].pk: choice for award, choice in choices.items()}


def opened(council, dossiers, **kwargs):
    session = prepare(council, dossiers, **kwargs)
    services.ballot_open(actor=council.secretary, session=session)
    return session


def test_the_secretary_prepares_a_session_of_the_ready_dossiers_grouped_by_award(council, dossiers):
    session = prepare(council, dossiers)
    agenda = selectors.agenda_of(session)
    # CSTĐCS ranks above LĐTT in the catalogue: its group comes first; the draft dossier and ward B's are not on it.
    assert [(i.position, i.nominee.name, i.award_code) for i in agenda] == [
        (1, "Nguyễn Văn An", "CSTDCS"), (2, "Trần Thị Bình", "LDTT")]
    assert session.secret is True and session.status == SessionStatus.DRAFT  # secret by the catalogue's default
    actions = list(AuditEvent.objects.filter(target_id=str(session.pk), target_type="council.councilsession")
                   .order_by("id").values_list("action", flat=True))
    assert actions == ["council.session.created", "council.agenda.added", *["council.attendance.recorded"] * 5]
    with pytest.raises(DomainError, match="Không có hồ sơ nào “Sẵn sàng trình Hội đồng” của Phường Đống Đa"):
        services.agenda_add_ready(actor=council.secretary, session=session)


def test_only_the_secretary_or_the_standing_office_prepares_a_session(council, personas):
    for persona in ("council_member", "officer_a", "chair", "officer_b", "no_role"):
        with pytest.raises(Forbidden, match="chỉ thư ký Hội đồng hoặc cơ quan thường trực"):
            services.session_create(actor=personas[persona], council=council.council, held_on=HELD_ON, title="Phiên họp")
    session = services.session_create(actor=personas["office_head"], council=council.council, held_on=HELD_ON,
                                      title="Phiên họp", secret=False)
    assert session.secret is False


def test_an_initiative_council_has_no_tdkt_session(tree, personas):
    other = council_create(actor=personas["admin"], name="Hội đồng sáng kiến phường Đống Đa", kind="sang_kien", unit=tree.ward_a)
    with pytest.raises(DomainError, match="không phải Hội đồng Thi đua - Khen thưởng"):
        services.session_create(actor=personas["admin"], council=other, held_on=HELD_ON, title="Phiên họp")


def test_the_ballot_opens_only_with_an_agenda_and_every_members_attendance(council, dossiers):
    session = services.session_create(actor=council.secretary, council=council.council, held_on=HELD_ON, title="Phiên họp")
    with pytest.raises(DomainError, match="chưa có nội dung nào"):
        services.ballot_open(actor=council.secretary, session=session)
    services.agenda_add_ready(actor=council.secretary, session=session)
    services.attendance_record(actor=council.secretary, session=session, member=council.members["hoidong"], status="present")
    with pytest.raises(DomainError, match="Chưa điểm danh: Lê Văn Chủ, Phạm Thị Phó, Vũ Văn Ủy, Đỗ Văn Hiệu."):
        services.ballot_open(actor=council.secretary, session=session)
    with pytest.raises(DomainError, match="không phải thành viên biểu quyết"):  # the secretary does not vote
        services.attendance_record(actor=council.secretary, session=session, member=council.council.members.get(role="secretary"),
                                   status="present")


def test_members_vote_from_their_accounts_and_the_secretary_records_written_votes(council, dossiers):
    session = opened(council, dossiers)
    assert (session.members_count, session.present_count) == (5, 4)
    for key in ("hoidong", "uyvien1", "uyvien2"):
        services.vote_cast(actor=council.users[key], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    services.vote_cast(actor=council.users["uyvien3"], session=session, choices=paper(session, CSTDCS="disagree", LDTT="disagree"))
    assert selectors.ballots_cast(session) == 4 and selectors.ballots_expected(session) == 5
    services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                 choices=paper(session, CSTDCS="agree", LDTT="disagree"))
    services.ballot_close(actor=council.secretary, session=session)
    rows = {r["award"]: r for r in services.results(session)}
    # CSTĐCS: 4 of all 5 members = 80%, the threshold itself, only with the written vote; LĐTT: 3 of 5 is more than half.
    assert (rows["CSTDCS"]["agree"], rows["CSTDCS"]["disagree"], rows["CSTDCS"]["share"], rows["CSTDCS"]["passed"]) == (4, 1, 80.0, True)
    assert (rows["LDTT"]["agree"], rows["LDTT"]["share"], rows["LDTT"]["threshold"], rows["LDTT"]["passed"]) == (3, 60.0, 50.0, True)
    assert rows["CSTDCS"]["legal_basis"].startswith("Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP")
    assert rows["CSTDCS"]["quorum"] == {"required": 4, "present": 4, "met": True, "numerator": 2, "denominator": 3}
    written = AuditEvent.objects.get(action="council.ballot.written_recorded")
    assert written.actor == council.secretary and written.data == {"member": council.members["Đỗ Văn Hiệu"].pk, "channel": "written"}


def test_one_vote_short_of_the_threshold_fails(council, dossiers):
    session = opened(council, dossiers, attendance={k: "present" for k in ("hoidong", "uyvien1", "uyvien2", "uyvien3")} | {
        "Đỗ Văn Hiệu": "absent"})
    for key, choice in (("hoidong", "agree"), ("uyvien1", "agree"), ("uyvien2", "agree"), ("uyvien3", "disagree")):
        services.vote_cast(actor=council.users[key], session=session, choices=paper(session, CSTDCS=choice, LDTT=choice))
    services.ballot_close(actor=council.secretary, session=session)
    rows = {r["award"]: r for r in services.results(session)}
    # 3 of 5 members = 60% < 80% (the absent member still counts in the base: the share is of all members).
    assert rows["CSTDCS"]["passed"] is False and rows["CSTDCS"]["share"] == 60.0
    assert rows["CSTDCS"]["quorum"]["met"] is True and rows["CSTDCS"]["quorum"]["required"] == 4
    assert rows["LDTT"]["passed"] is True


def test_no_quorum_no_award(council, dossiers):
    session = opened(council, dossiers, attendance={"hoidong": "present", "uyvien1": "present", "uyvien2": "absent_written",
                                                    "uyvien3": "absent_written", "Đỗ Văn Hiệu": "absent_written"})
    services.vote_cast(actor=council.users["hoidong"], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    services.vote_cast(actor=council.users["uyvien1"], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    for key in ("uyvien2", "uyvien3", "Đỗ Văn Hiệu"):
        services.written_vote_record(actor=council.secretary, session=session, member=council.members[key],
                                     choices=paper(session, CSTDCS="agree", LDTT="agree"))
    services.ballot_close(actor=council.secretary, session=session)
    row = services.results(session)[0]
    # 5 of 5 agree, but 2 present of the 4 the quorum (2/3 of 5) requires.
    assert row["share"] == 100.0 and row["passed"] is False and row["explanation"].startswith("Không đủ túc số")


def test_a_member_votes_once_on_items_of_the_agenda_only(council, dossiers):
    session = opened(council, dossiers)
    member = council.users["hoidong"]
    with pytest.raises(DomainError, match="còn thiếu: 2. Trần Thị Bình"):
        services.vote_cast(actor=member, session=session, choices=paper(session, CSTDCS="agree"))
    with pytest.raises(DomainError, match="Nội dung số 999999 không có trong chương trình"):
        services.vote_cast(actor=member, session=session, choices={**paper(session, CSTDCS="agree", LDTT="agree"), 999999: "agree"})
    with pytest.raises(DomainError, match="Ý kiến “abstain” không hợp lệ"):
        services.vote_cast(actor=member, session=session, choices=paper(session, CSTDCS="abstain", LDTT="agree"))
    services.vote_cast(actor=member, session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    with pytest.raises(DomainError, match="đã bỏ phiếu trong phiên họp này; mỗi thành viên chỉ bỏ một phiếu"):
        services.vote_cast(actor=member, session=session, choices=paper(session, CSTDCS="disagree", LDTT="disagree"))
    assert [(i.agree_count, i.disagree_count) for i in session.items.order_by("position")] == [(1, 0), (1, 0)]
    assert BallotParticipation.objects.filter(session=session).count() == 1


def test_who_may_not_vote(council, dossiers, personas, tree):
    session = opened(council, dossiers, attendance={"hoidong": "present", "uyvien1": "present", "uyvien2": "present",
                                                    "uyvien3": "absent_written", "Đỗ Văn Hiệu": "absent"})
    choices = paper(session, CSTDCS="agree", LDTT="agree")
    with pytest.raises(Forbidden, match="không phải thành viên biểu quyết"):
        services.vote_cast(actor=personas["officer_a"], session=session, choices=choices)  # not a member
    with pytest.raises(Forbidden, match="không phải thành viên biểu quyết"):
        services.vote_cast(actor=council.secretary, session=session, choices=choices)  # the secretary keeps the minutes
    with pytest.raises(DomainError, match="phiếu bằng văn bản của thành viên vắng mặt do thư ký ghi nhận"):
        services.vote_cast(actor=council.users["uyvien3"], session=session, choices=choices)  # absent (written vote)
    with pytest.raises(DomainError, match="có mặt và có tài khoản: thành viên tự bỏ phiếu từ tài khoản của mình"):
        services.written_vote_record(actor=council.secretary, session=session, member=council.members["hoidong"], choices=choices)
    with pytest.raises(DomainError, match="không được điểm danh là “vắng mặt, có phiếu bằng văn bản”"):
        services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                     choices=choices)  # absent without a written vote
    with pytest.raises(Forbidden):
        services.written_vote_record(actor=council.users["hoidong"], session=session, member=council.members["uyvien3"],
                                     choices=choices)
    # A member of ward B's council votes in no session of ward A's, and ward A's members in none of ward B's.
    ward_b = council_create(actor=personas["admin"], name="Hội đồng TĐKT phường Láng", kind="tdkt", unit=tree.ward_b)
    council_member_add(actor=personas["admin"], council=ward_b, user=personas["officer_b"], full_name="canbo.lang", role="member",
                       start=HELD_ON.replace(month=1))
    with pytest.raises(Forbidden):
        services.vote_cast(actor=personas["officer_b"], session=session, choices=choices)
    assert BallotParticipation.objects.filter(session=session).count() == 0


def test_a_vote_for_an_item_of_another_session_changes_nothing(council, dossiers, tree):
    session = opened(council, dossiers)
    later = services.session_create(actor=council.secretary, council=council.council, held_on=HELD_ON, title="Phiên họp bổ sung")
    ready = tree.cuong
    from .conftest import ready_dossier

    ready_dossier(tree, tree.ward_a, tree.ward_a, [(ready, "GIAY_KHEN")])
    foreign = services.agenda_add_ready(actor=council.secretary, session=later)[0]
    with pytest.raises(DomainError, match=f"Nội dung số {foreign.pk} không có trong chương trình"):
        services.vote_cast(actor=council.users["hoidong"], session=session,
                           choices={**paper(session, CSTDCS="agree", LDTT="agree"), foreign.pk: "agree"})
    assert AgendaItem.objects.get(pk=foreign.pk).agree_count == 0
    assert sum(i.agree_count for i in session.items.all()) == 0


def test_a_closed_ballot_is_immutable(council, dossiers):
    session = opened(council, dossiers)
    services.vote_cast(actor=council.users["hoidong"], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    services.ballot_close(actor=council.secretary, session=session)
    before = [(i.agree_count, i.disagree_count, i.result) for i in session.items.order_by("id")]
    with pytest.raises(DomainError, match="Đã kết thúc bỏ phiếu: không nhận thêm phiếu"):
        services.vote_cast(actor=council.users["uyvien1"], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    with pytest.raises(DomainError, match="Đã kết thúc bỏ phiếu: không nhận thêm phiếu"):
        services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                     choices=paper(session, CSTDCS="agree", LDTT="agree"))
    with pytest.raises(DomainError, match="đã kết thúc bỏ phiếu"):
        services.attendance_record(actor=council.secretary, session=session, member=council.members["uyvien1"], status="absent")
    with pytest.raises(DomainError, match="đã kết thúc bỏ phiếu"):
        services.session_update(actor=council.secretary, session=session, title="Đổi tên")
    with pytest.raises(DomainError, match="Không thể thực hiện “Kết thúc bỏ phiếu”"):
        services.ballot_close(actor=council.secretary, session=session)
    with pytest.raises(DomainError, match="Đã kết thúc bỏ phiếu: kết quả không thể thay đổi"):
        services.paper_tally_record(actor=council.secretary, session=session, counts={},
                                    scan=SimpleUploadedFile("kiem-phieu.pdf", pdf_bytes("Biên bản kiểm phiếu")))
    assert [(i.agree_count, i.disagree_count, i.result) for i in session.items.order_by("id")] == before


def test_results_are_not_published_before_the_ballot_closes(council, dossiers):
    session = opened(council, dossiers)
    with pytest.raises(DomainError, match="Kết quả chỉ được công bố sau khi kết thúc bỏ phiếu"):
        services.results(session)
    assert services.minutes_context(session)["results"] == []


def test_the_secretary_enters_the_tallies_of_a_paper_ballot_with_the_scan(council, dossiers):
    session = opened(council, dossiers)
    scan = SimpleUploadedFile("Biên bản kiểm phiếu.pdf", pdf_bytes("Biên bản kiểm phiếu"))
    by_award = items(session)
    with pytest.raises(DomainError, match="nhiều hơn số thành viên có mặt và có phiếu bằng văn bản \\(5\\)"):
        services.paper_tally_record(actor=council.secretary, session=session, scan=scan,
                                    counts={by_award["CSTDCS"].pk: (5, 1), by_award["LDTT"].pk: (3, 2)})
    with pytest.raises(DomainError, match="Chưa nhập số phiếu của nội dung 2. Trần Thị Bình"):
        services.paper_tally_record(actor=council.secretary, session=session, scan=scan, counts={by_award["CSTDCS"].pk: (4, 1)})
    with pytest.raises(DomainError, match="Hãy đính kèm bản quét"):
        services.paper_tally_record(actor=council.secretary, session=session, scan=None, counts={})
    services.paper_tally_record(actor=council.secretary, session=session, scan=scan,
                                counts={by_award["CSTDCS"].pk: (4, 1), str(by_award["LDTT"].pk): ("2", "3")})
    assert session.paper and session.scan_filename == "Biên bản kiểm phiếu.pdf"
    with pytest.raises(DomainError, match="kiểm phiếu trên giấy"):
        services.vote_cast(actor=council.users["hoidong"], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    services.ballot_close(actor=council.secretary, session=session)
    rows = {r["award"]: (r["agree"], r["disagree"], r["passed"]) for r in services.results(session)}
    assert rows == {"CSTDCS": (4, 1, True), "LDTT": (2, 3, False)}


def test_a_paper_tally_is_refused_once_a_member_voted_in_the_system(council, dossiers):
    session = opened(council, dossiers)
    services.vote_cast(actor=council.users["hoidong"], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    with pytest.raises(DomainError, match="Đã có thành viên bỏ phiếu trên hệ thống"):
        services.paper_tally_record(actor=council.secretary, session=session, counts={},
                                    scan=SimpleUploadedFile("kiem-phieu.pdf", pdf_bytes("Biên bản kiểm phiếu")))


def test_an_open_ballot_keeps_and_shows_each_members_vote(council, dossiers):
    session = opened(council, dossiers, secret=False)
    services.vote_cast(actor=council.users["hoidong"], session=session, choices=paper(session, CSTDCS="agree", LDTT="disagree"))
    event = AuditEvent.objects.get(action="council.ballot.cast")
    assert sorted(event.data["choices"].values()) == ["agree", "disagree"]
    assert OpenVote.objects.filter(member=council.members["hoidong"]).count() == 2
    assert services.open_votes(session) == []  # shown once the ballot closed
    services.ballot_close(actor=council.secretary, session=session)
    assert [(v.member.full_name, v.item.award_code, v.choice) for v in services.open_votes(session)] == [
        ("hoidong", "CSTDCS", "agree"), ("hoidong", "LDTT", "disagree")]


def test_the_minutes_context_is_plain_data(council, dossiers):
    session = opened(council, dossiers)
    for key in PRESENT:
        choice = "disagree" if key == "uyvien3" else "agree"
        services.vote_cast(actor=council.users[key], session=session, choices=paper(session, CSTDCS=choice, LDTT="agree"))
    services.ballot_close(actor=council.secretary, session=session)
    context = services.minutes_context(session)
    assert context["council"]["name"] == "Hội đồng Thi đua - Khen thưởng phường Đống Đa"
    assert context["session"]["held_on"] == HELD_ON and context["session"]["secret"] is True
    assert context["members_count"] == 5 and context["present_count"] == 4 and context["ballots_cast"] == 4
    assert context["attendance_counts"] == {"present": 4, "absent_written": 1, "absent": 0}
    assert [(r["name"], r["passed"]) for r in context["results"]] == [("Nguyễn Văn An", False), ("Trần Thị Bình", True)]
    assert context["open_votes"] == []


def test_the_secretary_records_the_paper_of_a_present_member_without_an_account(council, dossiers):
    session = opened(council, dossiers, attendance={"hoidong": "present", "uyvien1": "present", "uyvien2": "present",
                                                    "uyvien3": "absent", "Đỗ Văn Hiệu": "present"})
    services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                 choices=paper(session, CSTDCS="agree", LDTT="agree"))
    with pytest.raises(DomainError, match="có mặt và có tài khoản: thành viên tự bỏ phiếu từ tài khoản của mình"):
        services.written_vote_record(actor=council.secretary, session=session, member=council.members["hoidong"],
                                     choices=paper(session, CSTDCS="agree", LDTT="agree"))
    with pytest.raises(DomainError, match="không được điểm danh là “vắng mặt, có phiếu bằng văn bản”"):
        services.written_vote_record(actor=council.secretary, session=session, member=council.members["uyvien3"],
                                     choices=paper(session, CSTDCS="agree", LDTT="agree"))
    assert selectors.ballots_cast(session) == 1


def test_an_item_taken_off_a_draft_agenda_may_go_on_another_session(council, dossiers):
    session = prepare(council, dossiers)
    item = items(session)["LDTT"]
    services.agenda_remove(actor=council.secretary, item=item)
    assert [(i.position, i.award_code) for i in session.items.all()] == [(1, "CSTDCS")]
    assert AuditEvent.objects.filter(action="council.agenda.removed", data__nominee=item.nominee_id).exists()
    later = services.session_create(actor=council.secretary, council=council.council, held_on=HELD_ON, title="Phiên họp bổ sung")
    assert [i.nominee_id for i in services.agenda_add_ready(actor=council.secretary, session=later)] == [item.nominee_id]
    services.ballot_open(actor=council.secretary, session=session)
    with pytest.raises(DomainError, match="Chỉ bỏ nội dung khỏi chương trình khi phiên họp đang chuẩn bị"):
        services.agenda_remove(actor=council.secretary, item=session.items.get())
    with pytest.raises(Forbidden):
        services.agenda_remove(actor=council.users["hoidong"], item=session.items.get())
