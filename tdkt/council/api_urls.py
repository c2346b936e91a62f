from django.urls import path

from .api import BallotView, SessionDetailView, SessionListView, SessionResultsView, TallyView

app_name = "council_api"

urlpatterns: list = [
    path("council/tally", TallyView.as_view(), name="tally"),
    path("council/sessions", SessionListView.as_view(), name="sessions"),
    path("council/sessions/<int:pk>", SessionDetailView.as_view(), name="session"),
    path("council/sessions/<int:pk>/results", SessionResultsView.as_view(), name="results"),
    path("council/sessions/<int:pk>/ballot", BallotView.as_view(), name="ballot"),
]
