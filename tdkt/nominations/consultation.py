"""Public consultation (lấy ý kiến công khai) of a dossier's list, issue 13 point 7: its writes and its reads.

- `consultation_open`: the standing office takes the workflow's `open_consultation` edge (`services.dossier_act` calls
  it in the same transaction); the list is public from today until the N-th working day after it (catalogue
  `consultation.working_days`, 10 by default; the awards that require a consultation: `consultation.required_awards`).
- `comment_submit`: anyone, without an account, while the consultation is open: it closes by itself after `closes_on`
  (or as soon as the dossier leaves `in_consultation`), no scheduled job needed. At most MAX_PER_ADDRESS comments per
  client address per hour (counted on the stored comments, so every process sees the same count); the address
  itself is never stored, only an HMAC of it with SECRET_KEY (an IPv6 address by its /64 network).
- `comment_moderate`: the standing office over the round's level, or a portal editor over it, approves (the comment
  shows on the public page and to the appraiser, later the council) or rejects it with a reason; nothing is deleted.
- The challenge of the public form (no JavaScript, no outside service): a small sum in words, whose answer travels
  only as an HMAC inside a signed token that also carries the time the form was shown (too fast or too old is
  refused), and a honeypot field that people do not see.
Every write is audited in its transaction; an anonymous comment is audited as the system account."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import secrets
import time
import unicodedata

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from tdkt.accounts import scoping
from tdkt.core import audit, calendar, vntext
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.law.catalogue import load_catalogue

from .models import SUBJECT_RELATED, Dossier, DossierStatus, Nominee, subject_related
from .models_consultation import MAX_COMMENT, MAX_CONTACT, MAX_NAME, Comment, CommentStatus, Consultation
from .permissions import MODERATORS

DAYS_KEY = "consultation.working_days"
REQUIRED_KEY = "consultation.required_awards"
MAX_DAYS = 60  # an office's own choice of duration, in working days
MAX_PER_ADDRESS = 5  # comments per client address per WINDOW (settings.CONSULTATION_MAX_COMMENTS_PER_ADDRESS)
WINDOW = dt.timedelta(hours=1)
MAX_REASON = 1000


def _today() -> dt.date:
    return timezone.localdate()


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _clean(value, *, lines: bool) -> str:
    """NFC, without control characters (PostgreSQL refuses NUL); line breaks kept in a comment, collapsed elsewhere."""
    text = unicodedata.normalize("NFC", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    if not lines:
        return vntext.nfc(text)
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


# --- Opening ---------------------------------------------------------------------------------------------------------


def required_awards(day: dt.date | None = None) -> frozenset[str]:
    """The awards whose nominees must be put to public consultation before the council (catalogue)."""
    try:
        return frozenset(load_catalogue().param_on(REQUIRED_KEY, day or _today()).value)
    except DomainError:
        return frozenset()


def nominees_requiring(dossier: Dossier, day: dt.date | None = None) -> list[Nominee]:
    """The dossier's nominees proposed for an award that requires a public consultation."""
    codes = required_awards(day)
    return [n for n in dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED) if n.award_code in codes]


def days_bounds(dossier: Dossier, today: dt.date | None = None) -> dict:
    """The length the office may choose for the dossier's consultation: {default, minimum, maximum, basis, required}.
    The default is the catalogue's duration in force today; when an award of the dossier requires a consultation
    (Law Art 84(5)) the office may lengthen it but not shorten it below that duration."""
    param = load_catalogue().param_on(DAYS_KEY, today or _today())
    default = int(param.value)
    required = [n.name for n in nominees_requiring(dossier, today)]
    return {"default": default, "minimum": default if required else 1, "maximum": MAX_DAYS, "basis": param.legal_basis,
            "required": required}


def closing_date(opened_on: dt.date, working_days: int) -> dt.date:
    """The last day of a consultation opened on `opened_on` for `working_days` working days."""
    return calendar.deadline(opened_on, working_days)


