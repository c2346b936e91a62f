from django.urls import path

from . import views, views_act, views_work

app_name = "nominations"

urlpatterns = [
    path("", views.index, name="index"),
    path("dot-xet/mo/", views.round_open, name="round_open"),
    path("dot-xet/<int:pk>/", views.round_detail, name="round_detail"),
    path("dot-xet/<int:pk>/dong/", views.round_close, name="round_close"),
    path("dot-xet/<int:pk>/don-vi/", views.round_invite, name="round_invite"),
    path("dot-xet/<int:pk>/lap-ho-so/", views.dossier_create, name="dossier_create"),
    path("<int:pk>/", views.dossier_detail, name="dossier_detail"),
    path("<int:pk>/them/", views.nominee_add, name="nominee_add"),
    path("<int:pk>/tu-luot-xet/", views.nominees_from_batch, name="nominees_from_batch"),
    path("<int:pk>/xet-lai/", views.dossier_reevaluate, name="dossier_reevaluate"),
    path("<int:pk>/nguoi/<int:nominee_id>/sua/", views.nominee_edit, name="nominee_edit"),
    path("<int:pk>/nguoi/<int:nominee_id>/rut/", views.nominee_withdraw, name="nominee_withdraw"),
    path("<int:pk>/chuyen/<str:action>/", views_act.dossier_act, name="dossier_act"),
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

# Agency opinions (hiệp y) and holds (issue 13, point 6): the office's pages under the dossier, the agency's inbox.
from . import views_opinions  # noqa: E402

urlpatterns += [
    path("<int:pk>/hiep-y/lay-y-kien/", views_opinions.opinion_request, name="opinion_request"),
    path("<int:pk>/hiep-y/<int:request_id>/van-ban-tra-loi/", views_opinions.opinion_paper, name="opinion_paper"),
    path("<int:pk>/hiep-y/<int:request_id>/xu-ly/", views_opinions.opinion_resolve, name="opinion_resolve"),
    path("<int:pk>/vu-viec/ghi-nhan/", views_opinions.hold_add, name="hold_add"),
    path("<int:pk>/vu-viec/<int:hold_id>/cham-dut/", views_opinions.hold_lift, name="hold_lift"),
    path("hiep-y/", views_opinions.opinion_inbox, name="opinion_inbox"),
    path("hiep-y/<int:request_id>/", views_opinions.opinion_detail, name="opinion_detail"),
    path("hiep-y/<int:request_id>/ban-quet/", views_opinions.opinion_scan, name="opinion_scan"),
]
