"""The Excel template of the history import: the data sheet with Vietnamese headers and drop-downs, a guide
sheet, the code lists (from the law catalogue in force)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils import timezone

from tdkt.core.spreadsheet_writer import append, put
from tdkt.law import vocabulary as vocab

from . import catalogue
from .importing import CODES_SHEET, COLUMNS, GUIDE_SHEET, KEYS, SHEET

UNITS_HEADING = "Đơn vị bạn được nhập dữ liệu (ghi tên hoặc mã vào cột “Đơn vị”)"

GUIDE = [
    "Mỗi dòng của sheet “Lịch sử thành tích” là một cá nhân trong một năm, kèm một hoặc nhiều thông tin: xếp loại, "
    "một danh hiệu/hình thức khen thưởng, một kỷ luật, một sáng kiến. Một người có nhiều năm thì ghi nhiều dòng.",
    "Dòng 1 là tiêu đề cột, không sửa. Dữ liệu bắt đầu từ dòng 2. Dòng trống được bỏ qua.",
    "Các cột từ “Số ngày nghỉ làm việc trong năm” đến “Có nhận xét của đơn vị cũ” là thông tin năm công tác của dòng "
    "(nghỉ làm việc, nghỉ thai sản, đi học, chuyển công tác): mỗi cá nhân mỗi năm ghi trên một dòng. Ô để trống là "
    "thông tin chưa biết, không phải số 0: tiêu chí cần đến nó được báo “chưa đủ căn cứ” kèm tên thông tin cần bổ sung.",
    "Ngày ghi dạng dd/mm/yyyy (ví dụ 05/09/2024) hoặc ô định dạng ngày của Excel.",
    "Cá nhân đã có trong phạm vi nhận dữ liệu được nhận ra theo Số CCCD, hoặc theo Họ và tên cùng Ngày sinh: dữ liệu được ghép "
    "vào hồ sơ đã có, không tạo trùng. Cá nhân mới được tạo tại đơn vị ghi ở cột “Đơn vị”: tên đơn vị như hiển thị trong hệ thống (chọn trong danh sách thả xuống) "
    "hoặc mã đơn vị; các đơn vị của bạn được liệt kê ở cuối sheet này.",
    "Mọi dòng được kiểm tra trước khi nhập. Nếu có dù chỉ một dòng sai, không dòng nào được nhập; danh sách lỗi ghi "
    "rõ số dòng (ví dụ “Dòng 7: Số CCCD phải gồm đúng 12 chữ số”).",
    "Thông tin đã có sẵn trong hồ sơ (cùng xếp loại, cùng danh hiệu cùng năm...) được bỏ qua, nên có thể nhập lại "
    "cùng một tệp mà không sinh trùng.",
    "Có thể nhập tệp JSON thay cho Excel: một danh sách đối tượng, mỗi đối tượng dùng các khóa ở cột “Khóa JSON” dưới đây, "
    'ví dụ [{"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "gender": "Nam", "unit": "Trường THCS Đống Đa", '
    '"year": 2024, "rating": "HTXSNV", "award": "CSTDCS", "decision_number": "123/QĐ-UBND", '
    '"decision_date": "15/01/2025", "issuer": "quan_dong_da"}].',
]


EXAMPLE = {
    "full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "citizen_id": "001085012345", "gender": "Nam",
    "unit": "Trường THCS Đống Đa", "position": "Giáo viên", "joined_on": "01/09/2010", "service_start": "01/09/2008",
    "year": 2024, "rating": "HTXSNV", "award": "CSTDCS", "decision_number": "123/QĐ-UBND", "decision_date": "15/01/2025",
    "issuer": "quan_dong_da", "initiative": "Đổi mới phương pháp dạy học", "initiative_scope": "Cấp cơ sở",
    "initiative_used_for": "CSTDCS 2024", "days_off": 3, "maternity_days": 0,
}


def import_template(units: Iterable | None = None) -> bytes:
    """The Excel template: data sheet with Vietnamese headers and drop-downs, a guide sheet (with the units the
    officer may import into, name and code, when `units` is given), the code lists. Every cell through the one
    spreadsheet writer (safe text)."""
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
        put(sheet, 1, col, header, font=bold, fill=fill, alignment=Alignment(wrap_text=True, vertical="top"))
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = max(14, min(len(header) + 4, 36))
        if key in ("citizen_id", "date_of_birth", "joined_on", "service_start", "decision_date", "initiative_used_for", "discipline_start", "discipline_end",
                   "decision_number", "unit", "issuer"):
            for r in range(2, 1002):
                sheet.cell(row=r, column=col).number_format = "@"
    sheet.freeze_panes = "A2"
    lists = {
        "gender": '"Nam,Nữ"',
        "rating": '"' + ",".join(catalogue.ordered("rating.order", year)) + '"',
        "discipline": '"' + ",".join(vocab.label(vocab.DisciplineForm, c) for c in catalogue.ordered("discipline.order", year)) + '"',
        "initiative_scope": '"' + ",".join(vocab.label(vocab.InitiativeScope, c) for c in catalogue.ordered("initiative.scopes", year)) + '"',
        "training_result": '"' + ",".join(vocab.label(vocab.TrainingResult, c) for c in catalogue.ordered("training.result_order", year)) + '"',
        "transfer_comment": '"Có,Không"',
    }
    for key, formula in lists.items():
        col = get_column_letter(KEYS.index(key) + 1)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(f"{col}2:{col}1001")
        sheet.add_data_validation(validation)

    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 40
    guide.column_dimensions["B"].width = 24
    guide.column_dimensions["C"].width = 90
    append(guide, ["Hướng dẫn nhập lịch sử thành tích"], font=Font(bold=True, size=14))
    for line in GUIDE:
        append(guide, [None, None, line], alignment=Alignment(wrap_text=True))
    append(guide, [])
    append(guide, ["Cột", "Khóa JSON", "Ý nghĩa"], font=bold)
    for column in COLUMNS:
        append(guide, [column.header, column.key, column.help], alignment=Alignment(wrap_text=True, vertical="top"))
    append(guide, [])
    append(guide, ["Ví dụ một dòng"], font=bold)
    append(guide, [c.header for c in COLUMNS])
    append(guide, [EXAMPLE.get(c.key, "") for c in COLUMNS])
    units = list(units) if units is not None else []
    if units:
        append(guide, [])
        append(guide, [UNITS_HEADING], font=bold)
        first = append(guide, ["Tên đơn vị", "Mã đơn vị"], font=bold) + 1
        for unit in units:
            append(guide, [unit.name, unit.code], alignment=Alignment(wrap_text=True, vertical="top"))
        # A drop-down of the names on the unit column; a code (or another name) may still be typed.
        col = get_column_letter(KEYS.index("unit") + 1)
        validation = DataValidation(type="list", formula1=f"'{GUIDE_SHEET}'!$A${first}:$A${first + len(units) - 1}",
                                    allow_blank=True, showErrorMessage=False)
        validation.add(f"{col}2:{col}1001")
        sheet.add_data_validation(validation)

    codes = book.create_sheet(CODES_SHEET)
    codes.column_dimensions["A"].width = 16
    codes.column_dimensions["B"].width = 60
    append(codes, ["Mã", "Danh hiệu / hình thức khen thưởng"], font=bold)
    for code, (name, subjects) in sorted(catalogue.award_catalogue().items()):
        if vocab.SubjectKind.INDIVIDUAL in subjects:
            append(codes, [code, name])
    for heading, key, vocabulary in (("Xếp loại", "rating.order", vocab.Rating),
                                     ("Hình thức kỷ luật", "discipline.order", vocab.DisciplineForm),
                                     ("Phạm vi sáng kiến", "initiative.scopes", vocab.InitiativeScope)):
        append(codes, [])
        append(codes, ["Mã", heading], font=bold)
        for code in catalogue.ordered(key, year):
            append(codes, [code, vocab.label(vocabulary, code)])

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_rows_to_xlsx(rows: Iterable[dict], units: Iterable | None = None) -> bytes:
    """Fill the template's data sheet with rows (dicts by column key): for tests, exports and examples."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(import_template(units)))
    sheet = book[SHEET]
    for r, row in enumerate(rows, start=2):
        for key, value in row.items():
            put(sheet, r, KEYS.index(key) + 1, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
