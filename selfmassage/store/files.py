"""Files a person names, to read from or export to: only plain files, never more than a size cap, and
never written over anything that is not a plain file.

A named pipe would block a read forever and /dev/zero would fill the memory (its size is 0), so a read
opens without blocking, checks what it opened, and reads at most one byte past the cap. An export makes a
new file (or, when asked, replaces a plain one atomically, keeping its mode and owner, and writing through
a symbolic link to its target); it never writes into a pipe, a device, a socket or a folder, and never
makes folders for a mistyped path.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from selfmassage.i18n import _


class FileRefused(OSError):
    """The path is not a plain file this can read or write; `strerror` says why in plain words."""

    def __init__(self, path: Path, reason: str, code: int = errno.EINVAL) -> None:
        super().__init__(code, reason, str(path))


def _kind(mode: int) -> str | None:
    """What a file that is not a plain one is, in a person's words; None for a plain file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("it is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return _("it is a named pipe, not a file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a file")
    return _("it is not a plain file")


def read_capped(path: Path, cap: int, too_big: str) -> bytes:
    """The whole of a plain file of at most `cap` bytes; FileRefused (`too_big` when it is bigger) for
    anything else, OSError as met."""
    kind = _kind(os.stat(path).st_mode)  # a device is never opened (opening some has effects)
    if kind:
        raise FileRefused(path, kind)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        kind = _kind(os.fstat(fd).st_mode)  # what was opened: it may have changed since the stat
        if kind:
            raise FileRefused(path, kind)
        chunks, size = [], 0
        while size <= cap:
            chunk = os.read(fd, min(1 << 20, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > cap:
        raise FileRefused(path, too_big, errno.EFBIG)
    return b"".join(chunks)


def write_export(path: Path, data: bytes, *, replace: bool) -> None:
    """Write `data` as a new plain file at `path`; an existing plain file only when `replace`."""
    if not str(path):
        raise FileRefused(path, _("no file name was given"), errno.ENOENT)
    folder = path.parent
    if not folder.is_dir():
        raise FileRefused(path, _("the folder {folder} does not exist").format(folder=folder), errno.ENOENT)
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise FileRefused(path, _("it is a symbolic link to a file that does not exist"),
                              errno.ENOENT) from None
        existing = None
    if existing is not None:
        kind = _kind(existing.st_mode)
        if kind:
            raise FileRefused(path, kind)
        if not replace:
            raise FileRefused(path, _("it already exists"), errno.EEXIST)
        path = path.resolve()  # through a link: its target is written, the link stays
    _write_beside(path, data, existing)


def _create(tmp: str, path: Path) -> None:
    """Give the written file its name, failing (FileExistsError) if something appeared there meanwhile."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links (a FAT memory stick): claim the name, then rename over the claim
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _write_beside(path: Path, data: bytes, existing: os.stat_result | None) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if existing is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(existing.st_mode))
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.fchown(handle.fileno(), existing.st_uid, existing.st_gid)
            os.fsync(handle.fileno())
        if existing is None:
            _create(tmp, path)
        else:
            os.replace(tmp, path)
    except FileExistsError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise FileRefused(path, _("it already exists"), errno.EEXIST) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # the new name is durable once the folder is synced
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
