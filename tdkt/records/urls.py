from django.urls import path

from . import views

app_name = "records"

urlpatterns = [
    path("ca-nhan/", views.people_list, name="people_list"),
    path("ca-nhan/<int:pk>/", views.person_detail, name="person_detail"),
    path("ca-nhan/<int:pk>/dieu-kien/", views.person_eligibility, name="person_eligibility"),
    path("nhap-lich-su/", views.history_import, name="history_import"),
    path("nhap-lich-su/mau.xlsx", views.history_import_template, name="history_import_template"),
]
