# Two commands: `make run` (a running portal with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install messages lint demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	test -f .env || printf '# Local development only; production sets real environment variables.\nDJANGO_DEBUG=1\n' > .env
	touch $(STAMP)

install: $(STAMP)

# The queue's worker (db_worker: notification e-mails, printed to the console here) runs
# beside the server and stops with it.
run: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py demo
	@echo "Serving at http://$(HOST):$(PORT)/ (the e-mail worker runs beside it)"
	DJANGO_DEBUG=1 DJANGO_PORTAL_URL=$${DJANGO_PORTAL_URL:-http://$(HOST):$(PORT)} \
		$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py demo

# Tests are spread over one process per core (pytest-xdist). One test at a time (--dist load),
# not whole files: each process then keeps pytest-django's order, the transactional tests
# (which empty the database, the roles that migrations made included) after all the others.
# TEST_WORKERS=0 runs them in this process. PYTEST_ARGS passes more options (CI: -m "not browser" on PostgreSQL).
# The 20 slowest tests are listed at the end: where CI's time goes.
TEST_WORKERS ?= auto
PYTEST_ARGS ?=
test: $(STAMP)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist load --durations=20 $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

# Needs GNU gettext (apt-get install gettext): refresh and compile locale/ja.
messages: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages -l ja --no-location --ignore=.venv --ignore=tests --ignore=bench
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages -l ja --ignore=.venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
