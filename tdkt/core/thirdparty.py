"""Vietnamese names for the third-party apps the admin lists.

`django_tasks_db` names its app in English without marking it for translation, and DRF's authtoken names its
own "Auth Token": both are renamed when the apps are ready (an app's name is not part of any migration). Their
models' names and fields are marked for translation and are translated in `tdkt/locale_vendor`.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

APP_NAMES = {
    "authtoken": _("Mã truy cập API"),
    "django_tasks_database": _("Tác vụ nền"),
}


def name_third_party_apps() -> None:
    for label, name in APP_NAMES.items():
        if label in apps.app_configs:
            apps.app_configs[label].verbose_name = name
