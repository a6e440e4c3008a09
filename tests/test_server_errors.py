"""An unhandled exception is logged with its traceback and the request's id, and the
500 page shows that id so that a person can quote it."""

import io
import logging
import re

import pytest

from partnership import settings as portal_settings
from partnership.request_id import RequestIdFilter

pytestmark = [pytest.mark.urls("tests.urls_errors"), pytest.mark.django_db]


@pytest.fixture
def log_output():
    """The lines django.request writes through the portal's own formatter and filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(logging.Formatter(
        portal_settings.LOGGING["formatters"]["portal"]["format"]))
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def test_a_server_error_is_logged_with_traceback_and_id_shown_on_the_page(client, log_output,
                                                                          settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{16}", request_id)
    page = response.content.decode()
    assert request_id in page and "Server error" in page
    logged = log_output.getvalue()
    assert f"[{request_id}]" in logged
    assert "Traceback" in logged and "ZeroDivisionError: a bug in a view" in logged


def test_each_request_gets_its_own_id_and_a_proxys_id_is_kept(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    kept = client.get("/healthz", headers={"X-Request-ID": "proxy-1234-abcd"})
    assert kept["X-Request-ID"] == "proxy-1234-abcd"
    refused = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert re.fullmatch(r"[0-9a-f]{16}", refused["X-Request-ID"])


def test_the_production_logging_sends_django_errors_to_the_console_with_the_id():
    logging_config = portal_settings.LOGGING
    assert logging_config["loggers"]["django"]["handlers"] == ["console"]
    assert "request_id" in logging_config["handlers"]["console"]["filters"]
    assert "%(request_id)s" in logging_config["formatters"]["portal"]["format"]
