"""The annual report's forms: the narrative with the settlement's budget lines, and the
department's comments when it returns a report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from proposals.models import MAX_YEN

from .actions.reports import ITEM_LENGTH, MAX_LINES

FIRST_ROWS = 5  # rows a settlement starts with
SPARE_ROWS = 2  # empty rows offered beyond the lines written


def rows_for(lines: int) -> int:
    return min(MAX_LINES, max(FIRST_ROWS, lines + SPARE_ROWS))


def posted_rows(data) -> int:
    """How many rows the page sent (its hidden `rows`), within bounds."""
    try:
        return min(MAX_LINES, max(1, int(data.get("rows", FIRST_ROWS))))
    except (TypeError, ValueError):
        return FIRST_ROWS


def _amount(label):
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=MAX_YEN,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric",
                                                              "class": "form-control"}))


class ReportForm(forms.Form):
    narrative = forms.CharField(
        label=_("What the project did this year"), required=False,
        widget=forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
        help_text=_("The year's indicators are counted from the records: they are not typed "
                    "here."))

    def __init__(self, *args, rows: int = FIRST_ROWS, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for n in range(1, rows + 1):
            self.fields[f"item_{n}"] = forms.CharField(
                label=_("Budget line %(n)s") % {"n": n}, required=False,
                max_length=ITEM_LENGTH, widget=forms.TextInput(attrs={"class": "form-control"}))
            self.fields[f"city_{n}"] = _amount(
                _("Line %(n)s: from the city's contribution (yen)") % {"n": n})
            self.fields[f"group_{n}"] = _amount(
                _("Line %(n)s: from the group's own funds (yen)") % {"n": n})

    def line_rows(self):
        """[(item field, city field, group field)] for the template's table."""
        return [(self[f"item_{n}"], self[f"city_{n}"], self[f"group_{n}"])
                for n in range(1, self.rows + 1)]

    def clean(self):
        data = super().clean()
        lines = []
        for n in range(1, self.rows + 1):
            item = (data.get(f"item_{n}") or "").strip()
            city, group = data.get(f"city_{n}"), data.get(f"group_{n}")
            if not item and city is None and group is None:
                continue
            if not item:
                self.add_error(f"item_{n}", _("Name the budget line of these amounts."))
                continue
            lines.append((item, city or 0, group or 0))
        data["lines"] = lines
        return data


class ReturnForm(forms.Form):
    comments = forms.CharField(
        label=_("What the group should change"),
        widget=forms.Textarea(attrs={"rows": 5}))
