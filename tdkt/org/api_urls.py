from django.urls import path

from .api import PeopleView, PersonMoveView, PersonView

app_name = "org_api"

urlpatterns = [
    path("people", PeopleView.as_view(), name="people"),
    path("people/<int:pk>", PersonView.as_view(), name="person"),
    path("people/<int:pk>/move", PersonMoveView.as_view(), name="person-move"),
]
