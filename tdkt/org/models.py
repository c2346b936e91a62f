"""Units (a tree with validity and succession), people, memberships, households, clusters and councils."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel
from tdkt.core.search import WordTable


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố")
    DISTRICT = "district", _("Quận, huyện (đến 30/6/2025)")
    COMMUNE = "commune", _("Xã, phường, đặc khu")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    AGENCY = "agency", _("Cơ quan, phòng chuyên môn")
    PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp công lập")
    SCHOOL = "school", _("Trường học")
    HEALTH = "health", _("Cơ sở y tế")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    MASS_ORG = "mass_org", _("Tổ chức chính trị - xã hội")
    TEAM = "team", _("Tổ, đội, phòng, khoa (tập thể nhỏ)")
    VILLAGE = "village", _("Thôn, tổ dân phố")


class Unit(TimeStampedModel):
    code = models.SlugField(_("Mã đơn vị"), max_length=64, unique=True)
    name = models.CharField(_("Tên đơn vị"), max_length=255)
    short_name = models.CharField(_("Tên ngắn"), max_length=100, blank=True)
    kind = models.CharField(_("Loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("Đơn vị cấp trên"), null=True, blank=True, related_name="children", on_delete=models.PROTECT
    )
    # Materialised path "/<id>/<id>/.../" for subtree queries (path__startswith), maintained by services.
    path = models.CharField(_("Đường dẫn cây"), max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    admin_code = models.PositiveIntegerField(_("Mã hành chính"), null=True, blank=True, db_index=True)
    has_legal_status = models.BooleanField(_("Có tư cách pháp nhân"), default=True)
    is_small_collective = models.BooleanField(_("Tập thể nhỏ (tổ, đội, phòng, khoa)"), default=False)
    valid_from = models.DateField(_("Hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("Giải thể / sáp nhập ngày"), null=True, blank=True)
    name_sort_key = models.CharField(max_length=600, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("Đơn vị")
        verbose_name_plural = _("Đơn vị")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.valid_to is None

    def subtree_q(self, prefix: str = "") -> Q:
        """Q matching this unit and everything under it (prefix: lookup path to the Unit, e.g. 'unit__')."""
        return Q(**{f"{prefix}path__startswith": self.path})


class UnitWord(WordTable):
    """The words of a unit's name and short name, for the search (maintained by org.services, see core.search)."""

    owner = "unit"
    unit = models.ForeignKey(Unit, related_name="search_words", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("Từ tìm kiếm (đơn vị)")
        verbose_name_plural = _("Từ tìm kiếm (đơn vị)")
        default_permissions = ()  # derived data, written by org.services only
        indexes = [models.Index(fields=["word", "unit"], name="org_unitword_word", opclasses=["varchar_pattern_ops", "int8_ops"])]


class UnitSuccession(models.Model):
    """A dissolved/merged unit and the unit(s) that took over its territory or functions."""

    predecessor = models.ForeignKey(Unit, related_name="successions", on_delete=models.PROTECT, verbose_name=_("Đơn vị cũ"))
    successor = models.ForeignKey(Unit, related_name="predecessions", on_delete=models.PROTECT, verbose_name=_("Đơn vị mới"))
    effective_on = models.DateField(_("Có hiệu lực từ"))
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Kế thừa đơn vị")
        verbose_name_plural = _("Kế thừa đơn vị")
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="org_succession_unique")]

    def __str__(self) -> str:
        return f"{self.predecessor.name} → {self.successor.name} (từ {self.effective_on:%d/%m/%Y})"


