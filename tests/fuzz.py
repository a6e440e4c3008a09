"""Random form input (Hypothesis) sent through the pages: whatever a person types or a
script sends, the answer is a page or a redirect, never a server error."""

import datetime
import os

from django.conf import settings
from hypothesis import strategies as st

# Text of every kind a form may receive: ordinary words, control characters (NUL
# included), very long text, numbers out of every range, dates far off, nothing at all.
# No lone surrogates: they cannot be sent as UTF-8 at all.
printable = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
controls = st.text(st.characters(min_codepoint=0, max_codepoint=31), min_size=1, max_size=5)
mixed = st.builds(lambda a, b, c: a + b + c, printable, controls, printable)
numbers = st.one_of(st.integers(-10**20, 10**20), st.floats(allow_nan=True)).map(str)
dates = st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)).map(str)
huge = st.integers(5_000, 60_000).map(lambda n: "あ" * n)
values = st.one_of(printable, mixed, numbers, dates, huge, st.just(""),
                   st.sampled_from(["0", "-1", "1e309", "NaN", "2011/04/01", "2011-02-30",
                                    "on", "chosen", "recommend", "\x00"]))

# Per form, as the hardening issue asks; FUZZ_EXAMPLES=50 for a quick look while developing.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1000"))


def postgresql() -> bool:
    return "postgresql" in settings.DATABASES["default"]["ENGINE"]


def form_data(field_names: list[str]):
    """A dict of every field (and one the form does not have) to random values."""
    names = [*field_names, "csrfmiddlewaretoken", "unexpected"]
    return st.fixed_dictionaries({}, optional={name: values for name in names})
