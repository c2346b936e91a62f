"""The sample context of each kind: what an uploaded template is rendered with before it is accepted, and what the
tests check the shipped templates with (a ward of Hà Nội, its chair, names with every Vietnamese mark)."""

from __future__ import annotations

import datetime as dt

WARD = {"parent": "", "lines": ["ỦY BAN NHÂN DÂN", "PHƯỜNG ĐỐNG ĐA"]}
COUNCIL = {"parent": "UBND PHƯỜNG ĐỐNG ĐA", "lines": ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"]}
CHAIR = {"authority": "", "title": "CHỦ TỊCH", "name": "Nguyễn Thị Hồng Nhung"}
DAY = dt.date(2026, 1, 5)

PEOPLE = [
    ("Nguyễn Văn An", "Giáo viên, Trường THCS Đống Đa"),
    ("Trần Thị Bình", "Kế toán, Trường THCS Đống Đa"),
    ("Lê Minh Cường", "Hiệu trưởng, Trường THCS Đống Đa"),
    ("Đặng Thị Ánh Tuyết", "Công chức Văn phòng - Thống kê, UBND phường"),
    ("Phạm Ngọc Ước", "Trưởng ban công tác Mặt trận, tổ dân phố số 12"),
]


def decision() -> dict:
    amounts = [702_000, 702_000, 2_340_000, 702_000, 1_050_000]
    return {
        "issuer": WARD, "place": "Hà Nội", "date": DAY, "number": 5, "symbol": "QĐ-UBND",
        "summary": "Về việc khen thưởng danh hiệu thi đua và hình thức khen thưởng năm 2025",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐỐNG ĐA",
        "grounds": [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều "
            "của Luật Thi đua, khen thưởng;",
            "Theo đề nghị của Hội đồng Thi đua - Khen thưởng phường Đống Đa.",
        ],
        "articles": [
            {"label": "Điều 1.", "text": "Tặng danh hiệu thi đua và hình thức khen thưởng cho 05 cá nhân có thành tích xuất sắc "
                                         "trong năm 2025 (có danh sách kèm theo)."},
            {"label": "Điều 2.", "text": "Tiền thưởng kèm theo thực hiện theo quy định của Nghị định số 152/2025/NĐ-CP, "
                                         "tổng số tiền: 5.496.000 đồng, từ Quỹ thi đua, khen thưởng của phường."},
            {"label": "Điều 3.", "text": "Chánh Văn phòng HĐND và UBND phường, Trưởng phòng Văn hóa - Xã hội và các cá nhân "
                                         "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."},
        ],
        "receivers": ["- Như Điều 3;", "- Lưu: VT, VHXH."],
        "signer": CHAIR,
        "issuer_title": "Chủ tịch Ủy ban nhân dân phường Đống Đa",
        "list_title": "Cá nhân được tặng danh hiệu thi đua và hình thức khen thưởng năm 2025",
        "recipients": [{"name": name, "position": position, "award": award, "amount": amount}
                       for (name, position), award, amount in zip(PEOPLE, ["Lao động tiên tiến", "Lao động tiên tiến",
                                                                           "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến",
                                                                           "Giấy khen"], amounts)],
    }


def submission() -> dict:
    return {
        "issuer": WARD, "place": "Hà Nội", "date": dt.date(2026, 2, 9), "number": 12, "symbol": "TTr-UBND",
        "summary": "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố",
        "addressees": ["Ủy ban nhân dân thành phố Hà Nội", "Sở Nội vụ thành phố Hà Nội"],
        "paragraphs": [
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 "
            "của Chính phủ;",
            "Ủy ban nhân dân phường Đống Đa kính đề nghị Chủ tịch Ủy ban nhân dân thành phố xem xét, tặng Bằng khen cho 02 cá nhân "
            "có thành tích xuất sắc trong năm 2025 (có danh sách và hồ sơ kèm theo).",
            "Ủy ban nhân dân phường Đống Đa kính trình./.",
        ],
        "receivers": ["- Như trên;", "- Lưu: VT, VHXH."],
        "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": CHAIR["name"]},
    }


