"""Data for the accountability pages' tests: hours each year, a target, closed years."""

import datetime
from decimal import Decimal

from services import actions
from services.kinds import KINDS
from tests.services.conftest import officer_of, staff_of
from tests.services.report_data import accepted


def closed(project, year):
    accepted(project, year)
    actions.close_year(actor=officer_of(project), project=project, year=year)


def record(project, years):
    """Hours in each year, a target for 2010, then the years accepted and closed."""
    staff, officer = staff_of(project), officer_of(project)
    for year in years:
        actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                               rows=[{"date": datetime.date(year, 6, 1),
                                      "hours": Decimal(year - 2000)}])
    actions.set_targets(actor=staff, project=project, year=2010,
                        values={"activity_hours": Decimal("20")})
    actions.agree_targets(actor=officer, project=project, year=2010)
    for year in years:
        closed(project, year)
