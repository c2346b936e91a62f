"""Vietnamese admin for units, people, households, clusters and councils; unit and person writes go through org.services."""

from django.contrib import admin

from . import services
from .admin_base import ServiceAdmin
from .models import (
    Cluster,
    ClusterMembership,
    Council,
    CouncilMember,
    Household,
    Membership,
    Person,
    Unit,
    UnitSuccession,
)


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0
    raw_id_fields = ["successor"]
    verbose_name = "Đơn vị kế thừa"
    verbose_name_plural = "Đơn vị kế thừa"
    can_delete = False


@admin.register(Unit)
class UnitAdmin(ServiceAdmin):
    list_display = ["name", "code", "kind", "parent", "admin_code", "has_legal_status", "is_small_collective", "valid_to"]
    list_filter = ["kind", "has_legal_status", "is_small_collective", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "code", "short_name"]
    ordering = ["path"]
    raw_id_fields = ["parent"]
    readonly_fields = ["path", "depth"]
    list_select_related = ["parent"]
    inlines = [SuccessionInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        return [*self.readonly_fields, "code", "kind", "parent", "admin_code", "valid_from", "valid_to"]

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.unit_create(
                actor=request.user, code=cleaned["code"], name=cleaned["name"], kind=cleaned["kind"], parent=cleaned.get("parent"),
                short_name=cleaned.get("short_name", ""), admin_code=cleaned.get("admin_code"),
                has_legal_status=cleaned.get("has_legal_status", True), is_small_collective=cleaned.get("is_small_collective", False),
                valid_from=cleaned.get("valid_from"), valid_to=cleaned.get("valid_to"),
            )
        fields = {f: cleaned[f] for f in ("name", "short_name", "has_legal_status", "is_small_collective") if f in changed}
        return services.unit_update(actor=request.user, unit=obj, **fields) if fields else obj


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    can_delete = False
    readonly_fields = ["unit", "position", "start", "end"]

    def has_add_permission(self, request, obj=None):
        return False  # moves go through membership_move


@admin.register(Person)
class PersonAdmin(ServiceAdmin):
    list_display = ["full_name", "gender", "date_of_birth", "citizen_id", "position", "unit", "is_leader", "is_direct_worker"]
    list_filter = ["gender", "is_leader", "is_direct_worker", "unit__kind"]
    search_fields = ["full_name", "citizen_id", "position", "unit__name", "unit__code"]
    ordering = ["name_sort_key"]
    raw_id_fields = ["unit"]
    list_select_related = ["unit"]
    inlines = [MembershipInline]

    def get_readonly_fields(self, request, obj=None):
        return ["unit"] if obj is not None else []

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.person_create(
                actor=request.user, full_name=cleaned["full_name"], gender=cleaned["gender"], unit=cleaned.get("unit"),
                date_of_birth=cleaned.get("date_of_birth"), citizen_id=cleaned.get("citizen_id"),
                position=cleaned.get("position", ""), is_leader=cleaned.get("is_leader", False),
                is_direct_worker=cleaned.get("is_direct_worker", False), joined_on=cleaned.get("joined_on"),
            )
        fields = {f: cleaned[f] for f in services.PERSON_FIELDS if f in changed}
        return services.person_update(actor=request.user, person=obj, **fields) if fields else obj


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["head_name", "address", "village", "members"]
    search_fields = ["head_name", "address", "village__name"]
    raw_id_fields = ["village"]
    list_select_related = ["village"]


class ClusterMembershipInline(admin.TabularInline):
    model = ClusterMembership
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organizer"]
    list_filter = ["kind"]
    search_fields = ["name", "organizer__name"]
    raw_id_fields = ["organizer"]
    inlines = [ClusterMembershipInline]


class CouncilMemberInline(admin.TabularInline):
    model = CouncilMember
    extra = 0
    raw_id_fields = ["person", "user"]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "unit", "established_on", "decision_number"]
    list_filter = ["kind"]
    search_fields = ["name", "unit__name", "decision_number"]
    raw_id_fields = ["unit"]
    inlines = [CouncilMemberInline]
