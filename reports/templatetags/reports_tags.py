"""Template helpers of the report pages: fiscal-year labels and locale-formatted figures."""

from django import template
from django.utils.html import format_html_join

from reports.charts import number
from reports.export import fiscal_year_label

register = template.Library()


@register.filter
def fiscal_year(year) -> str:
    """2011 -> 2011年度 (Japanese) or FY2011 (English)."""
    return fiscal_year_label(year)


@register.filter
def figure(value) -> str:
    """A count or an amount of hours in the locale's format; a dash when there is none."""
    return number(value)


@register.filter
def percent(value) -> str:
    return "–" if value is None else f"{number(value, 1)}%"


@register.simple_tag
def indicator_rows(row) -> str:
    """The table rows of one project-year: indicator, target, result, result / target.

    Built in one pass (escaped by format_html_join): the yearly report has 14 rows per
    project, and rendering them node by node was most of the page's time.
    """
    return format_html_join(
        "\n",
        '<tr data-indicator="{}"><th scope="row">{}</th><td class="text-end">{}</td>'
        '<td class="text-end">{}</td><td class="text-end">{}</td></tr>',
        ((result.indicator.value, result.indicator.label, number(result.target),
          number(result.value), percent(result.percent)) for result in row.results),
    )
