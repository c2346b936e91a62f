"""The demo's emulation cluster of the five wards and the block of Đống Đa's schools, by year."""

from __future__ import annotations

from tdkt.org.models import Cluster, ClusterMembership, UnitKind


def generate(d) -> None:
    province, wards, level1, meta = d.province, d.wards, d.level1, d.meta
    cluster = Cluster.objects.create(name="Cụm thi đua số 3 - các phường khu vực Đống Đa", kind="cum", organizer=province)
    rotation = {2025: "phuong_lang", 2026: "phuong_dong_da"}
    members = []
    for year, head in rotation.items():
        heads = [w.code for w in wards]
        deputy = heads[(heads.index(head) + 1) % len(heads)]
        for ward in wards:
            role = "head" if ward.code == head else "deputy" if ward.code == deputy else "member"
            members.append(ClusterMembership(cluster=cluster, unit=ward, year=year, role=role))
    dong_da = wards[0]
    schools = [u for u, (w, bp) in zip(level1, meta) if w.pk == dong_da.pk and bp is not None and bp.kind == UnitKind.SCHOOL]
    block = Cluster.objects.create(name="Khối thi đua các trường học phường Đống Đa", kind="khoi", organizer=dong_da)
    for i, year in enumerate((2025, 2026)):
        for j, school in enumerate(schools):
            role = "head" if j == (i + 2) % len(schools) else "member"
            members.append(ClusterMembership(cluster=block, unit=school, year=year, role=role))
    ClusterMembership.objects.bulk_create(members)

    d.dong_da = dong_da
