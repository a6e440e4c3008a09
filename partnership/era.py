"""Japanese era names (和暦): 2026-05-01 is 令和8年5月1日, fiscal 2026 is 令和8年度.

A fiscal year takes the era of its first day, as budgets name it: fiscal 2019 began on
2019-04-01, a month before Reiwa, so it is 平成31年度 (most of it was Reiwa, and some
documents write 令和元年度; the portal keeps one rule).
"""

import datetime

from .fiscal import fiscal_year_bounds

# (first day, name), newest first.
ERAS = (
    (datetime.date(2019, 5, 1), "令和"),
    (datetime.date(1989, 1, 8), "平成"),
    (datetime.date(1926, 12, 25), "昭和"),
)


def era_of(day: datetime.date) -> tuple[str, int] | None:
    """The era and the year within it (1 for the first year), or None before Shōwa."""
    for first, name in ERAS:
        if day >= first:
            return name, day.year - first.year + 1
    return None


def _year_text(name: str, year: int) -> str:
    return f"{name}{'元' if year == 1 else year}"


def era_date(day: datetime.date) -> str:
    """令和8年5月1日; an empty string before Shōwa."""
    era = era_of(day)
    if era is None:
        return ""
    return f"{_year_text(*era)}年{day.month}月{day.day}日"


def era_fiscal_year(fiscal_year: int) -> str:
    """令和8年度 for fiscal 2026: the era of the fiscal year's first day."""
    era = era_of(fiscal_year_bounds(fiscal_year)[0])
    return f"{_year_text(*era)}年度" if era is not None else ""
