"""The committed script that writes the shipped templates (tdkt/documents/templates_docx/<kind>.docx) with python-docx and
docxtpl tags, so that they are reproducible:

    .venv/bin/python -m tdkt.documents.shipped          # rewrite every template
    .venv/bin/python -m tdkt.documents.shipped --check  # exit 1 if a committed template differs from what it writes

The tags read the contexts documented in `tdkt.documents.contexts`. An administrator may replace any of them by an
uploaded .docx (DocumentTemplate), which is rendered with the same context.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import docxbuild as b

DIR = Path(__file__).resolve().parent / "templates_docx"
LIST_WIDTH = b.TEXT_WIDTH_MM / 10  # 16.5 cm


def _body_loop(doc, key: str = "paragraphs") -> None:
    b.tag(doc, f"{{%p for text in {key} %}}")
    b.body(doc, "{{ text }}")
    b.tag(doc, "{%p endfor %}")


def _addressees(doc) -> None:
    """Kính gửi (ô 9a): one recipient on the same line; several as "- X;" lines under the colon, the last ending "."."""
    b.tag(doc, "{%p if addressees|length == 1 %}")
    b.para(doc, "Kính gửi: {{ addressees[0] }}.", size=14, before=12)
    b.tag(doc, "{%p elif addressees %}")
    b.para(doc, "Kính gửi:", size=14, before=12, align=b.LEFT).paragraph_format.left_indent = b.Cm(3.5)
    b.tag(doc, "{%p for a in addressees %}")
    p = b.para(doc, "- {{ a }}{{ '.' if loop.last else ';' }}", size=14, align=b.LEFT)
    p.paragraph_format.left_indent = b.Cm(5.5)
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p endif %}")


def _list_heading(doc, title_key: str, attached_key: str) -> None:
    b.para(doc, "DANH SÁCH", size=14, bold=True, before=18, keep_with_next=True)
    b.para(doc, f"{{{{ {title_key} }}}}", size=14, bold=True, keep_with_next=True)
    b.para(doc, f"{{{{ {attached_key} }}}}", size=14, italic=True, keep_with_next=True)
    b.rule(doc, 40, b.TEXT_WIDTH_MM, before=2)
    b.para(doc, "", size=6)


def decision():
    doc = b.new_document()
    b.header_table(doc)
    b.type_and_summary(doc, "QUYẾT ĐỊNH")
    b.para(doc, "{{ authority }}", size=14, bold=True, before=12, after=6)
    b.tag(doc, "{%p for g in grounds %}")
    b.body(doc, "{{ g }}", italic=True)
    b.tag(doc, "{%p endfor %}")
    b.para(doc, "QUYẾT ĐỊNH:", size=14, bold=True, before=12, after=6)
    b.tag(doc, "{%p for a in articles %}")
    p = b.body(doc, "{{ a.label }}", bold=True)
    b._run_font(p.add_run(" {{ a.text }}"), 14)
    b.tag(doc, "{%p endfor %}")
    b.signature_table(doc)
    # the attached list (Mẫu 1.3): its own section, numbered on its own, a header with no Số and no date
    b.new_section(doc)
    b.header_table(doc, numbered_line=False, dated=False)
    _list_heading(doc, "list_title", "attachment_line")
    widths = (1.2, 4.4, 5.0, 3.2, 2.7)
    t = b.table(doc, widths, borders=True)
    b.header_row(t, ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Danh hiệu, hình thức", "Số tiền (đồng)"])
    b.loop_rows(t, "for r in recipients", ["{{ loop.index }}", "{{ r.name }}", "{{ r.position }}", "{{ r.award }}", "{{ r.money.digits }}"],
                aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.RIGHT])
    total = b.add_row(t, ["", "Tổng cộng: {{ count }}", "", "", "{{ total.digits }}"], aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.RIGHT])
    for cell in total.cells:
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    b.body(doc, "Tổng số tiền: {{ total.full }}.", italic=True, indent=False)
    return doc


def submission():
    doc = b.new_document()
    b.header_table(doc)
    b.type_and_summary(doc, "TỜ TRÌNH")
    _addressees(doc)
    _body_loop(doc)
    b.signature_table(doc)
    return doc


def nomination_list():
    doc = b.new_document()
    b.header_table(doc, numbered_line=False, dated=False)
    _list_heading(doc, "list_title", "attached_to")
    t = b.table(doc, (1.2, 4.4, 4.6, 3.4, 2.9), borders=True)
    b.header_row(t, ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Ghi chú"])
    b.loop_rows(t, "for r in nominees", ["{{ loop.index }}", "{{ r.name }}", "{{ r.position }}", "{{ r.award }}", "{{ r.note }}"],
                aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.LEFT])
    b.signature_table(doc, receivers=False)
    return doc


def appraisal_report():
    doc = b.new_document()
    b.header_table(doc)
    b.type_and_summary(doc, "BÁO CÁO")
    _addressees(doc)
    _body_loop(doc)
    t = b.table(doc, (1.2, 4.4, 3.8, 3.0, 4.1), borders=True)
    b.header_row(t, ["STT", "Họ và tên", "Hình thức đề nghị", "Kết quả thẩm định", "Ghi chú"])
    b.loop_rows(t, "for r in items", ["{{ loop.index }}", "{{ r.name }}", "{{ r.award }}", "{{ r.result }}", "{{ r.note }}"],
                aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.LEFT])
    b.body(doc, "{{ conclusion }}")
    b.signature_table(doc)
    return doc


def minutes():
    doc = b.new_document()
    b.header_table(doc, dated=False)  # Mẫu 1.9: no place and date line
    b.type_and_summary(doc, "BIÊN BẢN")
    for label, key in (("Thời gian bắt đầu", "started"), ("Địa điểm", "venue"), ("Thành phần", "attendance"),
                       ("Chủ trì", "chair"), ("Thư ký", "secretary")):
        p = b.body(doc, f"{label}: ", bold=False)
        b._run_font(p.add_run(f"{{{{ {key} }}}}"), 14)
    b.body(doc, "Nội dung:", bold=True)
    _body_loop(doc)
    t = b.table(doc, (1.2, 3.4, 3.0, 1.4, 1.6, 2.0, 2.2, 1.7), borders=True)
    b.header_row(t, ["STT", "Họ và tên", "Danh hiệu, hình thức", "Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý / tổng số thành viên",
                     "Ngưỡng (trên tổng số thành viên)", "Kết quả"], size=12)
    b.loop_rows(t, "for r in results", ["{{ loop.index }}", "{{ r.name }}", "{{ r.award }}", "{{ r.agree }}", "{{ r.disagree }}",
                                        "{{ r.share }}", "{{ r.threshold }}", "{{ r.outcome }}"], size=12,
                aligns=[b.CENTER, b.LEFT, b.LEFT, b.CENTER, b.CENTER, b.CENTER, b.CENTER, b.CENTER])
    b.body(doc, "Tổng số thành viên Hội đồng: {{ members }}; có mặt: {{ present }}.", italic=True)
    b.body(doc, "Cuộc họp kết thúc vào {{ ended }}./.")
    b.signature_table(doc, left_title="THƯ KÝ")
    return doc


def ballot():
    doc = b.new_document(page_numbers=False)
    b.header_table(doc, numbered_line=False, dated=False)
    b.type_and_summary(doc, "PHIẾU BẦU")
    b.para(doc, "({{ session }})", size=14, italic=True, before=6)
    b.body(doc, "Đánh dấu (X) vào một trong hai ô “Đồng ý” hoặc “Không đồng ý” ở từng dòng. Phiếu đánh dấu cả hai ô, "
                "hoặc không đánh dấu ô nào ở một dòng, không được tính cho dòng đó.", italic=True)
    t = b.table(doc, (1.2, 4.3, 3.6, 3.4, 2.0, 2.0), borders=True)
    b.header_row(t, ["STT", "Họ và tên", "Đơn vị", "Danh hiệu, hình thức", "Đồng ý", "Không đồng ý"])
    b.loop_rows(t, "for r in items", ["{{ loop.index }}", "{{ r.name }}", "{{ r.unit }}", "{{ r.award }}", "☐", "☐"],
                aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.CENTER, b.CENTER])
    return doc


def achievement_report():
    doc = b.new_document()
    b.header_table(doc, numbered_line=False)
    b.type_and_summary(doc, "BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ TẶNG {{ award_upper }}")
    b.para(doc, "({{ period }})", size=14, italic=True)
    b.body(doc, "I. SƠ LƯỢC LÝ LỊCH", bold=True, indent=False)
    for label, key in (("Họ và tên", "person.name"), ("Giới tính", "person.gender"), ("Ngày, tháng, năm sinh", "person.birth"),
                       ("Chức vụ", "person.position"), ("Đơn vị công tác", "person.unit")):
        b.body(doc, f"- {label}: {{{{ {key} }}}}")
    for label in ("Quê quán", "Trú quán", "Trình độ chuyên môn, nghiệp vụ", "Học hàm, học vị, danh hiệu, giải thưởng"):
        b.body(doc, f"- {label}: ……………………………", align=b.LEFT)  # left: a line of dots must not stretch the words
    b.body(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, indent=False)
    b.body(doc, "1. Quyền hạn, nhiệm vụ được giao: ……………………………", align=b.LEFT)
    b.body(doc, "2. Thành tích đạt được (người báo cáo bổ sung): ……………………………", align=b.LEFT)
    b.body(doc, "3. Kết quả xếp loại mức độ hoàn thành nhiệm vụ:")
    t = b.table(doc, (3.0, 13.5), borders=True)
    b.header_row(t, ["Năm", "Mức độ hoàn thành nhiệm vụ"])
    b.loop_rows(t, "for r in ratings", ["{{ r.year }}", "{{ r.rating }}"], aligns=[b.CENTER, b.LEFT])
    b.body(doc, "4. Sáng kiến, đề tài được công nhận:")
    t = b.table(doc, (1.6, 8.0, 2.4, 4.5), borders=True)
    b.header_row(t, ["Năm", "Tên sáng kiến, đề tài", "Phạm vi", "Quyết định công nhận"])
    b.loop_rows(t, "for r in initiatives", ["{{ r.year }}", "{{ r.title }}", "{{ r.scope }}", "{{ r.decision }}"],
                aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT])
    b.body(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True, indent=False)
    t = b.table(doc, (1.6, 4.6, 5.3, 5.0), borders=True)
    b.header_row(t, ["Năm", "Danh hiệu, hình thức", "Số, ngày quyết định", "Cơ quan ban hành"])
    b.loop_rows(t, "for r in awards", ["{{ r.year }}", "{{ r.award }}", "{{ r.decision }}", "{{ r.issuer }}"],
                aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT])
    t = b.table(doc, b.SIGNATURE_COLUMNS_CM)
    left, right = t.rows[0].cells
    b.para(left, "", size=12)
    b.para(right, "", size=12)
    b.para(left, "XÁC NHẬN CỦA", size=13, bold=True)
    b.para(left, "{{ head_title }}", size=13, bold=True)
    b.para(right, "NGƯỜI BÁO CÁO THÀNH TÍCH", size=14, bold=True)
    for _ in range(4):
        b.para(right, "", size=14)
    b.para(right, "{{ person.name }}", size=14, bold=True)
    return doc


def _appendix_heading(doc, number: str, title: str) -> None:
    """A phụ lục's heading (DOCUMENTS.md §2): "Phụ lục I" (14B), its title (UPPER 14B), "(Kèm theo …)" (14I), a rule."""
    b.para(doc, f"Phụ lục {number}", size=14, bold=True, keep_with_next=True)
    b.para(doc, title, size=14, bold=True, keep_with_next=True)
    b.para(doc, "{{ appendix_line }}", size=14, italic=True, keep_with_next=True)
    b.rule(doc, 40, b.TEXT_WIDTH_MM, before=2)
    b.para(doc, "", size=6)


