"""The public consultation's pages (no login), mounted at /lay-y-kien/ under the namespace `consultation`."""

from django.urls import path

from . import views_consultation as views

urlpatterns = [
    path("", views.index, name="index"),
    path("dot-xet/<int:pk>/", views.round_page, name="round"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/gop-y/", views.comment, name="comment"),
]
