"""Figures and labels of the report pages, formatted once per value rather than once per cell.

A yearly report shows a few hundred numbers, many of them repeated (zeros, shared
targets), and the same 14 indicator labels for every project. `Numbers` formats each
distinct value once in the active locale and remembers the text; `indicator_labels`
translates each indicator's label once. Make them per request (per rendering), never
at import time: they depend on the language of the request.
"""

from __future__ import annotations

from django.utils import formats

# The portal's one number format lives in partnership, so that every app's pages use it
# (nothing imports reports); re-exported here for the report modules.
from partnership.formatting import DASH, number, percent
from services.models import Indicator

__all__ = ["DASH", "Numbers", "indicator_labels", "number", "percent"]


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
