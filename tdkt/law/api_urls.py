from django.urls import path

from .api import EligibilityCheckView, RewardComputeView

app_name = "api"

urlpatterns: list = [
    path("eligibility/check", EligibilityCheckView.as_view(), name="eligibility-check"),
    path("reward/compute", RewardComputeView.as_view(), name="reward-compute"),
]
