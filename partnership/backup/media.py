"""The uploaded files under MEDIA_ROOT: archived with their checksums, and restored only
once every file of the archive has been extracted and matches the manifest."""

import hashlib
import os
import shutil
import tarfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from . import BackupError


def files_under(root: Path) -> Iterator[tuple[Path, str]]:
    """(path, name relative to root in POSIX form) of every regular file, links not followed
    (a link could lead out of MEDIA_ROOT)."""
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path, path.relative_to(root).as_posix()


class _HashingReader:
    """Hashes what tarfile reads, so the checksum is of the bytes archived."""

    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def archive(root: Path, target: Path) -> dict[str, str]:
    """Write every file under root into a tar.gz; return {name: SHA-256}."""
    checksums = {}
    with tarfile.open(target, "w:gz") as tar:
        for path, name in files_under(root):
            with path.open("rb") as handle:
                info = tar.gettarinfo(arcname=name, fileobj=handle)
                reader = _HashingReader(handle)
                tar.addfile(info, reader)
            checksums[name] = reader.digest.hexdigest()
    return checksums


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def extract_verified(source: Path, expected: dict[str, str], staging: Path) -> None:
    """Extract the archive into `staging` and check every file against `expected`.

    Only names the manifest lists are written, under names this function builds (never
    the archive's own paths or links); any file missing, extra or different raises
    BackupError naming them all.
    """
    problems, seen = [], set()
    try:
        with tarfile.open(source, "r:gz") as tar:
            for member in tar:
                if not (member.isfile() and member.name in expected
                        and _safe_name(member.name)):
                    problems.append(_("%(name)s: not in the manifest") % {"name": member.name})
                    continue
                target = staging / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with tar.extractfile(member) as data, target.open("wb") as out:
                    for chunk in iter(lambda data=data: data.read(1024 * 1024), b""):
                        digest.update(chunk)
                        out.write(chunk)
                seen.add(member.name)
                if digest.hexdigest() != expected[member.name]:
                    problems.append(_("%(name)s: checksum does not match the manifest")
                                    % {"name": member.name})
    except (OSError, EOFError, tarfile.TarError, zlib.error) as error:
        problems.append(_("%(archive)s could not be extracted: %(error)s")
                        % {"archive": source.name, "error": error})
    problems += [_("%(name)s: missing from the archive") % {"name": name}
                 for name in sorted(set(expected) - seen)]
    if problems:
        raise BackupError("\n".join([_("The uploaded files of the backup are damaged; "
                                       "nothing was restored:"), *problems]))


def install(staging: Path, root: Path) -> None:
    """Move the extracted files into MEDIA_ROOT: renames, or copies where MEDIA_ROOT is a
    file system of its own."""
    for path, name in list(files_under(staging)):
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
