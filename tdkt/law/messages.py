"""The engine's explanations: a message is an id and its arguments, rendered from one table of templates.

A check keeps `message_id` and `args` beside the rendered `message`, so two results can be compared by what
they say (not by their wording), and a message can be translated (the templates are marked for gettext).
Arguments stay data (codes, years, dates, counts); the template chooses how each is shown with a format
spec:

    {form:discipline}  a discipline code by its name        {scope:scope}    an initiative scope in a sentence
    {scopes:scopes}    scopes joined by "hoặc"              {kind:subject}   a subject kind in a sentence
    {years:years}      years joined by ", "                 {day:date}       a date as dd/mm/yyyy
    {share:percent}    a share of 100 with a decimal comma  {note:msg}       a nested message (or "" for none)
    {parts:msgs}       nested messages joined by "; "       {step:per}       1 → "năm", else "lần" (chain steps)
    {allowed:subjects} subject kinds joined by ", "        {result:training} a course result in a sentence
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import vocabulary as vocab


class Message(NamedTuple):
    """A message: its id and its arguments (a tuple: the engine makes tens of thousands of them)."""

    id: str
    args: Mapping[str, Any] = {}

    def render(self) -> str:
        return render(self.id, self.args)

    def to_dict(self) -> dict:
        return {"id": self.id, "args": plain(self.args)}


TEMPLATES: dict[str, Any] = {
    # --- every title -------------------------------------------------------------------------------------
    "subject.allowed": _("{award} xét cho {kind:subject}"),
    "subject.refused": _("{award} không xét cho {kind:subject} (chỉ xét cho: {allowed:subjects})"),
    "discipline.blocking": _("Năm {year} đang trong thời hạn kỷ luật {form:discipline} (từ {start:date} đến {end:date})"),
    "discipline.clear": _("Năm {year} không bị kỷ luật từ hình thức {form:discipline} trở lên"),
    "rating.missing": _("Chưa có xếp loại năm {year} (yêu cầu từ {minimum} trở lên)"),
    "rating.pass": _("Năm {year} xếp loại {rating} (yêu cầu từ {minimum} trở lên)"),
    "rating.fail": _("Năm {year} xếp loại {rating}, chưa đạt mức {minimum} trở lên"),
    "attestation": _("Phẩm chất chính trị, đạo đức, lối sống và tinh thần đoàn kết do đơn vị xác nhận trong báo cáo "
                     "thành tích (không tính toán)"),
    "council.proposal": _("Tiêu chuẩn {award} cần đề nghị cấp trên xét tặng; hệ thống không tự đánh giá (năm {year})"),
    "council.judgement": _("Tiêu chuẩn {award} cần Hội đồng Thi đua – Khen thưởng xem xét; hệ thống không tự đánh giá "
                           "(năm {year})"),
    "council.bk_tinh_collective": _("Bằng khen cấp tỉnh cho {kind:subject} cần Hội đồng xem xét theo Điều 74 (năm {year})"),
    # fragments of chain messages
    "note.older_regimes": _(" ({parts:msgs})"),
    "note.older_regimes_counted": _(" ({parts:msgs} — vẫn được tính theo {basis})"),
    "note.regime_years": _("{years:years} theo {regime}"),
    "note.restart": _("; kỷ luật {form:discipline} đến {end:date}: chỉ tính thành tích từ năm {first}"),
    "note.years": _("{years:years}"),
    "note.years_proposed": _("{years:years} ({year} đang đề nghị)"),
    "note.years_awarded": _("{years:years} ({year} đã công nhận)"),
    # --- LĐTT -----------------------------------------------------------------------------------------------
    "recruitment.missing": _("Chưa có ngày tuyển dụng (hoặc ngày bắt đầu công tác liên tục): cần để xét đủ {months} tháng "
                             "tính đến hết năm {year}"),
    "recruitment.rated_before": _("Đã được đánh giá, xếp loại năm {rated_year}: đã công tác trước năm {year} (đủ {months} tháng)"),
    "recruitment.service_pass": _("Công tác liên tục từ ngày {day:date} (kể cả thời gian hợp đồng lao động): đủ {months} tháng "
                                  "tính đến hết năm {year}"),
    "recruitment.service_fail": _("Công tác liên tục từ ngày {day:date} (kể cả thời gian hợp đồng lao động): chưa đủ {months} "
                                  "tháng tính đến hết năm {year}"),
    "days_off.pass": _("Năm {year} nghỉ {counted} ngày làm việc{maternity:msg}: dưới {limit} ngày"),
    "days_off.fail": _("Năm {year} nghỉ {counted} ngày làm việc{maternity:msg}: từ {limit} ngày trở lên thì không xét"),
    "days_off.missing": _("Chưa có số ngày nghỉ làm việc năm {year} (nghỉ từ {limit} ngày làm việc trở lên thì không xét; "
                          "nghỉ thai sản không tính)"),
    "days_off.maternity": _(" (không tính {days} ngày nghỉ thai sản)"),
    "training.pass": _("Năm {year} đào tạo, bồi dưỡng {months} tháng: kết quả học tập {result:training} thay cho xếp loại "
                       "(yêu cầu từ {minimum:training} trở lên)"),
    "training.fail": _("Năm {year} đào tạo, bồi dưỡng {months} tháng: kết quả học tập {result:training}, chưa đạt "
                       "{minimum:training} trở lên"),
    "training.missing": _("Năm {year} đào tạo, bồi dưỡng {months} tháng: chưa có kết quả học tập (thay cho xếp loại, yêu cầu từ "
                          "{minimum:training} trở lên)"),
    "transfer.comment": _("Chuyển công tác từ {unit:msg} ({months} tháng trong năm {year}): đã có ý kiến nhận xét của đơn vị cũ"),
    "transfer.comment_missing": _("Chuyển công tác từ {unit:msg} ({months} tháng trong năm {year}, từ {need} tháng trở lên): cần ý "
                                  "kiến nhận xét của đơn vị cũ"),
    "transfer.short": _("Chuyển công tác từ {unit:msg} ({months} tháng trong năm {year}, dưới {need} tháng): không cần ý kiến "
                        "của đơn vị cũ"),
    "transfer.months_missing": _("Chuyển công tác trong năm {year} từ {unit:msg}: chưa có số tháng công tác ở đơn vị cũ (từ {need} "
                                 "tháng trở lên cần ý kiến nhận xét của đơn vị cũ)"),
    "text.old_unit": _("đơn vị cũ"),
    "recruitment.pass": _("Tuyển dụng ngày {day:date}: đủ {months} tháng tính đến hết năm {year}"),
    "recruitment.fail": _("Tuyển dụng ngày {day:date}: chưa đủ {months} tháng tính đến hết năm {year}"),
    # --- CSTĐCS ---------------------------------------------------------------------------------------------
    "cstdcs.pass_rating": _("Năm {year} xếp loại {rating}"),
    "cstdcs.pass_initiative": _("Năm {year} có sáng kiến phạm vi {scope:scope}"),
    "cstdcs.pass_both": _("Năm {year} xếp loại {rating} và có sáng kiến phạm vi {scope:scope}"),
    "cstdcs.or_missing": _("Năm {year} chưa có xếp loại và không có sáng kiến, đề tài được công nhận (cần {rating} hoặc sáng kiến)"),
    "cstdcs.or_fail": _("Năm {year} xếp loại {rated} và không có sáng kiến, đề tài được công nhận (cần {rating} hoặc sáng kiến)"),
    "cstdcs.and_missing": _("Năm {year} chưa có xếp loại (cần {rating} và sáng kiến)"),
    "cstdcs.and_fail": _("Năm {year} {rated_text:msg} và {initiative_text:msg} (cần {rating} và sáng kiến)"),
    "cstdcs.initiative_fail": _("Năm {year} không có sáng kiến, đề tài được công nhận (cần sáng kiến, đề tài được công nhận)"),
    "text.rated": _("xếp loại {rating}"),
    "text.unrated": _("chưa có xếp loại"),
    "text.initiative": _("có sáng kiến phạm vi {scope:scope}"),
    "text.no_initiative": _("không có sáng kiến, đề tài được công nhận"),
    # --- chains (CSTĐ tỉnh, CSTĐ toàn quốc) -------------------------------------------------------------------
    "chain.pass": _("Chuỗi {title} liên tục: {years:msg}{note:msg}"),
    "chain.none": _("Không có {title} năm {year} (đã công nhận hoặc đang đề nghị cùng đợt); cần {need} {step:per} liên tục"
                    "{restart:msg}"),
    "chain.short": _("Chuỗi {title} liên tục đến năm {year}: {years:msg} ({length} {step:per}); cần {need} {step:per} liên tục"
                     "{restart:msg}"),
    "initiative.pass": _("Có sáng kiến, đề tài phạm vi {scope:scope} năm {found_year}"),
    "initiative.fail_period": _("Không có sáng kiến, đề tài phạm vi {scopes:scopes} trong các năm {first}–{last}{restart:msg}"),
    "initiative.fail_year": _("Không có sáng kiến, đề tài phạm vi {scopes:scopes} trong các năm {last}{restart:msg}"),
    # --- Bằng khen cấp tỉnh, điểm d -----------------------------------------------------------------------
    "bk_tinh.pass_chain": _("Đạt điểm d: {title} liên tục {years:msg}{note:msg}"),
    "bk_tinh.pass_rating": _("Đạt điểm d: {rating} liên tục {years:years} và {count} sáng kiến ({found:years})"),
    "bk_tinh.fail": _("Chưa đạt điểm d đến năm {year}: {title} liên tục {chain:msg} (cần {chain_need} năm); {rating} liên tục "
                      "{rated:msg} (cần {rated_need} năm) với {count} sáng kiến (cần {count_need}){restart:msg}. Các trường hợp "
                      "khác của Điều 74 do Hội đồng xem xét"),
    "bk_tinh.unrated": _("Chưa có xếp loại năm {year}. {detail:msg}"),
    # --- Bằng khen của Thủ tướng Chính phủ, điểm b ------------------------------------------------------------
    "bk_ttg.pass": _("Đạt điểm b: đã có {prior} năm {prior_year}, sau đó {rating} trở lên liên tục {years:years}; {what:msg}"),
    "bk_ttg.fail": _("Chưa đạt điểm b đến năm {year}: {prior} {prior_year:msg}; sau đó {rating} trở lên liên tục {years:msg} "
                     "(cần {need} năm); {what:msg}{restart:msg}. Các trường hợp khác của Điều 73 (điểm a, c) do Hội đồng xem xét"),
    "bk_ttg.cstdcs": _("{count} lần {title} trong các năm đó{found:msg} (cần {count_need})"),
    "bk_ttg.initiatives": _("{count} sáng kiến được công nhận trong các năm đó{found:msg} (cần {count_need})"),
    "bk_ttg.found": _(": {years:years}"),
    "text.none": _("không có"),
    # --- one initiative, one award; a late proposal -------------------------------------------------------------
    "note.with_used": _("{main:msg} (không tính {parts:msgs}: mỗi sáng kiến chỉ làm căn cứ cho một danh hiệu, hình thức)"),
    "note.used_one": _("sáng kiến năm {year} đã làm căn cứ cho {award} năm {used_year}"),
    "period.late": _("Thành tích {first}–{last} đề nghị khen thưởng năm {year}: đề nghị sau thời gian đạt thành tích, Hội đồng "
                     "xem xét"),
    "text.empty": "",
    # --- collectives ------------------------------------------------------------------------------------------
    "collective.missing": _("Thiếu số liệu tập thể năm {year} (số thành viên, số LĐTT, số CSTĐCS, số bị kỷ luật)"),
    "collective.members": _("Năm {year}: tập thể có {members} thành viên"),
    "collective.no_members": _("Năm {year}: tập thể chưa có thành viên nào trong hồ sơ: chưa xét được tỷ lệ"),
    "collective.share": _("Năm {year}: {part}/{members} thành viên {what:msg} ({share:percent}), yêu cầu {need:msg}"),
    "collective.need_more_than": _("trên {percent}%"),
    "collective.need_at_least": _("từ {percent}% trở lên"),
    "collective.what_completed": _("hoàn thành nhiệm vụ"),
    "collective.what_ldtt": _("đạt LĐTT"),
    "collective.cstdcs": _("Năm {year}: {count} cá nhân đạt CSTĐCS (yêu cầu ít nhất {minimum})"),
    "collective.none_disciplined": _("Năm {year}: không có thành viên bị kỷ luật từ cảnh cáo trở lên"),
    "collective.disciplined": _("Năm {year}: {count} thành viên bị kỷ luật từ cảnh cáo trở lên (tối đa {maximum})"),
    # --- the CSTĐCS quota -------------------------------------------------------------------------------------
    "quota.off": _("Không áp dụng tỷ lệ CSTĐCS trên số LĐTT năm {year}"),
    "quota.count": _("Năm {year}: {cstdcs} CSTĐCS trên {ldtt} LĐTT; tối đa {percent}% (không quá {allowed} người)"),
}


def years_text(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in years)


def date_text(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _date(value) -> str:
    return date_text(value if isinstance(value, dt.date) else dt.date.fromisoformat(value))


SPECS: dict[str, Any] = {
    "discipline": lambda v: vocab.label(vocab.DisciplineForm, v),
    "scope": vocab.scope_in_sentence,
    "scopes": lambda v: " hoặc ".join(vocab.scope_in_sentence(s) for s in v),
    "subject": vocab.subject_in_sentence,
    "subjects": lambda v: ", ".join(vocab.subject_in_sentence(k) for k in v),
    "msgs": lambda v: "; ".join(render_message(m) for m in v),
    "per": lambda v: str(_("năm") if v == 1 else _("lần")),
    "years": years_text,
    "date": _date,
    "training": lambda v: vocab.in_sentence(vocab.label(vocab.TrainingResult, v)),
    "percent": lambda v: f"{v:g}".replace(".", ",") + "%",
    "msg": lambda v: render_message(v),
    "": str,
}

# (language, message id) → the template compiled into literal strings and (argument, formatter) pairs: the batch
# renders tens of thousands of messages, so a template is translated and parsed once per language, not per use.
_COMPILED: dict[tuple[str, str], tuple] = {}


def _compile(message_id: str, language: str) -> tuple:
    parts: list = []
    for literal, name, spec, _conversion in string.Formatter().parse(str(TEMPLATES[message_id])):
        if literal:
            parts.append(literal)
        if name is not None:
            parts.append((name, SPECS[spec or ""]))
    compiled = _COMPILED[(language, message_id)] = tuple(parts)
    return compiled


def render(message_id: str, args: Mapping[str, Any]) -> str:
    language = get_language() or ""
    compiled = _COMPILED.get((language, message_id)) or _compile(message_id, language)
    return "".join(part if part.__class__ is str else part[1](args[part[0]]) for part in compiled)


def render_message(value: Message | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, Message):
        return value.render()
    return str(value)


def plain(value: Any) -> Any:
    """The JSON form of message arguments and facts: dates as ISO strings, nested messages as {id, args}."""
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    return value