def nomination_list() -> dict:
    return {
        "issuer": WARD, "year": 2026,
        "list_title": "Cá nhân đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố năm 2025",
        "attached_to": "(Kèm theo Tờ trình số 12/TTr-UBND ngày 09 tháng 02 năm 2026 của Ủy ban nhân dân phường Đống Đa)",
        "nominees": [{"name": name, "position": position, "award": "Bằng khen của Chủ tịch UBND thành phố",
                      "note": "Hai năm liền hoàn thành xuất sắc nhiệm vụ"} for name, position in PEOPLE[:2]],
        "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": CHAIR["name"]},
    }


def appraisal_report() -> dict:
    return {
        "issuer": {"parent": "UBND PHƯỜNG ĐỐNG ĐA", "lines": ["PHÒNG VĂN HÓA - XÃ HỘI"]}, "place": "Hà Nội",
        "date": dt.date(2025, 12, 18), "number": 3, "symbol": "BC-VHXH",
        "summary": "Thẩm định hồ sơ đề nghị khen thưởng năm 2025",
        "addressees": ["Hội đồng Thi đua - Khen thưởng phường Đống Đa"],
        "paragraphs": ["Phòng Văn hóa - Xã hội đã thẩm định hồ sơ đề nghị khen thưởng năm 2025 của các đơn vị, kết quả như sau:"],
        "items": [{"name": name, "award": award, "result": result, "note": note} for (name, _), award, result, note in zip(
            PEOPLE, ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"],
            ["Đủ điều kiện", "Đủ điều kiện", "Chưa đủ điều kiện"], ["", "", "Chưa có sáng kiến được công nhận (Điều 23)"])],
        "conclusion": "Đề nghị Hội đồng Thi đua - Khen thưởng phường xem xét, biểu quyết.",
        "receivers": ["- Như trên;", "- Lưu: VT, VHXH."],
        "signer": {"authority": "", "title": "TRƯỞNG PHÒNG", "name": "Vũ Đức Thắng"},
    }


def minutes() -> dict:
    return {
        "issuer": COUNCIL, "number": 2, "symbol": "BB-HĐTĐKT", "date": dt.date(2025, 12, 20),
        "summary": "Họp Hội đồng Thi đua - Khen thưởng phường Đống Đa xét khen thưởng năm 2025",
        "started": "14 giờ 00, ngày 20 tháng 12 năm 2025", "venue": "Hội trường Ủy ban nhân dân phường Đống Đa",
        "attendance": "12/15 thành viên Hội đồng có mặt; 01 thành viên vắng có phiếu bầu gửi trước", "present": 12, "members": 15,
        "chair": "Bà Nguyễn Thị Hồng Nhung, Chủ tịch UBND phường, Chủ tịch Hội đồng",
        "secretary": "Ông Trịnh Quốc Khánh",
        "paragraphs": ["Hội đồng đã nghe báo cáo thẩm định của Phòng Văn hóa - Xã hội và biểu quyết bằng phiếu kín. Kết quả:"],
        "results": [
            {"name": "Lê Minh Cường", "award": "Chiến sĩ thi đua cơ sở", "agree": 13, "disagree": 0, "share": "86,7%",
             "threshold": "≥ 80%", "passed": True, "legal_basis": "Khoản 3 Điều 23 NĐ 152/2025/NĐ-CP"},
            {"name": "Nguyễn Văn An", "award": "Chiến sĩ thi đua cơ sở", "agree": 11, "disagree": 2, "share": "73,3%",
             "threshold": "≥ 80%", "passed": False, "legal_basis": "Khoản 3 Điều 23 NĐ 152/2025/NĐ-CP"},
        ],
        "ended": "16 giờ 30, ngày 20 tháng 12 năm 2025",
        "receivers": ["- Lưu: VT, Hồ sơ."],
        "signer": {"authority": "", "title": "CHỦ TỌA", "name": CHAIR["name"]},
    }


def ballot() -> dict:
    return {
        "issuer": COUNCIL, "summary": "Xét tặng danh hiệu thi đua năm 2025",
        "session": "Phiên họp ngày 20 tháng 12 năm 2025",
        "items": [{"name": name, "unit": position.split(", ", 1)[-1], "award": "Chiến sĩ thi đua cơ sở"} for name, position in PEOPLE[:3]],
    }


