"""The anniversaries the plans greet (seed plan of Đống Đa 2025, III.1.2), editable in the admin afterwards."""

from django.db import migrations

ANNIVERSARIES = [
    ("Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam", 6, 1, 1946, "anniversary"),
    ("Ngày thành lập Đảng Cộng sản Việt Nam", 3, 2, 1930, "anniversary"),
    ("Ngày giải phóng miền Nam, thống nhất đất nước", 30, 4, 1975, "anniversary"),
    ("Ngày sinh của Chủ tịch Hồ Chí Minh", 19, 5, 1890, "birth"),
    ("Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc", 11, 6, 1948, "anniversary"),
    ("Ngày truyền thống Công an nhân dân Việt Nam", 19, 8, 1945, "anniversary"),
    ("Ngày hội Toàn dân bảo vệ an ninh Tổ quốc", 19, 8, 2005, "anniversary"),
    ("Ngày thành lập nước Việt Nam Dân chủ Cộng hòa, nay là nước Cộng hòa xã hội chủ nghĩa Việt Nam", 2, 9, 1945, "anniversary"),
    ("Ngày Giải phóng Thủ đô", 10, 10, 1954, "anniversary"),
]


def load(apps, schema_editor):
    Anniversary = apps.get_model("movements", "Anniversary")
    for name, day, month, year, kind in ANNIVERSARIES:
        Anniversary.objects.get_or_create(name=name, defaults={"day": day, "month": month, "founding_year": year, "kind": kind})


def unload(apps, schema_editor):
    Anniversary = apps.get_model("movements", "Anniversary")
    Anniversary.objects.filter(name__in=[a[0] for a in ANNIVERSARIES], movements__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("movements", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
