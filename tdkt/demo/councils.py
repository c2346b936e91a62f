"""The demo's councils: the TĐKT council of Phường Đống Đa (its members' accounts receive the council roles
through org.councils) and the initiative council."""

from __future__ import annotations

import datetime as dt

from tdkt.org.councils import council_create, council_member_add


def generate(d) -> None:
    actor, people, named, users, ward_of, dong_da = d.actor, d.people, d.named, d.users, d.ward_of, d.dong_da
    start = dt.date(2025, 7, 15)
    council = council_create(actor=actor, name="Hội đồng Thi đua - Khen thưởng phường Đống Đa", kind="tdkt", unit=dong_da,
                             established_on=start, decision_number="25/QĐ-UBND")
    leaders = {p.position: p for p in people if ward_of[p.pk].pk == dong_da.pk and p.is_leader}
    rows = [
        (named.get("chutich"), users["chutich"], "chair", "Chủ tịch UBND phường"),
        (named.get("truongphong"), users["truongphong"], "standing_vice", "Chánh Văn phòng HĐND và UBND phường"),
        (named.get("cumtruong"), users["cumtruong"], "vice", "Phó Chủ tịch UBND phường"),
        (named.get("hoidong"), users["hoidong"], "member", "Trưởng phòng Văn hóa - Xã hội"),
    ]
    for title in ("Trưởng phòng Kinh tế - Hạ tầng và Đô thị", "Giám đốc Trung tâm", "Trạm trưởng", "Hiệu trưởng"):
        if title in leaders:
            rows.append((leaders[title], None, "member", title))
    rows.append((named.get("thuky"), users["thuky"], "secretary", "Chuyên viên Văn phòng HĐND và UBND phường"))
    members = [council_member_add(actor=actor, council=council, person=p, user=u, title=t, role=r, start=start)
               for p, u, r, t in rows]
    initiative_council = council_create(actor=actor, name="Hội đồng sáng kiến phường Đống Đa", kind="sang_kien", unit=dong_da,
                                        established_on=dt.date(2025, 8, 1), decision_number="41/QĐ-UBND")
    sk_rows = [(named.get("cumtruong"), users["cumtruong"], "chair", "Phó Chủ tịch UBND phường")]
    for person in [p for p in people if ward_of[p.pk].pk == dong_da.pk and p.position == "Hiệu trưởng"]:
        sk_rows.append((person, None, "member", f"Hiệu trưởng {person.unit.name.removeprefix('Trường ')}"))
    sk_rows.append((named.get("bientap"), users["bientap"], "secretary", "Chuyên viên Phòng Văn hóa - Xã hội"))
    members += [council_member_add(actor=actor, council=initiative_council, person=p, user=u, title=t, role=r,
                                   start=dt.date(2025, 8, 1)) for p, u, r, t in sk_rows]
    d.council_members = members
