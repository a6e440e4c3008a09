"""The uploaded files under MEDIA_ROOT: archived with their checksums, and moved into place
once media_check has extracted every file of the archive and found it matches the manifest."""

import hashlib
import os
import shutil
import tarfile
from collections.abc import Iterator
from pathlib import Path


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


def install(staging: Path, root: Path) -> None:
    """Move the extracted files into MEDIA_ROOT: renames, or copies where MEDIA_ROOT is a
    file system of its own."""
    for path, name in list(files_under(staging)):
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
