from django.urls import path

from . import views

urlpatterns = [
    path("", views.tracking, name="search"),
    path("<str:code>/", views.tracking, name="code"),
]
