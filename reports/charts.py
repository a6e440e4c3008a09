"""Charts drawn on the server as inline SVG: no JavaScript, no inline styles (strict CSP).

Colours and strokes are SVG presentation attributes (fill, stroke), which the CSP allows.
Each chart carries a <title> referenced by aria-labelledby, labelled axes and numbers
formatted for the active locale; the template shows the same data as a table beside it
(`Chart.columns` and `Chart.rows`) for screen readers and for reading exact figures.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe
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


def legend_rows(series: list[Series]) -> int:
    rows, x = 1, LEFT
    for item in series:
        width = 28 + text_width(item.name)
        if x > LEFT and x + width > WIDTH - RIGHT:
            rows, x = rows + 1, LEFT
        x += width
    return rows


def _top(series: list[Series]) -> int:
    return 22 + LEGEND_ROW * legend_rows(series)


@dataclass(frozen=True)
class Series:
    name: str
    values: list


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the table of the data it shows."""

    chart_id: str
    title: str
    svg: SafeString
    columns: list[str]
    rows: list[list[str]]

    @property
    def body(self) -> list[tuple[str, list[str]]]:
        """The data table's rows as (row header, data cells), for a loop without ifs."""
        return [(row[0], row[1:]) for row in self.rows]


def escape(text) -> str:
    """django.utils.html.escape without its lazy-string wrapper (the charts escape a lot)."""
    return html.escape(str(text))


def _tooltip_pattern() -> str:
    """The pattern of a bar's or a dot's tooltip in the active language, escaped (fetch it
    once per chart; the values put into it are escaped already)."""
    return escape(gettext("%(series)s, %(category)s: %(value)s"))


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


def _ticks(top: float, count: int = 5) -> list[float]:
    return [top * i / count for i in range(count + 1)]


def _places(values: list) -> int:
    return 2 if any(isinstance(v, Decimal) and v != v.to_integral() for v in values) else 0


def _frame(chart_id: str, title: str, x_label: str, y_label: str, top: float, body: list[str],
           series: list[Series], numbers: Numbers) -> SafeString:
    top_m = _top(series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - top_m - BOTTOM
    title_id = f"{chart_id}-title"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'role="img" aria-labelledby="{title_id}" class="report-chart" id="{chart_id}" '
        f'font-family="sans-serif" font-size="12">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    # Grid lines and the y axis scale.
    tick_places = 0 if top >= 5 else 1
    for tick in _ticks(top):
        y = top_m + plot_h - plot_h * tick / top
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#d0d0d0" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333333">'
                     f'{numbers.html(tick, tick_places)}</text>')
    parts.extend(body)
    # Axes and their labels.
    base = top_m + plot_h
    parts.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{top_m}" y2="{base}" stroke="#333333"/>')
    parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{base}" y2="{base}" '
                 f'stroke="#333333"/>')
    parts.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
                 f'fill="#000000" class="axis-label">{escape(x_label)}</text>')
    parts.append(f'<text x="0" y="0" transform="translate(14 {top_m + plot_h / 2:.1f}) '
                 f'rotate(-90)" text-anchor="middle" fill="#000000" class="axis-label">'
                 f'{escape(y_label)}</text>')
    # Legend along the top, wrapped onto as many rows as it needs.
    x, y = LEFT, 12
    for index, item in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        width = 28 + text_width(item.name)
        if x > LEFT and x + width > WIDTH - RIGHT:
            x, y = LEFT, y + LEGEND_ROW
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{y + 10}" fill="#000000">{escape(item.name)}</text>')
        x += width
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def _category_label(x: float, y: float, text: str, room: float) -> str:
    """A category under the x axis; slanted when it is wider than its room."""
    if text_width(text) <= room - 4:
        return (f'<text x="{x:.1f}" y="{y}" text-anchor="middle" fill="#000000">'
                f'{escape(text)}</text>')
    return (f'<text x="{x:.1f}" y="{y}" text-anchor="end" fill="#000000" font-size="10" '
            f'transform="rotate(-30 {x:.1f} {y})">{escape(text)}</text>')


