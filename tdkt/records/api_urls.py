from django.urls import path

from . import api

app_name = "records_api"

urlpatterns = [
    path("people/<int:pk>/ratings", api.RatingView.as_view(), name="ratings"),
    path("people/<int:pk>/awards", api.AwardView.as_view(), name="awards"),
    path("people/<int:pk>/awards/<int:award_id>", api.AwardCorrectView.as_view(), name="award"),
    path("people/<int:pk>/disciplines", api.DisciplineView.as_view(), name="disciplines"),
    path("people/<int:pk>/initiatives", api.InitiativeView.as_view(), name="initiatives"),
    path("people/<int:pk>/initiatives/<int:initiative_id>/used-for", api.InitiativeUseView.as_view(), name="initiative_use"),
    path("people/<int:pk>/work-years", api.WorkYearView.as_view(), name="work_years"),
    path("people/<int:pk>/<str:kind>/<int:entry_id>/withdraw", api.WithdrawView.as_view(), name="withdraw"),
]
