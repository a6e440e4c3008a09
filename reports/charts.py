"""Charts drawn on the server as inline SVG: no JavaScript, no inline styles (strict CSP).

This module does the geometry: where each grid line, bar, dot, label and legend key goes,
with coordinates and numbers already written as text (numbers in the active locale). The
template reports/partials/chart_svg.html writes the SVG elements and escapes every text.
Colours and strokes are SVG presentation attributes (fill, stroke), which the CSP allows.
Each chart carries a <title> referenced by aria-labelledby and labelled axes; the template
shows the same data as a table beside it (`Chart.columns` and `Chart.rows`) for screen
readers and for reading exact figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext

from .formatting import Numbers

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, BOTTOM = 72, 16, 64
LEGEND_ROW = 18


def text_width(text: str) -> float:
    """Rough width in pixels at font size 12: CJK characters are about twice as wide."""
    return sum(12 if ord(c) > 0x2E80 else 7 for c in text)


@dataclass(frozen=True)
class Series:
    name: str
    values: list


def _at(value: float) -> str:
    """A coordinate as the SVG gives it: one decimal."""
    return f"{value:.1f}"


# The shapes are tuples so that the template unpacks them in its loops: a chart has a few
# hundred, and unpacking is the template's cheapest way to reach their parts. Every number
# is text already, so that the template neither localises nor groups a coordinate.

class Bar(NamedTuple):
    x: str
    y: str
    width: str
    height: str
    colour: str
    tooltip: str
    value_x: str  # the bar's figure, written above it unless `value` is empty
    value_y: str
    value: str


class Category(NamedTuple):
    """A category under the x axis, with its bars (none on a line chart); `slanted` when
    its name is wider than its room."""

    bars: list[Bar]
    x: str
    y: str
    name: str
    slanted: bool


class Dot(NamedTuple):
    x: str
    y: str
    tooltip: str


class Line(NamedTuple):
    """A series of a line chart: a polyline through its dots (`points` is empty when there
    is only one dot)."""

    points: str
    colour: str
    dots: list[Dot]


class Tick(NamedTuple):
    """A grid line of the y axis and its figure."""

    y: str
    label_y: str
    label: str


class Key(NamedTuple):
    """A series in the legend: its colour swatch at (x, y), its name beside it."""

    x: str
    y: str
    colour: str
    name: str
    name_x: str
    name_y: str


@dataclass(frozen=True)
class Plot:
    """Where the parts of a chart go: the plot area below the legend, the y axis scale,
    the categories (with their bars), the lines and the legend, in drawing order."""

    top: str
    y_label_y: str
    ticks: list[Tick]
    categories: list[Category]
    lines: list[Line]
    keys: list[Key]
    width = str(WIDTH)
    height = str(HEIGHT)
    left = str(LEFT)
    right = str(WIDTH - RIGHT)
    base = str(HEIGHT - BOTTOM)  # the x axis
    tick_x = str(LEFT - 6)
    x_label_x = _at((LEFT + WIDTH - RIGHT) / 2)
    x_label_y = str(HEIGHT - 8)


@dataclass(frozen=True)
class Chart:
    """A chart's drawing (`plot`, written by the template) and the table of its data."""

    chart_id: str
    title: str
    x_label: str
    y_label: str
    plot: Plot
    columns: list[str]
    rows: list[list[str]]
    has_figures: bool = True  # False when every figure is zero or missing

    @property
    def body(self) -> list[tuple[str, list[str]]]:
        """The data table's rows as (row header, data cells), for a loop without ifs."""
        return [(row[0], row[1:]) for row in self.rows]

    @property
    def empty(self) -> bool:
        """Nothing but zeros (or no figures) to draw: the page says so instead of drawing a
        flat line on an axis of no meaning."""
        return not self.has_figures


def _legend(series: list[Series]) -> tuple[list[Key], int]:
    """A key per series along the top, wrapped onto as many rows as it needs, and the top of
    the plot area below it."""
    keys, x, y = [], LEFT, 12
    for index, item in enumerate(series):
        width = 28 + text_width(item.name)
        if x > LEFT and x + width > WIDTH - RIGHT:
            x, y = LEFT, y + LEGEND_ROW
        keys.append(Key(str(x), str(y), PALETTE[index % len(PALETTE)], item.name, str(x + 16),
                        str(y + 10)))
        x += width
    return keys, y + LEGEND_ROW + 10  # the last row of keys, a row high, and a gap


def _tooltip_pattern() -> str:
    """The pattern of a bar's or a dot's tooltip in the active language (fetched once a chart)."""
    return gettext("%(series)s, %(category)s: %(value)s")


