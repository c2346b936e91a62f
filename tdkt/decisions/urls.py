from django.urls import path

from . import views, views_amendments, views_decisions

app_name = "decisions"

urlpatterns = [
    path("ho-so/<int:pk>/chuyen-cap-tren/", views.forward, name="forward"),
    path("ho-so/<int:pk>/goi-ho-so.zip", views.export, name="export"),
    path("dot-xet/<int:pk>/nhap-goi-ho-so/", views.import_package, name="import"),
    path("", views_decisions.index, name="decision_index"),
    path("phien-hop/<int:pk>/du-thao/", views_decisions.draft_from_session, name="decision_draft"),
    path("<int:pk>/", views_decisions.detail, name="decision_detail"),
    path("<int:pk>/sua/", views_decisions.edit, name="decision_edit"),
    path("<int:pk>/thao-tac/", views_decisions.act, name="decision_act"),
    path("<int:pk>/ky-ban-hanh/", views_decisions.sign, name="decision_sign"),
    path("<int:pk>/huy-bo/", views_decisions.cancel, name="decision_cancel"),
    path("<int:pk>/sua-doi-bo-sung/", views_amendments.amend, name="decision_amend"),
    path("<int:pk>/dong/them/", views_amendments.line_add, name="decision_line_add"),
    path("<int:pk>/dong/<int:line>/bo-ra/", views_decisions.line_remove, name="decision_line_remove"),
    path("<int:pk>/dong/<int:line>/thu-hoi/", views_decisions.revoke, name="decision_revoke"),
    path("<int:pk>/tai-ve.<str:fmt>", views_decisions.download, name="decision_download"),
]
