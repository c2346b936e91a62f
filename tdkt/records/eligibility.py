"""The one way into the engine from the ledger: `eligibility_request(subject, award, year, proposed=())`.

The profile panel, the batch run and (next) the dossiers all build the engine's request here, from a subject
(a Person, Unit or Household, whose ledger is read) or from a ledger already read (`ledger.Ledger`, or the
batch run's readers, which give the same attributes). Entries after the year under review are left out, so a
request says the same whichever reader gave the ledger; `proposed` are the titles of the year proposed in the
same round (added unless the ledger already holds them as decided).
"""

from __future__ import annotations

from collections.abc import Iterable

from tdkt.law import engine
from tdkt.law.schema import AwardEntry, EligibilityRequest, EligibilityResult, Subject

from .ledger import load_ledger

_PROPOSED: dict[tuple[int, str], AwardEntry] = {}


def _proposed_entry(year: int, code: str) -> AwardEntry:
    entry = _PROPOSED.get((year, code))
    if entry is None:
        entry = _PROPOSED[(year, code)] = AwardEntry(year=year, award=code, proposed=True)
    return entry


def _is_model(subject) -> bool:
    return hasattr(subject, "_meta")


def _until(entries, year: int) -> tuple:
    """The entries of the year under review and before (the readers give them in year order, so most ledgers end
    in or before the year and are taken whole)."""
    if not entries or entries[-1].year <= year:
        return tuple(entries)
    return tuple(e for e in entries if e.year <= year)


def eligibility_request(subject, award: str, year: int, proposed: Iterable[str] = ()) -> EligibilityRequest:
    """The engine's request for `award` in `year` from the subject's ledger (see the module's docstring)."""
    year = int(year)
    ledger = load_ledger(subject, year=year) if _is_model(subject) else subject
    awards = _until(ledger.awards, year)
    if proposed:
        held = {a.award for a in awards if a.year == year}
        awards += tuple(_proposed_entry(year, c) for c in proposed if c not in held)
    disciplines = ledger.disciplines
    if disciplines and disciplines[-1].start.year > year:
        disciplines = [d for d in disciplines if d.start.year <= year]
    return EligibilityRequest(award, year, Subject(ledger.kind, ledger.joined_on, getattr(ledger, "service_start", None)),
                              _until(ledger.ratings, year), awards, tuple(disciplines), _until(ledger.initiatives, year),
                              ledger.collective, work_years=_until(getattr(ledger, "work_years", ()), year))


def check_subject(subject, award: str, year: int, proposed: Iterable[str] = (), *, catalogue=None) -> EligibilityResult:
    """The engine's result for a subject (or a ledger) through `eligibility_request`."""
    return engine.evaluate(eligibility_request(subject, award, year, proposed), catalogue=catalogue)


def working_year_facts(request: EligibilityRequest) -> list[str]:
    """The facts of the year under review that the request carries beyond ratings and titles, in Vietnamese (the
    panel shows what the engine read): continuous service, days off, a course, a transfer."""
    from django.utils.translation import gettext as _

    from tdkt.law import vocabulary as vocab
    from tdkt.law.messages import date_text

    out = []
    if request.subject.service_start is not None:
        out.append(_("Công tác liên tục từ %(day)s (kể cả thời gian hợp đồng lao động)") % {"day": date_text(request.subject.service_start)})
    work = next((w for w in request.work_years if w.year == request.year), None)
    if work is None:
        return out
    if work.days_off is not None:
        out.append((_("Năm %(year)s nghỉ %(days)s ngày làm việc, trong đó %(maternity)s ngày nghỉ thai sản") if work.maternity_days
                    else _("Năm %(year)s nghỉ %(days)s ngày làm việc"))
                   % {"year": work.year, "days": work.days_off, "maternity": work.maternity_days})
    if work.training_months:
        result = (vocab.in_sentence(vocab.label(vocab.TrainingResult, work.training_result)) if work.training_result
                  else _("chưa có kết quả"))
        out.append(_("Năm %(year)s đào tạo, bồi dưỡng %(months)s tháng, kết quả học tập: %(result)s")
                   % {"year": work.year, "months": work.training_months, "result": result})
    if work.transferred:
        months = (_("%(months)s tháng") % {"months": work.transfer_months} if work.transfer_months is not None
                  else _("chưa rõ số tháng"))
        comment = _("đã có ý kiến nhận xét của đơn vị cũ") if work.transfer_comment else _("chưa có ý kiến nhận xét của đơn vị cũ")
        out.append(_("Năm %(year)s chuyển công tác từ %(unit)s (%(months)s; %(comment)s)")
                   % {"year": work.year, "unit": work.transfer_from or _("đơn vị cũ"), "months": months, "comment": comment})
    return out
