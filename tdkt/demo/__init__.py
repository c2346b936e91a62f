"""Deterministic demo data: Hà Nội's wards, the dissolved Quận Đống Đa, five wards' agencies, schools, people
and five years of history, clusters, councils and the demo accounts (`loader.load`). On top of every app:
nothing imports it."""