def consultation_open(*, actor, dossier: Dossier, working_days: int | None = None, today: dt.date | None = None) -> Consultation:
    """Publish the dossier's list from today for `working_days` working days (default: the catalogue's duration in
    force today; the office's choice within `days_bounds`). The dossier must already be in consultation (the
    workflow's edge moved it)."""
    require(actor, "nominations.appraise_dossier", dossier,
            message=f"Bạn không có quyền lấy ý kiến công khai về hồ sơ của {dossier.unit.name}.")
    today = today or _today()
    bounds = days_bounds(dossier, today)
    basis = bounds["basis"]
    if working_days is None:
        days = bounds["default"]
    else:
        try:
            days = int(working_days)
        except (TypeError, ValueError):
            raise DomainError("Số ngày lấy ý kiến phải là số nguyên.") from None
        if not 1 <= days <= MAX_DAYS:
            raise DomainError(f"Thời gian lấy ý kiến phải từ 1 đến {MAX_DAYS} ngày làm việc.")
        if days < bounds["minimum"]:
            raise DomainError(f"Đề nghị {', '.join(bounds['required'][:5])} phải lấy ý kiến công khai ít nhất {bounds['minimum']} "
                              f"ngày làm việc ({basis}).")
        if days != bounds["default"]:
            basis = f"Cơ quan thường trực chọn {days} ngày làm việc (mặc định {bounds['default']} ngày: {basis})"
    with transaction.atomic():
        status = Dossier.objects.filter(pk=dossier.pk).values_list("status", flat=True).first()
        if status != DossierStatus.IN_CONSULTATION:
            raise DomainError("Chỉ lấy ý kiến công khai khi hồ sơ đang ở bước “Lấy ý kiến công khai”.")
        consultation = Consultation.objects.create(dossier=dossier, opened_on=today, closes_on=calendar.deadline(today, days),
                                                   working_days=days, legal_basis=basis[:500], opened_by=actor)
        audit.record(actor=actor, action="nominations.consultation.opened", target=dossier,
                     data={"consultation": consultation.pk, "opened_on": today.isoformat(),
                           "closes_on": consultation.closes_on.isoformat(), "working_days": days})
    return consultation


# --- Comments of the public ------------------------------------------------------------------------------------------


def address_hash(address: str | None) -> str:
    """The HMAC (SECRET_KEY) of the client's address; an IPv6 address counts by its /64 network (one subscriber)."""
    text = (address or "").strip()
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:
        pass
    else:
        text = str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    return hmac.new(settings.SECRET_KEY.encode(), f"tdkt.consultation:{text}".encode(), hashlib.sha256).hexdigest()


def refusal_if_closed(consultation: Consultation, today: dt.date | None = None) -> str | None:
    """Why the consultation takes no comment today (Vietnamese), or None while it is open."""
    today = today or _today()
    if consultation.dossier.status != DossierStatus.IN_CONSULTATION or today > consultation.closes_on:
        return (f"Đợt lấy ý kiến công khai này đã kết thúc (hạn cuối ngày {consultation.closes_on:%d/%m/%Y}); "
                "không nhận thêm ý kiến.")
    if today < consultation.opened_on:
        return f"Đợt lấy ý kiến công khai này bắt đầu từ ngày {consultation.opened_on:%d/%m/%Y}."
    return None


def _limit() -> int:
    return int(getattr(settings, "CONSULTATION_MAX_COMMENTS_PER_ADDRESS", MAX_PER_ADDRESS))


def comment_submit(*, consultation: Consultation, nominee: Nominee | None = None, text: str, name: str = "", contact: str = "",
                   address: str | None, today: dt.date | None = None) -> Comment:
    """A comment of the public (no account), pending until moderated. Refused in Vietnamese, nothing stored, when the
    consultation has closed, the text is empty or too long, or the address sent too many comments in the last hour."""
    today = today or _today()
    text, name, contact = _clean(text, lines=True), _clean(name, lines=False), _clean(contact, lines=False)
    digest = address_hash(address)
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update(of=("self",)).select_related("dossier").get(pk=consultation.pk)
        refusal = refusal_if_closed(consultation, today)
        if refusal:
            raise DomainError(refusal, code="closed")
        if nominee is not None and (nominee.dossier_id != consultation.dossier_id or nominee.withdrawn):
            raise DomainError("Người, tập thể này không có trong danh sách đang lấy ý kiến.")
        if not text:
            raise DomainError("Vui lòng nhập nội dung ý kiến.")
        if len(text) > MAX_COMMENT:
            raise DomainError(f"Ý kiến quá dài: tối đa {_number(MAX_COMMENT)} ký tự (đã nhập {_number(len(text))} ký tự).")
        if len(name) > MAX_NAME:
            raise DomainError(f"Họ tên quá dài (tối đa {MAX_NAME} ký tự).")
        if len(contact) > MAX_CONTACT:
            raise DomainError(f"Thông tin liên hệ quá dài (tối đa {MAX_CONTACT} ký tự).")
        recent = Comment.objects.filter(address_hash=digest, created_at__gte=timezone.now() - WINDOW).count()
        if recent >= _limit():
            raise DomainError(f"Đã có {recent} ý kiến gửi từ địa chỉ máy này trong một giờ qua (tối đa {_limit()}). "
                              "Vui lòng gửi lại sau.", code="throttled")
        comment = Comment.objects.create(consultation=consultation, nominee=nominee, text=text, author_name=name,
                                         contact=contact, address_hash=digest)
        audit.record(actor=system_actor(), action="nominations.consultation.comment_submitted", target=consultation.dossier,
                     data={"consultation": consultation.pk, "comment": comment.pk, "nominee": nominee.pk if nominee else None,
                           "length": len(text), "anonymous": True})
    return comment


