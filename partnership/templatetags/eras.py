"""Dates with the Japanese era beside them on Japanese pages (2026-05-01（令和8年5月1日）),
as Japanese readers of a city's documents expect; plain on pages in other languages."""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from partnership.era import era_date, era_fiscal_year

register = template.Library()


def _japanese() -> bool:
    return (get_language() or "").startswith("ja")


@register.filter
def with_era(value):
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value)
        text, day = f"{local:%Y-%m-%d %H:%M}", local.date()
    else:
        text, day = f"{value:%Y-%m-%d}", value
    era = era_date(day) if _japanese() else ""
    return f"{text}（{era}）" if era else text


@register.filter
def fiscal_era(year):
    """令和8年度 for 2026 on Japanese pages; empty elsewhere."""
    return era_fiscal_year(int(year)) if _japanese() and year else ""
