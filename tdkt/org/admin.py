"""Vietnamese admin for units, people, households, clusters and councils; unit and person writes go through org.services."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.core.admin import ServiceAdmin, action_with_form
from tdkt.core.errors import DomainError
from tdkt.core.search import NameSearchAdmin

from . import councils, services
from .forms import InTreeOrder
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
from .search import person_q, unit_q


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0
    raw_id_fields = ["successor"]
    verbose_name = "Đơn vị kế thừa"
    verbose_name_plural = "Đơn vị kế thừa"
    can_delete = False


DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date_field(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, input_formats=DATE_FORMATS, help_text=help_text or _("Dạng ngày/tháng/năm, ví dụ 30/06/2025."),
                           error_messages={"required": _("Hãy nhập ngày."), "invalid": _("Ngày không hợp lệ (dạng ngày/tháng/năm).")},
                           widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))


class _CodedUnitLabel:
    def label_from_instance(self, unit):
        return f"{'— ' * unit.depth}{unit.name} ({unit.code})"


class ActiveUnitChoice(_CodedUnitLabel, InTreeOrder, forms.ModelChoiceField):
    pass


class ActiveUnitsChoice(_CodedUnitLabel, InTreeOrder, forms.ModelMultipleChoiceField):
    pass


def _active_units():
    return Unit.objects.filter(valid_to__isnull=True)


class UnitDissolveForm(forms.Form):
    on = _date_field(_("Ngày giải thể"), _("Đơn vị hoạt động hết ngày này; đơn vị kế thừa tiếp nhận từ ngày hôm sau."))
    successors = ActiveUnitsChoice(label=_("Đơn vị kế thừa"), queryset=Unit.objects.none(), required=False,
                                   widget=forms.SelectMultiple(attrs={"size": 12}),
                                   help_text=_("Giữ Ctrl (hoặc Cmd) để chọn nhiều đơn vị."))
    with_subtree = forms.BooleanField(label=_("Giải thể cả các đơn vị trực thuộc"), required=False)
    note = forms.CharField(label=_("Ghi chú (căn cứ)"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successors"].set_units(_active_units())


class PersonMoveForm(forms.Form):
    unit = ActiveUnitChoice(label=_("Chuyển đến đơn vị"), queryset=Unit.objects.none(), empty_label=_("— Chọn đơn vị —"),
                            error_messages={"required": _("Hãy chọn đơn vị."), "invalid_choice": _("Đơn vị không hợp lệ hoặc đã giải thể.")})
    on = _date_field(_("Từ ngày"))
    position = forms.CharField(label=_("Chức vụ mới"), required=False, max_length=255, help_text=_("Để trống: giữ chức vụ hiện tại."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].set_units(_active_units())


@admin.register(Unit)
class UnitAdmin(NameSearchAdmin, ServiceAdmin):
    list_display = ["name", "code", "kind", "parent", "admin_code", "has_legal_status", "is_small_collective", "valid_to"]
    list_filter = ["kind", "has_legal_status", "is_small_collective", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "code", "short_name"]
    ordering = ["path"]
    raw_id_fields = ["parent"]
    readonly_fields = ["path", "tree_level"]
    list_select_related = ["parent"]
    inlines = [SuccessionInline]
    actions = ["dissolve"]

    @admin.display(description=_("Cấp trong cây"))
    def tree_level(self, unit):
        return unit.depth

    def search_q(self, request, term):
        """The app's unit search (name and short name, without diacritics), or the unit's code."""
        return unit_q(term) | Q(code__startswith=term.lower())

    @admin.action(description="Giải thể đơn vị đã chọn", permissions=["change"])
    def dissolve(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Mỗi lần chỉ giải thể một đơn vị: hãy chọn đúng một đơn vị.", messages.ERROR)
            return None

        def apply(data, units):
            unit = units.get()
            try:
                services.unit_dissolve(actor=request.user, unit=unit, on=data["on"], successors=data["successors"],
                                       with_subtree=data["with_subtree"], note=data["note"])
            except DomainError as exc:
                self.message_user(request, exc.message, messages.ERROR)
                return
            self.message_user(request, f"Đã giải thể {unit.name} từ hết ngày {data['on']:%d/%m/%Y}.", messages.SUCCESS)

        return action_with_form(self, request, queryset, form_class=UnitDissolveForm, title="Giải thể đơn vị", apply=apply,
                                intro="Đơn vị giữ nguyên lịch sử, khen thưởng và hồ sơ; cá nhân phải được chuyển đi trước.")

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
class PersonAdmin(NameSearchAdmin, ServiceAdmin):
    list_display = ["full_name", "gender", "date_of_birth", "citizen_id", "position", "unit", "is_leader", "is_direct_worker"]
    list_filter = ["gender", "is_leader", "is_direct_worker", "unit__kind"]
    search_fields = ["full_name", "citizen_id", "position", "unit__name", "unit__code"]
    ordering = ["name_sort_key"]
    raw_id_fields = ["unit"]
    list_select_related = ["unit"]
    inlines = [MembershipInline]
    actions = ["move"]

    def search_q(self, request, term):
        """The people list's search (the name without diacritics), the citizen ID, or the name or code of the unit."""
        return person_q(term) | Q(citizen_id=term.replace(" ", "")) | unit_q(term, "unit__") | Q(unit__code=term.lower())

    @admin.action(description="Chuyển cá nhân đã chọn sang đơn vị khác", permissions=["change"])
    def move(self, request, queryset):
        def apply(data, people):
            moved = 0
            for person in people.select_related("unit"):
                try:
                    services.membership_move(actor=request.user, person=person, unit=data["unit"], on=data["on"],
                                             position=data["position"] or None)
                    moved += 1
                except DomainError as exc:
                    self.message_user(request, f"{person.full_name}: {exc.message}", messages.ERROR)
            if moved:
                self.message_user(request, f"Đã chuyển {moved} cá nhân sang {data['unit'].name} từ ngày {data['on']:%d/%m/%Y}.",
                                  messages.SUCCESS)

        return action_with_form(self, request, queryset, form_class=PersonMoveForm, title="Chuyển đơn vị", apply=apply,
                                intro="Quá trình công tác tại đơn vị cũ kết thúc vào ngày trước ngày chuyển.")

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
    """Members are added and ended through org.councils (the linked account's council role follows them)."""

    model = CouncilMember
    extra = 0
    raw_id_fields = ["person", "user"]
    can_delete = False
    fields = ["full_name", "person", "user", "title", "role", "start", "end"]

    def get_readonly_fields(self, request, obj=None):
        return []


