"""Group names unique as people read them: a folded key (NFKC, case, spaces)."""

import unicodedata

from django.db import migrations, models


def fold(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def fill_keys(apps, schema_editor):
    CitizenGroup = apps.get_model("partnership", "CitizenGroup")
    taken = set()
    for group in CitizenGroup.objects.order_by("pk"):
        key = fold(group.name)
        if key in taken:  # two groups registered before names were folded: keep both
            key = f"{key} #{group.pk}"
        taken.add(key)
        group.name_key = key
        group.save(update_fields=["name_key"])


class Migration(migrations.Migration):

    dependencies = [("partnership", "0008_recent_submissions")]

    operations = [
        migrations.AddField(
            model_name="citizengroup", name="name_key",
            field=models.CharField(default="", editable=False, max_length=200,
                                   verbose_name="name, folded"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="citizengroup", name="name_key",
            field=models.CharField(editable=False, max_length=200, unique=True,
                                   verbose_name="name, folded"),
        ),
    ]
