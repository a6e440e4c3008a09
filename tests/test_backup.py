"""Backup and restore (README, "Backup and restore"): a backup of data made through the
portal's own actions, restored into a fresh database and a fresh media folder by
`manage.py restore` in another process, gives the same indicator export byte for byte,
the same attachments and the same rows; every refusal changes nothing.

The data is made and backed up once for the module, committed so that pg_dump sees it
on PostgreSQL (on SQLite the backup command reads the in-memory test database through
the connection Django has open); afterwards the database is put back as it was.
"""

import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import psycopg2
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from partnership.backup.manifest import DATABASE_FILES, MANIFEST, MEDIA_ARCHIVE, sha256_of
from proposals import actions
from proposals.models import Status
from services.models import Indicator
from tests import backup_probe
from tests.lifecycle import group_member
from tests.reports.data import Panel, chosen_project, funnel_history, proposal_in, records, target

ROOT = Path(__file__).resolve().parent.parent
ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]
YEARS = ["--from", "2003", "--to", "2013"]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32

pytestmark = [
    # The module's fixture commits its data and puts the database back afterwards.
    pytest.mark.django_db,
    pytest.mark.skipif(
        ON_POSTGRES and not (shutil.which("pg_dump") and shutil.which("pg_restore")),
        reason="backups of PostgreSQL need pg_dump and pg_restore (postgresql-client)"),
]


def build_data() -> None:
    """Calls of 2003–2004 with proposals in every status, a project with records and
    targets for fiscal 2009–2013, and two attachments: all through the real actions."""
    funnel_history()
    project = chosen_project("backup-check", 2009, 2013)
    for year in range(2009, 2014):
        records(project, datetime.date(year, 5, 1), requests=year - 2005, handled=2,
                hours="7.25", users=30 + year % 7, courses=[("市", 12), ("団体", 8)],
                members=3, former=1)
        target(project, year, Indicator.SERVICE_REQUESTS, 5)
    draft = proposal_in(Status.DRAFT)
    for name, content in (("計画書.pdf", PDF), ("写真.png", PNG)):
        actions.add_attachment(actor=group_member(draft), proposal=draft,
                               upload=SimpleUploadedFile(name, content))


def export_here() -> bytes:
    out = io.StringIO()
    call_command("export_indicators", *YEARS, stdout=out)
    return out.getvalue().encode()


@dataclass
class Original:
    backup: Path
    export: bytes
    snapshot: dict


@pytest.fixture(scope="module")
def original(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("original-media")
    backup = tmp_path_factory.mktemp("backups") / "first"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        # What the tests after this module find (the roles `migrate` made), as Django's
        # serialized_rollback keeps it; the sequences keep counting past the rows put back.
        before = connection.creation.serialize_db_to_string()
        Panel._current = None
        try:
            build_data()
            call_command("backup", str(backup), stdout=io.StringIO())
            yield Original(backup, export_here(), backup_probe.snapshot())
        finally:
            Panel._current = None
            call_command("flush", interactive=False, inhibit_post_migrate=True,
                         reset_sequences=False, verbosity=0)
            connection.creation.deserialize_db_from_string(before)


# -- the fresh database and media folder, used through manage.py in other processes ----------

@dataclass
class Target:
    url: str
    media: Path

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "partnership.settings",
               "DJANGO_DOTENV": "0", "DJANGO_DEBUG": "0", "DATABASE_URL": self.url,
               "DJANGO_MEDIA_ROOT": str(self.media), "PYTHONIOENCODING": "utf-8"}
        return subprocess.run([sys.executable, *args], cwd=ROOT, env=env,
                              capture_output=True, timeout=300, check=False)

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        return self.run("manage.py", *args)

    def export(self) -> bytes:
        result = self.manage("export_indicators", *YEARS)
        assert result.returncode == 0, result.stderr.decode()
        return result.stdout

    def snapshot(self) -> dict:
        result = self.run("-m", "tests.backup_probe")
        assert result.returncode == 0, result.stderr.decode()
        return json.loads(result.stdout)


