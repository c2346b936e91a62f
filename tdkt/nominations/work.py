"""The dossier's files and the office's appraisal (issue 13, points 3 and 5): services, with their checks and audit in
the same transaction. A file is checked by its content (`core.uploads`) before anything is stored; an appraisal saved
on an older version than the one stored is refused with who saved what, so nobody overwrites another silently."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, uploads, vntext
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.law import vocabulary as vocab

from .models import Dossier, DossierStatus, Nominee
from .models_work import OTHER_COMPONENT, Appraisal, Attachment, Conclusion

APPRAISAL_STATES = (DossierStatus.UNDER_APPRAISAL, DossierStatus.AWAITING_OPINIONS, DossierStatus.IN_CONSULTATION)


def component_label(code: str) -> str:
    return "Tài liệu khác" if code == OTHER_COMPONENT else vocab.label(vocab.DossierComponent, code)


def _editable(actor, dossier: Dossier) -> None:
    require(actor, "nominations.submit_dossier", dossier, message=f"Bạn không có quyền sửa hồ sơ của {dossier.unit.name}.")
    if not dossier.editable:
        raise DomainError(f"Hồ sơ đang ở trạng thái “{dossier.get_status_display()}”: đơn vị chỉ sửa được hồ sơ đang soạn hoặc bị trả lại.")


def attachment_add(*, actor, dossier: Dossier, file, component: str, nominee: Nominee | None = None) -> Attachment:
    """Attach a file (PDF, .docx, .xlsx, JPEG, PNG, checked by its content) to the dossier or to one of its nominees."""
    from .services import round_components

    _editable(actor, dossier)
    allowed = [*round_components(dossier.round.kind, dossier.round.year), OTHER_COMPONENT]
    if component not in allowed:
        raise DomainError(f"Thành phần hồ sơ “{component}” không thuộc đợt xét này.")
    if nominee is not None and (nominee.dossier_id != dossier.pk or nominee.withdrawn):
        raise DomainError("Người, tập thể được chọn không có trong hồ sơ.")
    checked = uploads.check_upload(file)
    with transaction.atomic():
        name = uploads.store_upload(file, checked, prefix=f"nominations/{dossier.pk}")
        row = Attachment.objects.create(dossier=dossier, nominee=nominee, component=component, storage_name=name,
                                        filename=checked.filename, content_type=checked.content_type, size=checked.size,
                                        sha256=checked.sha256, uploaded_by=actor)
        audit.record(actor=actor, action="nominations.attachment.added", target=dossier,
                     data={"attachment": row.pk, "component": component, "nominee": nominee.pk if nominee else None,
                           "filename": row.filename, "size": row.size, "sha256": row.sha256})
    return row


def attachment_withdraw(*, actor, attachment: Attachment, reason: str) -> Attachment:
    """Take a file back (kept, marked: nothing a unit submitted is deleted)."""
    reason = vntext.nfc(reason or "").strip()
    if not reason:
        raise DomainError("Hãy ghi lý do rút tệp.")
    with transaction.atomic():
        row = Attachment.objects.select_for_update(of=("self",)).select_related("dossier__unit", "dossier__round").get(pk=attachment.pk)
        _editable(actor, row.dossier)
        if row.withdrawn_at is not None:
            raise DomainError(f"Tệp “{row.filename}” đã được rút.")
        row.withdrawn_at, row.withdrawn_reason = timezone.now(), reason[:500]
        row.save(update_fields=["withdrawn_at", "withdrawn_reason"])
        audit.record(actor=actor, action="nominations.attachment.withdrawn", target=row.dossier,
                     data={"attachment": row.pk, "filename": row.filename, "reason": row.withdrawn_reason})
    return row


def checklist(dossier: Dossier, attachments=None) -> list[dict]:
    """The round's components with the files that carry each: [{code, label, files}], then the other files."""
    from .services import round_components

    files = [a for a in (attachments if attachments is not None else dossier.attachments.all()) if a.withdrawn_at is None]
    codes = round_components(dossier.round.kind, dossier.round.year)
    rows = [{"code": c, "label": component_label(c), "files": [a for a in files if a.component == c], "required": True} for c in codes]
    others = [a for a in files if a.component not in codes]
    if others:
        rows.append({"code": OTHER_COMPONENT, "label": component_label(OTHER_COMPONENT), "files": others, "required": False})
    return rows


def appraisal_save(*, actor, nominee: Nominee, conclusion: str, note: str = "", version: int | None) -> Appraisal:
    """Save the appraiser's conclusion on a nominee. `version` is the one the appraiser read (None: there was none);
    when someone saved since, nothing is saved and the message says who saved what."""
    if conclusion not in Conclusion.values:
        raise DomainError("Kết luận thẩm định không hợp lệ.")
    note = vntext.nfc(note or "").strip()
    if len(note) > 4000:
        raise DomainError("Ý kiến thẩm định quá dài (tối đa 4.000 ký tự).")
    if conclusion != Conclusion.ELIGIBLE and not note:
        raise DomainError("Kết luận chưa đủ điều kiện hoặc cần bổ sung thì phải ghi ý kiến thẩm định.")
    with transaction.atomic():
        nominee = Nominee.objects.select_for_update(of=("self",)).select_related("dossier__round", "dossier__unit").get(pk=nominee.pk)
        dossier = nominee.dossier
        require(actor, "nominations.appraise_dossier", dossier, message="Bạn không có quyền thẩm định hồ sơ này.")
        if dossier.status not in APPRAISAL_STATES:
            raise DomainError(f"Hồ sơ đang ở trạng thái “{dossier.get_status_display()}”: chỉ thẩm định khi hồ sơ đang thẩm định.")
        if nominee.withdrawn:
            raise DomainError(f"{nominee.name} đã được rút khỏi hồ sơ.")
        current = Appraisal.objects.select_for_update().filter(nominee=nominee).select_related("appraised_by").first()
        if (current.version if current else None) != version:
            if current is None:
                raise DomainError("Kết luận thẩm định đã thay đổi; hãy tải lại trang.", code="conflict")
            who = current.appraised_by.get_full_name() or current.appraised_by.username
            raise DomainError(
                f"{who} đã lưu kết luận “{current.get_conclusion_display()}” cho {nominee.name} lúc "
                f"{timezone.localtime(current.appraised_at):%H:%M %d/%m/%Y}, sau khi bạn mở trang; kết luận của bạn chưa được lưu. "
                "Hãy xem kết luận đó rồi lưu lại nếu vẫn muốn thay đổi.", code="conflict")
        old = {"conclusion": current.conclusion, "note": current.note} if current else None
        if current is None:
            current = Appraisal.objects.create(nominee=nominee, conclusion=conclusion, note=note, appraised_by=actor)
        else:
            current.conclusion, current.note, current.appraised_by = conclusion, note, actor
            current.version += 1
            current.save()
        audit.record(actor=actor, action="nominations.appraisal.saved", target=dossier,
                     data={"nominee": nominee.pk, "old": old, "new": {"conclusion": conclusion, "note": note}, "version": current.version})
    return current
