from django.urls import path

from . import views

app_name = "council"

urlpatterns = [
    path("", views.index, name="index"),
    path("lap-phien-hop/", views.session_create, name="session_create"),
    path("phien-hop/<int:pk>/", views.session_detail, name="session_detail"),
    path("phien-hop/<int:pk>/so-phieu/", views.session_count, name="session_count"),
    path("phien-hop/<int:pk>/chuong-trinh/", views.agenda_add, name="agenda_add"),
    path("phien-hop/<int:pk>/diem-danh/", views.attendance, name="attendance"),
    path("phien-hop/<int:pk>/thao-tac/", views.act, name="act"),
    path("phien-hop/<int:pk>/phieu-bau/", views.ballot, name="ballot"),
    path("phien-hop/<int:pk>/phieu-van-ban/<int:member_pk>/", views.written_vote, name="written_vote"),
    path("phien-hop/<int:pk>/kiem-phieu-giay/", views.paper_tally, name="paper_tally"),
    path("phien-hop/<int:pk>/ban-quet/", views.scan, name="scan"),
    path("phien-hop/<int:pk>/ket-qua/", views.results, name="results"),
    path("phien-hop/<int:pk>/van-ban/<str:kind>.<str:fmt>", views.document, name="document"),
]
