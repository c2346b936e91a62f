"""The batch run's workflow: queued by a user, claimed and finished (or failed) by a worker as the system account.

    [*] --start--> queued --claim--> running --finish--> done
                     \\--fail--> failed  <--fail--/
"""

from tdkt.core.workflow import CREATED, Edge, Workflow

from .models import BatchRunStatus as S

BATCH_RUN = Workflow(
    name="reports.batch_run",
    model="reports.BatchRun",
    states=S,
    edges=[
        Edge(CREATED, "start", S.QUEUED, permission="reports.start_batch_run", event="started", label="Bắt đầu xét"),
        Edge(S.QUEUED, "claim", S.RUNNING, permission="reports.execute_batch_run", event="claimed", label="Tiến trình nền nhận việc"),
        Edge(S.RUNNING, "finish", S.DONE, permission="reports.execute_batch_run", event="done", label="Hoàn thành"),
        Edge(S.RUNNING, "fail", S.FAILED, permission="reports.execute_batch_run", event="failed", label="Lỗi",
             requires_reason=True),
        Edge(S.QUEUED, "fail", S.FAILED, permission="reports.execute_batch_run", event="failed", label="Lỗi trước khi chạy",
             requires_reason=True),
    ],
)
