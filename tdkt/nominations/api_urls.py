from django.urls import path

from . import api

app_name = "nominations_api"

urlpatterns = [
    path("rounds", api.RoundsView.as_view(), name="rounds"),
    path("dossiers", api.DossiersView.as_view(), name="dossiers"),
    path("dossiers/<int:pk>", api.DossierView.as_view(), name="dossier"),
    path("dossiers/<int:pk>/nominees", api.NomineesView.as_view(), name="nominees"),
    path("dossiers/<int:pk>/transitions", api.TransitionsView.as_view(), name="transitions"),
]
