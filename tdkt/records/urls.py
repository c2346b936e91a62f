from django.urls import path

from . import collective, editing, views

app_name = "records"

urlpatterns = [
    path("ca-nhan/", views.people_list, name="people_list"),
    path("ca-nhan/xuat-excel/", views.people_export, name="people_export"),
    path("ca-nhan/<int:pk>/", views.person_detail, name="person_detail"),
    path("ca-nhan/<int:pk>/dieu-kien/", views.person_eligibility, name="person_eligibility"),
    path("ca-nhan/<int:pk>/xep-loai/", editing.rating_record, name="rating_record"),
    path("ca-nhan/<int:pk>/khen-thuong/", editing.award_add, name="award_add"),
    path("ca-nhan/<int:pk>/khen-thuong/<int:award_id>/dinh-chinh/", editing.award_correct, name="award_correct"),
    path("ca-nhan/<int:pk>/ky-luat/", editing.discipline_add, name="discipline_add"),
    path("ca-nhan/<int:pk>/sang-kien/", editing.initiative_add, name="initiative_add"),
    path("ca-nhan/<int:pk>/nam-cong-tac/", editing.work_year_record, name="work_year_record"),
    path("ca-nhan/<int:pk>/sang-kien/<int:initiative_id>/can-cu/", editing.initiative_use, name="initiative_use"),
    path("ca-nhan/<int:pk>/go-bo/<str:kind>/<int:entry_id>/", editing.entry_withdraw, name="entry_withdraw"),
    path("don-vi/<int:pk>/xep-loai/", editing.unit_rating_record, name="unit_rating_record"),
    path("don-vi/<int:pk>/dieu-kien/", collective.unit_eligibility, name="unit_eligibility"),
    path("nhap-lich-su/", views.history_import, name="history_import"),
    path("nhap-lich-su/mau.xlsx", views.history_import_template, name="history_import_template"),
]
