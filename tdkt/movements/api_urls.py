from django.urls import path

from .api import (
    MovementDetailView,
    MovementListView,
    MovementRegistrationsView,
    RegistrationActionView,
    RegistrationDetailView,
    RemindView,
)

app_name = "movements_api"

urlpatterns: list = [
    path("movements", MovementListView.as_view(), name="movements"),
    path("movements/<int:pk>", MovementDetailView.as_view(), name="movement"),
    path("movements/<int:pk>/remind", RemindView.as_view(), name="remind"),
    path("movements/<int:pk>/registrations", MovementRegistrationsView.as_view(), name="registrations"),
    path("registrations/<int:pk>", RegistrationDetailView.as_view(), name="registration"),
    path("registrations/<int:pk>/actions", RegistrationActionView.as_view(), name="registration_actions"),
]
