"""What the backup tests compare between the original and the restored portal: the rows of
every table, the SHA-256 of every attachment read through `Attachment.file`, and whether
the audit log still refuses UPDATE (PostgreSQL's trigger).

In the test process: `snapshot()`. Against another database: `python -m tests.backup_probe`
with DATABASE_URL and DJANGO_MEDIA_ROOT set prints the same as JSON.
"""

import hashlib
import json


class _RolledBack(Exception):
    pass


def audit_refuses_update() -> bool | None:
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        return None  # SQLite has no trigger; the model refuses instead
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE partnership_auditentry SET reason = 'changed'")
            raise _RolledBack  # the trigger is missing: undo the change
    except DatabaseError:
        return True
    except _RolledBack:
        return False


def snapshot() -> dict:
    from django.apps import apps

    from proposals.models import Attachment

    counts = {model._meta.label: model._base_manager.count() for model in apps.get_models()}
    attachments = {}
    for attachment in Attachment.objects.order_by("pk"):
        with attachment.file.open("rb") as handle:
            attachments[str(attachment.pk)] = hashlib.sha256(handle.read()).hexdigest()
    return {"counts": counts, "attachments": attachments,
            "audit_refuses_update": audit_refuses_update()}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(snapshot(), sort_keys=True))
