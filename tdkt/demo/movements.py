"""The demo's movement: Phường Đống Đa's thematic movement of the year (chào mừng Ngày Giải phóng Thủ đô), launched by
the ward's officer (`canbo.dongda`) for three of its units, with two registrations: the school's approved by the ward,
the other submitted and waiting for the officer's approval (it shows on the officer's home page); the third unit has
not registered yet (the reminder button). Everything goes through the movements services, acting as the demo accounts."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tdkt.movements import services
from tdkt.movements.models import Anniversary
from tdkt.org.models import Person, Unit

CRITERIA = [
    {"text": "Hoàn thành xuất sắc nhiệm vụ chính trị, chuyên môn được giao trong năm", "mandatory": True, "points": 40,
     "evidence": "Báo cáo tổng kết năm của đơn vị"},
    {"text": "Có ít nhất một sáng kiến, giải pháp cải cách hành chính, chuyển đổi số được áp dụng", "mandatory": True, "points": 30,
     "evidence": "Quyết định công nhận sáng kiến"},
    {"text": "Tổ chức hoạt động chào mừng ngày lễ lớn của Thủ đô và đất nước", "mandatory": False, "points": 30, "evidence": ""},
]


def generate(d) -> None:
    users = d.users
    ward = d.dong_da
    today = timezone.localdate()
    units = list(Unit.objects.filter(parent=ward, valid_to__isnull=True).order_by("path")[:3])
    if len(units) < 2:
        d.movements = []
        return
    anniversary = Anniversary.objects.filter(month=10, day=10).first()
    movement = services.movement_create(
        actor=users["canbo.dongda"], unit=ward, kind="thematic",
        name=f"Phong trào thi đua “Chuyển đổi số, cải cách hành chính” chào mừng Ngày Giải phóng Thủ đô năm {today.year}",
        slogan="Đoàn kết, sáng tạo, thi đua lập thành tích", purpose="Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm "
        f"{today.year}, lập thành tích chào mừng các ngày lễ lớn của Thủ đô và đất nước.",
        starts_on=today - dt.timedelta(days=30), ends_on=today + dt.timedelta(days=150),
        registration_deadline=today + dt.timedelta(days=20), targets=units, planned_awards=["GIAY_KHEN", "LDTT", "CSTDCS"],
        anniversary=anniversary, criteria=CRITERIA)
    for index, unit in enumerate(units[:2]):
        registration = services.registration_start(actor=users["canbo.dongda"], movement=movement, unit=unit)
        person = Person.objects.filter(unit=unit).order_by("name_sort_key", "id").first()
        titles = [("GIAY_KHEN", None)] + ([("LDTT", person)] if person else [])
        services.registration_save(actor=users["canbo.dongda"], registration=registration,
                                   targets={c.pk: t for c, t in zip(movement.criteria.all(), ("100% nhiệm vụ", "02 sáng kiến",
                                                                                              "03 hoạt động"), strict=True)},
                                   titles=titles, note="Đơn vị đăng ký thi đua theo kế hoạch của phường.")
        services.registration_submit(actor=users["canbo.dongda"], registration=registration)
        if index == 0:
            services.registration_approve(actor=users["truongphong"], registration=registration)
    d.movements = [movement]
