"""Template helpers of the report pages: fiscal-year labels and locale-formatted figures."""

from django import template

from reports import formatting
from reports.export import fiscal_year_label

register = template.Library()


@register.filter
def fiscal_year(year) -> str:
    """2011 -> 2011年度 (Japanese) or FY2011 (English)."""
    return fiscal_year_label(year)


@register.filter
def figure(value) -> str:
    """A count or an amount of hours in the locale's format; a dash when there is none."""
    return formatting.number(value)


@register.filter
def percent(value) -> str:
    """A ratio in percent with one decimal (75.0%); a dash when there is none."""
    return formatting.percent(value)
