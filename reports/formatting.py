"""Figures and labels of the report pages, formatted once per value rather than once per cell.

A yearly report shows a few hundred numbers, many of them repeated (zeros, shared
targets), and the same 14 indicator labels for every project. `Numbers` formats each
distinct value once in the active locale and remembers the text; `indicator_labels`
translates each indicator's label once. Make them per request (per rendering), never
at import time: they depend on the language of the request.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats

from services.models import Indicator

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
    Pages with many figures format through a `Numbers`, which calls this once per value.
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


class Numbers:
    """Numbers in the active locale's format with thousands separators: 20,308 / 5,508.50.

    Each distinct (value, places) is formatted once, by `number`; integers use the
    locale's thousands separator read once when the object is made. None is a dash.
    """

    def __init__(self) -> None:
        self.thousands = formats.get_format("THOUSAND_SEPARATOR")
        self._text: dict[tuple, str] = {}

    def __call__(self, value, places: int | None = None) -> str:
        key = (type(value), value, places)
        text = self._text.get(key)
        if text is None:
            text = self._text[key] = number(value, places, thousands=self.thousands)
        return text

    def percent(self, value) -> str:
        """75.0% (one decimal); a dash when there is no ratio (no target)."""
        return DASH if value is None else f"{self(value, 1)}%"


def indicator_labels() -> dict[str, str]:
    """indicator value -> its label in the active language (translated once each)."""
    return {indicator.value: str(indicator.label) for indicator in Indicator}