def _postgres_admin():
    params = connection.settings_dict
    conn = psycopg2.connect(dbname="postgres", **{
        key.lower(): params[key] for key in ("USER", "PASSWORD", "HOST", "PORT") if params[key]})
    conn.autocommit = True
    return conn


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    folder = tmp_path_factory.mktemp("restored")
    if not ON_POSTGRES:
        yield Target(f"sqlite:///{folder / 'db.sqlite3'}", folder / "media")
        return
    params = connection.settings_dict
    name = f"{params['NAME'].removeprefix('test_')}_restore_{uuid.uuid4().hex[:8]}"
    admin = _postgres_admin()
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        credentials = quote(params["USER"] or "", safe="")
        if params["PASSWORD"]:
            credentials += ":" + quote(params["PASSWORD"], safe="")
        yield Target(f"postgres://{credentials}@{params['HOST']}:{params['PORT'] or 5432}/{name}",
                     folder / "media")
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def restored(original, fresh):
    result = fresh.manage("restore", str(original.backup))
    assert result.returncode == 0, result.stderr.decode()
    return {"output": result.stdout.decode(), "export": fresh.export(),
            "snapshot": fresh.snapshot()}


# -- the restored portal is the original ------------------------------------------------------

def test_the_backup_holds_the_database_the_files_and_a_manifest(original):
    manifest = json.loads((original.backup / MANIFEST).read_text())
    assert manifest["engine"] == connection.vendor
    assert len(manifest["media"]) == 2
    assert manifest["migrations"]["partnership"].startswith("00")
    database = original.backup / DATABASE_FILES[manifest["engine"]]
    assert sha256_of(database) == manifest["database_sha256"]
    # personal data and password hashes: for the owner only
    assert {path.stat().st_mode & 0o777 for path in original.backup.iterdir()} == {0o600}
    assert original.backup.stat().st_mode & 0o777 == 0o700


def test_indicators_are_the_same_byte_for_byte(original, restored):
    assert b"\n2009,backup-check,service_requests,4\n" in original.export
    assert b"\n2003,,proposals_submitted,6\n" in original.export
    assert restored["export"] == original.export


def test_attachments_have_the_same_checksums(original, restored, fresh):
    assert len(original.snapshot["attachments"]) == 2
    assert restored["snapshot"]["attachments"] == original.snapshot["attachments"]
    on_disk = sorted(sha256_of(path) for path in fresh.media.rglob("*") if path.is_file())
    assert on_disk == sorted(original.snapshot["attachments"].values())


def test_every_table_has_the_same_rows(original, restored):
    counts = original.snapshot["counts"]
    for label in ("partnership.User", "partnership.AuditEntry", "proposals.Proposal",
                  "proposals.Ballot", "proposals.Attachment", "services.ServiceRequest"):
        assert counts[label] > 0, label
    assert restored["snapshot"]["counts"] == counts
    assert str(sum(counts.values())) in restored["output"]  # "… (N rows) …"


@pytest.mark.skipif(not ON_POSTGRES, reason="the audit log's trigger is PostgreSQL's")
def test_the_audit_logs_trigger_is_restored(original, restored):
    assert original.snapshot["audit_refuses_update"] is True
    assert restored["snapshot"]["audit_refuses_update"] is True


# -- refusals change nothing ------------------------------------------------------------------

def test_restore_refuses_a_database_with_data(original, restored, fresh):
    result = fresh.manage("restore", str(original.backup))
    assert result.returncode == 1
    assert b"--force" in result.stderr
    assert fresh.snapshot() == original.snapshot


def damage(backup: Path, folder: Path, part: str) -> Path:
    """A copy of the backup with one byte of the database or of one attachment changed."""
    copy = folder / f"damaged-{part}"
    shutil.copytree(backup, copy)
    if part == "database":
        path = copy / DATABASE_FILES[connection.vendor]
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
        return copy
    with tarfile.open(backup / MEDIA_ARCHIVE) as source, \
            tarfile.open(copy / MEDIA_ARCHIVE, "w:gz") as target:
        for index, member in enumerate(source):
            data = source.extractfile(member).read()
            if index == 0:
                data = data[:-1] + bytes([data[-1] ^ 0xFF])
            target.addfile(member, io.BytesIO(data))
    return copy


