"""The Excel template of the history import: the data sheet with Vietnamese headers and drop-downs, a guide
sheet, the code lists (from the law catalogue in force)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils import timezone

from tdkt.law import vocabulary as vocab

from . import catalogue
from .importing import CODES_SHEET, COLUMNS, GUIDE_SHEET, KEYS, SHEET

GUIDE = [
    "Mỗi dòng của sheet “Lịch sử thành tích” là một cá nhân trong một năm, kèm một hoặc nhiều thông tin: xếp loại, "
    "một danh hiệu/hình thức khen thưởng, một kỷ luật, một sáng kiến. Một người có nhiều năm thì ghi nhiều dòng.",
    "Dòng 1 là tiêu đề cột, không sửa. Dữ liệu bắt đầu từ dòng 2. Dòng trống được bỏ qua.",
    "Ngày ghi dạng dd/mm/yyyy (ví dụ 05/09/2024) hoặc ô định dạng ngày của Excel.",
    "Cá nhân đã có trong hệ thống được nhận ra theo Số CCCD, hoặc theo Họ và tên cùng Ngày sinh: dữ liệu được ghép "
    "vào hồ sơ đã có, không tạo trùng. Cá nhân mới được tạo tại đơn vị ghi ở cột “Mã đơn vị”.",
    "Mọi dòng được kiểm tra trước khi nhập. Nếu có dù chỉ một dòng sai, không dòng nào được nhập; danh sách lỗi ghi "
    "rõ số dòng (ví dụ “Dòng 7: Số CCCD phải gồm đúng 12 chữ số”).",
    "Thông tin đã có sẵn trong hồ sơ (cùng xếp loại, cùng danh hiệu cùng năm...) được bỏ qua, nên có thể nhập lại "
    "cùng một tệp mà không sinh trùng.",
    "Có thể nhập tệp JSON thay cho Excel: một danh sách đối tượng, mỗi đối tượng dùng các khóa ở cột “Khóa JSON” dưới đây, "
    'ví dụ [{"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "gender": "Nam", "unit": "thcs_dong_da", '
    '"year": 2024, "rating": "HTXSNV", "award": "CSTDCS", "decision_number": "123/QĐ-UBND", '
    '"decision_date": "15/01/2025", "issuer": "quan_dong_da"}].',
]


def import_template() -> bytes:
    """The Excel template: data sheet with Vietnamese headers and drop-downs, a guide sheet, the code lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    year = timezone.localdate().year
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FDE9D9")
    for col, (key, header) in enumerate(((c.key, c.header) for c in COLUMNS), start=1):
        cell = sheet.cell(row=1, column=col, value=header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = max(14, min(len(header) + 4, 36))
        if key in ("citizen_id", "date_of_birth", "joined_on", "decision_date", "discipline_start", "discipline_end",
                   "decision_number", "unit", "issuer"):
            for r in range(2, 1002):
                sheet.cell(row=r, column=col).number_format = "@"
    sheet.freeze_panes = "A2"
    lists = {
        "gender": '"Nam,Nữ"',
        "rating": '"' + ",".join(catalogue.ordered("rating.order", year)) + '"',
        "discipline": '"' + ",".join(vocab.label(vocab.DisciplineForm, c) for c in catalogue.ordered("discipline.order", year)) + '"',
        "initiative_scope": '"' + ",".join(vocab.label(vocab.InitiativeScope, c) for c in catalogue.ordered("initiative.scopes", year)) + '"',
    }
    for key, formula in lists.items():
        col = get_column_letter(KEYS.index(key) + 1)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(f"{col}2:{col}1001")
        sheet.add_data_validation(validation)

    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 20
    guide.column_dimensions["C"].width = 90
    guide.append(["Hướng dẫn nhập lịch sử thành tích"])
    guide["A1"].font = Font(bold=True, size=14)
    for line in GUIDE:
        guide.append([None, None, line])
        guide.cell(row=guide.max_row, column=3).alignment = Alignment(wrap_text=True)
    guide.append([])
    guide.append(["Cột", "Khóa JSON", "Ý nghĩa"])
    for c in range(1, 4):
        guide.cell(row=guide.max_row, column=c).font = bold
    for column in COLUMNS:
        guide.append([column.header, column.key, column.help])
    guide.append([])
    guide.append(["Ví dụ một dòng"])
    guide.cell(row=guide.max_row, column=1).font = bold
    guide.append([c.header for c in COLUMNS])
    guide.append(["Nguyễn Văn An", "12/03/1985", "001085012345", "Nam", "thcs_dong_da", "Giáo viên", "01/09/2010", 2024,
                  "HTXSNV", "CSTDCS", "123/QĐ-UBND", "15/01/2025", "quan_dong_da", "", "", "",
                  "Đổi mới phương pháp dạy học", "Cấp cơ sở"])

    codes = book.create_sheet(CODES_SHEET)
    codes.column_dimensions["A"].width = 16
    codes.column_dimensions["B"].width = 60
    codes.append(["Mã", "Danh hiệu / hình thức khen thưởng"])
    codes["A1"].font = codes["B1"].font = bold
    for code, (name, subjects) in sorted(catalogue.award_catalogue().items()):
        if vocab.SubjectKind.INDIVIDUAL in subjects:
            codes.append([code, name])
    codes.append([])
    codes.append(["Mã", "Xếp loại"])
    for code in catalogue.ordered("rating.order", year):
        codes.append([code, vocab.label(vocab.Rating, code)])
    codes.append([])
    codes.append(["Mã", "Hình thức kỷ luật"])
    for code in catalogue.ordered("discipline.order", year):
        codes.append([code, vocab.label(vocab.DisciplineForm, code)])
    codes.append([])
    codes.append(["Mã", "Phạm vi sáng kiến"])
    for code in catalogue.ordered("initiative.scopes", year):
        codes.append([code, vocab.label(vocab.InitiativeScope, code)])

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_rows_to_xlsx(rows: Iterable[dict]) -> bytes:
    """Fill the template's data sheet with rows (dicts by column key): for tests, exports and examples."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(import_template()))
    sheet = book[SHEET]
    for r, row in enumerate(rows, start=2):
        for key, value in row.items():
            sheet.cell(row=r, column=KEYS.index(key) + 1, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
