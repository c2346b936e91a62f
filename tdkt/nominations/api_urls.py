from django.urls import path

from . import api

app_name = "nominations_api"

urlpatterns = [
    path("rounds", api.RoundsView.as_view(), name="rounds"),
    path("rounds/<int:pk>/invited", api.RoundInvitedView.as_view(), name="round-invited"),
    path("dossiers", api.DossiersView.as_view(), name="dossiers"),
    path("dossiers/<int:pk>", api.DossierView.as_view(), name="dossier"),
    path("dossiers/<int:pk>/nominees", api.NomineesView.as_view(), name="nominees"),
    path("dossiers/<int:pk>/transitions", api.TransitionsView.as_view(), name="transitions"),
]

# Agency opinions (hiệp y, issue 13 point 6).
from . import api_opinions  # noqa: E402

urlpatterns += [
    path("opinions", api_opinions.OpinionsView.as_view(), name="opinions"),
    path("opinions/<int:pk>/answer", api_opinions.OpinionAnswerView.as_view(), name="opinion-answer"),
    path("dossiers/<int:pk>/opinions", api_opinions.DossierOpinionsView.as_view(), name="dossier-opinions"),
]

# Public consultation (issue 13 point 7): the consultations, their comments, moderation.
from . import api_consultation  # noqa: E402

urlpatterns += [
    path("consultations", api_consultation.ConsultationsView.as_view(), name="consultations"),
    path("consultations/<int:pk>/comments", api_consultation.ConsultationCommentsView.as_view(), name="consultation-comments"),
    path("comments/<int:pk>/moderation", api_consultation.CommentModerationView.as_view(), name="comment-moderation"),
]
