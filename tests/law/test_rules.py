"""Rule tables: each case cites its article; verdict, the failing check and the year in its message."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from tdkt.law import catalogue as cat
from tdkt.law import engine
from tdkt.law.schema import AwardEntry, EligibilityRequest, RatingEntry, Subject

from .helpers import FILE_CATALOGUE, payload, run

SERVED = "2010-01-01"  # recruited long before: the recruitment check passes (a case about another rule)
C20 = {"members": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 1, "disciplined_canh_cao_or_above": 0}

# (id citing the article, payload, verdict, the check that decides it, its result, text its message must contain)
CASES = [
    # LĐTT — Điều 24 Luật TĐKT 06/2022/QH15; TT 01/2024, TT 15/2025 (6 months since recruitment)
    ("Điều 24: HTTNV, no discipline → LĐTT", payload("LDTT", 2025, ratings={2025: "HTTNV"}, recruited_on=SERVED),
     "eligible", "RATING", "pass", "Năm 2025 xếp loại HTTNV"),
    ("Điều 24: HTNV is below HTTNV", payload("LDTT", 2025, ratings={2025: "HTNV"}),
     "not_eligible", "RATING", "fail", "Năm 2025 xếp loại HTNV"),
    ("Điều 24: no rating for the year → needs review", payload("LDTT", 2025, ratings={2024: "HTXSNV"}),
     "needs_review", "RATING", "cannot_judge", "Chưa có xếp loại năm 2025"),
    ("Điều 24 + NĐ 152 Điều 4: reprimand overlapping the year blocks it",
     payload("LDTT", 2025, ratings={2025: "HTXSNV"}, disciplines=[("KHIEN_TRACH", "2024-10-01", "2025-02-01")]),
     "not_eligible", "DISCIPLINE", "fail", "Năm 2025 đang trong thời hạn kỷ luật Khiển trách"),
    ("TT 15/2025: recruited 01/08/2025, under 6 months by year end",
     payload("LDTT", 2025, ratings={2025: "HTTNV"}, recruited_on="2025-08-01"),
     "not_eligible", "RECRUITMENT", "fail", "chưa đủ 6 tháng tính đến hết năm 2025"),
    ("NĐ 91/2017 Điều 10: recruited 01/04/2020, under 10 months by year end",
     payload("LDTT", 2020, ratings={2020: "HTTNV"}, recruited_on="2020-04-01"),
     "not_eligible", "RECRUITMENT", "fail", "chưa đủ 10 tháng tính đến hết năm 2020"),
    ("NĐ 91/2017 Điều 10: recruited 01/03/2020, exactly 10 months",
     payload("LDTT", 2020, ratings={2020: "HTTNV"}, recruited_on="2020-03-01"),
     "eligible", "RECRUITMENT", "pass", "đủ 10 tháng tính đến hết năm 2020"),
    ("TT 15/2025: recruited 01/07/2025, exactly 6 months", payload("LDTT", 2025, ratings={2025: "HTTNV"}, recruited_on="2025-07-01"),
     "eligible", "RECRUITMENT", "pass", "đủ 6 tháng tính đến hết năm 2025"),
    ("Điều 24 Luật 2003: 2023 is judged under the old law", payload("LDTT", 2023, ratings={2023: "HTTNV"}, recruited_on=SERVED),
     "eligible", "RATING", "pass", "Năm 2023 xếp loại HTTNV"),
    # CSTĐCS — Điều 23: LĐTT and (HTXSNV or an initiative); Luật 2003: LĐTT + initiative
    ("Điều 23: HTXSNV suffices", payload("CSTDCS", 2025, ratings={2025: "HTXSNV"}, recruited_on=SERVED),
     "eligible", "CSTDCS_EXCELLENCE", "pass", "Năm 2025 xếp loại HTXSNV"),
    ("Điều 23: HTTNV with a cơ sở initiative",
     payload("CSTDCS", 2025, ratings={2025: "HTTNV"}, initiatives=[(2025, "CO_SO")], recruited_on=SERVED),
     "eligible", "CSTDCS_EXCELLENCE", "pass", "Năm 2025 có sáng kiến phạm vi cấp cơ sở"),
    ("Điều 23: HTTNV without an initiative", payload("CSTDCS", 2025, ratings={2025: "HTTNV"}, initiatives=[(2024, "CO_SO")]),
     "not_eligible", "CSTDCS_EXCELLENCE", "fail", "Năm 2025 xếp loại HTTNV và không có sáng kiến"),
    ("Điều 23 Luật 2003: HTXSNV without an initiative did not suffice in 2023", payload("CSTDCS", 2023, ratings={2023: "HTXSNV"}),
     "not_eligible", "CSTDCS_EXCELLENCE", "fail", "Năm 2023 không có sáng kiến"),
    ("Điều 23: meets LĐTT first — HTNV with an initiative", payload("CSTDCS", 2025, ratings={2025: "HTNV"}, initiatives=[(2025, "CO_SO")]),
     "not_eligible", "RATING", "fail", "Năm 2025 xếp loại HTNV"),
    ("Điều 23 + NĐ 152 Điều 4: disciplined in the year",
     payload("CSTDCS", 2025, ratings={2025: "HTXSNV"}, disciplines=[("CANH_CAO", "2025-11-01", "2026-11-01")]),
     "not_eligible", "DISCIPLINE", "fail", "Năm 2025 đang trong thời hạn kỷ luật Cảnh cáo"),
    # CSTĐ cấp tỉnh — Điều 22: 3 consecutive CSTĐCS (the third may be proposed) and a province-scope initiative
    ("Điều 22: 2023, 2024 awarded + 2025 proposed, initiative TINH",
     payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS"), (2024, "CSTDCS")], proposed=[(2025, "CSTDCS")], initiatives=[(2025, "TINH")]),
     "eligible", "CSTDCS_CHAIN", "pass", "Chuỗi CSTĐCS liên tục: 2023, 2024, 2025 (2025 đang đề nghị)"),
    ("Điều 22: all three awarded", payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS"), (2024, "CSTDCS"), (2025, "CSTDCS")],
                                            initiatives=[(2024, "TOAN_QUOC")]),
     "eligible", "CSTDCS_CHAIN", "pass", "(2025 đã công nhận)"),
    ("Điều 22: a gap year breaks the chain", payload("CSTD_TINH", 2025, awards=[(2022, "CSTDCS"), (2024, "CSTDCS")],
                                                    proposed=[(2025, "CSTDCS")], initiatives=[(2025, "TINH")]),
     "not_eligible", "CSTDCS_CHAIN", "fail", "Chuỗi CSTĐCS liên tục đến năm 2025: 2024, 2025"),
    ("Điều 22: a cơ sở initiative is not enough", payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS"), (2024, "CSTDCS")],
                                                         proposed=[(2025, "CSTDCS")], initiatives=[(2025, "CO_SO")]),
     "not_eligible", "INITIATIVE_TINH", "fail", "trong các năm 2023–2025"),
    ("Điều 22 + Điều 95: chain across regimes (2022, 2023 under Luật 2003)",
     payload("CSTD_TINH", 2024, awards=[(2022, "CSTDCS"), (2023, "CSTDCS")], proposed=[(2024, "CSTDCS")], initiatives=[(2024, "TINH")]),
     "eligible", "CSTDCS_CHAIN", "pass", "2022, 2023 theo Luật Thi đua, khen thưởng 2003 và Nghị định 91/2017/NĐ-CP"),
    ("Điều 22 + NĐ 152 Điều 4: a discipline restarts the chain",
     payload("CSTD_TINH", 2025, awards=[(2022, "CSTDCS"), (2023, "CSTDCS"), (2024, "CSTDCS")], proposed=[(2025, "CSTDCS")],
             disciplines=[("KHIEN_TRACH", "2022-06-01", "2023-05-31")], initiatives=[(2025, "TINH")]),
     "not_eligible", "CSTDCS_CHAIN", "fail", "chỉ tính thành tích từ năm 2024"),
    # CSTĐ toàn quốc — Điều 21: two consecutive CSTĐ cấp tỉnh periods and a national initiative
    ("Điều 21: CSTĐ tỉnh 2022 and 2025 (proposed), national initiative",
     payload("CSTD_TQ", 2025, awards=[(2022, "CSTD_TINH")], proposed=[(2025, "CSTD_TINH")], initiatives=[(2024, "TOAN_QUOC")]),
     "eligible", "CSTD_TINH_CHAIN", "pass", "2022, 2025 (2025 đang đề nghị)"),
    ("Điều 21: periods 2021 and 2025 are not back to back",
     payload("CSTD_TQ", 2025, awards=[(2021, "CSTD_TINH")], proposed=[(2025, "CSTD_TINH")], initiatives=[(2024, "TOAN_QUOC")]),
     "not_eligible", "CSTD_TINH_CHAIN", "fail", "đến năm 2025: 2025"),
    ("Điều 21: a province-scope initiative is not national",
     payload("CSTD_TQ", 2025, awards=[(2022, "CSTD_TINH")], proposed=[(2025, "CSTD_TINH")], initiatives=[(2024, "TINH")]),
     "not_eligible", "INITIATIVE_TOAN_QUOC", "fail", "trong các năm 2020–2025"),
    # TTLĐTT — Điều 28: tasks completed well, more than 50% LĐTT, no member disciplined at cảnh cáo or above
    ("Điều 28: 15/20 LĐTT", payload("TTLDTT", 2025, kind="collective", ratings={2025: "HTTNV"}, collective=C20),
     "eligible", "LDTT_SHARE", "pass", "Năm 2025: 15/20 thành viên đạt LĐTT (75%)"),
    ("Điều 28: exactly 50% is not more than half",
     payload("TTLDTT", 2025, kind="collective", ratings={2025: "HTTNV"}, collective={**C20, "ldtt": 10}),
     "not_eligible", "LDTT_SHARE", "fail", "Năm 2025: 10/20 thành viên đạt LĐTT (50%), yêu cầu trên 50%"),
    ("Điều 28: a member disciplined at cảnh cáo",
     payload("TTLDTT", 2025, kind="collective", ratings={2025: "HTTNV"}, collective={**C20, "disciplined_canh_cao_or_above": 1}),
     "not_eligible", "MEMBER_DISCIPLINE", "fail", "Năm 2025: 1 thành viên bị kỷ luật"),
    ("Điều 28: collective figures missing", payload("TTLDTT", 2025, kind="collective", ratings={2025: "HTTNV"}),
     "needs_review", "COLLECTIVE_DATA", "cannot_judge", "Thiếu số liệu tập thể năm 2025"),
    ("Điều 28: a title for collectives, not individuals", payload("TTLDTT", 2025, ratings={2025: "HTTNV"}),
     "not_eligible", "SUBJECT", "fail", "không xét cho cá nhân"),
    # TTLĐXS — Điều 27: excellent, 100% completed, ≥ 70% LĐTT, ≥ 1 CSTĐCS, no member disciplined
    ("Điều 27: 20/20 completed, 14/20 LĐTT, 1 CSTĐCS",
     payload("TTLDXS", 2025, kind="collective", ratings={2025: "HTXSNV"}, collective={**C20, "ldtt": 14}),
     "eligible", "LDTT_SHARE", "pass", "14/20 thành viên đạt LĐTT (70%)"),
    ("Điều 27: one member did not complete tasks",
     payload("TTLDXS", 2025, kind="collective", ratings={2025: "HTXSNV"}, collective={**C20, "completed_tasks": 19}),
     "not_eligible", "COMPLETED_SHARE", "fail", "Năm 2025: 19/20 thành viên hoàn thành nhiệm vụ"),
    ("Điều 27: 13/20 LĐTT is under 70%",
     payload("TTLDXS", 2025, kind="collective", ratings={2025: "HTXSNV"}, collective={**C20, "ldtt": 13}),
     "not_eligible", "LDTT_SHARE", "fail", "Năm 2025: 13/20 thành viên đạt LĐTT (65%)"),
    ("Điều 27: no CSTĐCS in the collective",
     payload("TTLDXS", 2025, kind="collective", ratings={2025: "HTXSNV"}, collective={**C20, "cstdcs": 0}),
     "not_eligible", "CSTDCS_COUNT", "fail", "Năm 2025: 0 cá nhân đạt CSTĐCS"),
    ("Điều 27: rated HTTNV, not excellent",
     payload("TTLDXS", 2025, kind="collective", ratings={2025: "HTTNV"}, collective=C20),
     "not_eligible", "RATING", "fail", "Năm 2025 xếp loại HTTNV"),
    # Bằng khen cấp tỉnh — Điều 74 khoản 1 điểm d
    ("Điều 74(1)(d): CSTĐCS 2024 and 2025 (proposed)", payload("BK_TINH", 2025, awards=[(2024, "CSTDCS")], proposed=[(2025, "CSTDCS")]),
     "eligible", "BK_TINH_POINT_D", "pass", "CSTĐCS liên tục 2024, 2025 (2025 đang đề nghị)"),
    ("Điều 74(1)(d): HTXSNV 2024–2025 with 2 cơ sở initiatives",
     payload("BK_TINH", 2025, ratings={2024: "HTXSNV", 2025: "HTXSNV"}, initiatives=[(2024, "CO_SO"), (2025, "CO_SO")]),
     "eligible", "BK_TINH_POINT_D", "pass", "HTXSNV liên tục 2024, 2025 và 2 sáng kiến"),
    ("Điều 74(1)(d): HTXSNV 2024–2025 but one initiative, CSTĐCS only 2025",
     payload("BK_TINH", 2025, ratings={2024: "HTXSNV", 2025: "HTXSNV"}, initiatives=[(2025, "CO_SO")], proposed=[(2025, "CSTDCS")]),
     "not_eligible", "BK_TINH_POINT_D", "fail", "Chưa đạt điểm d đến năm 2025"),
    ("Điều 74: a collective's Bằng khen needs the council",
     payload("BK_TINH", 2025, kind="collective", ratings={2025: "HTXSNV"}),
     "needs_review", "COUNCIL_JUDGEMENT", "cannot_judge", "năm 2025"),
    # Bằng khen của Thủ tướng Chính phủ — Điều 73(1)(b) Luật 06/2022; NĐ 91/2017 and NĐ 65/2014 before 2024 (issue 12, point 3)
    ("Điều 73(1)(b): BK tỉnh 2019, then 2020–2025 HTTNV with 3 CSTĐCS",
     payload("BK_TTG", 2025, ratings={y: "HTTNV" for y in range(2020, 2026)},
             awards=[(2019, "BK_TINH"), (2021, "CSTDCS"), (2022, "CSTDCS"), (2024, "CSTDCS")]),
     "eligible", "BK_TTG_POINT_B", "pass", "3 lần CSTĐCS trong các năm đó: 2021, 2022, 2024"),
    ("Điều 73(1)(b): five years but only two CSTĐCS",
     payload("BK_TTG", 2025, ratings={y: "HTTNV" for y in range(2021, 2026)}, awards=[(2020, "BK_TINH"), (2022, "CSTDCS"), (2024, "CSTDCS")]),
     "not_eligible", "BK_TTG_POINT_B", "fail", "2 lần CSTĐCS trong các năm đó: 2022, 2024 (cần 3)"),
    ("Điều 73(1)(b): the years before the Bằng khen cấp tỉnh do not count",
     payload("BK_TTG", 2025, ratings={y: "HTTNV" for y in range(2018, 2026)},
             awards=[(2018, "CSTDCS"), (2019, "CSTDCS"), (2020, "CSTDCS"), (2022, "BK_TINH")]),
     "not_eligible", "BK_TTG_POINT_B", "fail", "liên tục 2023, 2024, 2025 (cần 5 năm)"),
    ("Điều 73(1)(b): no Bằng khen cấp tỉnh",
     payload("BK_TTG", 2025, ratings={y: "HTXSNV" for y in range(2019, 2026)}, awards=[(y, "CSTDCS") for y in range(2021, 2026)]),
     "not_eligible", "BK_TTG_POINT_B", "fail", "Bằng khen cấp tỉnh không có"),
    ("Điều 73(1)(b): an HTNV year breaks the run",
     payload("BK_TTG", 2025, ratings={**{y: "HTTNV" for y in range(2019, 2026)}, 2023: "HTNV"},
             awards=[(2018, "BK_TINH"), (2019, "CSTDCS"), (2020, "CSTDCS"), (2021, "CSTDCS")]),
     "not_eligible", "BK_TTG_POINT_B", "fail", "liên tục 2024, 2025 (cần 5 năm)"),
    ("Điều 73(1)(b): the year under review not rated yet → needs review",
     payload("BK_TTG", 2025, ratings={y: "HTTNV" for y in range(2020, 2025)}, awards=[(2019, "BK_TINH")]),
     "needs_review", "BK_TTG_POINT_B", "cannot_judge", "Chưa có xếp loại năm 2025"),
    ("NĐ 91/2017: BK tỉnh 2017, then 2018–2023 HTXSNV with 5 cơ sở initiatives",
     payload("BK_TTG", 2023, ratings={y: "HTXSNV" for y in range(2018, 2024)}, awards=[(2017, "BK_TINH")],
             initiatives=[(y, "CO_SO") for y in range(2019, 2024)]),
     "eligible", "BK_TTG_POINT_B", "pass", "5 sáng kiến được công nhận trong các năm đó"),
    ("NĐ 91/2017: HTTNV years do not count before 2024",
     payload("BK_TTG", 2023, ratings={y: "HTTNV" for y in range(2018, 2024)}, awards=[(2017, "BK_TINH")],
             initiatives=[(y, "CO_SO") for y in range(2019, 2024)]),
     "not_eligible", "BK_TTG_POINT_B", "fail", "HTXSNV trở lên liên tục không có (cần 5 năm)"),
    ("NĐ 91/2017: four initiatives are not five",
     payload("BK_TTG", 2023, ratings={y: "HTXSNV" for y in range(2018, 2024)}, awards=[(2017, "BK_TINH")],
             initiatives=[(y, "CO_SO") for y in range(2020, 2024)]),
     "not_eligible", "BK_TTG_POINT_B", "fail", "4 sáng kiến được công nhận trong các năm đó: 2020, 2021, 2022, 2023 (cần 5)"),
    ("Điều 73: a collective's Bằng khen Thủ tướng needs the council",
     payload("BK_TTG", 2025, kind="collective", ratings={2025: "HTXSNV"}),
     "needs_review", "COUNCIL_JUDGEMENT", "cannot_judge", "năm 2025"),
    ("Điều 22 Luật 2003: a chain 2015–2017 spans NĐ 65/2014 and NĐ 91/2017",
     payload("CSTD_TINH", 2017, awards=[(2015, "CSTDCS"), (2016, "CSTDCS")], proposed=[(2017, "CSTDCS")], initiatives=[(2017, "TINH")]),
     "eligible", "CSTDCS_CHAIN", "pass", "2015, 2016 theo Luật Thi đua, khen thưởng 2003 và Nghị định 65/2014/NĐ-CP"),
    # The facts of a working year (issue 12, point 2; DOMAIN.md §3)
    ("TT 15/2025: recruitment day unknown, no earlier rating → needs review (never assumed)",
     payload("LDTT", 2025, ratings={2025: "HTTNV"}),
     "needs_review", "RECRUITMENT", "cannot_judge", "Chưa có ngày tuyển dụng"),
    ("TT 15/2025: recruitment day unknown, rated in 2024 → served before the year",
     payload("LDTT", 2025, ratings={2024: "HTTNV", 2025: "HTTNV"}),
     "eligible", "RECRUITMENT", "pass", "Đã được đánh giá, xếp loại năm 2024"),
    ("TT 01/2024: recruited 01/09/2025 after a contract from 01/02/2025 — the contract time counts",
     payload("LDTT", 2025, ratings={2025: "HTTNV"}, recruited_on="2025-09-01", service_start="2025-02-01"),
     "eligible", "RECRUITMENT", "pass", "Công tác liên tục từ ngày 01/02/2025 (kể cả thời gian hợp đồng lao động)"),
    ("TT 01/2024: continuous service from 01/08/2025 is still under 6 months",
     payload("LDTT", 2025, ratings={2025: "HTTNV"}, recruited_on="2025-10-01", service_start="2025-08-01"),
     "not_eligible", "RECRUITMENT", "fail", "chưa đủ 6 tháng tính đến hết năm 2025"),
    ("NĐ 65/2014 Điều 5(6): 45 working days off in 2016 → no LĐTT",
     payload("LDTT", 2016, ratings={2016: "HTTNV"}, recruited_on=SERVED, work_years=[{"year": 2016, "days_off": 45}]),
     "not_eligible", "DAYS_OFF", "fail", "Năm 2016 nghỉ 45 ngày làm việc: từ 40 ngày trở lên thì không xét"),
    ("NĐ 65/2014 Điều 5(6): maternity leave does not count (50 days off, 30 of them maternity)",
     payload("LDTT", 2016, ratings={2016: "HTTNV"}, recruited_on=SERVED,
             work_years=[{"year": 2016, "days_off": 50, "maternity_days": 30}]),
     "eligible", "DAYS_OFF", "pass", "nghỉ 20 ngày làm việc (không tính 30 ngày nghỉ thai sản)"),
    ("NĐ 65/2014 Điều 5(6): days off in 2016 unknown → needs review",
     payload("LDTT", 2016, ratings={2016: "HTTNV"}, recruited_on=SERVED),
     "needs_review", "DAYS_OFF", "cannot_judge", "Chưa có số ngày nghỉ làm việc năm 2016"),
    ("NĐ 91/2017: the 40-day rule is gone — 60 days off in 2018 do not block",
     payload("LDTT", 2018, ratings={2018: "HTTNV"}, recruited_on=SERVED, work_years=[{"year": 2018, "days_off": 60}]),
     "eligible", "RATING", "pass", "Năm 2018 xếp loại HTTNV"),
    ("TT 15/2025 Điều 2: a 14-month course graded khá replaces the rating",
     payload("LDTT", 2025, recruited_on=SERVED, work_years=[{"year": 2025, "training": {"months": 14, "result": "KHA"}}]),
     "eligible", "TRAINING_RESULT", "pass", "Năm 2025 đào tạo, bồi dưỡng 14 tháng: kết quả học tập khá thay cho xếp loại"),
    ("TT 15/2025 Điều 2: a long course graded trung bình",
     payload("LDTT", 2025, recruited_on=SERVED, work_years=[{"year": 2025, "training": {"months": 12, "result": "TRUNG_BINH"}}]),
     "not_eligible", "TRAINING_RESULT", "fail", "kết quả học tập trung bình, chưa đạt khá trở lên"),
    ("TT 15/2025 Điều 2: a long course without its result → needs review",
     payload("LDTT", 2025, recruited_on=SERVED, work_years=[{"year": 2025, "training": {"months": 18}}]),
     "needs_review", "TRAINING_RESULT", "cannot_judge", "chưa có kết quả học tập"),
    ("TT 01/2024: a 3-month course keeps the unit's rating",
     payload("LDTT", 2024, ratings={2024: "HTNV"}, recruited_on=SERVED, work_years=[{"year": 2024, "training": {"months": 3, "result": "GIOI"}}]),
     "not_eligible", "RATING", "fail", "Năm 2024 xếp loại HTNV"),
    ("TT 15/2025 Điều 2(5): 7 months at the old unit, its comment attached",
     payload("LDTT", 2025, ratings={2025: "HTTNV"}, recruited_on=SERVED,
             work_years=[{"year": 2025, "transfer": {"from_unit": "Phường Láng", "months": 7, "comment": True}}]),
     "eligible", "TRANSFER_COMMENT", "pass", "Chuyển công tác từ Phường Láng (7 tháng trong năm 2025): đã có ý kiến nhận xét"),
    ("TT 15/2025 Điều 2(5): 7 months at the old unit, no comment yet → needs review",
     payload("CSTDCS", 2025, ratings={2025: "HTXSNV"}, recruited_on=SERVED,
             work_years=[{"year": 2025, "transfer": {"from_unit": "Phường Láng", "months": 7}}]),
     "needs_review", "TRANSFER_COMMENT", "cannot_judge", "cần ý kiến nhận xét của đơn vị cũ"),
    ("TT 15/2025 Điều 2(5): 4 months at the old unit need no comment",
     payload("LDTT", 2025, ratings={2025: "HTTNV"}, recruited_on=SERVED,
             work_years=[{"year": 2025, "transfer": {"from_unit": "Phường Láng", "months": 4}}]),
     "eligible", "TRANSFER_COMMENT", "pass", "dưới 6 tháng): không cần ý kiến"),
    # One initiative grounds one award (issue 12, point 4; CV 5007/BNV-TĐKT)
    ("CV 5007/BNV-TĐKT: the 2025 initiative already grounded a Bằng khen",
     payload("CSTDCS", 2025, ratings={2025: "HTTNV"}, recruited_on=SERVED, initiatives=[(2025, "CO_SO", "BK_TINH", 2025)]),
     "not_eligible", "CSTDCS_EXCELLENCE", "fail", "không tính sáng kiến năm 2025 đã làm căn cứ cho Bằng khen cấp tỉnh năm 2025"),
    ("CV 5007/BNV-TĐKT: an initiative recorded for this very title still grounds it",
     payload("CSTDCS", 2025, ratings={2025: "HTTNV"}, recruited_on=SERVED, initiatives=[(2025, "CO_SO", "CSTDCS", 2025)]),
     "eligible", "CSTDCS_EXCELLENCE", "pass", "Năm 2025 có sáng kiến phạm vi cấp cơ sở"),
    ("CV 5007/BNV-TĐKT: Bằng khen point d cannot reuse the initiatives of the CSTĐCS titles",
     payload("BK_TINH", 2025, ratings={2024: "HTXSNV", 2025: "HTXSNV"},
             initiatives=[(2024, "CO_SO", "CSTDCS", 2024), (2025, "CO_SO")]),
     "not_eligible", "BK_TINH_POINT_D", "fail", "với 1 sáng kiến (cần 2)"),
    ("CV 5007/BNV-TĐKT: CSTĐ cấp tỉnh cannot use the province initiative of an earlier Bằng khen",
     payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS"), (2024, "CSTDCS")], proposed=[(2025, "CSTDCS")],
             initiatives=[(2024, "TINH", "BK_TINH", 2024)]),
     "not_eligible", "INITIATIVE_TINH", "fail", "đã làm căn cứ cho Bằng khen cấp tỉnh năm 2024"),
    # The achievement period of a form (issue 12, point 5; DOMAIN.md §3)
    ("Điều 74(1)(d) + Điều 5: CSTĐCS 2022–2023 proposed at the end of 2024 → the council judges it, not a broken chain",
     payload("BK_TINH", 2024, awards=[(2022, "CSTDCS"), (2023, "CSTDCS")], period=(2022, 2023)),
     "needs_review", "LATE_PROPOSAL", "cannot_judge", "Thành tích 2022–2023 đề nghị khen thưởng năm 2024"),
    ("Điều 74(1)(d): the same history without the period is a broken chain in 2024",
     payload("BK_TINH", 2024, awards=[(2022, "CSTDCS"), (2023, "CSTDCS")], ratings={2024: "HTTNV"}),
     "not_eligible", "BK_TINH_POINT_D", "fail", "Chưa đạt điểm d đến năm 2024"),
    # Other catalogue codes: the council's judgement, but a discipline still blocks (NĐ 152 Điều 4)
    ("Điều 75: Giấy khen is judged by provincial criteria", payload("GIAY_KHEN", 2025),
     "needs_review", "COUNCIL_JUDGEMENT", "cannot_judge", "năm 2025"),
    ("NĐ 152 Điều 4: no Cờ thi đua while the collective is disciplined",
     payload("CO_TINH", 2025, kind="collective", disciplines=[("CANH_CAO", "2025-01-10", "2026-01-10")]),
     "not_eligible", "DISCIPLINE", "fail", "Năm 2025 đang trong thời hạn kỷ luật Cảnh cáo"),
]


@pytest.mark.parametrize(("case", "data", "verdict", "code", "result", "text"), CASES, ids=[c[0] for c in CASES])
def test_it_judges_the_rule_table(case, data, verdict, code, result, text):
    outcome = run(data)
    checks = {c.code: c for c in outcome.checks}
    assert outcome.verdict == verdict, [tuple(c) for c in outcome.checks]
    assert checks[code].result == result
    assert text in checks[code].message
    assert checks[code].legal_basis
    if verdict == "not_eligible":
        assert [c.code for c in outcome.checks if c.result == "fail"][0] == code


def test_it_names_the_regime_of_the_year():
    assert run(payload("LDTT", 2016, ratings={2016: "HTTNV"})).regime == "ND65_2014"
    assert run(payload("LDTT", 2017, ratings={2017: "HTTNV"})).regime == "ND91_2017"  # the year-end round of 2017
    assert run(payload("LDTT", 2023, ratings={2023: "HTTNV"})).regime == "ND91_2017"
    assert run(payload("LDTT", 2024, ratings={2024: "HTTNV"})).regime == "ND98_2023"
    assert run(payload("LDTT", 2025, ratings={2025: "HTTNV"})).regime == "ND152_2025"


def test_it_cites_the_old_law_for_an_old_year():
    checks = {c.code: c for c in run(payload("LDTT", 2023, ratings={2023: "HTTNV"})).checks}
    assert "2003" in checks["RATING"].legal_basis
    checks = {c.code: c for c in run(payload("LDTT", 2025, ratings={2025: "HTTNV"})).checks}
    assert checks["RATING"].legal_basis == "Điểm a khoản 1 Điều 24 Luật Thi đua, khen thưởng số 06/2022/QH15"


def test_it_lists_the_attestation_as_a_non_blocking_check():
    outcome = run(payload("CSTDCS", 2025, ratings={2025: "HTXSNV"}, recruited_on=SERVED))
    attestation = [c for c in outcome.checks if c.code == "ATTESTATION"]
    assert outcome.verdict == "eligible"
    assert attestation and attestation[0].result == "pass" and "không tính toán" in attestation[0].message


def test_it_ignores_a_revoked_award_the_caller_dropped():
    full = payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS"), (2024, "CSTDCS")], proposed=[(2025, "CSTDCS")], initiatives=[(2025, "TINH")])
    assert run(full).verdict == "eligible"
    revoked_2024_dropped = payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS")], proposed=[(2025, "CSTDCS")], initiatives=[(2025, "TINH")])
    outcome = run(revoked_2024_dropped)
    assert outcome.verdict == "not_eligible"
    assert "Chuỗi CSTĐCS liên tục đến năm 2025: 2025" in outcome.checks[0].message


def test_it_counts_a_proposed_title_only_for_the_year_under_review():
    data = payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS")], proposed=[(2024, "CSTDCS"), (2025, "CSTDCS")], initiatives=[(2025, "TINH")])
    outcome = run(data)
    assert outcome.verdict == "not_eligible"
    assert outcome.checks[0].code == "CSTDCS_CHAIN" and outcome.checks[0].result == "fail"


def test_it_does_not_count_a_discipline_that_starts_after_the_year():
    data = payload("LDTT", 2025, ratings={2025: "HTTNV"}, disciplines=[("CACH_CHUC", "2026-01-05", "2027-01-05")], recruited_on=SERVED)
    assert run(data).verdict == "eligible"


def test_it_returns_the_json_contract_shape():
    data = json.loads(json.dumps(payload("CSTD_TINH", 2025, ratings={2025: "HTXSNV"}, awards=[(2024, "CSTDCS")],
                                         disciplines=[("KHIEN_TRACH", "2025-03-01", "2026-03-01")], initiatives=[(2025, "TINH")])))
    result = engine.check(data, catalogue=FILE_CATALOGUE)
    assert list(result) == ["award", "year", "regime", "catalogue_version", "verdict", "checks"]
    assert result["award"] == "CSTD_TINH" and result["year"] == 2025 and result["verdict"] == "not_eligible"
    assert result["catalogue_version"] == FILE_CATALOGUE.version
    assert all(list(c) == ["code", "result", "message", "legal_basis", "message_id", "args", "facts", "parameters"]
               for c in result["checks"])
    assert {c["result"] for c in result["checks"]} <= {"pass", "fail", "cannot_judge"}
    assert json.loads(json.dumps(result)) == result  # the trace is plain JSON (dates as ISO strings)


def test_a_stored_result_reads_back_equal():
    outcome = run(payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS"), (2024, "CSTDCS")], proposed=[(2025, "CSTDCS")],
                          disciplines=[("KHIEN_TRACH", "2022-06-01", "2023-05-31")], initiatives=[(2025, "TINH")]))
    stored = json.loads(json.dumps(outcome.to_dict()))
    again = engine.EligibilityResult.from_dict(stored)
    assert again.to_dict() == stored
    assert [(c.code, c.result, c.message, c.message_id) for c in again.checks] == [
        (c.code, c.result, c.message, c.message_id) for c in outcome.checks]


def test_a_check_keeps_its_trace_the_facts_and_parameters_it_used():
    outcome = run(payload("CSTD_TINH", 2025, awards=[(2023, "CSTDCS"), (2024, "CSTDCS")], proposed=[(2025, "CSTDCS")],
                          initiatives=[(2025, "TINH")]))
    chain = next(c for c in outcome.checks if c.code == "CSTDCS_CHAIN")
    assert chain.message_id == "chain.pass"
    assert chain.facts["chain"] == [2023, 2024, 2025] and chain.facts["title"] == "CSTDCS"
    assert [(p.key, p.value) for p in chain.parameters] == [("cstd_tinh.cstdcs_chain_years", 3)]
    assert chain.parameters[0].legal_basis == chain.legal_basis


def test_messages_are_compared_by_id_and_arguments_not_wording():
    from tdkt.law.messages import Message, render

    first = run(payload("LDTT", 2025, ratings={2025: "HTNV"}))
    second = run(payload("LDTT", 2025, ratings={2025: "HTNV"}, recruited_on="2010-01-01"))
    rating = [next(c for c in r.checks if c.code == "RATING") for r in (first, second)]
    assert (rating[0].message_id, dict(rating[0].args)) == (rating[1].message_id, dict(rating[1].args))
    assert rating[0].message == render(rating[0].message_id, rating[0].args) == Message(rating[0].message_id, rating[0].args).render()


def test_it_applies_the_unconfirmed_amendment_only_once_activated():
    request = EligibilityRequest(award="CSTDCS", year=2026, subject=Subject(recruited_on=dt.date(2010, 1, 1)),
                                 ratings=(RatingEntry(2026, "HTXSNV"),))
    assert engine.evaluate(request, catalogue=FILE_CATALOGUE).verdict == "eligible"
    data = cat.read_file()
    for regime in data["regimes"]:
        if regime["code"] == "AMEND_2026":
            regime["active"] = True
    amended = cat.build(data, source="test")
    outcome = engine.evaluate(request, catalogue=amended)
    assert outcome.regime == "AMEND_2026"
    assert outcome.verdict == "not_eligible"
    assert {c.code for c in outcome.checks if c.result == "fail"} == {"CSTDCS_EXCELLENCE"}


def test_it_does_not_mutate_the_request():
    request = EligibilityRequest(award="CSTD_TINH", year=2025, awards=(AwardEntry(2024, "CSTDCS"), AwardEntry(2025, "CSTDCS", True)))
    before = dataclasses.astuple(request)
    engine.evaluate(request, catalogue=FILE_CATALOGUE)
    assert dataclasses.astuple(request) == before


def test_it_refuses_an_unknown_award_in_a_direct_request():
    from tdkt.core.errors import DomainError

    with pytest.raises(DomainError, match="award"):
        engine.evaluate(EligibilityRequest(award="NOPE", year=2025), catalogue=FILE_CATALOGUE)


# --- the local CSTĐCS quota --------------------------------------------------------------------------

@pytest.mark.parametrize(("year", "ldtt", "cstdcs", "result", "text"), [
    pytest.param(2025, 10, 5, "pass", "Không áp dụng", id="2024+: a local option, off by default"),
    pytest.param(2023, 10, 1, "pass", "Năm 2023: 1 CSTĐCS trên 10 LĐTT", id="NĐ 91/2017: 1 of 10 is within 15%"),
    pytest.param(2023, 10, 2, "fail", "Năm 2023: 2 CSTĐCS trên 10 LĐTT; tối đa 15%", id="NĐ 91/2017: 2 of 10 exceeds 15%"),
    pytest.param(2023, 20, 3, "pass", "Năm 2023: 3 CSTĐCS trên 20 LĐTT", id="NĐ 91/2017: exactly 15%"),
])
def test_it_checks_the_cstdcs_quota(year, ldtt, cstdcs, result, text):
    check = engine.check_cstdcs_quota(ldtt_count=ldtt, cstdcs_count=cstdcs, catalogue=FILE_CATALOGUE, year=year)
    assert check.code == "CSTDCS_QUOTA"
    assert check.result == result
    assert text in check.message


# --- each check cites the text of the regime it applied (issue 12, point 1) ----------------------------

# The texts proper to each regime (the laws, decrees and circulars its rows may cite).
REGIME_TEXTS = {
    "ND65_2014": ("năm 2003", "42/2010", "65/2014", "07/2014"),
    "ND91_2017": ("năm 2003", "91/2017", "12/2019"),
    "ND98_2023": ("06/2022", "98/2023", "01/2024", "86/2023"),
    "ND152_2025": ("06/2022", "152/2025", "15/2025", "129/2025", "86/2023"),
}
ALL_TEXTS = {t for texts in REGIME_TEXTS.values() for t in texts}


def test_every_parameter_cites_a_text_of_each_regime_it_spans():
    """A parameter row valid under several regimes cites none of their own texts (a neutral reference, e.g. NĐ 90/2020);
    a row within one regime cites that regime's texts only: no Luật 06/2022 for 2014, no NĐ 91/2017 for 2016."""
    wrong = []
    for key, rows in FILE_CATALOGUE.settings.items():
        if key.startswith("money."):  # money follows the day of payment, not the regime of the title
            continue
        for row in rows:
            if row.regime is not None:
                continue
            spanned = [r.code for r in FILE_CATALOGUE.regimes if r.active and r.valid_from <= (row.valid_to or r.valid_from)
                       and (r.valid_to is None or row.valid_from <= r.valid_to)]
            cited = {t for t in ALL_TEXTS if t in row.legal_basis}
            if any(not cited <= set(REGIME_TEXTS[code]) for code in spanned):
                wrong.append((key, str(row.valid_from), row.legal_basis, spanned))
    assert not wrong, wrong


@pytest.mark.parametrize(("year", "regime", "text"), [(2014, "ND65_2014", "2003"), (2018, "ND91_2017", "2003"),
                                                      (2024, "ND98_2023", "06/2022"), (2025, "ND152_2025", "06/2022")])
def test_the_initiative_checks_cite_the_law_of_their_year(year, regime, text):
    data = payload("CSTD_TINH", year, awards=[(year - 2, "CSTDCS"), (year - 1, "CSTDCS")], proposed=[(year, "CSTDCS")],
                   initiatives=[(year, "CO_SO")])
    result = run(data)
    check = next(c for c in result.checks if c.code == "INITIATIVE_TINH")
    assert result.regime == regime and text in check.legal_basis
    assert ("06/2022" in check.legal_basis) == (year >= 2024)
