"""`manage.py check --deploy` refuses a production without the reports' encryption key."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import crypto


@checks.register(checks.Tags.security, deploy=True)
def family_report_keys(app_configs=None, **kwargs):
    try:
        crypto.cipher()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="families.E001",
                             hint="Set DJANGO_FAMILY_REPORT_KEYS (see the README).")]
    return []
