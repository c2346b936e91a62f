"""Background tasks of the reports app: thin, take ids, act as the system account, call one service."""

from django.tasks import task

from tdkt.core.actors import system_actor

from . import services


@task
def batch_run_task(run_id: int) -> str:
    run = services.batch_run_execute(actor=system_actor(), run_id=run_id)
    return run.status if run is not None else "skipped"
