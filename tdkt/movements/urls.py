from django.urls import path

from . import views

app_name = "movements"

urlpatterns = [
    path("", views.index, name="index"),
    path("phat-dong/", views.movement_create, name="movement_create"),
    path("<int:pk>/", views.movement_detail, name="movement_detail"),
    path("<int:pk>/sua/", views.movement_edit, name="movement_edit"),
    path("<int:pk>/tieu-chi/", views.criterion_add, name="criterion_add"),
    path("<int:pk>/tieu-chi/<int:criterion_pk>/bo/", views.criterion_remove, name="criterion_remove"),
    path("<int:pk>/van-ban/", views.document_add, name="document_add"),
    path("<int:pk>/van-ban/<int:document_pk>/", views.document, name="document"),
    path("<int:pk>/nhac-dang-ky/", views.remind, name="remind"),
    path("<int:pk>/dang-ky/<int:unit_pk>/", views.registration_start, name="registration_start"),
    path("dang-ky/<int:pk>/", views.registration_detail, name="registration_detail"),
    path("dang-ky/<int:pk>/sua/", views.registration_edit, name="registration_edit"),
    path("dang-ky/<int:pk>/thao-tac/", views.registration_act, name="registration_act"),
]
