"""The demo's history 2021–2025: ratings, awards (by the dissolved district until 2024), disciplines,
initiatives, the collectives' titles, the villages' and households' cultural titles."""

from __future__ import annotations

import datetime as dt

from tdkt.org.models import Household, Unit, UnitKind
from tdkt.records.models import AwardRecord, AwardSource, Discipline, Initiative, WorkYear, YearRating
from tdkt.records.services import issuer_display_name

from .base import INITIATIVE_TITLES, STREETS, YEARS


def generate(d) -> None:
    """The ledger, written in bulk as imported history (AwardSource.IMPORTED)."""
    g, rng, people, placement, named = d.g, d.rng, d.people, d.placement, d.named
    province, district, level1, meta, teams, team_meta = d.province, d.district, d.level1, d.meta, d.teams, d.team_meta
    villages, old_wards_of = d.villages, d.old_wards_of
    # --- History 2021–2025 ---------------------------------------------------------------------------
    ratings, awards, disciplines, initiatives = [], [], [], []
    ward_of = {p.pk: w for p, (_, w) in zip(people, placement)}

    def issuer_for(ward: Unit, year: int) -> Unit:
        return district if year < 2025 else ward

    def decision_date(year: int, issuer: Unit, month: int = 1) -> dt.date:
        # Titles of year Y are decided early in Y+1: by the district until 2024, by the ward for 2025.
        return dt.date(year + 1, month, 10 + rng.randrange(15))

    def award(person, code, year, issuer, month=1):
        awards.append(AwardRecord(source=AwardSource.IMPORTED,
            person=person, award_code=code, year=year, decision_number=g.decision_number(issuer, year, code),
            decision_date=decision_date(year, issuer, month), issuer=issuer, issuer_name=issuer_display_name(issuer),
        ))

    specials = {named.get("ha"), named.get("hung")}
    for person in people:
        if person in specials:
            continue
        ward = ward_of[person.pk]
        quality = rng.random()
        disciplined_year = None
        if rng.random() < 0.012:
            disciplined_year = rng.choice(YEARS)
            start = dt.date(disciplined_year, rng.randint(1, 9), rng.randint(1, 28))
            form = "CANH_CAO" if rng.random() < 0.3 else "KHIEN_TRACH"
            disciplines.append(Discipline(person=person, form=form, start=start, end=start.replace(year=start.year + 1) - dt.timedelta(days=1),
                                          decision_number=f"{rng.randrange(10, 300)}/QĐ-KL", reason="Vi phạm quy chế làm việc"))
        cstdcs_years = []
        for year in YEARS:
            if person.joined_on > dt.date(year, 12, 31):
                continue
            blocked = disciplined_year == year
            roll = rng.random()
            if blocked:
                rating = "HTNV" if roll < 0.8 else "KHTNV"
            elif roll < 0.05 + 0.3 * quality:
                rating = "HTXSNV"
            elif roll < 0.9:
                rating = "HTTNV"
            elif roll < 0.985:
                rating = "HTNV"
            else:
                rating = "KHTNV"
            ratings.append(YearRating(person=person, year=year, rating=rating))
            has_initiative = rating == "HTXSNV" and rng.random() < 0.55
            if has_initiative:
                scope = "TINH" if rng.random() < 0.08 else "CO_SO"
                initiatives.append(Initiative(person=person, year=year, title=rng.choice(INITIATIVE_TITLES), scope=scope,
                                              recognised_on=dt.date(year, 11, rng.randint(1, 28)),
                                              decision_number=f"{rng.randrange(20, 400)}/QĐ-HĐSK"))
            six_months = person.joined_on <= dt.date(year, 6, 30)
            if rating in ("HTXSNV", "HTTNV") and not blocked and six_months:
                issuer = issuer_for(ward, year)
                award(person, "LDTT", year, issuer)
                if rating == "HTXSNV" and (has_initiative or rng.random() < 0.2):
                    award(person, "CSTDCS", year, issuer)
                    cstdcs_years.append(year)
                elif rng.random() < 0.06:
                    award(person, "GIAY_KHEN", year, issuer)
        # Province-level chains, decided in spring after the year (not yet for 2025: that round is open).
        for year in (2023, 2024):
            if {year - 2, year - 1, year} <= set(cstdcs_years) and rng.random() < 0.7:
                initiatives.append(Initiative(person=person, year=year, title=rng.choice(INITIATIVE_TITLES), scope="TINH",
                                              recognised_on=dt.date(year, 12, 5), decision_number=f"{rng.randrange(1000, 6000)}/QĐ-UBND"))
                award(person, "CSTD_TINH", year, province, month=4)
                break
        for year in (2022, 2023, 2024):
            if {year - 1, year} <= set(cstdcs_years) and rng.random() < 0.25:
                award(person, "BK_TINH", year, province, month=3)
                break

    # The two named people.
    ha, hung = named.get("ha"), named.get("hung")
    if ha is not None:
        ward = ward_of[ha.pk]
        for year in YEARS:
            ratings.append(YearRating(person=ha, year=year, rating="HTXSNV"))
            award(ha, "LDTT", year, issuer_for(ward, year))
            award(ha, "CSTDCS", year, issuer_for(ward, year))
        award(ha, "BK_TINH", 2022, province, month=3)
        for year, scope, title in [(2021, "CO_SO", "Thí nghiệm Vật lý với vật liệu tái chế"),
                                   (2022, "CO_SO", "Học liệu số môn Khoa học tự nhiên lớp 6"),
                                   (2023, "CO_SO", "Phòng thí nghiệm ảo cho học sinh THCS"),
                                   (2024, "TINH", "Mô hình STEM liên môn cho các trường THCS của Thành phố"),
                                   (2025, "TINH", "Ngân hàng đề kiểm tra đánh giá năng lực môn Khoa học tự nhiên")]:
            initiatives.append(Initiative(person=ha, year=year, title=title, scope=scope, recognised_on=dt.date(year, 11, 20),
                                          decision_number=f"{17 + year % 100}/QĐ-{'HĐSK' if scope == 'CO_SO' else 'SGDĐT'}"))
    if hung is not None:
        ward = ward_of[hung.pk]
        for year in YEARS:
            ratings.append(YearRating(person=hung, year=year, rating="HTNV" if year == 2025 else "HTTNV"))
            if year < 2025:
                award(hung, "LDTT", year, issuer_for(ward, year))
        disciplines.append(Discipline(person=hung, form="KHIEN_TRACH", start=dt.date(2025, 3, 10), end=dt.date(2026, 3, 9),
                                      decision_number="45/QĐ-UBND", reason="Chậm giải quyết hồ sơ đất đai quá thời hạn"))

    # Collectives: agencies, schools, teams and the health stations.
    collectives = [u for u, (w, bp) in zip(level1, meta) if bp is not None] + teams
    collective_ward = {u.pk: w for u, (w, bp) in zip(level1, meta)} | {t.pk: m[0] for t, m in zip(teams, team_meta)}
    for unit in collectives:
        ward = collective_ward[unit.pk]
        for year in YEARS:
            if unit.valid_from and unit.valid_from > dt.date(year, 12, 31):
                continue
            rating = "HTXSNV" if rng.random() < 0.35 else "HTTNV"
            ratings.append(YearRating(unit=unit, year=year, rating=rating))
            issuer = issuer_for(ward, year)
            if rating == "HTXSNV" and unit.kind == UnitKind.SCHOOL and year < 2025 and rng.random() < 0.5:
                awards.append(AwardRecord(source=AwardSource.IMPORTED, unit=unit, award_code="TTLDXS", year=year, issuer=province, issuer_name=issuer_display_name(province),
                                          decision_number=g.decision_number(province, year, "TTLDXS"), decision_date=dt.date(year + 1, 4, 20)))
            elif rng.random() < 0.8:
                awards.append(AwardRecord(source=AwardSource.IMPORTED, unit=unit, award_code="TTLDTT", year=year, issuer=issuer, issuer_name=issuer_display_name(issuer),
                                          decision_number=g.decision_number(issuer, year, "TTLDTT"), decision_date=decision_date(year, issuer)))

    # Villages and households: cultural titles, decided before 1/7/2025 by the old ward's chairman.
    households = []
    for village in villages:
        ward = village.parent
        olds = old_wards_of.get(ward.pk) or [district]
        old_issuer = olds[int(village.code[-2:]) % len(olds)]
        for _ in range(max(1, round(6 * g.size))):
            households.append(Household(
                head_name=g.name("M" if rng.random() < 0.6 else "F"), village=village, members=rng.randint(1, 7),
                address=f"Số {rng.randint(1, 200)} ngõ {rng.randint(1, 300)} phố {rng.choice(STREETS)}",
            ))
        for year in YEARS:
            issuer = old_issuer if year < 2025 else ward
            if rng.random() < 0.85:
                awards.append(AwardRecord(source=AwardSource.IMPORTED, unit=village, award_code="THON_VH", year=year, issuer=issuer, issuer_name=issuer_display_name(issuer),
                                          decision_number=g.decision_number(issuer, year, "THON_VH"), decision_date=dt.date(year, 12, 20)))
    Household.objects.bulk_create(households, batch_size=500)
    for household in households:
        ward = household.village.parent
        olds = old_wards_of.get(ward.pk) or [district]
        old_issuer = olds[int(household.village.code[-2:]) % len(olds)]
        for year in YEARS:
            if rng.random() < 0.8:
                issuer = old_issuer if year < 2025 else ward
                awards.append(AwardRecord(source=AwardSource.IMPORTED, household=household, award_code="GDVH", year=year, issuer=issuer,
                                          issuer_name=issuer_display_name(issuer),
                                          decision_number=g.decision_number(issuer, year, "GDVH"), decision_date=dt.date(year, 12, 20)))

    YearRating.objects.bulk_create(ratings, batch_size=1000)
    AwardRecord.objects.bulk_create(awards, batch_size=1000)
    Discipline.objects.bulk_create(disciplines, batch_size=500)
    Initiative.objects.bulk_create(initiatives, batch_size=500)
    working_years(d, people, ward_of, named, awards, initiatives)

    d.ward_of, d.ratings, d.awards, d.disciplines, d.initiatives, d.households = ward_of, ratings, awards, disciplines, initiatives, households


