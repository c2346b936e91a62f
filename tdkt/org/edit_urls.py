from django.urls import path

from . import editing

app_name = "org_edit"

urlpatterns = [
    path("them/", editing.person_create, name="person_create"),
    path("<int:pk>/sua/", editing.person_edit, name="person_edit"),
    path("<int:pk>/chuyen-don-vi/", editing.person_move, name="person_move"),
]
