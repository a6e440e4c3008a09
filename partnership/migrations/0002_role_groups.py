from django.db import migrations

ROLE_GROUPS = [
    "citizen",
    "partnership_member",
    "partnership_chair",
    "mayors_office",
    "city_officer",
    "project_staff",
    "administrator",
]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("partnership", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
