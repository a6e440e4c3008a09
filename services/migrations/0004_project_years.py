"""Each project's fiscal years get a row of their own (open or closed), which the year's
transition table acts on; the years a `YearClosure` closed are closed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from partnership.fiscal import fiscal_year_of


def open_and_close_years(apps, schema_editor):
    Project = apps.get_model("services", "Project")
    ProjectYear = apps.get_model("services", "ProjectYear")
    YearClosure = apps.get_model("services", "YearClosure")
    rows = {}
    for project in Project.objects.order_by("pk"):
        for year in range(fiscal_year_of(project.starts_on), fiscal_year_of(project.ends_on) + 1):
            rows[(project.pk, year)] = ProjectYear(project_id=project.pk, fiscal_year=year)
    # A closure of a year outside the period (the period changed since) keeps its row too.
    for closure in YearClosure.objects.order_by("pk"):
        row = rows.setdefault((closure.project_id, closure.fiscal_year),
                              ProjectYear(project_id=closure.project_id,
                                          fiscal_year=closure.fiscal_year))
        row.status, row.closed_by_id, row.closed_at = "closed", closure.closed_by_id, closure.closed_at
    ProjectYear.objects.bulk_create(rows.values(), batch_size=1000)


def closures_again(apps, schema_editor):
    ProjectYear = apps.get_model("services", "ProjectYear")
    YearClosure = apps.get_model("services", "YearClosure")
    for row in ProjectYear.objects.filter(status="closed").order_by("pk"):
        closure = YearClosure.objects.create(project_id=row.project_id,
                                             fiscal_year=row.fiscal_year,
                                             closed_by_id=row.closed_by_id)
        YearClosure.objects.filter(pk=closure.pk).update(closed_at=row.closed_at)


class Migration(migrations.Migration):

    dependencies = [
        ('services', '0003_project_code_reserved_period_message'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ProjectYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('fiscal_year', models.PositiveSmallIntegerField(verbose_name='fiscal year')),
                ('status', models.CharField(choices=[('open', 'open'), ('closed', 'closed')], default='open', max_length=10, verbose_name='status')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed at')),
                ('closed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='closed by')),
                ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='years', to='services.project', verbose_name='project')),
            ],
            options={
                'verbose_name': 'project year',
                'verbose_name_plural': 'project years',
                'ordering': ['project', 'fiscal_year'],
                'constraints': [models.UniqueConstraint(fields=('project', 'fiscal_year'), name='one_row_per_year')],
            },
        ),
        migrations.RunPython(open_and_close_years, closures_again),
    ]
