from django.urls import path

from . import api

app_name = "plans_api"

urlpatterns = [
    path("plans", api.PlanListView.as_view(), name="plans"),
    path("plans/<int:pk>", api.PlanDetailView.as_view(), name="plan"),
    path("plans/<int:pk>/sections", api.SectionsView.as_view(), name="sections"),
    path("plans/<int:pk>/key-tasks", api.KeyTasksView.as_view(), name="key-tasks"),
    path("plans/<int:pk>/key-tasks/<int:task>/progress", api.ProgressView.as_view(), name="progress"),
    path("plans/<int:pk>/council-items", api.CouncilItemsView.as_view(), name="council-items"),
    path("plans/<int:pk>/check", api.CheckView.as_view(), name="check"),
]
