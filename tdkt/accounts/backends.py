"""Django's model permissions only where they mean something: the admin, for staff accounts.

The app's own rules (`rules`, in each app's permissions.py) answer every permission of the screens and services; a
rule that says no used to fall through to ModelBackend, which reads the user's and the groups' permissions from the
database (two queries) on every page that asks a question whose answer is no. Accounts that are not staff have no model
permissions to read: they are refused without a query. Staff (the admin) keep Django's model permissions."""

from django.contrib.auth.backends import ModelBackend


class StaffModelBackend(ModelBackend):
    def has_perm(self, user_obj, perm, obj=None):
        if not getattr(user_obj, "is_staff", False):
            return False
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        if not getattr(user_obj, "is_staff", False):
            return False
        return super().has_module_perms(user_obj, app_label)
