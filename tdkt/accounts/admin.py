"""Admin for role assignments and login locks; writes go through accounts.services."""

from django.contrib import admin, messages

from tdkt.core.errors import DomainError

from . import services
from .models import LoginThrottle, RoleAssignment


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


@admin.register(LoginThrottle)
class LoginThrottleAdmin(admin.ModelAdmin):
    list_display = ["username", "failures", "last_failure_at", "locked_until"]
    search_fields = ["username"]
    readonly_fields = ["username", "failures", "last_failure_at", "locked_until"]
    actions = ["unlock_selected"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Mở khóa đăng nhập")
    def unlock_selected(self, request, queryset):
        for row in queryset:
            services.login_unlock(actor=request.user, username=row.username)
        messages.success(request, "Đã mở khóa.")