@pytest.mark.parametrize("part", ["media", "database"])
def test_a_damaged_backup_is_refused_even_with_force(original, restored, fresh, tmp_path,
                                                      part):
    damaged = damage(original.backup, tmp_path, part)
    files_before = sorted(p.relative_to(fresh.media) for p in fresh.media.rglob("*"))
    result = fresh.manage("restore", str(damaged), "--force")
    assert result.returncode == 1
    if part == "media":
        with tarfile.open(original.backup / MEDIA_ARCHIVE) as archive:
            first = archive.getnames()[0]
        assert first.encode() in result.stderr
    else:
        assert DATABASE_FILES[connection.vendor].encode() in result.stderr
    assert fresh.snapshot() == original.snapshot
    assert sorted(p.relative_to(fresh.media) for p in fresh.media.rglob("*")) == files_before
    assert not list(fresh.media.parent.glob(".restore-*"))


def test_restore_with_force_replaces_what_the_target_holds(original, restored, fresh):
    added = fresh.manage("shell", "-c", "from partnership.models import User; "
                         "User.objects.create_user('added-after-restore')")
    assert added.returncode == 0, added.stderr.decode()
    removed = next(path for path in fresh.media.rglob("*") if path.is_file())
    removed.unlink()
    result = fresh.manage("restore", str(original.backup), "--force")
    assert result.returncode == 0, result.stderr.decode()
    assert fresh.snapshot() == original.snapshot  # the trigger too, on PostgreSQL
    assert fresh.export() == original.export


def test_backup_refuses_a_folder_that_holds_a_backup(original):
    before = {path.name: sha256_of(path) for path in original.backup.iterdir()}
    with pytest.raises(CommandError, match="--force") as error:
        call_command("backup", str(original.backup))
    assert error.value.returncode == 1
    assert {path.name: sha256_of(path) for path in original.backup.iterdir()} == before


def test_backup_refuses_a_folder_it_cannot_write(original, tmp_path):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(CommandError, match="a-file"):
        call_command("backup", str(tmp_path / "a-file" / "backup"))


def test_backup_refuses_a_folder_inside_media_root(original, settings):
    inside = Path(settings.MEDIA_ROOT) / "backups"
    with pytest.raises(CommandError, match="MEDIA_ROOT"):
        call_command("backup", str(inside))
    assert not inside.exists()


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite needs no program")
def test_backup_without_pg_dump_says_so(original, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="pg_dump"):
        call_command("backup", str(tmp_path / "backup"))
    assert not (tmp_path / "backup").exists()


def test_pg_tools_get_the_password_in_their_environment_never_their_arguments(
        tmp_path, monkeypatch):
    from partnership.backup import postgres

    calls = []

    def run(args, **kwargs):
        calls.append((args, kwargs))
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(postgres.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(postgres.subprocess, "run", run)
    database = SimpleNamespace(close=lambda: None, settings_dict={
        "NAME": "portal", "USER": "portal", "PASSWORD": "s3cret; rm -rf /", "HOST": "db.example.jp",
        "PORT": 5433, "OPTIONS": {"sslmode": "require"}})
    postgres.dump(database, tmp_path / "database.dump")
    postgres.restore(database, tmp_path / "database.dump")
    assert [args[0] for args, _ in calls] == ["/usr/bin/pg_dump", "/usr/bin/pg_restore"]
    for args, kwargs in calls:
        assert isinstance(args, list) and not kwargs.get("shell")
        assert not any("s3cret" in arg for arg in args)
        env = kwargs["env"]
        assert (env["PGPASSWORD"], env["PGHOST"], env["PGPORT"], env["PGUSER"],
                env["PGSSLMODE"]) == ("s3cret; rm -rf /", "db.example.jp", "5433", "portal",
                                      "require")
    assert {"--format=custom", "--no-owner", "--no-privileges"} <= set(calls[0][0])
    assert {"--clean", "--if-exists", "--no-owner", "--single-transaction"} <= set(calls[1][0])
