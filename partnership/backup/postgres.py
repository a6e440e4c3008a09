"""PostgreSQL: `pg_dump -Fc` and `pg_restore`, run as argument lists (no shell).

The connection settings reach the tools in their environment (PGPASSWORD among them),
never on the command line, where any user of the server can read them (`ps`).
"""

import os
import shutil
import subprocess
from pathlib import Path

from django.db.backends.postgresql.client import DatabaseClient
from django.utils.translation import gettext as _

from . import BackupError


def program(name: str) -> str:
    """The path of a PostgreSQL client program, or BackupError saying how to install it."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _("%(program)s was not found. Install the PostgreSQL client programs "
              "(e.g. apt-get install postgresql-client) of the server's version or newer.")
            % {"program": name})
    return path


def _environment(settings_dict: dict) -> dict[str, str]:
    # Django's own mapping for psql (password, SSL files, service), plus where to connect.
    _args, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(env or {})}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(name: str, options: list[str], settings_dict: dict) -> None:
    args = [program(name), *options, f"--dbname={settings_dict['NAME']}"]
    result = subprocess.run(args, env=_environment(settings_dict),  # noqa: S603 (no shell)
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(_("%(program)s failed (exit status %(status)s):\n%(output)s")
                          % {"program": name, "status": result.returncode,
                             "output": result.stderr.strip()})


def dump(connection, target: Path) -> None:
    # Without owners and privileges the dump restores into any database and role.
    _run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
         connection.settings_dict)


def restore(connection, source: Path) -> None:
    """Replace the database's tables by the dump's, all in one transaction: a failure
    leaves the database as it was. Tables are dropped and created again, so the audit
    log's trigger (which refuses UPDATE and DELETE, not DROP) comes back with them."""
    connection.close()  # no session of ours holds a lock on a table being dropped
    _run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges",
                        "--single-transaction", "--exit-on-error", str(source)],
         connection.settings_dict)
