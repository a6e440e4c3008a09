"""Figures in templates as the reports show them (partnership.formatting): a project's page
and the report pages format a value alike."""

from django import template

from partnership import formatting

register = template.Library()


@register.filter
def figure(value) -> str:
    """A count or an amount of hours in the locale's format; a dash when there is none."""
    return formatting.number(value)


@register.filter
def percent(value) -> str:
    """A ratio in percent with one decimal (75.0%); a dash when there is none."""
    return formatting.percent(value)