def working_years(d, people, ward_of, named, awards, initiatives) -> None:
    """The facts of a working year for some people of Phường Đống Đa (the demo officer's ward), and the awards the
    initiatives grounded, so that the profile's panel shows them and asks for what is missing: a transfer without the
    old unit's comment, maternity leave, a long course, a contract before recruitment. A random generator of its own,
    so that the rest of the demo does not change."""
    import random

    rng = random.Random(d.g.seed + 12)
    # Under the 2003 law a CSTĐCS was grounded by the year's initiative: that initiative cannot ground another award.
    cstdcs = {(a.person_id, a.year): a for a in awards if a.award_code == "CSTDCS" and a.person_id and a.year <= 2023}
    used = []
    for i in initiatives:
        award = cstdcs.get((i.person_id, i.year))
        if award is not None and i.scope == "CO_SO":
            i.used_for = award
            used.append(i)
    Initiative.objects.bulk_update(used, ["used_for"], batch_size=500)
    ha = named.get("ha")
    in_ward = [p for p in people if ward_of[p.pk].code == "phuong_dong_da" and p is not ha and p is not named.get("hung")]
    # People rated well in 2025, so that the fact of the year, not the rating, decides their LĐTT.
    rated = set(YearRating.objects.filter(year=2025, rating__in=("HTXSNV", "HTTNV"), person__in=[p.pk for p in in_ward])
                .values_list("person_id", flat=True))
    local = [p for p in in_ward if p.joined_on is not None and p.joined_on.year < 2024 and p.pk in rated]
    if len(local) < 3:
        return
    moved, mother, student = rng.sample(local, 3)
    rows = [
        WorkYear(person=moved, year=2025, days_off=4, transfer_from="Phường Kim Liên", transfer_months=7, transfer_comment=False,
                 note="Chuyển đến từ tháng 8/2025"),
        WorkYear(person=mother, year=2025, days_off=130, maternity_days=126, note="Nghỉ thai sản từ tháng 3/2025"),
        WorkYear(person=student, year=2025, days_off=0, training_months=14, training_result="KHA",
                 note="Học cao cấp lý luận chính trị tập trung"),
    ]
    WorkYear.objects.bulk_create(rows)
    # Recruited late in 2025 after a labour contract at the ward since February: the contract time counts.
    late = [p for p in in_ward if p.joined_on is not None and p.joined_on > dt.date(2025, 7, 1)]
    if late:
        newcomer = rng.choice(late)
        newcomer.service_start = dt.date(2025, 2, 1)
        newcomer.save(update_fields=["service_start"])