def nice_max(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^n at or above value (at least 1)."""
    if value <= 0:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)  # pragma: no cover


def axis_top(values: list) -> float:
    """The y axis' highest value. Counts get at least 5, so that the grid lines at fifths
    fall on whole numbers (0, 1, 2 … rather than 0.0, 0.2 …)."""
    top = nice_max(float(max(values, default=0)))
    counts = all(not isinstance(v, Decimal) or v == v.to_integral() for v in values)
    return max(top, 5) if counts else top


def _ticks(top: float, count: int = 5) -> list[float]:
    return [top * i / count for i in range(count + 1)]


def _places(values: list) -> int:
    return 2 if any(isinstance(v, Decimal) and v != v.to_integral() for v in values) else 0


def _plot(top: float, top_m: int, keys: list[Key], numbers: Numbers,
          categories: list[Category], lines: list[Line] = ()) -> Plot:
    """The frame around the data: grid lines at fifths of `top` (the y axis' highest value)."""
    plot_h = HEIGHT - top_m - BOTTOM
    places = 0 if top >= 5 else 1
    ticks = []
    for tick in _ticks(top):
        y = top_m + plot_h - plot_h * tick / top
        ticks.append(Tick(_at(y), _at(y + 4), numbers(tick, places)))
    return Plot(str(top_m), _at(top_m + plot_h / 2), ticks, categories, list(lines), keys)


def _category(bars: list[Bar], x: float, y: int, name: str, room: float) -> Category:
    return Category(bars, _at(x), str(y), name, text_width(name) > room - 4)


def _table(categories: list[str], category_label: str, series: list[Series], numbers: Numbers):
    places = _places([v for s in series for v in s.values])
    columns = [category_label, *[s.name for s in series]]
    rows = [[category, *[numbers(s.values[i], places) for s in series]]
            for i, category in enumerate(categories)]
    return columns, rows


def bar_chart(*, chart_id: str, title: str, categories: list[str], series: list[Series],
              x_label: str, y_label: str, stacked: bool = False) -> Chart:
    """Bars per category: one bar per series side by side, or stacked into one bar."""
    keys, top_m = _legend(series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - top_m - BOTTOM
    count = max(len(categories), 1)
    if stacked:
        heights = [sum(s.values[i] for s in series) for i in range(len(categories))]
    else:
        heights = [v for s in series for v in s.values]
    top = axis_top(heights)
    band = plot_w / count
    bars_per_band = 1 if stacked else max(len(series), 1)
    bar_w = band * 0.7 / bars_per_band
    width = _at(bar_w)
    numbers = Numbers()
    tooltip = _tooltip_pattern()
    drawn = []
    for i, category in enumerate(categories):
        band_x = LEFT + band * i + band * 0.15
        base = 0.0
        bars = []
        for s_index, item in enumerate(series):
            value = item.values[i]
            h = plot_h * float(value) / top
            x = band_x if stacked else band_x + bar_w * s_index
            y = top_m + plot_h - h - (plot_h * base / top if stacked else 0)
            figure = numbers(value)
            bars.append(Bar(_at(x), _at(y), width, _at(h), PALETTE[s_index % len(PALETTE)],
                            tooltip % {"series": item.name, "category": category,
                                       "value": figure},
                            _at(x + bar_w / 2), _at(y - 3),
                            figure if value and not stacked else ""))
            base += float(value)
        drawn.append(_category(bars, LEFT + band * (i + 0.5), top_m + plot_h + 16, category,
                               band))
    columns, rows = _table(categories, x_label, series, numbers)
    return Chart(chart_id, title, x_label, y_label, _plot(top, top_m, keys, numbers, drawn),
                 columns, rows, has_figures=any(heights))


def line_chart(*, chart_id: str, title: str, categories: list[str], series: list[Series],
               x_label: str, y_label: str) -> Chart:
    """One line per series over the categories (e.g. fiscal years), with a dot per value.

    Each category is the middle of its band, so that the first and last labels stay inside
    the drawing. A missing value (None: a year outside a project's period) is no dot, and
    the line breaks there rather than fall to zero.
    """
    keys, top_m = _legend(series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - top_m - BOTTOM
    values = [v for s in series for v in s.values if v is not None]
    top = axis_top(values)
    step = plot_w / max(len(categories), 1)
    xs = [LEFT + step * (i + 0.5) for i in range(len(categories))]
    numbers = Numbers()
    tooltip = _tooltip_pattern()
    lines = []
    for s_index, item in enumerate(series):
        colour = PALETTE[s_index % len(PALETTE)]
        segment: list[Dot] = []
        for x, value, category in zip(xs, item.values, categories, strict=False):
            if value is None:
                continue
            segment.append(Dot(_at(x), _at(top_m + plot_h - plot_h * float(value) / top),
                               tooltip % {"series": item.name, "category": category,
                                          "value": numbers(value)}))
        for run in _runs(segment, item.values):
            points = " ".join(f"{dot.x},{dot.y}" for dot in run) if len(run) > 1 else ""
            lines.append(Line(points, colour, run))
    drawn = [_category([], x, top_m + plot_h + 16, category, step)
             for x, category in zip(xs, categories, strict=True)]
    columns, rows = _table(categories, x_label, series, numbers)
    return Chart(chart_id, title, x_label, y_label, _plot(top, top_m, keys, numbers, drawn, lines),
                 columns, rows, has_figures=any(values))


def _runs(dots: list[Dot], values: list) -> list[list[Dot]]:
    """The dots split where a value is missing: each run is drawn as its own line."""
    runs, run, index = [], [], 0
    for value in values:
        if value is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.append(dots[index])
        index += 1
    if run:
        runs.append(run)
    return runs
