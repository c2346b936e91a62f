from django.apps import AppConfig


class LawConfig(AppConfig):
    name = "tdkt.law"
    label = "law"
    verbose_name = "Danh mục pháp lý"
