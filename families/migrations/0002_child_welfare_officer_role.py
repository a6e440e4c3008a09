from django.db import migrations


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="child_welfare_officer")


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="child_welfare_officer").delete()


class Migration(migrations.Migration):
    dependencies = [("families", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_group, remove_group)]
