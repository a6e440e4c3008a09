"""The record history (`RecordChange`) becomes rows of the one audit log, about the record
(or, for an import, the import batch) with the project as parent; `YearClosure` goes, its
years being closed `ProjectYear` rows since 0004."""

from django.db import migrations

MODELS = {  # RecordChange.kind -> (model of the record, its date field, its name)
    "requests": ("servicerequest", "received_on", "service request"),
    "activities": ("activity", "date", "activity"),
    "visits": ("visit", "date", "visit"),
    "courses": ("course", "start_date", "course"),
    "members": ("memberjoined", "joined_on", "member joined"),
}
ACTIONS = {"create": "record.created", "update": "record.changed",
           "delete": "record.deleted", "import": "records.imported"}


def _audit_row(change, types, AuditEntry):
    model, date_field, name = MODELS[change.kind]
    data = change.data or {}
    common = {"created_at": change.at, "actor_id": change.actor_id,
              "action": ACTIONS[change.action], "parent_type": types["project"],
              "parent_id": change.project_id}
    if change.action == "import":
        return AuditEntry(
            **common, subject_type=types["importbatch"], subject_id=data.get("batch") or 0,
            subject_repr=str(data.get("file", ""))[:200],
            after={"kind": change.kind, "filename": data.get("file", ""),
                   "rows": data.get("rows")})
    values = data.get("after", data) if change.action == "update" else data
    return AuditEntry(
        **common, subject_type=types[model], subject_id=change.record_id or 0,
        subject_repr=f"{name} {values.get(date_field, '')}".strip()[:200],
        before=data.get("before") if change.action == "update" else (
            data if change.action == "delete" else None),
        after=values if change.action in ("create", "update") else None)


def copy_record_changes(apps, schema_editor):
    RecordChange = apps.get_model("services", "RecordChange")
    AuditEntry = apps.get_model("partnership", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = {model: ContentType.objects.get_or_create(app_label="services", model=model)[0]
             for model in ["project", "importbatch", *[m for m, _f, _n in MODELS.values()]]}
    rows = [_audit_row(change, types, AuditEntry)
            for change in RecordChange.objects.order_by("at", "id").iterator()]
    AuditEntry.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("partnership", "0004_audit_log_notifications_language"),
        ("services", "0004_project_years"),
    ]

    operations = [
        migrations.RunPython(copy_record_changes, migrations.RunPython.noop),
        migrations.DeleteModel(name="RecordChange"),
        migrations.DeleteModel(name="YearClosure"),
    ]
