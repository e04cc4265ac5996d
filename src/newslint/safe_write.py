"""Writing a fixed file so that a fix can never destroy it: the new text is written beside
the file, synced and read back before it replaces the file, and the file keeps its mode, owner
and hard links; anything that cannot be done safely is refused with a reason, the file left as
it was."""

from __future__ import annotations

import os

from .errors import NewslintError

_BOM = b"\xef\xbb\xbf"


def write_fixed(path: str, source: str, fixed: str, bom: bool) -> None:
    """Replace the file at ``path``, which held ``source`` when it was read, with ``fixed``,
    keeping its mode, owner and hard links; NewslintError saying why when that cannot be
    done safely, the file then left as it was.

    The new bytes go to a temporary file beside it, synced, which is renamed over the file;
    when a rename would split hard links or give the file another owner, the file is
    written in place instead, after that copy is verified, so the fixed text survives a
    failed write."""
    import stat

    target = os.path.realpath(path)  # through a symlink: fix the target, keep the link
    data = (_BOM if bom else b"") + fixed.encode("utf-8")
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode):
            raise NewslintError(f"{path}: not a regular file; the fixes were not written")
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise NewslintError(f"{path}: the file is read-only; the fixes were not written "
                                "(make it writable to let --fix change it)")
        with open(target, "rb") as f:
            if f.read() != (_BOM if bom else b"") + source.encode("utf-8"):
                raise NewslintError(f"{path}: the file changed while it was linted; the fixes were not written")
        tmp = _synced_copy(target, data)
        try:
            if info.st_nlink == 1 and _same_owner(tmp, info):
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
                os.replace(tmp, target)
            else:
                _write_in_place(path, target, data, tmp)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _sync_folder(os.path.dirname(target))
    except OSError as exc:
        raise NewslintError(f"{path}: cannot write the fixed file: {exc.strerror or exc}; "
                            "the file is as it was") from None


def _synced_copy(target: str, data: bytes) -> str:
    """A temporary file beside ``target`` holding ``data``, on disk and read back intact."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".newslint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w+b") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            f.seek(0)
            if f.read() != data:
                raise OSError(f"the copy in {tmp} did not read back as written")
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _same_owner(tmp: str, info: os.stat_result) -> bool:
    """Whether ``tmp`` has (or, for root, could be given) the owner and group of ``info``."""
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except OSError:
        return False
    return True


def _write_in_place(path: str, target: str, data: bytes, copy: str) -> None:
    """Overwrite ``target`` with ``data``; if that fails part way, the verified ``copy`` is
    kept under a name the message gives, so the fixed text is not lost."""
    try:
        with open(target, "r+b") as f:
            f.write(data)
            f.truncate()
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        kept = copy[: -len(".tmp")] + ".fixed"
        os.replace(copy, kept)
        raise NewslintError(f"{path}: cannot write the fixed file in place: {exc.strerror or exc}; "
                            f"the fixed text is in {kept}") from None


def _sync_folder(directory: str) -> None:
    """Flush the folder's entry for a renamed file to disk (some systems cannot: no matter)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