def comment_moderate(*, actor, comment: Comment, approve: bool, reason: str = "") -> Comment:
    """Approve a pending comment (it shows on the public page and beside the nominee for the appraiser and the council)
    or reject it with a reason (it stays stored, for the record)."""
    comment = Comment.objects.select_related("consultation__dossier__round__office_unit", "consultation__dossier__unit").get(pk=comment.pk)
    require(actor, "nominations.moderate_comment", comment, message="Bạn không có quyền kiểm duyệt ý kiến góp ý của đợt xét này.")
    reason = _clean(reason, lines=True)
    if len(reason) > MAX_REASON:
        raise DomainError(f"Lý do quá dài (tối đa {_number(MAX_REASON)} ký tự).")
    if not approve and not reason:
        raise DomainError("Hãy ghi lý do không duyệt ý kiến.")
    with transaction.atomic():
        locked = Comment.objects.select_for_update(of=("self",)).get(pk=comment.pk)
        if locked.status != CommentStatus.PENDING:
            raise DomainError(f"Ý kiến này đã được kiểm duyệt (“{locked.get_status_display()}”).")
        locked.status = CommentStatus.APPROVED if approve else CommentStatus.REJECTED
        locked.moderated_by, locked.moderated_at, locked.reason = actor, timezone.now(), reason
        locked.save(update_fields=["status", "moderated_by", "moderated_at", "reason"])
        audit.record(actor=actor, action=f"nominations.consultation.comment_{locked.status}", target=comment.consultation.dossier,
                     data={"consultation": locked.consultation_id, "comment": locked.pk, "nominee": locked.nominee_id,
                           "old": CommentStatus.PENDING, "new": locked.status, "reason": reason})
    return locked


# --- The challenge of the public form --------------------------------------------------------------------------------

CHALLENGE_SALT = "tdkt.nominations.consultation.challenge"
CHALLENGE_MAX_AGE = 2 * 3600  # seconds a form stays valid
MIN_FILL_SECONDS = 3  # settings.CONSULTATION_MIN_FILL_SECONDS
WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _answer_mac(nonce: str, answer: int) -> str:
    return salted_hmac(CHALLENGE_SALT, f"{nonce}:{answer}", algorithm="sha256").hexdigest()[:20]


