"""Template tags of the people screens.

`people_rows` writes the people list's table rows in Python: the list is the page officers open most, and the
template language spends some 25 nodes per row (links, filters, badges), about as long as the rest of the page
(docs/decisions/0009-web-bench.md). The markup is the one the template wrote, every value escaped by format_html.
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from tdkt.law.templatetags.tdkt_law import rating_css, rating_label
from tdkt.org.models import Gender

register = template.Library()

_SENTINEL = 987654321  # a person id no reverse() shares with the rest of the address


@register.simple_tag
def people_rows(people) -> SafeString:
    """The <tr> of each person of the page: dicts of `selectors.PEOPLE_ROW_FIELDS`."""
    address = reverse("records:person_detail", args=[_SENTINEL])
    genders = dict(Gender.choices)
    leader = format_html(' <span class="badge text-bg-light border fw-normal">{}</span>', gettext("Lãnh đạo"))
    direct = format_html(' <span class="badge text-bg-light border fw-normal">{}</span>', gettext("Trực tiếp"))
    none = mark_safe('<span class="text-muted small">—</span>')

    def row(p):
        code = p["year_rating"]
        rating = format_html('<span class="badge {}" title="{}">{}</span>', rating_css(code), rating_label(code), code) if code else none
        return (address.replace(str(_SENTINEL), str(p["pk"])), p["full_name"], leader if p["is_leader"] else "",
                direct if p["is_direct_worker"] else "", genders.get(p["gender"], p["gender"]), _day(p["date_of_birth"]),
                p["position"], p["unit__name"] or "", rating)

    return format_html_join(
        "\n", '<tr><td><a href="{}" class="fw-semibold">{}</a>{}{}</td><td class="d-none d-md-table-cell">{}</td>'
              '<td class="d-none d-md-table-cell">{}</td><td class="d-none d-lg-table-cell">{}</td><td class="small">{}</td>'
              "<td>{}</td></tr>", (row(p) for p in people))


def _addresses(name: str, person_pk: int, *middle: str):
    """pk → reverse(name, [person_pk, *middle, pk]), reversed once."""
    template = reverse(name, args=[person_pk, *middle, _SENTINEL])
    return lambda pk: template.replace(str(_SENTINEL), str(pk))


@register.simple_tag
def ledger_timeline(timeline, person, award_names, can_edit) -> SafeString:
    """The profile's timeline (selectors.timeline_and_ledger), year by year, newest first: ratings, awards (a revoked
    one struck through, with its revocation), disciplines, initiatives; with the correction and withdrawal links when
    the user may edit the ledger. Written in Python, as `people_rows`: a ten-year ledger is some fifty entries."""
    if not timeline:
        return format_html('<p class="text-muted small mb-0">{}</p>', gettext("Chưa có dữ liệu thành tích."))
    withdraw = {kind: _addresses("records:entry_withdraw", person.pk, kind) for kind in ("rating", "award", "discipline", "initiative",
                                                                                  "work_year")}
    correct = _addresses("records:award_correct", person.pk)
    ground = _addresses("records:initiative_use", person.pk)
    work_address = reverse("records:work_year_record", args=[person.pk])
    rating_address = reverse("records:rating_record", args=[person.pk])
    fix, remove = gettext("Đính chính"), gettext("Gỡ bỏ")

    def remove_link(kind, pk):
        return format_html(' <a class="small text-danger" href="{}">{}</a>', withdraw[kind](pk), remove)

    def rating(r):
        note = format_html(' <span class="text-muted">({})</span>', r.note) if r.note else ""
        actions = format_html(' <span class="entry-actions"><a class="small" href="{}?year={}">{}</a> · <a class="small text-danger" '
                              'href="{}">{}</a></span>', rating_address, r.year, fix, withdraw["rating"](r.pk), remove) if can_edit else ""
        return format_html('<li>{} <span class="badge {}">{}</span>{}{}</li>', gettext("Xếp loại:"), rating_css(r.rating),
                           r.get_rating_display(), note, actions)

    def award(a):
        revocation = a.revocation
        said = [format_html("<strong>{}</strong>", award_names.get(a.award_code, a.award_code) if award_names else a.award_code)]
        if a.decision_number:
            said.append(format_html(" — {}", gettext("QĐ số %(number)s") % {"number": a.decision_number}))
        if a.decision_date:
            said.append(format_html(" {}", gettext("ngày %(date)s") % {"date": _day(a.decision_date)}))
        issuer = a.issuer_name or (a.issuer.name if a.issuer else "")
        if issuer:
            said.append(format_html(" {}", gettext("của %(issuer)s") % {"issuer": issuer}))
        body = mark_safe("".join(said))
        parts = [format_html("<del>{}</del>", body) if revocation else body]
        if a.issuer and a.issuer.valid_to:
            parts.append(format_html(' <span class="text-muted">({})</span>',
                                     gettext("đơn vị ban hành đã giải thể ngày %(date)s") % {"date": _day(a.issuer.valid_to)}))
        if revocation:
            parts.append(format_html(' <span class="badge text-bg-danger fw-normal">{}</span>',
                                     gettext("Đã hủy bỏ ngày %(date)s") % {"date": _day(revocation.revoked_on)}))
            if revocation.decision_number:
                act = gettext("theo QĐ số %(number)s") % {"number": revocation.decision_number}
                if revocation.decision_date:
                    act += " " + gettext("ngày %(date)s") % {"date": _day(revocation.decision_date)}
                parts.append(format_html(' <span class="text-muted">{}</span>', act))
            parts.append(format_html(' <span class="text-muted">{}</span>', revocation.reason))
        elif can_edit:
            withdrawal = (format_html(' · <a class="small text-danger" href="{}">{}</a>', withdraw["award"](a.pk), remove)
                          if a.source != "decision" else "")
            parts.append(format_html(' <span class="entry-actions"><a class="small" href="{}">{}</a>{}</span>', correct(a.pk), fix,
                                     withdrawal))
        return format_html('<li class="award{}">{}</li>', " revoked" if revocation else "", mark_safe("".join(parts)))

    def discipline(d):
        number = format_html(", {}", gettext("QĐ số %(number)s") % {"number": d.decision_number}) if d.decision_number else ""
        return format_html('<li class="text-danger">{} {} ({} – {}){}{}</li>', gettext("Kỷ luật:"), d.get_form_display(), _day(d.start),
                           _day(d.end), number, remove_link("discipline", d.pk) if can_edit else "")

    def initiative(i):
        said = gettext("Sáng kiến: “%(title)s” — %(scope)s") % {"title": i.title, "scope": i.get_scope_display().lower()}
        number = (format_html(", {}", gettext("QĐ công nhận số %(number)s") % {"number": i.decision_number})
                  if i.decision_number else "")
        used = i.used_for
        if used is not None:
            name = award_names.get(used.award_code, used.award_code) if award_names else used.award_code
            number = format_html('{} <span class="badge text-bg-light border fw-normal" data-testid="initiative-used">{}</span>', number,
                                  gettext("đã làm căn cứ cho %(award)s năm %(year)s") % {"award": name, "year": used.year})
        actions = (format_html(' <span class="entry-actions"><a class="small" href="{}">{}</a> · <a class="small text-danger" href="{}">{}'
                               "</a></span>", ground(i.pk), gettext("Căn cứ khen thưởng"), withdraw["initiative"](i.pk), remove)
                   if can_edit else "")
        return format_html("<li>{}{}{}</li>", said, number, actions)

    def work_year(w):
        actions = (format_html(' <span class="entry-actions"><a class="small" href="{}?year={}">{}</a> · <a class="small text-danger" '
                               'href="{}">{}</a></span>', work_address, w.year, gettext("Sửa"), withdraw["work_year"](w.pk), remove)
                   if can_edit else "")
        return format_html('<li data-testid="work-year">{} {}{}</li>', gettext("Năm công tác:"), work_year_text(w), actions)

    sections = []
    for entry in timeline:
        items = [*map(rating, entry["ratings"]), *map(award, entry["awards"]), *map(discipline, entry["disciplines"]),
                 *map(initiative, entry["initiatives"]), *map(work_year, entry.get("work_years", ()))]
        sections.append(format_html('<section class="mb-2" data-year="{}"><div class="year">{}</div><ul class="list-unstyled small mb-0">'
                                    "{}</ul></section>", entry["year"], entry["year"], mark_safe("".join(items))))
    return format_html('<div class="timeline">{}</div>', mark_safe("".join(sections)))


def work_year_text(w) -> str:
    """The facts of a working year in one Vietnamese phrase (the timeline's line)."""
    parts = []
    if w.days_off is None:
        parts.append(gettext("chưa ghi số ngày nghỉ"))
    elif w.maternity_days:
        parts.append(gettext("nghỉ %(days)s ngày làm việc, trong đó %(maternity)s ngày nghỉ thai sản")
                     % {"days": w.days_off, "maternity": w.maternity_days})
    else:
        parts.append(gettext("nghỉ %(days)s ngày làm việc") % {"days": w.days_off})
    if w.training_months:
        result = w.get_training_result_display() or gettext("chưa có kết quả")
        parts.append(gettext("đào tạo, bồi dưỡng %(months)s tháng (kết quả: %(result)s)")
                     % {"months": w.training_months, "result": result.lower()})
    if w.transfer_from:
        months = (gettext("%(months)s tháng") % {"months": w.transfer_months} if w.transfer_months is not None
                  else gettext("chưa rõ số tháng"))
        comment = gettext("đã có nhận xét của đơn vị cũ") if w.transfer_comment else gettext("chưa có nhận xét của đơn vị cũ")
        parts.append(gettext("chuyển từ %(unit)s (%(months)s; %(comment)s)") % {"unit": w.transfer_from, "months": months,
                                                                                 "comment": comment})
    if w.note:
        parts.append(w.note)
    return "; ".join(parts)


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
