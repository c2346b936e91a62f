"""The documents app in the shell: the achievement report block on a person's page (records' "person" place) and what
it gives each role on the home page."""

from django.utils import timezone

from tdkt.accounts import roles
from tdkt.core import registry


def _person_panel(request, person):
    """The block's data: the individual titles and forms to propose, the last year, whether PDF can be made."""
    if not request.user.has_perm("records.view_ledger", person):
        return None
    from tdkt.law.catalogue import load_catalogue

    from .rendering import PDF_MISSING, pdf_available

    catalogue = load_catalogue()
    awards = [(code, catalogue.awards[code].name) for code in catalogue.individual_titles() if code in catalogue.awards]
    year = timezone.localdate().year - 1
    return {"person": person, "awards": awards, "year": year, "years": list(range(year, year - 6, -1)),
            "pdf": pdf_available(), "pdf_missing": PDF_MISSING}


registry.nav(registry.NavEntry(key="certificates", label="In giấy khen", url_name="documents:certificate_print", order=70,
                              permission="documents.print_certificates", match=("documents:certificate_print", "documents:job_detail")))
registry.panel(registry.Panel(key="achievement_report", place="person", order=50, template="documents/_achievement_panel.html",
                              context=_person_panel))
registry.ability(registry.Ability(text="Tải báo cáo thành tích của một cá nhân (Word hoặc PDF) điền sẵn từ hồ sơ thành tích, "
                                       "để bổ sung và trình ký.", links=("people",), roles=roles.LEDGER_READERS, order=60))
registry.ability(registry.Ability(text="In giấy khen, bằng khen theo một quyết định (lên phôi in sẵn hoặc giấy trắng), chạy nền có "
                                       "thanh tiến độ.", links=("certificates",), roles=roles.LEDGER_READERS, order=62))
registry.ability(registry.Ability(text="Thay mẫu văn bản (.docx) và căn chỉnh phôi giấy khen, bằng khen trong trang quản trị.",
                                  roles=roles.ADMINS, order=61))
