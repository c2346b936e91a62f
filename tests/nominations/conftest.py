import datetime as dt

import pytest

from tdkt.core.actors import system_actor
from tdkt.nominations import services


@pytest.fixture
def round_a(tree):
    """The year-end round of Phường Đống Đa (ward A) for the tree's last year."""
    return services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=tree.year, kind="ANNUAL",
                               title=f"Khen thưởng tổng kết năm {tree.year}", awards=["LDTT", "CSTDCS", "GIAY_KHEN", "TTLDTT"],
                               intake_from=dt.date(tree.year, 11, 1), intake_to=dt.date(tree.year + 1, 12, 31))


def attach_components(dossier, officer):
    """One real PDF for each component the round requires (the dossier is then complete)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tdkt.nominations import work
    from tests.upload_samples import pdf_bytes

    for code in services.round_components(dossier.round.kind, dossier.round.year):
        work.attachment_add(actor=officer, dossier=dossier, file=SimpleUploadedFile(f"{code}.pdf", pdf_bytes(code)), component=code)


def appraise_all(dossier, appraiser):
    from tdkt.nominations import work

    for nominee in dossier.nominees.filter(withdrawn=False):
        work.appraisal_save(actor=appraiser, nominee=nominee, conclusion="eligible", version=None)


@pytest.fixture
def dossier_a(tree, round_a, officer_a):
    """A complete draft of the ward A school (every component attached) with Nguyễn Văn An proposed for CSTĐCS."""
    dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.school_a)
    services.nominee_add(actor=officer_a, dossier=dossier, person=tree.an, award_code="CSTDCS", summary="Giáo viên dạy giỏi")
    attach_components(dossier, officer_a)
    return dossier