def plan():
    doc = b.new_document()
    b.header_table(doc)
    b.type_and_summary(doc, "KẾ HOẠCH")
    b.para(doc, "", size=6)
    _body_loop(doc, "grounds")
    _body_loop(doc, "intro")
    b.tag(doc, "{%p for s in sections %}")
    b.tag(doc, "{%p if s.heading %}")
    b.tag(doc, "{%p if s.level == 0 %}")
    b.body(doc, "{{ s.heading }}", bold=True)
    b.tag(doc, "{%p elif s.level == 1 %}")
    b.body(doc, "{{ s.heading }}", bold=True)
    b.tag(doc, "{%p elif s.level == 2 %}")
    b.body(doc, "{{ s.heading }}", bold=True, italic=True)
    b.tag(doc, "{%p else %}")
    b.body(doc, "{{ s.heading }}", italic=True)
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p for text in s.paragraphs %}")
    b.body(doc, "{{ text }}")
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p endfor %}")
    _body_loop(doc, "closing")
    b.signature_table(doc)
    # Phụ lục I: the key tasks, numbered on its own page series
    b.new_section(doc)
    _appendix_heading(doc, "I", "TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {{ year }}")
    t = b.table(doc, (1.2, 5.3, 3.0, 2.8, 2.4, 1.8), borders=True)
    b.header_row(t, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Tình trạng"], size=12)
    b.loop_rows(t, "for r in key_tasks", ["{{ loop.index }}", "{{ r.title }}", "{{ r.lead }}", "{{ r.coordinating }}", "{{ r.when }}",
                                          "{{ r.status }}"], size=12, aligns=[b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.CENTER, b.CENTER])
    # Phụ lục II: the council's programme by month
    b.new_section(doc)
    _appendix_heading(doc, "II", "CHƯƠNG TRÌNH CÔNG TÁC NĂM {{ year }} CỦA {{ council_name|upper }}")
    t = b.table(doc, (2.0, 1.2, 6.5, 4.3, 2.5), borders=True)
    b.header_row(t, ["Thời gian", "STT", "Nội dung công việc", "Thành viên, cơ quan phụ trách", "Ghi chú"], size=12)
    b.loop_rows(t, "for r in programme", ["{{ r.month_label }}", "{{ loop.index }}", "{{ r.title }}", "{{ r.in_charge }}", "{{ r.note }}"],
                size=12, aligns=[b.CENTER, b.CENTER, b.LEFT, b.LEFT, b.LEFT])
    return doc


BUILDERS = {"decision": decision, "submission": submission, "nomination_list": nomination_list,
            "appraisal_report": appraisal_report, "minutes": minutes, "ballot": ballot, "achievement_report": achievement_report, "plan": plan}


FIXED = (2026, 1, 1, 0, 0, 0)


def build(code: str) -> bytes:
    """The template's bytes, the same on every run (fixed document dates and ZIP timestamps): an unchanged template
    gives no diff."""
    import datetime as dt
    import io
    import zipfile

    doc = BUILDERS[code]()
    b.fix_fonts(doc)
    props = doc.core_properties
    props.author, props.last_modified_by, props.title = "TĐKT", "TĐKT", code
    props.created = props.modified = dt.datetime(*FIXED)
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(zipfile.ZipInfo(item.filename, date_time=FIXED), source.read(item.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    """The uncompressed parts of a .docx (the check compares these, not the ZIP bytes, which depend on zlib)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    DIR.mkdir(exist_ok=True)
    stale = []
    for code in BUILDERS:
        data = build(code)
        path = DIR / f"{code}.docx"
        if "--check" in argv:
            if not path.exists() or _members(path.read_bytes()) != _members(data):
                stale.append(path.name)
        else:
            path.write_bytes(data)
            print(f"{path.relative_to(DIR.parents[2])}: {len(data):,} bytes")
    if stale:
        print("Outdated templates (run python -m tdkt.documents.shipped): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
