from django.urls import path

from . import api, api_decisions

app_name = "decisions_api"

urlpatterns = [
    path("dossiers/<int:pk>/forward", api.ForwardView.as_view(), name="forward"),
    path("dossiers/<int:pk>/package", api.PackageView.as_view(), name="package"),
    path("rounds/<int:pk>/packages", api.PackagesView.as_view(), name="packages"),
    path("decisions", api_decisions.DecisionListView.as_view(), name="decisions"),
    path("decisions/<int:pk>", api_decisions.DecisionDetailView.as_view(), name="decision"),
    path("council/sessions/<int:pk>/decision", api_decisions.SessionDecisionView.as_view(), name="session-decision"),
    path("decisions/<int:pk>/lines/<int:line>/remove", api_decisions.LineRemoveView.as_view(), name="decision-line-remove"),
    path("decisions/<int:pk>/submit", api_decisions.SubmitView.as_view(), name="decision-submit"),
    path("decisions/<int:pk>/return", api_decisions.ReturnView.as_view(), name="decision-return"),
    path("decisions/<int:pk>/sign", api_decisions.SignView.as_view(), name="decision-sign"),
    path("decisions/<int:pk>/cancellation", api_decisions.CancellationView.as_view(), name="decision-cancellation"),
    path("decisions/<int:pk>/revocation", api_decisions.RevocationView.as_view(), name="decision-revocation"),
    path("decisions/<int:pk>/amendment", api_decisions.AmendmentView.as_view(), name="decision-amendment"),
    path("decisions/<int:pk>/lines", api_decisions.AmendmentLineView.as_view(), name="decision-lines"),
]
