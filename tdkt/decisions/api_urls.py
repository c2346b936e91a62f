from django.urls import path

from . import api

app_name = "decisions_api"

urlpatterns = [
    path("dossiers/<int:pk>/forward", api.ForwardView.as_view(), name="forward"),
    path("dossiers/<int:pk>/package", api.PackageView.as_view(), name="package"),
    path("rounds/<int:pk>/packages", api.PackagesView.as_view(), name="packages"),
]
