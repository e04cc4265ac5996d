"""The progress bar: on standard error when it is a terminal and the run is long (many files
to lint), never in a pipe, a CI log or a machine-readable format, and never imported for a
short run.

Runs are long by their number of files (progress.MANY_FILES), never by a timing, so these
tests do not depend on the machine's speed. The terminal is a pseudo-terminal.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from newslint.progress import MANY_FILES

WRAPPER = ("import sys\nfrom newslint.cli import main\ncode = main(sys.argv[2:])\n"
           "open(sys.argv[1], 'w').write(str('tqdm' in sys.modules))\nsys.exit(code)")


def _environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "FORCE_COLOR")}
    env.update(NEWSLINT_DISABLE_PLUGIN_AUTOLOAD="1", TERM="xterm", **extra)
    return env


def newslint(cwd: Path, *args: str, terminal: bool = True, **env: str) -> tuple[int, str, bool]:
    """Run ``newslint ARGS`` with standard error on a terminal (or a pipe): the exit code,
    what standard error showed, and whether tqdm was imported."""
    flag = cwd.parent / "imported.flag"
    command = [sys.executable, "-c", WRAPPER, str(flag), *args]
    if not terminal:
        proc = subprocess.run(command, cwd=cwd, env=_environment(**env), capture_output=True, text=True, timeout=120)
        return proc.returncode, proc.stderr, flag.read_text() == "True"
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(command, cwd=cwd, env=_environment(**env), stdout=subprocess.DEVNULL, stderr=child)
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal's other end closed: the process is done
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    return proc.wait(timeout=120), shown.decode("utf-8", "replace"), flag.read_text() == "True"


@pytest.fixture
def many(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    (folder / "news").mkdir(parents=True)
    for n in range(MANY_FILES + 10):
        (folder / "news" / f"{n:03}.txt").write_text(f"Story {n} ends here.\n", encoding="utf-8")
    return folder


def test_a_long_run_on_a_terminal_shows_a_bar_on_stderr(many):
    total = MANY_FILES + 10
    code, shown, imported = newslint(many, "check", "--no-cache", "news")
    assert code == 0
    assert "linting" in shown and f"/{total}" in shown and imported


def test_no_bar_in_a_pipe_a_ci_log_a_machine_format_or_when_quiet(many):
    for args, terminal, env in ((("check", "--no-cache", "news"), False, {}),
                                (("check", "--no-cache", "news"), True, {"CI": "true"}),
                                (("check", "--no-cache", "--format", "json", "news"), True, {}),
                                (("check", "--no-cache", "-q", "news"), True, {})):
        code, shown, imported = newslint(many, *args, terminal=terminal, **env)
        assert code == 0 and "linting" not in shown and not imported, (args, terminal, env)


def test_a_short_run_draws_and_imports_nothing(many):
    code, shown, imported = newslint(many, "check", "--no-cache", "news/001.txt", "news/002.txt")
    assert (code, imported) == (0, False) and "linting" not in shown
    # Files the cache answers for are not linted, so they do not make a run long.
    newslint(many, "check", "news", terminal=False)
    code, shown, imported = newslint(many, "check", "news")
    assert (code, imported) == (0, False) and "linting" not in shown
