"""The report pages' charts, built from the selectors' plain data."""

from __future__ import annotations

from django.utils.translation import gettext as _

from services.indicators import ORGANISERS
from services.models import Indicator

from .charts import Chart, Series, bar_chart, line_chart
from .export import fiscal_year_label
from .selectors import Funnel, ProjectYear

# Trend charts: indicators that share a scale are drawn together.
TREND_GROUPS = (
    ("requests", (Indicator.SERVICE_REQUESTS, Indicator.SERVICE_REQUESTS_HANDLED)),
    ("hours", (Indicator.ACTIVITY_HOURS,)),
    ("users", (Indicator.FACILITY_USERS,)),
    ("courses", (Indicator.COURSES, Indicator.COURSES_BY_MEMBERS,
                 Indicator.COURSES_BY_PROFESSIONALS, Indicator.COURSES_BY_CITIZENS)),
    ("participants", (Indicator.COURSE_PARTICIPANTS, Indicator.PARTICIPANTS_BY_MEMBERS,
                      Indicator.PARTICIPANTS_BY_PROFESSIONALS, Indicator.PARTICIPANTS_BY_CITIZENS)),
    ("members", (Indicator.NEW_MEMBERS, Indicator.NEW_MEMBERS_FORMER_USERS)),
)


def funnel_steps_chart(funnel: Funnel, chart_id: str = "funnel-chart") -> Chart:
    """Submitted, recommended, chosen as three bars (one call year or a span's total)."""
    label = fiscal_year_label(funnel.year) if funnel.year else _("Total")
    return bar_chart(
        chart_id=chart_id,
        title=_("Proposals submitted, recommended and chosen (%(label)s)") % {"label": label},
        categories=[_("Submitted"), _("Recommended"), _("Chosen")],
        series=[Series(label, [funnel.submitted, funnel.recommended, funnel.chosen])],
        x_label=_("Stage"), y_label=_("Proposals"),
    )


def funnel_years_chart(funnels: list[Funnel], chart_id: str = "funnel-years-chart") -> Chart:
    """Submitted, recommended and chosen side by side for each call year."""
    return bar_chart(
        chart_id=chart_id,
        title=_("Proposals per call year"),
        categories=[fiscal_year_label(f.year) for f in funnels],
        series=[Series(_("Submitted"), [f.submitted for f in funnels]),
                Series(_("Recommended"), [f.recommended for f in funnels]),
                Series(_("Chosen"), [f.chosen for f in funnels])],
        x_label=_("Call year"), y_label=_("Proposals"),
    )


def organiser_chart(rows: list[ProjectYear], chart_id: str = "organiser-chart") -> Chart:
    """Courses of each project stacked by who organised and taught them."""
    return bar_chart(
        chart_id=chart_id,
        title=_("Courses by organiser"),
        categories=[row.project.code for row in rows],
        series=[Series(str(organiser.label), [row.value(courses) for row in rows])
                for organiser, courses, _participants in ORGANISERS],
        x_label=_("Project"), y_label=_("Courses"), stacked=True,
    )


def trend_charts(values: dict[str, list], years: list[int], prefix: str) -> list[Chart]:
    """One line chart per group of indicators over the years."""
    categories = [fiscal_year_label(year) for year in years]
    charts = []
    for key, indicators in TREND_GROUPS:
        first = indicators[0]
        charts.append(line_chart(
            chart_id=f"{prefix}-{key}",
            title=_("Trend: %(indicator)s") % {"indicator": first.label},
            categories=categories,
            series=[Series(str(ind.label), values[ind.value]) for ind in indicators],
            x_label=_("Fiscal year"),
            y_label=_("Hours") if first == Indicator.ACTIVITY_HOURS else _("Count"),
        ))
    return charts


def drawable(charts: list[Chart]) -> tuple[list[Chart], list[str]]:
    """The charts with a figure to draw, and the names of the indicators of the others: a
    project without courses gets a line that it has none, not four flat lines at zero."""
    empty = [name for chart in charts if chart.empty for name in chart.columns[1:]]
    return [chart for chart in charts if not chart.empty], empty