def challenge_new(*, now: float | None = None) -> tuple[str, str]:
    """(the question in Vietnamese, the signed token for the form's hidden field)."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_hex(6)
    token = signing.dumps({"t": int(now if now is not None else time.time()), "n": nonce, "m": _answer_mac(nonce, a + b)},
                          salt=CHALLENGE_SALT)
    return f"{WORDS[a].capitalize()} cộng {WORDS[b]} bằng mấy? (ghi bằng chữ số)", token


def challenge_refusal(token: str, answer, honeypot: str = "", *, now: float | None = None) -> str | None:
    """Why the form was not filled by a person (Vietnamese), or None."""
    if honeypot:
        return "Không gửi được ý kiến. Vui lòng tải lại trang và gửi lại."
    try:
        data = signing.loads(token or "", salt=CHALLENGE_SALT)
        elapsed = (now if now is not None else time.time()) - int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return "Biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại."
    if elapsed > CHALLENGE_MAX_AGE:
        return "Biểu mẫu đã mở quá lâu. Vui lòng trả lời câu hỏi kiểm tra mới và gửi lại."
    if elapsed < float(getattr(settings, "CONSULTATION_MIN_FILL_SECONDS", MIN_FILL_SECONDS)):
        return "Ý kiến được gửi quá nhanh sau khi mở trang. Vui lòng kiểm tra lại nội dung và gửi lại."
    try:
        value = int(str(answer).strip())
    except ValueError:
        return "Vui lòng trả lời câu hỏi kiểm tra bằng chữ số."
    if not constant_time_compare(_answer_mac(str(data.get("n", "")), value), str(data.get("m", ""))):
        return "Câu trả lời câu hỏi kiểm tra chưa đúng. Vui lòng thử lại."
    return None


# --- Reads -----------------------------------------------------------------------------------------------------------


def open_consultations(today: dt.date | None = None) -> QuerySet[Consultation]:
    """The consultations the public page lists today (open: the dossier in consultation, today within the period)."""
    today = today or _today()
    return (Consultation.objects.filter(dossier__status=DossierStatus.IN_CONSULTATION, opened_on__lte=today, closes_on__gte=today)
            .select_related("dossier__round", "dossier__unit").order_by("closes_on", "id"))


def public_nominees(consultations) -> list[Nominee]:
    """The nominees of the consultations' dossiers, each with `.approved` (its approved comments), for the public
    page: only what the page shows is read (name, unit, position, award, summary)."""
    ids = [c.dossier_id for c in consultations]
    approved = Comment.objects.filter(status=CommentStatus.APPROVED, consultation__in=list(consultations)).order_by("created_at", "id")
    return list(Nominee.objects.filter(dossier_id__in=ids, withdrawn=False).select_related(*SUBJECT_RELATED)
                .prefetch_related(Prefetch("comments", queryset=approved, to_attr="approved"))
                .order_by("dossier_id", "person__name_sort_key", "unit__path", "id"))


def general_comments(consultation: Consultation) -> list[Comment]:
    return list(consultation.comments.filter(status=CommentStatus.APPROVED, nominee__isnull=True).order_by("created_at", "id"))


def comments_moderated_by(user) -> QuerySet[Comment]:
    """The comments the user may moderate: of the rounds of the levels where the user is the standing office or the
    portal editor."""
    if not scoping.may(user, MODERATORS):
        return Comment.objects.none()
    q = scoping.subtree_q(user, roles=MODERATORS, field="consultation__dossier__round__office_unit")
    return (Comment.objects.filter(q)
            .select_related("consultation__dossier__round__office_unit", "consultation__dossier__unit", "nominee__person",
                            "nominee__unit", "moderated_by"))


def latest_consultation(dossier: Dossier) -> Consultation | None:
    return dossier.consultations.order_by("-opened_on", "-id").first()


def dossier_panel(dossier: Dossier, user) -> dict | None:
    """What the dossier page shows of the consultation: its period, the approved comments by nominee (for the appraiser,
    later the council), how many wait for moderation; the nominees whose award requires a consultation when none was
    held. None when there is nothing to say."""
    consultation = latest_consultation(dossier)
    if consultation is None:
        requiring = [n.name for n in nominees_requiring(dossier)] if dossier.status in (
            DossierStatus.UNDER_APPRAISAL, DossierStatus.AWAITING_OPINIONS, DossierStatus.RECEIVED) else []
        return {"consultation": None, "requiring": requiring} if requiring else None
    approved = list(Comment.objects.filter(consultation__dossier=dossier, status=CommentStatus.APPROVED)
                    .select_related(*subject_related("nominee__")).order_by("nominee_id", "created_at", "id"))
    counts = Comment.objects.filter(consultation__dossier=dossier).aggregate(
        pending=Count("id", filter=Q(status=CommentStatus.PENDING)), rejected=Count("id", filter=Q(status=CommentStatus.REJECTED)))
    return {"consultation": consultation, "open": refusal_if_closed(consultation) is None, "approved": approved,
            "pending": counts["pending"], "rejected": counts["rejected"],
            "can_moderate": user.has_perm("nominations.moderate_comment", consultation), "requiring": []}
