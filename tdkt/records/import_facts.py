"""The facts of a working year, the start of continuous service and the award an initiative grounded, in the
history import (issue 12): their columns, the parsing of their cells (checked as the ledger checks them) and their
writing through the ledger's services. `records.importing` reads them row by row."""

from __future__ import annotations

import datetime as dt
import re

from tdkt.core import tabular
from tdkt.core.errors import DomainError
from tdkt.core.tabular import Collector, Column
from tdkt.law import vocabulary as vocab
from tdkt.org import services as org_services
from tdkt.org.models import Person

from . import catalogue, services
from .models import AwardRecord, Initiative, WorkYear

_text, _choice = tabular.text, tabular.choice

SERVICE_START_COLUMN = Column("service_start", "Bắt đầu công tác liên tục (dd/mm/yyyy)",
           "Không bắt buộc. Ngày bắt đầu công tác liên tục tại đơn vị, kể cả thời gian hợp đồng lao động trước khi tuyển dụng "
           "được tính (TT 01/2024/TT-BNV); không sau Ngày tuyển dụng. Dùng để xét người mới tuyển dụng trong năm.")
FACT_COLUMNS: list[Column] = [
    Column("initiative_used_for", "Sáng kiến đã làm căn cứ cho (mã, năm)",
           "Danh hiệu/hình thức mà sáng kiến ở dòng này đã làm căn cứ để khen, ví dụ “CSTDCS 2024” (không ghi năm: năm của dòng). "
           "Khen thưởng đó phải có trong hồ sơ hoặc trong tệp. Mỗi sáng kiến chỉ làm căn cứ cho một khen thưởng (CV 5007/BNV-TĐKT)."),
    Column("days_off", "Số ngày nghỉ làm việc trong năm",
           "Tổng số ngày làm việc đã nghỉ trong năm, kể cả nghỉ thai sản. Để trống khi chưa biết: tiêu chí cần thông tin này "
           "được ghi là chưa đủ căn cứ, không bao giờ coi là 0."),
    Column("maternity_days", "Trong đó nghỉ thai sản (ngày)",
           "Số ngày nghỉ thai sản theo Luật Bảo hiểm xã hội, nằm trong tổng số ngày nghỉ (không tính là ngày nghỉ khi xét LĐTT)."),
    Column("training_months", "Đào tạo, bồi dưỡng (số tháng)",
           "Thời gian đi học, đào tạo, bồi dưỡng trong năm. Từ 12 tháng trở lên: kết quả học tập thay cho xếp loại (TT 15/2025/TT-BNV Điều 2)."),
    Column("training_result", "Kết quả học tập", "Xuất sắc, Giỏi, Khá, Trung bình khá, Trung bình, Yếu (hoặc mã)."),
    Column("transfer_from", "Chuyển công tác từ đơn vị", "Tên đơn vị cũ khi cá nhân chuyển đến trong năm."),
    Column("transfer_months", "Số tháng ở đơn vị cũ", "Số tháng công tác ở đơn vị cũ trong năm (0–12)."),
    Column("transfer_comment", "Có nhận xét của đơn vị cũ (Có/Không)",
           "Từ 6 tháng trở lên ở đơn vị cũ thì phải có ý kiến nhận xét của đơn vị cũ mới xét được danh hiệu."),
]
WORK_YEAR_KEYS = ("days_off", "maternity_days", "training_months", "training_result", "transfer_from", "transfer_months",
                  "transfer_comment")


_YES_NO = [("1", "Có"), ("0", "Không"), ("1", "x"), ("1", "true"), ("0", "false")]
_TRAINING = [(code, vocab.label(vocab.TrainingResult, code)) for code in vocab.TrainingResult.values]


