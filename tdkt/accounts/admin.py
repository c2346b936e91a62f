"""Admin for role assignments and login locks; writes go through accounts.services."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Q
from django.utils import timezone

from tdkt.core import vntext
from tdkt.core.errors import DomainError
from tdkt.core.search import NameSearchAdmin

from . import services, throttle
from .models import LoginAttempt, RoleAssignment


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "valid_from", "valid_to"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name", "unit__code"]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]  # searched by name or code, not typed as ids
    actions = ["revoke_selected"]

    def get_readonly_fields(self, request, obj=None):
        return ["user", "role", "unit"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the assignment's period ends, the row stays as history

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("accounts.assign_roles")

    def has_add_permission(self, request):
        return request.user.has_perm("accounts.assign_roles")

    def save_model(self, request, obj, form, change):
        try:
            saved = services.role_assign(
                actor=request.user, user=obj.user, role=obj.role, unit=obj.unit, valid_from=obj.valid_from, valid_to=obj.valid_to
            )
        except DomainError as exc:
            messages.error(request, exc.message)
            return
        obj.pk = saved.pk

    @admin.action(description="Thu hồi các phân quyền đã chọn")
    def revoke_selected(self, request, queryset):
        for assignment in queryset.select_related("user", "unit"):
            try:
                services.role_revoke(actor=request.user, assignment=assignment)
            except DomainError as exc:
                messages.error(request, exc.message)
                return
        messages.success(request, "Đã thu hồi phân quyền.")


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    """Failed logins (django-axes), one row per username, address and browser; unlocking is audited."""

    list_display = ["username", "ip_address", "failures", "last_attempt", "entry", "locked"]
    search_fields = ["username", "ip_address"]
    fields = ["username", "ip_address", "user_agent", "path_info", "failures_since_start", "attempt_time"]
    readonly_fields = fields
    actions = ["unlock_usernames", "unlock_addresses"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # unlock instead: the action is audited

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Số lần sai", ordering="failures_since_start")
    def failures(self, obj):
        return obj.failures_since_start

    @admin.display(description="Lần sai gần nhất", ordering="attempt_time")
    def last_attempt(self, obj):
        return timezone.localtime(obj.attempt_time).strftime("%d/%m/%Y %H:%M")

    @admin.display(description="Trang đăng nhập")
    def entry(self, obj):
        return obj.path_info

    @admin.display(description="Đang khóa", boolean=True)
    def locked(self, obj):
        fresh = obj.attempt_time >= timezone.now() - throttle.cool_off()
        by_username = LoginAttempt.objects.filter(username=obj.username, attempt_time__gte=timezone.now() - throttle.cool_off())
        by_address = LoginAttempt.objects.filter(ip_address=obj.ip_address, attempt_time__gte=timezone.now() - throttle.cool_off())
        return fresh and (
            sum(by_username.values_list("failures_since_start", flat=True)) >= settings.LOGIN_MAX_FAILURES
            or sum(by_address.values_list("failures_since_start", flat=True)) >= settings.LOGIN_MAX_FAILURES_PER_ADDRESS
        )

    def _unlock(self, request, **kwargs):
        try:
            services.login_unlock(actor=request.user, **kwargs)
        except DomainError as exc:
            messages.error(request, exc.message)
            return False
        return True

    @admin.action(description="Mở khóa các tên đăng nhập đã chọn")
    def unlock_usernames(self, request, queryset):
        names = sorted({name for name in queryset.values_list("username", flat=True) if name})
        if all(self._unlock(request, username=name) for name in names):
            messages.success(request, "Đã mở khóa đăng nhập: " + ", ".join(names) + ".")

    @admin.action(description="Mở khóa các địa chỉ máy đã chọn")
    def unlock_addresses(self, request, queryset):
        addresses = sorted({address for address in queryset.values_list("ip_address", flat=True) if address})
        if all(self._unlock(request, address=address) for address in addresses):
            messages.success(request, "Đã mở khóa các địa chỉ máy: " + ", ".join(addresses) + ".")


User = get_user_model()


# Built on the admin registered so far (core.admin's, with the permissions named in Vietnamese), else Django's.
_CurrentUserAdmin = type(admin.site._registry[User]) if admin.site.is_registered(User) else UserAdmin


class AccountAdmin(NameSearchAdmin, _CurrentUserAdmin):
    """Accounts searched as people are (the name without diacritics, core.search's rule), or by username or e-mail.
    Accounts are few (one per officer): their names are matched in Python."""

    def search_q(self, request, term):
        names = User.objects.values_list("pk", "last_name", "first_name")
        ids = [pk for pk, last, first in names if vntext.name_matches(term, f"{first} {last}")]
        return Q(pk__in=ids) | Q(username__icontains=term) | Q(email__icontains=term)


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
