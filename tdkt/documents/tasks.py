"""Background tasks of the documents app: thin, take ids, act as the system account, call one service."""

from django.tasks import task

from tdkt.core.actors import system_actor

from . import jobs


@task
def document_job_task(job_id: int) -> str:
    job = jobs.job_execute(actor=system_actor(), job_id=job_id)
    return job.status if job is not None else "skipped"
