"""Template helpers of the report pages: fiscal-year labels and locale-formatted figures."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

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


@register.filter
def year_options(field) -> SafeString:
    """The <option>s of a year select, the chosen year selected, built in one pass."""
    chosen = str(field.value())
    return mark_safe("".join(  # noqa: S308 (values and labels escaped)
        f'<option value="{escape(str(value))}"{" selected" if str(value) == chosen else ""}>'
        f"{escape(str(label))}</option>"
        for value, label in field.field.choices))
