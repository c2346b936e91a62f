"""The nominations data in the admin, read-only: rounds and dossiers change through the app's screens and services
(the workflow, its audit), never by editing rows."""

from django.contrib import admin

from tdkt.core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import Dossier, Nominee, Round


@admin.register(Round)
class RoundAdmin(ReadOnlyAdmin):
    list_display = ("title", "office_unit", "year", "kind", "intake_to", "status")
    list_filter = ("status", "kind", "year")
    search_fields = ("title",)


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    list_display = ("title", "unit", "round", "status", "tracking_code", "submitted_on", "received_on")
    list_filter = ("status",)
    search_fields = ("title", "tracking_code")


@admin.register(Nominee)
class NomineeAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "dossier", "verdict", "withdrawn")
    list_filter = ("verdict", "withdrawn")


# Public consultation (consultation.py): read-only rows; a comment is moderated by an action that calls the service
# (its permission check and audit), never by editing it.
from django.contrib import messages  # noqa: E402

from tdkt.core.errors import DomainError  # noqa: E402

from .models import Comment, CommentStatus, Consultation, ReturnItem  # noqa: E402

ADMIN_REJECT_REASON = "Không duyệt khi kiểm duyệt trên trang quản trị"


class _CommentInline(ReadOnlyInline):
    model = Comment
    fields = ("created_at", "nominee", "author_name", "text", "status", "moderated_by", "moderated_at")
    readonly_fields = fields
    show_change_link = True


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ("dossier", "opened_on", "closes_on", "working_days", "opened_by")
    list_filter = ("opened_on",)
    search_fields = ("dossier__title", "dossier__tracking_code")
    list_select_related = ("dossier", "opened_by")
    inlines = [_CommentInline]


def _moderate(modeladmin, request, queryset, *, approve: bool):
    done, refused = 0, []
    for comment in queryset.filter(status=CommentStatus.PENDING):
        try:
            comment_moderate(actor=request.user, comment=comment, approve=approve, reason="" if approve else ADMIN_REJECT_REASON)
        except DomainError as exc:
            refused.append(exc.message)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, f"Đã {'duyệt' if approve else 'không duyệt'} {done} ý kiến.", messages.SUCCESS)
    for message in dict.fromkeys(refused):
        modeladmin.message_user(request, message, messages.ERROR)
    skipped = queryset.exclude(status=CommentStatus.PENDING).count()
    if skipped:
        modeladmin.message_user(request, f"Bỏ qua {skipped} ý kiến đã được kiểm duyệt.", messages.WARNING)


def comment_moderate(**kwargs):
    from .consultation import comment_moderate as service

    return service(**kwargs)


@admin.action(description="Duyệt các ý kiến đã chọn (hiện trên trang lấy ý kiến công khai)")
def approve_comments(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, approve=True)


@admin.action(description="Không duyệt các ý kiến đã chọn (lưu lại kèm lý do)")
def reject_comments(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, approve=False)


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "consultation", "nominee", "author_name", "status", "moderated_by")
    list_filter = ("status",)
    search_fields = ("text", "author_name")
    list_select_related = ("consultation__dossier", "nominee__person", "nominee__unit", "moderated_by")
    readonly_fields = ("consultation", "nominee", "author_name", "contact", "text", "status", "created_at", "moderated_by",
                       "moderated_at", "reason")
    exclude = ("address_hash",)
    actions = [approve_comments, reject_comments]


@admin.register(ReturnItem)
class ReturnItemAdmin(ReadOnlyAdmin):
    list_display = ("dossier", "component", "nominee", "text")
    list_select_related = ("dossier", "nominee__person", "nominee__unit")
