"""Template helpers of the report pages: fiscal-year labels and locale-formatted figures."""

from django import template

from partnership.templatetags.number_format import figure, percent
from reports.export import fiscal_year_label

register = template.Library()
# The same filters as every page's (one format for a figure wherever it appears).
register.filter("figure", figure)
register.filter("percent", percent)


@register.filter
def fiscal_year(year) -> str:
    """2011 -> 2011年度 (Japanese) or FY2011 (English)."""
    return fiscal_year_label(year)
