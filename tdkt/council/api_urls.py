from django.urls import path

from .api import TallyView

app_name = "council_api"

urlpatterns: list = [
    path("council/tally", TallyView.as_view(), name="tally"),
]
