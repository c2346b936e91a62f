"""Background tasks of the reports app: thin, take ids, call one service."""

from django.tasks import task

from . import services


@task
def batch_run_task(run_id: int) -> str:
    run = services.batch_run_execute(run_id=run_id)
    return run.status if run is not None else "skipped"