@admin.register(Council)
class CouncilAdmin(ServiceAdmin):
    list_display = ["name", "kind", "unit", "established_on", "decision_number"]
    list_filter = ["kind"]
    search_fields = ["name", "unit__name", "decision_number"]
    raw_id_fields = ["unit"]
    inlines = [CouncilMemberInline]

    def get_readonly_fields(self, request, obj=None):
        return ["kind", "unit"] if obj is not None else []

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return councils.council_create(actor=request.user, name=cleaned["name"], kind=cleaned["kind"], unit=cleaned["unit"],
                                           established_on=cleaned.get("established_on"),
                                           decision_number=cleaned.get("decision_number", ""))
        fields = {f: cleaned[f] for f in councils.COUNCIL_FIELDS if f in changed}
        return councils.council_update(actor=request.user, council=obj, **fields) if fields else obj

    def save_formset(self, request, form, formset, change):
        """New rows: council_member_add; an end date set: council_member_end; a name or title: council_member_update.
        A row's role, account or start is not changed in place (end it and add another)."""
        council = form.instance
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []  # the admin's change message
        for member_form in formset.forms:
            if not member_form.has_changed() or not member_form.is_valid():
                continue
            data = member_form.cleaned_data
            member = member_form.instance
            try:
                if member.pk is None:
                    councils.council_member_add(actor=request.user, council=council, role=data["role"], start=data["start"],
                                                full_name=data.get("full_name", ""), person=data.get("person"),
                                                user=data.get("user"), title=data.get("title", ""), end=data.get("end"))
                    continue
                stored = CouncilMember.objects.get(pk=member.pk)
                fixed = [f for f in ("role", "user", "person", "start") if f in member_form.changed_data]
                if fixed:
                    raise DomainError("Không sửa vai trò, tài khoản, cá nhân hay ngày bắt đầu của thành viên: hãy ghi ngày "
                                      "kết thúc và thêm thành viên mới.")
                edits = {f: data[f] for f in councils.MEMBER_FIELDS if f in member_form.changed_data}
                if edits:
                    councils.council_member_update(actor=request.user, member=stored, **edits)
                if "end" in member_form.changed_data and data.get("end"):
                    councils.council_member_end(actor=request.user, member=stored, on=data["end"])
            except DomainError as exc:
                self.message_user(request, f"{data.get('full_name') or member}: {exc.message}", messages.ERROR)
