"""The SVG charts (geometry in reports/charts.py, markup in reports/partials/chart_svg.html):
titles, axes, escaping, locale numbers, no inline styles."""

import re
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from reports.charts import Series, bar_chart, line_chart, nice_max
from reports.formatting import number


def svg_of(chart) -> str:
    return render_to_string("reports/partials/chart_svg.html", {"chart": chart}).strip()


def test_bar_chart_has_title_axes_bars_and_data_table():
    chart = bar_chart(chart_id="c1", title="Funnel", categories=["A", "B", "C"],
                      series=[Series("2004", [47, 23, 20])], x_label="Stage", y_label="Proposals")
    svg = svg_of(chart)
    assert svg.startswith("<svg")
    assert 'aria-labelledby="c1-title"' in svg
    assert '<title id="c1-title">Funnel</title>' in svg
    assert ">Stage</text>" in svg and ">Proposals</text>" in svg
    heights = [float(h) for h in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" '
                                            r'height="([\d.]+)" fill="#0072B2"><title>', svg)]
    assert len(heights) == 3
    assert heights[0] > heights[1] > heights[2] > 0
    assert abs(heights[1] / heights[0] - 23 / 47) < 0.01
    assert chart.columns == ["Stage", "2004"]
    assert chart.rows == [["A", "47"], ["B", "23"], ["C", "20"]]
    assert "style=" not in svg and "<script" not in svg


def test_stacked_bars_stack_the_series():
    chart = bar_chart(chart_id="s", title="Courses", categories=["x"],
                      series=[Series("members", [111]), Series("professionals", [18]),
                              Series("citizens", [33])],
                      x_label="Project", y_label="Courses", stacked=True)
    rects = re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" '
                       r'fill="#[0-9A-F]+"><title>', svg_of(chart))
    assert len({x for x, _y, _h in rects}) == 1  # one column
    (x1, y1, h1), (x2, y2, h2), (x3, y3, h3) = [(float(a), float(b), float(c)) for a, b, c in rects]
    assert abs((y1 - y2) - h2) < 0.2 and abs((y2 - y3) - h3) < 0.2  # each sits on the one below


def test_text_is_escaped():
    chart = line_chart(chart_id="e", title='<script>alert("x")</script>', categories=["<b>"],
                       series=[Series("a&b", [1])], x_label="x<", y_label="y>")
    svg = svg_of(chart)
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "a&amp;b" in svg


def test_line_chart_draws_one_polyline_per_series():
    chart = line_chart(chart_id="t", title="Trend", categories=["FY2009", "FY2010", "FY2011"],
                       series=[Series("requests", [3000, 3200, 3483]),
                               Series("handled", [1, 2, 3])],
                       x_label="Fiscal year", y_label="Count")
    svg = svg_of(chart)
    assert svg.count("<polyline") == 2
    assert svg.count("<circle") == 6
    assert chart.rows[2] == ["FY2011", "3,483", "3"]


def test_numbers_follow_the_locale():
    with translation.override("en"):
        assert number(20308) == "20,308"
        assert number(Decimal("5508.50")) == "5,508.50"
        assert number(Decimal("5508.00")) == "5,508.00"  # hours always with two places
    with translation.override("ja"):
        assert number(20308) == "20,308"


def test_nice_max():
    assert nice_max(0) == 1
    assert nice_max(47) == 50
    assert nice_max(3483) == 5000
    assert nice_max(20308) == 25000
    assert nice_max(100) == 100


GOLDEN = Path(__file__).parent / "golden"


def folded(svg: str) -> str:
    """The SVG without the white space between its elements, which draws nothing."""
    return re.sub(r">\s+<", "><", svg.strip())


def test_charts_draw_what_they_drew_when_written_in_python():
    # The golden files were written by the charts' earlier Python f-strings: the template
    # must draw the same shapes at the same places with the same (escaped) texts. The line
    # chart's was written again when its years moved to the middle of their bands.
    with translation.override("ja"):
        bars = bar_chart(chart_id="bars", title="提案 <2004>",
                         categories=["提出", "とても長い段階の名前をここに書きます", "選定"],
                         series=[Series("2004年度", [47, 23, 0]),
                                 Series("R&D", [Decimal("12.5"), 3, 1])],
                         x_label="段階", y_label="提案数")
        lines = line_chart(chart_id="lines", title="推移",
                           categories=["2009年度", "2010年度", "2011年度"],
                           series=[Series("依頼", [3000, 3200, 3483]),
                                   Series('対応 "済"', [1, 2, 3])],
                           x_label="年度", y_label="件数")
    assert folded(svg_of(bars)) == folded((GOLDEN / "bar_chart.svg").read_text())
    assert folded(svg_of(lines)) == folded((GOLDEN / "line_chart.svg").read_text())


def test_tooltips_in_japanese():
    with translation.override("ja"):
        chart = bar_chart(chart_id="j", title="t", categories=["提出"],
                          series=[Series("2004年度", [1234])], x_label="x", y_label="y")
    assert "<title>2004年度、提出：1,234</title>" in svg_of(chart)


def _label_xs(svg: str, names: list[str]) -> list[float]:
    return [float(re.search(rf'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle" '
                            rf'fill="#000000">{name}</text>', svg).group(1)) for name in names]


def test_line_chart_keeps_its_first_and_last_labels_inside_the_drawing():
    from reports.charts import LEFT, WIDTH, text_width

    years = [f"{year}年度" for year in range(2009, 2014)]
    chart = line_chart(chart_id="t", title="t", categories=years,
                       series=[Series("a", [1, 2, 3, 4, 5])], x_label="x", y_label="y")
    xs = _label_xs(svg_of(chart), years)
    half = text_width(years[-1]) / 2
    assert xs[0] - half >= LEFT - 6 and xs[-1] + half <= WIDTH


def test_counts_get_whole_ticks_and_an_all_zero_chart_is_not_drawn():
    chart = bar_chart(chart_id="f", title="t", categories=["A", "B", "C"],
                      series=[Series("2020", [0, 0, 0])], x_label="x", y_label="y")
    assert chart.empty
    assert [tick.label for tick in chart.plot.ticks] == ["0", "1", "2", "3", "4", "5"]
    small = bar_chart(chart_id="f", title="t", categories=["A"],
                      series=[Series("2020", [3])], x_label="x", y_label="y")
    assert not small.empty and small.plot.ticks[-1].label == "5"
    hours = line_chart(chart_id="h", title="t", categories=["a", "b"],
                       series=[Series("h", [Decimal("0.50"), Decimal("1.25")])],
                       x_label="x", y_label="y")
    assert hours.plot.ticks[1].label == "0.4"  # hours keep their fractions


def test_a_missing_value_breaks_the_line_and_shows_a_dash():
    chart = line_chart(chart_id="g", title="t", categories=["a", "b", "c", "d"],
                       series=[Series("s", [1, None, 3, 4])], x_label="x", y_label="y")
    svg = svg_of(chart)
    assert svg.count("<circle") == 3
    assert svg.count("<polyline") == 1  # c–d; a stands alone
    assert chart.rows[1] == ["b", "—"]
