"""Open data: a read-only, versioned JSON API (`/api/v1/`, OpenAPI document at
`/api/v1/openapi.json`) and the same data as CSV. It names groups, departments and
projects, never a person: no author, voter, officer or decider appears in it.

- `site`: the API (django-ninja) and its operations;
- `rows`: what it publishes, read with a fixed number of queries whatever the number of
  rows, as plain dicts that the JSON and the CSV both write;
- `responses`: the indicator JSON (written from the very rows of `export_indicators`),
  CSV with a byte-order mark, errors;
- `cache`: responses kept in the cache until the portal's data changes.
"""
