from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("xet-dieu-kien/", views.batch_start, name="batch_start"),
    path("xet-dieu-kien/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("xet-dieu-kien/<int:pk>/tien-do/", views.batch_progress, name="batch_progress"),
    path("xet-dieu-kien/<int:pk>/ket-qua.xlsx", views.batch_download, name="batch_download"),
]
