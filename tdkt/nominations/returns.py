"""Return for supplement with the reasons listed per item (issue 13, point 5).

When the appraiser returns a dossier (`return_for_supplement`), besides the general reason they may list items: each
names a component of the round's checklist or a nominee of the dossier, and says what is missing. `services.dossier_act`
checks them (`clean_items`) before the transition and stores them (`items_record`) in the transition's transaction,
beside its audit event (which carries them too). Whether an item is done is read from what the unit did after the
return, never ticked by hand: a component item when a file for that component was attached after it (and not taken
back); a nominee item when the nominee's summary or justification was changed, the nominee withdrawn, or a file of
the nominee attached after it (`return_panel`). See docs/decisions/0017-nominations.md."""

from __future__ import annotations

from tdkt.core import vntext
from tdkt.core.errors import DomainError

from .models import SUBJECT_RELATED, Dossier, DossierStatus, Nominee, subject_related
from .models_work import OTHER_COMPONENT, ReturnItem

MAX_ITEMS = 30
MAX_ITEM_TEXT = 1000
# The audit events of the dossier that count as a change of the nominee they name (data["nominee"]); a nominee's file
# counts too, but only while it is still attached (read from the attachments, not from their events).
NOMINEE_CHANGES = ("nominations.nominee.updated", "nominations.nominee.withdrawn")
SHOWN_IN = (DossierStatus.RETURNED, DossierStatus.RESUBMITTED)


def components_of(dossier: Dossier) -> list[str]:
    """The components an item may name: the round's checklist, and the other documents."""
    from .services import round_components

    return [*round_components(dossier.round.kind, dossier.round.year), OTHER_COMPONENT]


def _pk(value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, Nominee):
        return value.pk
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(f"Người, tập thể “{value}” không hợp lệ.") from None


def clean_items(dossier: Dossier, items) -> list[dict]:
    """The items, checked: [{"component": code or "", "nominee": Nominee or None, "text": NFC text}], in order. Each
    names exactly one component of the round or one nominee still in the dossier, and says what is missing."""
    from .work import component_label

    items = list(items or ())
    if len(items) > MAX_ITEMS:
        raise DomainError(f"Tối đa {MAX_ITEMS} nội dung cần bổ sung cho một lần trả lại (đã ghi {len(items)}).")
    components = components_of(dossier)
    nominees = {n.pk: n for n in dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED)}
    out = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise DomainError(f"Nội dung cần bổ sung thứ {number} không hợp lệ.")
        component = str(item.get("component") or "").strip()
        nominee_id = _pk(item.get("nominee"))
        text = vntext.nfc(str(item.get("text") or "")).strip()
        if bool(component) == (nominee_id is not None):
            raise DomainError(f"Nội dung cần bổ sung thứ {number}: hãy chọn một thành phần hồ sơ hoặc một người, tập thể.")
        if component and component not in components:
            raise DomainError(f"Nội dung cần bổ sung thứ {number}: thành phần hồ sơ “{component}” không thuộc đợt xét này.")
        nominee = nominees.get(nominee_id) if nominee_id is not None else None
        if nominee_id is not None and nominee is None:
            raise DomainError(f"Nội dung cần bổ sung thứ {number}: người, tập thể được chọn không có trong hồ sơ.")
        what = component_label(component) if component else nominee.name
        if not text:
            raise DomainError(f"Hãy ghi nội dung cần bổ sung của “{what}”.")
        if len(text) > MAX_ITEM_TEXT:
            raise DomainError(f"Nội dung cần bổ sung của “{what}” quá dài (tối đa {MAX_ITEM_TEXT:,} ký tự).".replace(",", "."))
        out.append({"component": component, "nominee": nominee, "text": text})
    return out


def audit_data(items: list[dict]) -> list[dict]:
    return [{"component": i["component"], "nominee": i["nominee"].pk if i["nominee"] else None, "text": i["text"]} for i in items]


def items_record(*, dossier: Dossier, step, items: list[dict]) -> list[ReturnItem]:
    """Store the checked items of the return `step` (inside the transition's transaction)."""
    return ReturnItem.objects.bulk_create([
        ReturnItem(dossier=dossier, transition=step, position=i, component=item["component"], nominee=item["nominee"],
                   text=item["text"]) for i, item in enumerate(items)])


def latest_return(history):
    """The last `return_for_supplement` transition of a dossier's history (oldest first), or None."""
    return next((t for t in reversed(list(history)) if t.action == "return_for_supplement"), None)


def item_label(item: ReturnItem) -> str:
    from .work import component_label

    return component_label(item.component) if item.component else item.nominee.name


def items_of(step) -> list[ReturnItem]:
    return list(ReturnItem.objects.filter(transition=step).select_related(*subject_related("nominee__")))


def return_panel(dossier: Dossier, history, attachments=None) -> dict | None:
    """What the dossier page shows of the last return while the dossier is returned or sent again: the return (when,
    by whom, the general reason) and its items, each with `.label` and `.done`. None otherwise, or when the return
    listed no items."""
    from tdkt.core.models import AuditEvent

    if dossier.status not in SHOWN_IN:
        return None
    step = latest_return(history)
    if step is None:
        return None
    items = items_of(step)
    if not items:
        return None
    files = [a for a in (attachments if attachments is not None else dossier.attachments.all())
             if a.withdrawn_at is None and a.uploaded_at > step.at]
    fixed_components = {a.component for a in files}
    changed = {a.nominee_id for a in files if a.nominee_id}
    if any(i.nominee_id for i in items):
        events = AuditEvent.objects.filter(target_type=dossier._meta.label_lower, target_id=str(dossier.pk), at__gt=step.at,
                                           action__in=NOMINEE_CHANGES).values_list("action", "data")
        for action, data in events:
            if not isinstance(data, dict) or not data.get("nominee"):
                continue
            if action == "nominations.nominee.updated" and data.get("old") == data.get("new"):
                continue  # saved without a change
            changed.add(data["nominee"])
    for item in items:
        item.label = item_label(item)
        item.done = item.component in fixed_components if item.component else item.nominee_id in changed
    return {"step": step, "items": items, "done": sum(1 for i in items if i.done), "total": len(items)}


def items_out(step) -> list[dict]:
    """The items of a return for the API and the notification: [{component, nominee, label, text}]."""
    return [{"component": i.component, "nominee": i.nominee_id, "label": item_label(i), "text": i.text} for i in items_of(step)]