def _table(categories: list[str], category_label: str, series: list[Series], numbers: Numbers):
    places = _places([v for s in series for v in s.values])
    columns = [category_label, *[s.name for s in series]]
    rows = [[category, *[numbers(s.values[i], places) for s in series]]
            for i, category in enumerate(categories)]
    return columns, rows


def bar_chart(*, chart_id: str, title: str, categories: list[str], series: list[Series],
              x_label: str, y_label: str, stacked: bool = False) -> Chart:
    """Bars per category: one bar per series side by side, or stacked into one bar."""
    top_m = _top(series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - top_m - BOTTOM
    count = max(len(categories), 1)
    if stacked:
        heights = [sum(s.values[i] for s in series) for i in range(len(categories))]
    else:
        heights = [v for s in series for v in s.values]
    top = nice_max(float(max(heights, default=0)))
    band = plot_w / count
    bars_per_band = 1 if stacked else max(len(series), 1)
    bar_w = band * 0.7 / bars_per_band
    numbers = Numbers()
    tooltip = _tooltip_pattern()
    names = [escape(item.name) for item in series]
    body = []
    for i, category in enumerate(categories):
        band_x = LEFT + band * i + band * 0.15
        category_html = escape(category)
        base = 0.0
        for s_index, item in enumerate(series):
            value = item.values[i]
            h = plot_h * float(value) / top
            x = band_x if stacked else band_x + bar_w * s_index
            y = top_m + plot_h - h - (plot_h * base / top if stacked else 0)
            colour = PALETTE[s_index % len(PALETTE)]
            figure = numbers.html(value)
            label = tooltip % {"series": names[s_index], "category": category_html,
                               "value": figure}
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                        f'fill="{colour}"><title>{label}</title></rect>')
            if not stacked and value:
                body.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                            f'font-size="10" fill="#000000">{figure}</text>')
            base += float(value)
        body.append(_category_label(LEFT + band * (i + 0.5), top_m + plot_h + 16, category, band))
    svg = _frame(chart_id, title, x_label, y_label, top, body, series, numbers)
    columns, rows = _table(categories, x_label, series, numbers)
    return Chart(chart_id, title, svg, columns, rows)


def line_chart(*, chart_id: str, title: str, categories: list[str], series: list[Series],
               x_label: str, y_label: str) -> Chart:
    """One line per series over the categories (e.g. fiscal years), with a dot per value."""
    top_m = _top(series)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - top_m - BOTTOM
    top = nice_max(float(max((v for s in series for v in s.values), default=0)))
    count = len(categories)
    step = plot_w / max(count - 1, 1)
    numbers = Numbers()
    tooltip = _tooltip_pattern()
    body = []
    for i, category in enumerate(categories):
        x = LEFT + (step * i if count > 1 else plot_w / 2)
        body.append(_category_label(x, top_m + plot_h + 16, category, step))
    for s_index, item in enumerate(series):
        colour = PALETTE[s_index % len(PALETTE)]
        points = []
        for i, value in enumerate(item.values):
            x = LEFT + (step * i if count > 1 else plot_w / 2)
            y = top_m + plot_h - plot_h * float(value) / top
            points.append((x, y, value, categories[i]))
        if len(points) > 1:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y, _v, _c in points)
            body.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                        f'stroke-width="2"/>')
        name = escape(item.name)
        for x, y, value, category in points:
            label = tooltip % {"series": name, "category": escape(category),
                               "value": numbers.html(value)}
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"><title>'
                        f'{label}</title></circle>')
    svg = _frame(chart_id, title, x_label, y_label, top, body, series, numbers)
    columns, rows = _table(categories, x_label, series, numbers)
    return Chart(chart_id, title, svg, columns, rows)
