"""The older regimes told apart (issue 12, point 1) and the facts of a working year (point 2).

The single regime "until 31/12/2023" becomes NĐ 65/2014/NĐ-CP (until 30/9/2017) and NĐ 91/2017/NĐ-CP (1/10/2017 to
31/12/2023); the parameters that cited the 2022 law (or NĐ 91/2017) for older years are split so that each check
cites the text of the regime it applied; new parameters: days off (NĐ 65/2014), maternity leave, contract time,
training, transfer, one initiative for one award, a late proposal. From data/catalogue.json. A key whose rows an
administrator changed (they differ from the shipped rows below) is left alone; new keys are added where missing.
"""

import datetime as dt
import json

from django.db import migrations

# The rows shipped before this migration (valid_from, valid_to, value, legal_basis), by key.
SHIPPED = {
    'cstdcs.combine': json.loads('[["1990-01-01", "2023-12-31", "initiative", "Điều 23 Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2013); Nghị định 91/2017/NĐ-CP"], ["2024-01-01", null, "or", "Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'cstdcs.initiative_scopes': json.loads('[["1990-01-01", null, ["CO_SO", "TINH", "TOAN_QUOC"], "Điều 23 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'cstd_tinh.initiative_scopes': json.loads('[["1990-01-01", null, ["TINH", "TOAN_QUOC"], "Điều 22 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'cstd_tq.initiative_scopes': json.loads('[["1990-01-01", null, ["TOAN_QUOC"], "Điều 21 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'collective.member_discipline_from': json.loads('[["1990-01-01", null, "CANH_CAO", "Điều 27, Điều 28 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldtt.min_rating': json.loads('[["1990-01-01", null, "HTTNV", "Điều 28 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldtt.ldtt_share': json.loads('[["1990-01-01", null, {"percent": 50, "strict": true}, "Điều 28 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldtt.max_members_disciplined': json.loads('[["1990-01-01", null, 0, "Điều 28 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldxs.min_rating': json.loads('[["1990-01-01", null, "HTXSNV", "Điều 27 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldxs.completed_share': json.loads('[["1990-01-01", null, {"percent": 100, "strict": false}, "Điều 27 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldxs.ldtt_share': json.loads('[["1990-01-01", null, {"percent": 70, "strict": false}, "Điều 27 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldxs.min_cstdcs': json.loads('[["1990-01-01", null, 1, "Điều 27 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'ttldxs.max_members_disciplined': json.loads('[["1990-01-01", null, 0, "Điều 27 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'discipline.blocks_from': json.loads('[["1990-01-01", "2023-12-31", "KHIEN_TRACH", "Nghị định 91/2017/NĐ-CP"], ["2024-01-01", "2025-06-30", "KHIEN_TRACH", "Điều 4 Nghị định 98/2023/NĐ-CP"], ["2025-07-01", null, "KHIEN_TRACH", "Điều 4 Nghị định 152/2025/NĐ-CP"]]'),
    'cstdcs.quota.enabled': json.loads('[["1990-01-01", "2023-12-31", true, "Nghị định 91/2017/NĐ-CP"], ["2024-01-01", null, false, "Quy định địa phương (không có trong văn bản quốc gia từ 2024)"]]'),
    'cstdcs.quota.percent': json.loads('[["1990-01-01", "2023-12-31", 15, "Nghị định 91/2017/NĐ-CP"], ["2024-01-01", null, 15, "Quy định địa phương (không có trong văn bản quốc gia từ 2024)"]]'),
    'bk_tinh.cstdcs_chain_years': json.loads('[["1990-01-01", "2023-12-31", 2, "Điều 39 Nghị định 91/2017/NĐ-CP"], ["2024-01-01", null, 2, "Điểm d khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_tinh.htxsnv_years': json.loads('[["1990-01-01", "2023-12-31", 2, "Điều 39 Nghị định 91/2017/NĐ-CP"], ["2024-01-01", null, 2, "Điểm d khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_tinh.initiatives': json.loads('[["1990-01-01", "2023-12-31", 2, "Điều 39 Nghị định 91/2017/NĐ-CP"], ["2024-01-01", null, 2, "Điểm d khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_tinh.initiative_scopes': json.loads('[["1990-01-01", null, ["CO_SO", "TINH", "TOAN_QUOC"], "Điểm d khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_ttg.prior_award': json.loads('[["1990-01-01", "2023-12-31", "BK_TINH", "Điểm c khoản 1 Điều 23 Nghị định 91/2017/NĐ-CP (và Nghị định 65/2014/NĐ-CP)"], ["2024-01-01", null, "BK_TINH", "Điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_ttg.rating_years': json.loads('[["1990-01-01", "2023-12-31", 5, "Điểm c khoản 1 Điều 23 Nghị định 91/2017/NĐ-CP (và Nghị định 65/2014/NĐ-CP)"], ["2024-01-01", null, 5, "Điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_ttg.min_rating': json.loads('[["1990-01-01", "2023-12-31", "HTXSNV", "Điểm c khoản 1 Điều 23 Nghị định 91/2017/NĐ-CP (và Nghị định 65/2014/NĐ-CP)"], ["2024-01-01", null, "HTTNV", "Điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_ttg.cstdcs': json.loads('[["1990-01-01", "2023-12-31", 0, "Điểm c khoản 1 Điều 23 Nghị định 91/2017/NĐ-CP (và Nghị định 65/2014/NĐ-CP)"], ["2024-01-01", null, 3, "Điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_ttg.initiatives': json.loads('[["1990-01-01", "2023-12-31", 5, "Điểm c khoản 1 Điều 23 Nghị định 91/2017/NĐ-CP (và Nghị định 65/2014/NĐ-CP)"], ["2024-01-01", null, 0, "Điểm b khoản 1 Điều 73 Luật Thi đua, khen thưởng số 06/2022/QH15"]]'),
    'bk_ttg.initiative_scopes': json.loads('[["1990-01-01", null, ["CO_SO", "TINH", "TOAN_QUOC"], "Điểm c khoản 1 Điều 23 Nghị định 91/2017/NĐ-CP (và Nghị định 65/2014/NĐ-CP)"]]'),
}

NEW_KEYS = ("ldtt.max_days_off", "ldtt.maternity_counts_as_work", "ldtt.contract_time_counts", "ldtt.training_long_months",
            "ldtt.training_min_result", "training.result_order", "ldtt.transfer_comment_months", "initiative.one_award",
            "proposal.late_needs_review")


def _day(value):
    return dt.date.fromisoformat(value) if value else None


def _create(Setting, item):
    Setting.objects.create(key=item["key"], value=item["value"], valid_from=_day(item["valid_from"]),
                           valid_to=_day(item.get("valid_to")), legal_basis=item.get("legal_basis", ""),
                           needs_verification=bool(item.get("needs_verification")), local_option=bool(item.get("local_option")),
                           description=item.get("description", ""))


def load(apps, schema_editor):
    from tdkt.law.catalogue import clear_cache, read_file

    Document, Regime, Setting = (apps.get_model("law", n) for n in ("LegalDocument", "Regime", "Setting"))
    data = read_file()
    for item in data["documents"]:
        if not Document.objects.filter(code=item["code"]).exists():
            Document.objects.create(code=item["code"], number=item["number"], title=item["title"], issued_on=_day(item.get("issued_on")),
                                    note=item.get("note", ""), legal_basis=item.get("legal_basis", ""),
                                    needs_verification=bool(item.get("needs_verification")))
    regimes = {r["code"]: r for r in data["regimes"]}
    old = Regime.objects.filter(code="LUAT_2003", valid_from=dt.date(1990, 1, 1)).first()
    if old is not None and not Regime.objects.filter(code__in=("ND65_2014", "ND91_2017")).exists():
        for code, target in (("ND91_2017", old), ("ND65_2014", Regime(active=True))):
            item = regimes[code]
            target.code, target.name, target.legal_basis = code, item["name"], item["legal_basis"]
            target.valid_from, target.valid_to = _day(item["valid_from"]), _day(item.get("valid_to"))
            target.needs_verification = bool(item.get("needs_verification"))
            target.save()
            target.documents.set(Document.objects.filter(code__in=item["documents"]))
    for key, shipped in SHIPPED.items():
        rows = Setting.objects.filter(key=key, regime__isnull=True)
        have = sorted([r.valid_from.isoformat(), r.valid_to.isoformat() if r.valid_to else None, r.value, r.legal_basis] for r in rows)
        if have == sorted(shipped):  # as shipped: replaced by the file's rows
            rows.delete()
            for item in data["settings"]:
                if item["key"] == key and not item.get("regime"):
                    _create(Setting, item)
    for item in data["settings"]:
        if item["key"] in NEW_KEYS and not item.get("regime") and not Setting.objects.filter(
                key=item["key"], valid_from=_day(item["valid_from"]), regime__isnull=True).exists():
            _create(Setting, item)
    clear_cache()


class Migration(migrations.Migration):
    dependencies = [("law", "0007_ldtt_ten_months_nd91")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
