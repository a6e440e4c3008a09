"""The proposal events become rows of the one audit log (public: the proposal's history)."""

from django.db import migrations

ACTIONS = {
    "create": "proposal.created",
    "submit": "proposal.submitted",
    "withdraw": "proposal.withdrawn",
    "mark_ineligible": "proposal.marked_ineligible",
    "open_review": "proposal.review_opened",
    "close_review": "proposal.review_closed",
    "choose": "proposal.decided",
    "decline": "proposal.decided",
}


def copy_events(apps, schema_editor):
    Event = apps.get_model("proposals", "Event")
    AuditEntry = apps.get_model("partnership", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    proposal_type, _ = ContentType.objects.get_or_create(app_label="proposals",
                                                         model="proposal")
    rows = [
        AuditEntry(
            created_at=event.created_at, actor_id=event.actor_id,
            action=ACTIONS.get(event.action, f"proposal.{event.action}"),
            subject_type=proposal_type, subject_id=event.proposal_id,
            subject_repr=event.proposal.title[:200],
            before={"status": event.from_status} if event.from_status else None,
            after={"status": event.to_status}, reason=event.reason, public=True,
        )
        for event in Event.objects.select_related("proposal").order_by("created_at", "id")
    ]
    AuditEntry.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("partnership", "0004_audit_log_notifications_language"),
        ("proposals", "0002_clock_defaults"),
    ]

    operations = [
        migrations.RunPython(copy_events, migrations.RunPython.noop),
        migrations.DeleteModel(name="Event"),
    ]