def achievement_report() -> dict:
    return {
        "issuer": {"parent": "UBND PHƯỜNG ĐỐNG ĐA", "lines": ["TRƯỜNG THCS ĐỐNG ĐA"]}, "place": "Hà Nội", "date": None, "year": 2026,
        "award": "Chiến sĩ thi đua cơ sở", "period": "năm 2025",
        "person": {"name": "Nguyễn Văn An", "gender": "Nam", "birth": "12/03/1985", "position": "Giáo viên",
                   "unit": "Trường THCS Đống Đa, phường Đống Đa, thành phố Hà Nội"},
        "ratings": [{"year": 2023, "rating": "Hoàn thành xuất sắc nhiệm vụ"}, {"year": 2024, "rating": "Hoàn thành xuất sắc nhiệm vụ"},
                    {"year": 2025, "rating": "Hoàn thành xuất sắc nhiệm vụ"}],
        "awards": [{"year": 2024, "award": "Chiến sĩ thi đua cơ sở", "decision": "Quyết định số 15/QĐ-UBND ngày 08/01/2025",
                    "issuer": "Ủy ban nhân dân phường Đống Đa"}],
        "initiatives": [{"year": 2025, "title": "Ứng dụng bản đồ tư duy trong dạy học Ngữ văn", "scope": "Cơ sở",
                         "decision": "Quyết định số 21/QĐ-UBND"}],
        "head_title": "HIỆU TRƯỞNG",
    }


def plan() -> dict:
    return {
        "issuer": WARD, "place": "Hà Nội", "date": dt.date(2025, 12, 15), "number": 8, "symbol": "KH-UBND", "year": 2026,
        "summary": "Công tác thi đua, khen thưởng năm 2026",
        "issuer_title": "Ủy ban nhân dân phường Đống Đa", "council_name": "Hội đồng Thi đua - Khen thưởng phường Đống Đa",
        "grounds": [],
        "intro": ["Thực hiện Kế hoạch số 120/KH-UBND ngày 05/12/2025 của Ủy ban nhân dân Thành phố về công tác thi đua, khen "
                  "thưởng năm 2026; Ủy ban nhân dân phường Đống Đa ban hành Kế hoạch công tác thi đua, khen thưởng năm 2026, cụ thể "
                  "như sau:"],
        "sections": [
            {"label": "I.", "title": "Mục đích, yêu cầu", "level": 0, "paragraphs": []},
            {"label": "1.", "title": "Mục đích", "level": 1, "paragraphs": ["- Phát động phong trào thi đua yêu nước trên mọi lĩnh vực."]},
            {"label": "2.", "title": "Yêu cầu", "level": 1, "paragraphs": ["- Khen thưởng kịp thời, chính xác, công khai, công bằng."]},
            {"label": "II.", "title": "Nhiệm vụ và giải pháp", "level": 0, "paragraphs": []},
            {"label": "1.", "title": "", "level": 1, "paragraphs": ["Tổ chức các phong trào thi đua chào mừng các ngày lễ lớn."]},
            {"label": "1.1.", "title": "", "level": 2, "paragraphs": ["Phong trào “Người tốt, việc tốt” do Đặng Thị Ánh Tuyết theo dõi."]},
        ],
        "closing": ["Các đơn vị báo cáo kết quả về Ủy ban nhân dân phường trước ngày 15/01/2027."],
        "receivers": ["- UBND Thành phố;", "- Sở Nội vụ;", "- Lưu: VT, VP."],
        "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": CHAIR["name"]},
        "key_tasks": [
            {"title": "Tổ chức Hội nghị điển hình tiên tiến", "lead": "Văn phòng HĐND và UBND phường", "coordinating": "Các đơn vị",
             "when": "Quý II", "status": "Chưa thực hiện"},
            {"title": "Tổng kết công tác thi đua, khen thưởng năm 2026", "lead": "Văn phòng HĐND và UBND phường", "coordinating": "",
             "when": "Trước 15/01/2027", "status": "Chưa thực hiện"},
        ],
        "programme": [
            {"month": 1, "title": "Họp Hội đồng xét khen thưởng tổng kết năm 2025", "in_charge": "Chủ tịch Hội đồng", "note": ""},
            {"month": 1, "title": "Hội nghị triển khai nhiệm vụ năm 2026", "in_charge": "Cơ quan thường trực", "note": ""},
            {"month": 6, "title": "Kiểm tra công tác thi đua, khen thưởng", "in_charge": "Phạm Ngọc Ước", "note": ""},
        ],
    }
