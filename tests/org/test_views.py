from django.urls import reverse


def test_it_shows_the_tree_of_the_scope_with_kinds(client, officer_a):
    client.force_login(officer_a)
    body = client.get(reverse("org:unit_tree")).content.decode()
    assert "Phường Đống Đa" in body and "Trường THCS Đống Đa" in body
    assert "Xã, phường, đặc khu" in body and "Trường học" in body
    assert "Phường Láng" not in body


def test_it_marks_dissolved_units_with_date_and_successors(client, admin):
    client.force_login(admin)
    body = client.get(reverse("org:unit_tree")).content.decode()
    assert "Quận Đống Đa" in body
    assert "đã giải thể ngày 30/06/2025" in body
    assert "kế thừa: Phường Đống Đa, Phường Láng" in body


def test_it_shows_a_unit_with_its_people_children_and_predecessor(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(reverse("org:unit_detail", args=[tree.ward_a.pk]))
    body = response.content.decode()
    assert response.context["people_direct"] == 2
    assert response.context["people_subtree"] == 3
    assert "Trường THCS Đống Đa" in body
    assert "Quận Đống Đa" in body and "đã giải thể ngày 30/06/2025" in body


def test_it_hides_the_people_link_from_roles_without_ledger_access(client, council_member, tree):
    client.force_login(council_member)
    body = client.get(reverse("org:unit_detail", args=[tree.ward_a.pk])).content.decode()
    assert reverse("records:people_list") not in body


def test_it_builds_the_tree_in_a_fixed_number_of_queries(client, admin, django_assert_max_num_queries):
    client.force_login(admin)
    with django_assert_max_num_queries(7):  # 6, and the bell's unread count (core.context_processors.notifications)
        assert client.get(reverse("org:unit_tree")).status_code == 200
