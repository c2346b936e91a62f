"""The bulk generation job's workflow: queued by a user, claimed and finished (or failed) by a worker (system account).

    [*] --start--> queued --claim--> running --finish--> done
                     \\--fail--> failed  <--fail--/
"""

from tdkt.core.workflow import CREATED, Edge, Workflow

from .models import JobStatus as S

DOCUMENT_JOB = Workflow(
    name="documents.job",
    model="documents.DocumentJob",
    states=S,
    edges=[
        Edge(CREATED, "start", S.QUEUED, permission="documents.start_job", event="started", label="Yêu cầu tạo văn bản"),
        Edge(S.QUEUED, "claim", S.RUNNING, permission="documents.execute_job", event="claimed", label="Tiến trình nền nhận việc"),
        Edge(S.RUNNING, "finish", S.DONE, permission="documents.execute_job", event="done", label="Hoàn thành"),
        Edge(S.RUNNING, "fail", S.FAILED, permission="documents.execute_job", event="failed", label="Lỗi", requires_reason=True),
        Edge(S.QUEUED, "fail", S.FAILED, permission="documents.execute_job", event="failed", label="Lỗi trước khi chạy",
             requires_reason=True),
    ],
)
