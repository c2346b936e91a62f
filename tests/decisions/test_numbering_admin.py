"""The issuers' numbering settings in the admin (decisions.admin over core.IssuerNumbering): an administrator sets the
abbreviation and the scheme of a unit through the audited service; a wrong abbreviation is a Vietnamese form error."""

from django.urls import reverse

from tdkt.core.models import AuditEvent, IssuerNumbering


def test_an_administrator_sets_a_units_abbreviation_in_the_admin(client, tree, personas):
    client.force_login(personas["admin"])
    url = reverse("admin:core_issuernumbering_add")
    assert client.get(url).status_code == 200
    wrong = client.post(url, data={"unit": tree.ward_a.pk, "abbreviation": "ub nd", "scheme": "per_type"})
    assert "Chữ viết tắt tên cơ quan gồm chữ in hoa" in wrong.content.decode() and not IssuerNumbering.objects.exists()
    done = client.post(url, data={"unit": tree.ward_a.pk, "abbreviation": "UBND", "scheme": "shared"})
    assert done.status_code == 302
    row = IssuerNumbering.objects.get()
    assert (row.issuer_name, row.abbreviation, row.scheme) == ("Phường Đống Đa", "UBND", "shared")
    assert AuditEvent.objects.filter(action="core.numbering_profile.set", actor=personas["admin"]).count() == 1
    assert client.get(reverse("admin:core_issuernumbering_change", args=[row.pk])).status_code == 200
