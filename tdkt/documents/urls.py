from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("in-giay-khen/", views.certificate_print, name="certificate_print"),
    path("bao-cao-thanh-tich/<int:pk>/", views.achievement_report, name="achievement_report"),
    path("tao-hang-loat/<int:pk>/", views.job_detail, name="job_detail"),
    path("tao-hang-loat/<int:pk>/tien-do/", views.job_progress, name="job_progress"),
    path("tao-hang-loat/<int:pk>/tai-ve.<str:fmt>", views.job_download, name="job_download"),
]