def work_year_cells(raw: dict) -> dict | None:
    """The facts of the row's working year, checked as the ledger checks them; None when the row carries none."""
    if all(raw.get(key) in (None, "") for key in WORK_YEAR_KEYS):
        return None
    comment = raw.get("transfer_comment")
    if isinstance(comment, bool):
        comment = "1" if comment else "0"
    fields = {
        "days_off": raw.get("days_off"),
        "maternity_days": raw.get("maternity_days"),
        "training_months": raw.get("training_months"),
        "training_result": _choice(raw.get("training_result"), _TRAINING, "Kết quả học tập",
                                   "Xuất sắc, Giỏi, Khá, Trung bình khá, Trung bình hoặc Yếu") or "",
        "transfer_from": _text(raw.get("transfer_from")),
        "transfer_months": raw.get("transfer_months"),
        "transfer_comment": _choice(comment, _YES_NO, "Nhận xét của đơn vị cũ", "Có hoặc Không") == "1",
    }
    return services.clean_work_year(fields)


_USED_FOR = re.compile(r"^\s*([A-Za-z_]+)\s*(?:[/,\-]|\s+năm\s+|\s+)?\s*(\d{4})?\s*$", re.IGNORECASE)


def used_for_cell(value, year: int | None, known: dict) -> tuple[str, int] | None:
    """“CSTDCS 2024” (or “CSTDCS/2024”, or “CSTDCS”: the row's year) as (award code, year)."""
    raw = _text(value)
    if not raw:
        return None
    match = _USED_FOR.match(raw)
    if not match:
        raise DomainError(f"“Sáng kiến đã làm căn cứ cho” ghi “{raw}” không đúng dạng mã và năm (ví dụ CSTDCS 2024).")
    code = match[1].upper()
    if code not in known:
        raise DomainError(f"Mã danh hiệu/hình thức “{code}” (sáng kiến đã làm căn cứ cho) không có trong danh mục.")
    if match[2] is None and year is None:
        raise DomainError("“Sáng kiến đã làm căn cứ cho” cần năm của khen thưởng (ví dụ CSTDCS 2024).")
    return code, int(match[2]) if match[2] else year


def first_service_start(rows: list, identity: tuple) -> dt.date | None:
    return next((r.service_start for r in rows if r.identity == identity and r.service_start), None)


def import_service_start(row, person: Person, *, actor, out: Collector) -> None:
    """Fill in the start of continuous service of a person who has none; a different one is a conflict."""
    if row.service_start is None or person.service_start == row.service_start:
        return
    if person.service_start is not None:
        out.error(row, f"Hồ sơ đã ghi ngày bắt đầu công tác liên tục {person.service_start:%d/%m/%Y}, khác với "
                       f"{row.service_start:%d/%m/%Y} trong tệp.")
        return
    org_services.person_update(actor=actor, person=person, service_start=row.service_start)
    person.service_start = row.service_start
    out.notice(row, f"Bổ sung ngày bắt đầu công tác liên tục {row.service_start:%d/%m/%Y}.")


def import_initiative_use(row, person: Person, *, actor, report, out: Collector) -> None:
    code, year = row.initiative_used_for
    initiative = Initiative.objects.filter(person=person, year=row.year, title=row.initiative).first()
    award = AwardRecord.objects.filter(person=person, award_code=code, year=year, revocation__isnull=True).first()
    if award is None:
        out.error(row, f"Hồ sơ và tệp không có {catalogue.award_label(code)} năm {year} của {person.full_name} để ghi "
                       f"sáng kiến làm căn cứ.")
        return
    if initiative.used_for_id == award.pk:
        report.skipped_records += 1
        out.notice(row, f"Sáng kiến “{row.initiative}” đã ghi làm căn cứ cho {catalogue.award_label(code)} năm {year}, bỏ qua.")
        return
    services.initiative_use(actor=actor, initiative=initiative, award=award)
    report.created_records += 1


def import_work_year(row, person: Person, *, actor, report, out: Collector) -> None:
    """The row's working year into the ledger; the same facts again are skipped, different ones a conflict."""
    existing = WorkYear.objects.filter(person=person, year=row.year).first()
    if existing is None:
        services.work_year_set(actor=actor, person=person, year=row.year, **row.work_year)
        report.created_records += 1
    elif all(getattr(existing, key) == row.work_year[key] for key in WORK_YEAR_KEYS):
        report.skipped_records += 1
        out.notice(row, f"Thông tin năm công tác {row.year} đã có trong hồ sơ, bỏ qua.")
    else:
        out.error(row, f"Hồ sơ đã có thông tin năm công tác {row.year} khác với tệp; hãy sửa trên trang cá nhân.")
