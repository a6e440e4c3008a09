"""The retention run, queued (`manage.py anonymise_family_reports --queue`, e.g. daily from
cron) so that the worker does it beside the e-mails."""

from django_tasks import task

from . import retention


@task()
def anonymise_family_reports() -> int:
    return retention.anonymise_closed()
