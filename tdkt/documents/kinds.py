"""The registry of document kinds: code, Vietnamese name, the shipped template, the sample context and the function
that checks and completes a caller's context (`tdkt.documents.contexts`). Another app adds a kind with `register`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tdkt.core.errors import DomainError

from . import contexts, samples

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates_docx"


@dataclass(frozen=True)
class DocumentKind:
    code: str
    name: str  # "Quyết định khen thưởng (Mẫu 1.2, kèm danh sách Mẫu 1.3)"
    filename: str  # the stem of the download ("quyet-dinh-khen-thuong")
    sample: Callable[[], dict]
    prepare: Callable[[dict], dict]

    @property
    def template_path(self) -> Path:
        return TEMPLATES_DIR / f"{self.code}.docx"


_KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> None:
    _KINDS[kind.code] = kind


def get(code: str) -> DocumentKind:
    try:
        return _KINDS[code]
    except KeyError:
        raise DomainError(f"Không có loại văn bản “{code}”.", code="document_kind") from None


def all_kinds() -> list[DocumentKind]:
    return list(_KINDS.values())


def choices() -> list[tuple[str, str]]:
    return [(k.code, k.name) for k in _KINDS.values()]


for _kind in (
    DocumentKind("decision", "Quyết định khen thưởng (Mẫu 1.2, kèm danh sách Mẫu 1.3)", "quyet-dinh-khen-thuong",
                 samples.decision, contexts.prepare_decision),
    DocumentKind("submission", "Tờ trình đề nghị khen thưởng (Mẫu 1.4)", "to-trinh", samples.submission, contexts.prepare_submission),
    DocumentKind("nomination_list", "Danh sách đề nghị khen thưởng", "danh-sach-de-nghi", samples.nomination_list,
                 contexts.prepare_nomination_list),
    DocumentKind("appraisal_report", "Báo cáo thẩm định hồ sơ", "bao-cao-tham-dinh", samples.appraisal_report,
                 contexts.prepare_appraisal_report),
    DocumentKind("minutes", "Biên bản họp Hội đồng Thi đua - Khen thưởng (Mẫu 1.9)", "bien-ban-hop-hoi-dong", samples.minutes,
                 contexts.prepare_minutes),
    DocumentKind("ballot", "Phiếu bầu", "phieu-bau", samples.ballot, contexts.prepare_ballot),
    DocumentKind("achievement_report", "Báo cáo thành tích cá nhân", "bao-cao-thanh-tich", samples.achievement_report,
                 contexts.prepare_achievement_report),
    DocumentKind("plan", "Kế hoạch công tác thi đua, khen thưởng (Mẫu 1.4, kèm hai phụ lục)", "ke-hoach-tdkt", samples.plan,
                 contexts.prepare_plan),
):
    register(_kind)
