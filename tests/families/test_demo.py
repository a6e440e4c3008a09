"""The demo's family-situation reports: fiscal 2011 on the childcare project, filed by its
staff after the 2008 amendment, every urgency, all acknowledged, some closed; loaded once;
the service figures of 2011 unchanged."""

import pytest

from families import demo as families_demo
from families import indicators
from families.models import FamilyReport
from services import demo as services_demo
from services.indicators import indicator_values
from services.models import Project
from tests.services.test_demo import case_projects  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def test_the_demo_reports(case_projects):  # noqa: F811
    services_demo.load()
    project = Project.objects.get(code="childcare-support")
    figures_before = indicator_values(years=[2011])
    families_demo.load()
    families_demo.load()  # once
    reports = FamilyReport.objects.filter(project=project)
    assert reports.count() == len(families_demo.REPORTS)
    assert set(reports.values_list("urgency", flat=True)) == set(FamilyReport.Urgency.values)
    assert not reports.filter(acknowledged_at__isnull=True).exists()
    assert reports.filter(status="closed").exists() and reports.exclude(status="closed").exists()
    assert {r.filed_by.username for r in reports} == {"citizen"}
    assert project.agreements.get(status="in_force").family_contacts
    figures = indicators.for_year(2011)
    assert figures.total == len(families_demo.REPORTS)
    assert figures.urgent == sum(1 for row in families_demo.REPORTS if row[3] == "urgent")
    assert indicator_values(years=[2011]) == figures_before