class Gender(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")


class Person(TimeStampedModel):
    full_name = models.CharField(_("Họ và tên"), max_length=150)
    name_sort_key = models.CharField(max_length=600, db_index=True, editable=False, default="")
    gender = models.CharField(_("Giới tính"), max_length=1, choices=Gender.choices)
    date_of_birth = models.DateField(_("Ngày sinh"), null=True, blank=True)
    citizen_id = models.CharField(_("Số CCCD"), max_length=12, null=True, blank=True, unique=True)
    position = models.CharField(_("Chức vụ"), max_length=150, blank=True)
    is_leader = models.BooleanField(_("Là lãnh đạo, quản lý"), default=False)
    is_direct_worker = models.BooleanField(_("Trực tiếp lao động, sản xuất, công tác"), default=False)
    # Current unit (derived from the open membership; kept in sync by org.services).
    unit = models.ForeignKey(Unit, verbose_name=_("Đơn vị hiện tại"), null=True, blank=True, related_name="people", on_delete=models.PROTECT)
    joined_on = models.DateField(_("Ngày tuyển dụng"), null=True, blank=True)
    # Continuous service at the unit counted from an earlier labour contract (TT 01/2024; DOMAIN.md §3): the
    # eligibility engine's `subject.service_start`.
    service_start = models.DateField(_("Ngày bắt đầu công tác liên tục"), null=True, blank=True,
                                     help_text=_("Kể cả thời gian hợp đồng lao động tại cơ quan trước khi tuyển dụng"))
    # Every beginning of the name's folded words ("n ng ngu ... nguyen v va van"), kept with the word table by
    # org.search. On PostgreSQL a generated column `search_tsv` (its tsvector, GIN-indexed; migration 0006) answers
    # the name search.
    search_text = models.TextField(default="", blank=True, editable=False)

    class Meta:
        verbose_name = _("Cá nhân")
        verbose_name_plural = _("Cá nhân")
        ordering = ["name_sort_key", "id"]
        # (full_name, date_of_birth): how a list names a person when it has no citizen ID (the imports match on it)
        indexes = [models.Index(fields=["unit", "name_sort_key"]), models.Index(fields=["full_name", "date_of_birth"], name="org_person_name_dob")]

    def __str__(self) -> str:
        return self.full_name


class PersonWord(WordTable):
    """The words of a person's name, for the search (maintained by org.services, see core.search)."""

    owner = "person"
    person = models.ForeignKey(Person, related_name="search_words", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("Từ tìm kiếm (cá nhân)")
        verbose_name_plural = _("Từ tìm kiếm (cá nhân)")
        default_permissions = ()  # derived data, written by org.services only
        indexes = [models.Index(fields=["word", "person"], name="org_personword_word", opclasses=["varchar_pattern_ops", "int8_ops"])]


class Membership(models.Model):
    person = models.ForeignKey(Person, related_name="memberships", on_delete=models.CASCADE, verbose_name=_("Cá nhân"))
    unit = models.ForeignKey(Unit, related_name="memberships", on_delete=models.PROTECT, verbose_name=_("Đơn vị"))
    position = models.CharField(_("Chức vụ"), max_length=150, blank=True)
    start = models.DateField(_("Từ ngày"))
    end = models.DateField(_("Đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("Quá trình công tác")
        verbose_name_plural = _("Quá trình công tác")
        ordering = ["person", "start"]

    def __str__(self) -> str:
        period = f"từ {self.start:%d/%m/%Y}" + (f" đến {self.end:%d/%m/%Y}" if self.end else "")
        return f"{self.unit.name}{f', {self.position}' if self.position else ''} ({period})"


class Household(TimeStampedModel):
    head_name = models.CharField(_("Chủ hộ"), max_length=150)
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    village = models.ForeignKey(Unit, verbose_name=_("Thôn, tổ dân phố"), related_name="households", on_delete=models.PROTECT)
    members = models.PositiveSmallIntegerField(_("Số nhân khẩu"), default=1)

    class Meta:
        verbose_name = _("Hộ gia đình")
        verbose_name_plural = _("Hộ gia đình")

    def __str__(self) -> str:
        return f"Hộ {self.head_name}"


class ClusterKind(models.TextChoices):
    CLUSTER = "cum", _("Cụm thi đua")
    BLOCK = "khoi", _("Khối thi đua")


class Cluster(TimeStampedModel):
    name = models.CharField(_("Tên cụm, khối"), max_length=255)
    kind = models.CharField(_("Loại"), max_length=4, choices=ClusterKind.choices)
    organizer = models.ForeignKey(Unit, verbose_name=_("Cấp tổ chức"), related_name="organized_clusters", on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("Cụm, khối thi đua")
        verbose_name_plural = _("Cụm, khối thi đua")

    def __str__(self) -> str:
        return self.name


class ClusterRole(models.TextChoices):
    HEAD = "head", _("Cụm trưởng / Khối trưởng")
    DEPUTY = "deputy", _("Cụm phó / Khối phó")
    MEMBER = "member", _("Thành viên")


class ClusterMembership(models.Model):
    cluster = models.ForeignKey(Cluster, related_name="memberships", on_delete=models.CASCADE, verbose_name=_("Cụm, khối"))
    unit = models.ForeignKey(Unit, related_name="cluster_memberships", on_delete=models.PROTECT, verbose_name=_("Đơn vị"))
    year = models.PositiveSmallIntegerField(_("Năm"))
    role = models.CharField(_("Vai trò"), max_length=10, choices=ClusterRole.choices, default=ClusterRole.MEMBER)

    class Meta:
        verbose_name = _("Thành viên cụm, khối")
        verbose_name_plural = _("Thành viên cụm, khối")
        constraints = [models.UniqueConstraint(fields=["cluster", "unit", "year"], name="org_cluster_member_unique")]

    def __str__(self) -> str:
        return f"{self.unit.name} — {self.get_role_display()} năm {self.year}"


class CouncilKind(models.TextChoices):
    TDKT = "tdkt", _("Hội đồng Thi đua - Khen thưởng")
    INITIATIVE = "sang_kien", _("Hội đồng sáng kiến")


class Council(TimeStampedModel):
    name = models.CharField(_("Tên hội đồng"), max_length=255)
    kind = models.CharField(_("Loại"), max_length=10, choices=CouncilKind.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("Cấp"), related_name="councils", on_delete=models.PROTECT)
    established_on = models.DateField(_("Thành lập ngày"), null=True, blank=True)
    decision_number = models.CharField(_("Quyết định thành lập"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("Hội đồng")
        verbose_name_plural = _("Hội đồng")

    def __str__(self) -> str:
        return self.name


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    STANDING_VICE = "standing_vice", _("Phó Chủ tịch thường trực")
    VICE = "vice", _("Phó Chủ tịch")
    MEMBER = "member", _("Ủy viên")
    SECRETARY = "secretary", _("Thư ký")


class CouncilMember(models.Model):
    council = models.ForeignKey(Council, related_name="members", on_delete=models.CASCADE, verbose_name=_("Hội đồng"))
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("Cá nhân"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("Tài khoản"))
    full_name = models.CharField(_("Họ và tên"), max_length=150)
    title = models.CharField(_("Chức vụ"), max_length=255, blank=True)
    role = models.CharField(_("Vai trò"), max_length=15, choices=CouncilRole.choices)
    start = models.DateField(_("Từ ngày"))
    end = models.DateField(_("Đến ngày"), null=True, blank=True)
    # The council role this membership gives its account (org.councils keeps it in step; never edited by hand).
    assignment = models.ForeignKey("accounts.RoleAssignment", null=True, blank=True, editable=False, on_delete=models.PROTECT,
                                   related_name="council_memberships", verbose_name=_("Vai trò tài khoản"))

    class Meta:
        verbose_name = _("Thành viên hội đồng")
        verbose_name_plural = _("Thành viên hội đồng")
        ordering = ["council", "role", "id"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()})"
