"""The kernel's pages: the user's notifications (/thong-bao/)."""

from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("<int:pk>/", views.notification_open, name="notification_open"),
    path("doc-tat-ca/", views.notifications_read_all, name="notifications_read_all"),
]
