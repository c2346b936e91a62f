from django.urls import path

from . import views, views_work

app_name = "nominations"

urlpatterns = [
    path("", views.index, name="index"),
    path("dot-xet/mo/", views.round_open, name="round_open"),
    path("dot-xet/<int:pk>/", views.round_detail, name="round_detail"),
    path("dot-xet/<int:pk>/dong/", views.round_close, name="round_close"),
    path("dot-xet/<int:pk>/lap-ho-so/", views.dossier_create, name="dossier_create"),
    path("<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("<int:pk>/them/", views.nominee_add, name="nominee_add"),
    path("<int:pk>/tu-luot-xet/", views.nominees_from_batch, name="nominees_from_batch"),
    path("<int:pk>/xet-lai/", views.dossier_reevaluate, name="dossier_reevaluate"),
    path("<int:pk>/nguoi/<int:nominee_id>/sua/", views.nominee_edit, name="nominee_edit"),
    path("<int:pk>/nguoi/<int:nominee_id>/rut/", views.nominee_withdraw, name="nominee_withdraw"),
    path("<int:pk>/chuyen/<str:action>/", views.dossier_act, name="dossier_act"),
    path("<int:pk>/nhap-danh-sach/", views_work.nominee_import, name="nominee_import"),
    path("<int:pk>/nhap-danh-sach/mau.xlsx", views_work.nominee_import_template, name="nominee_import_template"),
    path("<int:pk>/tep/", views_work.attachment_add, name="attachment_add"),
    path("<int:pk>/tep/<int:attachment_id>/", views_work.attachment_download, name="attachment_download"),
    path("<int:pk>/tep/<int:attachment_id>/rut/", views_work.attachment_withdraw, name="attachment_withdraw"),
    path("<int:pk>/nguoi/<int:nominee_id>/tham-dinh/", views_work.appraisal_save, name="appraisal_save"),
]

# The moderation of the public consultation's comments (views_consultation.py).
from . import views_consultation  # noqa: E402

urlpatterns += [
    path("y-kien-gop-y/", views_consultation.comment_queue, name="comment_queue"),
    path("y-kien-gop-y/<int:pk>/", views_consultation.comment_moderate, name="comment_moderate"),
]
