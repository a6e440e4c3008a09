"""The import parser against 1,000 random files a kind (Hypothesis): it always answers
with rows or with `line N: column: problem` lines, never an exception, and what it
accepts is what the models accept."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services import importing
from services.import_columns import columns_of
from services.kinds import KINDS
from tests.fuzz import EXAMPLES, controls, dates, numbers, printable

from .conftest import make_project

pytestmark = pytest.mark.django_db


def _csv(rows: list[list[str]], encoding: str, newline: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    return buffer.getvalue().encode(encoding, errors="replace")


def files(kind: str):
    """A header of the kind's columns (shuffled, sometimes with a stranger), then rows of
    random cells; or bytes of any kind at all."""
    required, optional = columns_of(KINDS[kind])
    header = st.permutations([*required, *optional]).flatmap(
        lambda names: st.lists(st.sampled_from([*names, "project", "other"]), max_size=2)
        .map(lambda extra: [*names, *extra]))
    # Short cells: the size limits have tests of their own, and long ones only slow this.
    cell = st.one_of(printable, controls, numbers, dates, st.just(""),
                     st.sampled_from(["childcare", "2011-04-01", "2011/5/2", "1.5", "handled",
                                      "members", "yes", "2012-03-31", "99999.999"]))
    table = header.flatmap(lambda names: st.lists(
        st.lists(cell, min_size=len(names), max_size=len(names) + 1), max_size=8)
        .map(lambda rows: [names, *rows]))
    text_file = st.builds(_csv, table, st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
                          st.sampled_from(["\n", "\r\n"]))
    return st.one_of(text_file, st.binary(max_size=300))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_parser_answers_every_file(kind):
    make_project()  # code "childcare", fiscal 2010–2012

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(data=files(kind))
    def parse(data):
        parsed = importing.parse(data, kind=kind, filename="fuzz.csv")
        assert parsed.ok != bool(parsed.errors) or not parsed.rows
        for problem in parsed.errors:
            text = str(problem)
            assert text and "\x00" not in text.split(":", 2)[0]
        for row in parsed.rows:
            record = KINDS[kind].model(**row)
            record.full_clean(exclude=["project", "batch", "created_by"])

    parse()
