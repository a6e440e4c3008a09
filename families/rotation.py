"""Re-encrypting every report with the first key: each is read (any key of the list
decrypts it) and written again (the first key encrypts), under its row lock, so a report
changed meanwhile waits rather than being overwritten."""

from partnership import audit

from .models import FamilyReport


def rotate_all(batch: int = 500) -> int:
    """Call inside a transaction; returns how many reports were re-encrypted."""
    count, last = 0, 0
    while True:
        reports = list(FamilyReport.objects.select_for_update().filter(pk__gt=last)
                       .order_by("pk")[:batch])
        if not reports:
            return count
        for report in reports:
            report.save(update_fields=list(FamilyReport.TEXT_FIELDS))
            audit.record(actor=None, action="family_report.reencrypted", subject=report)
        last, count = reports[-1].pk, count + len(reports)
