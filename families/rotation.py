"""Re-encrypting the stored tokens with the first key. The columns are read and written as
they are stored (SQL on the table), so the text never passes through model objects, and
the rows are locked, so a report changed meanwhile is not overwritten with its old text."""

from django.db import connection

from . import crypto
from .models import FamilyReport


def rotate_all(batch: int = 500) -> int:
    """Each report's encrypted columns, rotated in place; returns how many reports."""
    table = connection.ops.quote_name(FamilyReport._meta.db_table)
    columns = [FamilyReport._meta.get_field(name).column for name in FamilyReport.TEXT_FIELDS]
    quoted = [connection.ops.quote_name(column) for column in columns]
    select = f"SELECT id, {', '.join(quoted)} FROM {table} WHERE id > %s ORDER BY id"
    update = (f"UPDATE {table} SET {', '.join(f'{q} = %s' for q in quoted)} "
              "WHERE id = %s")
    count, last = 0, 0
    with connection.cursor() as cursor:
        while True:
            lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
            cursor.execute(f"{select} LIMIT {int(batch)}{lock}", [last])
            rows = cursor.fetchall()
            if not rows:
                return count
            for pk, *tokens in rows:
                cursor.execute(update, [*(crypto.rotate(t or "") for t in tokens), pk])
                last, count = pk, count + 1
