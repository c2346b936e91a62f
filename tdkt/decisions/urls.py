from django.urls import path

from . import views

app_name = "decisions"

urlpatterns = [
    path("ho-so/<int:pk>/chuyen-cap-tren/", views.forward, name="forward"),
    path("ho-so/<int:pk>/goi-ho-so.zip", views.export, name="export"),
    path("dot-xet/<int:pk>/nhap-goi-ho-so/", views.import_package, name="import"),
]
