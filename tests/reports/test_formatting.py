"""Formatting helpers of the report pages: figures formatted once per value, labels translated
once per indicator, table rows prepared for the templates — in English and in Japanese."""

import re
from decimal import Decimal
from types import SimpleNamespace
from unittest import mock

from django import forms
from django.template.loader import render_to_string
from django.utils import formats, translation

from reports.export import fiscal_year_label, fiscal_year_labels
from reports.formatting import DASH, Numbers, indicator_labels
from reports.selectors import ProjectYear, Result
from reports.tables import indicator_rows, organiser_rows, totals_rows, year_tables
from services.models import Indicator


def test_numbers_in_english():
    with translation.override("en"):
        numbers = Numbers()
        assert numbers(20308) == "20,308"
        assert numbers(1234567) == "1,234,567"
        assert numbers(0) == "0"
        assert numbers(Decimal("5508.50")) == "5,508.50"
        # An amount (hours) always with two places, whole or not: 5,508.00 beside 5,948.50.
        assert numbers(Decimal("5508.00")) == "5,508.00"
        assert numbers(Decimal("1234.5"), 1) == "1,234.5"
        assert numbers(None) == DASH
        assert numbers.percent(Decimal("75.0")) == "75.0%"
        assert numbers.percent(Decimal("1234.5")) == "1,234.5%"
        assert numbers.percent(None) == DASH


def test_numbers_in_japanese():
    with translation.override("ja"):
        numbers = Numbers()
        assert numbers(20308) == "20,308"
        assert numbers(Decimal("5508.50")) == "5,508.50"
        assert numbers(Decimal("12.00")) == "12.00"
        assert numbers.percent(Decimal("62.5")) == "62.5%"


def test_numbers_follow_the_locale_separators():
    with mock.patch.object(formats, "get_format", return_value=".") as get_format:
        numbers = Numbers()
        assert numbers(1234567) == "1.234.567"
        assert numbers(7654321) == "7.654.321"
    get_format.assert_called_once_with("THOUSAND_SEPARATOR")  # read once, not per value


def test_each_distinct_value_is_formatted_once():
    with translation.override("en"):
        numbers = Numbers()
        with mock.patch.object(formats, "number_format",
                               wraps=formats.number_format) as number_format:
            for _ in range(5):
                assert numbers(Decimal("5508.50")) == "5,508.50"
            assert numbers(Decimal("12.25")) == "12.25"
        assert number_format.call_count == 2
        # An int is a count, a Decimal an amount: formatted separately, each its own way.
        assert numbers(12) == "12" and numbers(Decimal("12.00")) == "12.00"


def test_indicator_labels_are_translated_once_each():
    with translation.override("en"):
        labels = indicator_labels()
        assert labels[Indicator.SERVICE_REQUESTS] == "Service requests"
        assert list(labels) == [indicator.value for indicator in Indicator]
        assert all(type(label) is str for label in labels.values())  # not lazy
    with translation.override("ja"):
        assert indicator_labels()[Indicator.SERVICE_REQUESTS] == "サービス依頼"


def test_fiscal_year_labels_match_the_single_label():
    for language, expected in (("en", ["FY2010", "FY2011"]), ("ja", ["2010年度", "2011年度"])):
        with translation.override(language):
            assert fiscal_year_labels([2010, 2011]) == expected
            assert expected == [fiscal_year_label(2010), fiscal_year_label(2011)]


def _project_year(code="p<1>", **values) -> ProjectYear:
    project = SimpleNamespace(code=code, title="T")
    return ProjectYear(project, 2011, [
        Result(indicator, values.get(indicator.value, 0),
               4 if indicator == Indicator.SERVICE_REQUESTS else None)  # as selectors give it
        for indicator in Indicator])


def test_indicator_rows_are_formatted_and_labelled():
    row = _project_year(service_requests=3, activity_hours=Decimal("5508.50"))
    with translation.override("en"):
        cells = indicator_rows(row, Numbers(), indicator_labels())
    assert len(cells) == len(Indicator)
    assert cells[0] == ("service_requests", "Service requests", "4", "3", "75.0%")
    assert cells[2] == ("activity_hours", "Activity hours", DASH, "5,508.50", DASH)
    with translation.override("ja"):
        tables = year_tables([row], Numbers())
    assert tables[0].indicator_rows[0].label == "サービス依頼"


def test_year_tables_escape_and_flatten():
    row = _project_year(courses_by_members=1200, participants_by_members=3, new_members=2,
                        new_members_former_users=1)
    with translation.override("en"):
        (table,) = year_tables([row], Numbers())
        assert table.organisers[0] == ("Organised and taught by members", "1,200", "3")
        assert (table.new_members, table.former_users) == ("2", "1")
        rows = organiser_rows([table, table])
        assert [r[0] for r in rows] == ["p<1>", "", "", "p<1>", "", ""]
        assert totals_rows({"courses_by_members": 2400}, Numbers()) == [
            ("Courses by members", "2,400")]
    with translation.override("ja"):
        assert totals_rows({"service_requests": 1000}, Numbers()) == [("サービス依頼", "1,000")]


class _YearForm(forms.Form):
    year = forms.TypedChoiceField(coerce=int, choices=[(2011, "FY2011"), (2010, "<b>")])


def year_options(form) -> str:
    html = render_to_string("reports/partials/year_form.html", {"form": form})
    return "".join(re.findall(r"<option[^>]*>[^<]*</option>", html))


def test_year_options_select_the_chosen_year_and_escape():
    html = year_options(_YearForm({"year": "2010"}))
    assert html == ('<option value="2011">FY2011</option>'
                    '<option value="2010" selected>&lt;b&gt;</option>')
    initial = year_options(_YearForm(initial={"year": 2011}))
    assert '<option value="2011" selected>' in initial and initial.count("selected") == 1


def test_year_options_are_not_written_with_thousands_separators(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override("en"):
        html = year_options(_YearForm({"year": "2011"}))
    assert '<option value="2011" selected>FY2011</option>' in html
