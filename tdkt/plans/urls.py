from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.index, name="index"),
    path("lap-moi/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sua/", views.edit, name="edit"),
    path("<int:pk>/muc/", views.section_add, name="section_add"),
    path("<int:pk>/muc/<int:section>/", views.section_act, name="section_act"),
    path("<int:pk>/nhiem-vu/", views.task_add, name="task_add"),
    path("<int:pk>/nhiem-vu/<int:task>/", views.task_detail, name="task_detail"),
    path("<int:pk>/nhiem-vu/<int:task>/xoa/", views.task_remove, name="task_remove"),
    path("<int:pk>/nhiem-vu/<int:task>/minh-chung/<int:update>/", views.evidence, name="evidence"),
    path("<int:pk>/hoi-dong/", views.item_add, name="item_add"),
    path("<int:pk>/hoi-dong/<int:item>/xoa/", views.item_remove, name="item_remove"),
    path("<int:pk>/ban-hanh/", views.issue, name="issue"),
    path("<int:pk>/van-ban/", views.document, name="document"),
    path("<int:pk>/tai-ve.<str:fmt>", views.download, name="download"),
]
