"""The records app in the shell: the people and import menu entries, the ledger figures of the home page, and the
abilities it gives each role."""

from django.db.models import Count
from django.utils import timezone

from tdkt.accounts import roles
from tdkt.core import registry
from tdkt.law import vocabulary as vocab


def _home(request):
    from tdkt.law.catalogue import load_catalogue
    from tdkt.org.selectors import people_visible_to

    from . import catalogue
    from .models import AwardRecord, YearRating

    user = request.user
    if not user.has_perm("org.view_people"):
        return None
    year = timezone.localdate().year - 1
    people = people_visible_to(user)
    counts = dict(YearRating.objects.filter(person__in=people, year=year).values_list("rating").annotate(n=Count("id"))
                  .values_list("rating", "n"))
    ratings = [(code, vocab.label(vocab.Rating, code), counts.get(code, 0)) for code in catalogue.ordered("rating.order", year)]
    awards = (AwardRecord.objects.filter(person__in=people, year=year, revocation__isnull=True).values("award_code")
              .annotate(n=Count("id")).order_by("-n", "award_code"))
    names = {code: award.name for code, award in load_catalogue().awards.items()}
    return {"year": year, "people_count": people.count(), "ratings": ratings,
            "awards": [(a["award_code"], names.get(a["award_code"], a["award_code"]), a["n"]) for a in awards]}


def _unit_panel(request, unit):
    from .collective import panel_context

    return panel_context(request, unit)


registry.nav(registry.NavEntry(key="people", label="Cá nhân", url_name="records:people_list", order=30, permission="org.view_people",
                               match=("records:people_list", "records:person_detail", "records:rating_record", "records:award_add",
                                      "records:award_correct", "records:discipline_add", "records:initiative_add",
                                      "records:entry_withdraw", "org_edit:person_create", "org_edit:person_edit",
                                      "org_edit:person_move")))
registry.nav(registry.NavEntry(key="import", label="Nhập lịch sử", url_name="records:history_import", order=50,
                               permission="records.import_history", match=("records:history_import",)))
registry.panel(registry.Panel(key="unit_eligibility", place="unit", order=10, template="records/_unit_eligibility.html",
                              context=lambda request, unit: _unit_panel(request, unit)))
registry.section(registry.HomeSection(key="ledger", order=20, template="records/_home.html", context=_home))
registry.ability(registry.Ability(text="Xem cây đơn vị và danh sách cá nhân trong phạm vi được giao.", roles=roles.LEDGER_READERS,
                                  links=("units", "people"), order=10))
registry.ability(registry.Ability(text="Xem hồ sơ thành tích từng cá nhân và kiểm tra điều kiện khen thưởng kèm căn cứ pháp lý.",
                                  roles=roles.LEDGER_READERS, links=("people",), order=20))
registry.ability(registry.Ability(text="Thêm cá nhân mới, sửa thông tin, chuyển đơn vị; ghi xếp loại, khen thưởng, kỷ luật, sáng kiến "
                                       "ngay trên hồ sơ (mọi thay đổi được ghi nhật ký).", roles=roles.LEDGER_EDITORS,
                                  links=("people",), order=25))
registry.ability(registry.Ability(text="Nhập lịch sử thành tích từ tệp Excel hoặc JSON.", roles=roles.LEDGER_EDITORS,
                                  links=("import",), order=30))
