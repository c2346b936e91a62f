"""The plan's consistency check before its document is generated (or the plan issued): a list of findings, each with a
code, a severity ("refuse" blocks the document, "warn" is shown) and a Vietnamese message saying where.

Codes:
- issuer_spelling (refuse)      the issuer's name written another way in the texts ("Đông Đa" for "Đống Đa")
- title_year (refuse)           a year in the trích yếu other than the plan's ("năm 2024" in a 2025 plan)
- body_year (refuse)            the plan naming itself with another year ("ban hành Kế hoạch công tác thi đua, khen
                                thưởng năm 2024" in a 2025 plan)
- issue_year (warn)             issued in a year other than the plan's or the one before
- deadline_before_period        a key task's deadline, or a deadline written in the texts ("trước ngày 15/01/2024"),
  (refuse)                      before the plan's period
- deadline_before_issue (refuse) the same, before the plan's issue date
- impossible_date (refuse)      a date written in the texts that does not exist (31/02/2025)
- number_repeated (refuse)      a typed section number written twice ("III." twice)
- number_skipped (refuse)       a typed section number skipped ("I.", "III.")
- number_typed (warn)           a typed number at the start of a section's title (the numbers are generated)
- reference_later (refuse)      the higher level's plan, or a document named in the căn cứ, dated after this plan
- reference_impossible (refuse) a document named in the căn cứ with a date that does not exist
- reference_year (warn)         the higher level's plan is of another year
- reference_draft (warn)        the higher level's plan is not issued yet
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import asdict, dataclass

from django.utils import timezone

from tdkt.core import vntext

from . import numbering

REFUSE = "refuse"
WARN = "warn"
_KIND_WORDS = ("thành phố", "tỉnh", "quận", "huyện", "thị xã", "phường", "xã", "đặc khu", "thị trấn")
_WORD = re.compile(r"\w+", re.UNICODE)
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_DEADLINE = re.compile(r"(?:trước|chậm nhất|hạn chót|hạn)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)
_SELF_YEAR = re.compile(r"kế hoạch\s+(?:công tác\s+)?thi đua,?\s*(?:-\s*)?khen thưởng\s+năm\s+(\d{4})", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"năm\s+(\d{4})", re.IGNORECASE)
_REFERENCE = re.compile(r"số\s+\d+[\w/.-]*\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)
_ROMAN_LINE = re.compile(r"^\s*([IVXLC]+)\.\s")
_ARABIC_LINE = re.compile(r"^\s*(\d+)\.\s")
_TYPED_NUMBER = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def refuses(self) -> bool:
        return self.severity == REFUSE


def refusals(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.refuses]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def core_name(name: str) -> str:
    """The proper name of a unit without its kind: "Quận Đống Đa" → "Đống Đa"."""
    name = vntext.nfc(name).strip()
    for word in sorted(_KIND_WORDS, key=len, reverse=True):
        if name.lower().startswith(word + " "):
            return name[len(word) + 1:].strip()
    return name


def texts_of(plan, outline=None, tasks=None, items=None) -> list[tuple[str, str]]:
    """Every text the document prints, with where it stands (for the messages), in reading order."""
    outline = outline if outline is not None else numbering.outline(list(plan.sections.all()))
    tasks = tasks if tasks is not None else list(plan.key_tasks.select_related("lead_unit").order_by("position", "id"))
    items = items if items is not None else list(plan.council_items.order_by("month", "position", "id"))
    out = [("trích yếu", plan.title)]
    out += [(f"căn cứ dòng {n}", line) for n, line in enumerate(plan.grounds or [], 1)]
    out.append(("phần mở đầu", plan.preamble))
    for node in outline:
        where = "mục " + " ".join(n.label for n in _ancestry(outline, node))
        out.append((where, node.section.title))
        out.append((where, node.section.body))
    for n, task in enumerate(tasks, 1):
        out.append((f"Phụ lục 1, nhiệm vụ {n}", " ".join(x for x in (task.title, task.lead_name, task.coordinating, task.period) if x)))
    for item in items:
        out.append((f"Phụ lục 2, tháng {item.month}", f"{item.title} {item.in_charge}"))
    out.append(("phần kết", plan.closing))
    out += [(f"nơi nhận dòng {n}", line) for n, line in enumerate(plan.receivers or [], 1)]
    return [(where, vntext.nfc(text)) for where, text in out if text]


def _ancestry(outline, node) -> list:
    chain = [n for n in outline if node.path[:len(n.path)] == n.path]
    return sorted(chain, key=lambda n: len(n.path))


def _where_list(places: list[str]) -> str:
    unique = list(dict.fromkeys(places))
    shown = ", ".join(unique[:4])
    return shown + (f" và {len(unique) - 4} chỗ khác" if len(unique) > 4 else "")


def _spelling(plan, texts) -> list[Finding]:
    core = core_name(plan.issuer.name)
    words = _WORD.findall(core)
    if not words:
        return []
    target = _fold(" ".join(words))
    single = len(words) == 1
    variants: dict[str, list[str]] = {}
    for where, text in texts:
        tokens = [(m.group(0), m.start()) for m in _WORD.finditer(text)]
        for i in range(len(tokens) - len(words) + 1):
            window = [t for t, _ in tokens[i:i + len(words)]]
            if _fold(" ".join(window)) != target:
                continue
            written = " ".join(window)
            if written.lower() == core.lower():
                continue
            if single and not (i > 0 and _fold(tokens[i - 1][0]) in {_fold(k.split()[-1]) for k in _KIND_WORDS}):
                continue
            variants.setdefault(written, []).append(where)
    return [Finding("issuer_spelling", REFUSE, f"Tên “{core}” của cấp ban hành bị viết thành “{written}” ({_where_list(places)}).")
            for written, places in variants.items()]


def _years(plan, texts) -> list[Finding]:
    found = []
    for match in _TITLE_YEAR.finditer(plan.title or ""):
        if int(match.group(1)) != plan.year:
            found.append(Finding("title_year", REFUSE, f"Trích yếu ghi “năm {match.group(1)}” nhưng đây là kế hoạch năm {plan.year}."))
    wrong: dict[str, list[str]] = {}
    for where, text in texts:
        if where == "trích yếu":
            continue
        for match in _SELF_YEAR.finditer(text):
            if int(match.group(1)) != plan.year:
                wrong.setdefault(match.group(1), []).append(where)
    for year, places in wrong.items():
        found.append(Finding("body_year", REFUSE, f"Văn bản gọi chính kế hoạch này là “kế hoạch công tác thi đua, khen thưởng năm "
                                                  f"{year}” nhưng đây là kế hoạch năm {plan.year} ({_where_list(places)})."))
    if plan.issued_on and plan.issued_on.year not in (plan.year, plan.year - 1):
        found.append(Finding("issue_year", WARN, f"Ngày ban hành {plan.issued_on:%d/%m/%Y} không thuộc năm {plan.year} hoặc năm trước đó."))
    return found


def _day(d: str, m: str, y: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _dates(plan, texts, tasks) -> list[Finding]:
    found = []
    start, issued = plan.period_start, plan.issued_on
    for n, task in enumerate(tasks, 1):
        if task.due_on is None:
            continue
        if start and task.due_on < start:
            found.append(Finding("deadline_before_period", REFUSE, f"Nhiệm vụ {n} của Phụ lục 1 (“{_short(task.title)}”) có thời hạn "
                                                                   f"{task.due_on:%d/%m/%Y}, trước thời gian thực hiện kế hoạch (từ {start:%d/%m/%Y})."))
        elif issued and task.due_on < issued:
            found.append(Finding("deadline_before_issue", REFUSE, f"Nhiệm vụ {n} của Phụ lục 1 (“{_short(task.title)}”) có thời hạn "
                                                                  f"{task.due_on:%d/%m/%Y}, trước ngày ban hành kế hoạch ({issued:%d/%m/%Y})."))
    for where, text in texts:
        for match in _DATE.finditer(text):
            if _day(*match.groups()) is None:
                found.append(Finding("impossible_date", REFUSE, f"Ngày “{match.group(0)}” không có thật ({where})."))
        for match in _DEADLINE.finditer(text):
            day = _day(*match.groups())
            if day is None:
                continue
            if start and day < start:
                found.append(Finding("deadline_before_period", REFUSE, f"Thời hạn “{match.group(0)}” ({where}) trước thời gian thực hiện "
                                                                       f"kế hoạch năm {plan.year} (từ {start:%d/%m/%Y})."))
            elif issued and day < issued:
                found.append(Finding("deadline_before_issue", REFUSE, f"Thời hạn “{match.group(0)}” ({where}) trước ngày ban hành kế hoạch "
                                                                      f"({issued:%d/%m/%Y})."))
    return found


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n].rstrip() + "…"


def _numbers(outline) -> list[Finding]:
    """Typed numbers in the sections' titles and in the lines of their bodies: Roman numerals in reading order, Arabic
    ones under each Roman numeral; a repeat or a gap is refused."""
    found = []
    last_roman, seen_roman, last_arabic, seen_arabic = 0, set(), 0, set()
    for node in outline:
        s = node.section
        if s.title and _TYPED_NUMBER.match(s.title):
            found.append(Finding("number_typed", WARN, f"Tiêu đề mục {node.label} bắt đầu bằng số gõ tay (“{_short(s.title, 30)}”); "
                                                       "số thứ tự của mục được đánh tự động, hãy bỏ số gõ tay."))
        lines = [s.title] + (s.body or "").splitlines()
        for line in lines:
            if not line:
                continue
            roman = _ROMAN_LINE.match(line)
            value = numbering.roman_value(roman.group(1)) if roman else None
            if value is not None:
                if value in seen_roman:
                    found.append(Finding("number_repeated", REFUSE, f"Số mục “{roman.group(1)}.” được đánh hai lần (mục {node.label}: "
                                                                    f"“{_short(line, 40)}”)."))
                elif value > last_roman + 1:
                    skipped = ", ".join(numbering.roman(v) for v in range(last_roman + 1, value))
                    found.append(Finding("number_skipped", REFUSE, f"Thiếu số mục {skipped} trước “{_short(line, 40)}” (mục {node.label})."))
                seen_roman.add(value)
                last_roman = max(last_roman, value)
                last_arabic, seen_arabic = 0, set()
                continue
            arabic = _ARABIC_LINE.match(line)
            if arabic and last_roman:
                value = int(arabic.group(1))
                if value in seen_arabic:
                    found.append(Finding("number_repeated", REFUSE, f"Số mục “{value}.” được đánh hai lần trong cùng một phần "
                                                                    f"(mục {node.label}: “{_short(line, 40)}”)."))
                elif value > last_arabic + 1:
                    found.append(Finding("number_skipped", REFUSE, f"Thiếu số mục {last_arabic + 1} trước “{_short(line, 40)}” (mục {node.label})."))
                seen_arabic.add(value)
                last_arabic = max(last_arabic, value)
    return found


def _references(plan) -> list[Finding]:
    found = []
    own = plan.issued_on or timezone.localdate()
    higher = plan.implements
    if higher is not None:
        if higher.issued_on and higher.issued_on > own:
            found.append(Finding("reference_later", REFUSE, f"Kế hoạch cấp trên được thực hiện ({higher.number_text or higher}) ban hành ngày "
                                                            f"{higher.issued_on:%d/%m/%Y}, sau ngày của kế hoạch này ({own:%d/%m/%Y})."))
        if higher.year != plan.year:
            found.append(Finding("reference_year", WARN, f"Kế hoạch cấp trên được thực hiện là của năm {higher.year}, không phải năm {plan.year}."))
        if not higher.issued:
            found.append(Finding("reference_draft", WARN, "Kế hoạch cấp trên được thực hiện chưa ban hành (chưa có số, ngày)."))
    for where, text in [(f"căn cứ dòng {n}", line) for n, line in enumerate(plan.grounds or [], 1)] + [("phần mở đầu", plan.preamble)]:
        for match in _REFERENCE.finditer(text or ""):
            day = _day(*match.groups())
            if day is None:
                found.append(Finding("reference_impossible", REFUSE, f"Văn bản “{_short(match.group(0), 50)}” ({where}) ghi một ngày không có thật."))
            elif day > own:
                found.append(Finding("reference_later", REFUSE, f"Văn bản “{_short(match.group(0), 50)}” ({where}) có ngày sau ngày của kế hoạch "
                                                                f"này ({own:%d/%m/%Y})."))
    return found


def check_plan(plan) -> list[Finding]:
    """Every finding on the plan as it would be printed now (refusals first)."""
    outline = numbering.outline(list(plan.sections.all()))
    tasks = list(plan.key_tasks.select_related("lead_unit").order_by("position", "id"))
    texts = texts_of(plan, outline, tasks)
    findings = _spelling(plan, texts) + _years(plan, texts) + _dates(plan, texts, tasks) + _numbers(outline) + _references(plan)
    # the same impossible date in the căn cứ is reported once, as a reference
    refs = {f.message.split("”")[0].split("“")[-1] for f in findings if f.code == "reference_impossible"}
    findings = [f for f in findings if not (f.code == "impossible_date" and any(f.message.split("“")[1].split("”")[0] in r for r in refs))]
    return sorted(findings, key=lambda f: 0 if f.refuses else 1)
