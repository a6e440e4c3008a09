"""Numbers as every page shows them: the active locale's format with thousands separators
(20,308 / 5,508.50) and ratios in percent with one decimal (105.5%). The reports format
through these, and so does a project's page (through the `number_format` template
filters): one figure reads the same wherever it appears."""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats

# No figure: outside a project's period, or nothing of its kind recorded. A counted zero
# is 0. The same dash as every other empty value of the portal's pages.
DASH = "—"


def _places(value) -> int:
    """Two decimals for an amount (hours, and their targets: Decimals, 5,508.00 beside
    5,948.50), none for a count (an int)."""
    return 2 if isinstance(value, Decimal) else 0


def number(value, places: int | None = None, *, thousands: str | None = None) -> str:
    """One number in the active locale's format with thousands separators: 20,308 / 5,508.50.

    None is a dash; `places` defaults to two for an amount with cents, none otherwise.
    Integers (and whole decimals shown without places) skip number_format's per-call
    setting lookups; `thousands` is the locale's separator when the caller read it already.
    Pages with many figures format through a `reports.formatting.Numbers`, which calls this
    once per value.
    """
    if value is None:
        return DASH
    if places is None:
        places = _places(value)
    if places == 0 and isinstance(value, int | Decimal):
        if thousands is None:
            thousands = formats.get_format("THOUSAND_SEPARATOR")
        return f"{int(value):,}".replace(",", thousands)
    return formats.number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def percent(value) -> str:
    """75.0% (one decimal); a dash when there is no ratio (no target)."""
    return DASH if value is None else f"{number(value, 1)}%"
