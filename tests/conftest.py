"""Shared helpers for the command-line tests: run the real CLI in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Run:
    """What one ``python -m newslint ...`` run gave: exit code, stdout and stderr."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("FORCE_COLOR", "NO_COLOR", "PYTHONWARNINGS"):
        env.pop(name, None)
    # The core's CLI tests see the built-in rules only, whatever plugins the environment has
    # (plugins/* are installed by `make test` and tested in their own packages).
    env["NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return env


@pytest.fixture
def run(tmp_path: Path):
    """``run(*args, cwd=tmp_path, input=None, timeout=60)`` runs newslint in a subprocess.

    The working directory defaults to the test's tmp_path (under /tmp, where no
    newslint.toml or pyproject.toml is found), so the repository's configuration is
    never picked up. ``input`` may be str (sent as UTF-8) or bytes.
    """

    def _run(*args, cwd: Path | str | None = None, input: str | bytes | None = None, timeout: float = 60) -> Run:
        if isinstance(input, str):
            input = input.encode("utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", *map(str, args)],
            cwd=cwd or tmp_path,
            input=input if input is not None else b"",
            capture_output=True,
            timeout=timeout,
            env=_environment(),
        )
        return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return _run


@pytest.fixture
def run_unprivileged(tmp_path: Path):
    """``run_unprivileged(*args)``: as ``run``, but so that file permissions bind newslint even
    when the tests run as root (without the capabilities that let root write and search
    where the mode bits say no)."""

    def _run(*args, cwd: Path | str | None = None) -> Run:
        prefix = []
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: file permissions cannot bind newslint")
            prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
        proc = subprocess.run([*prefix, sys.executable, "-m", "newslint", *map(str, args)], cwd=cwd or tmp_path,
                              capture_output=True, timeout=60, env=_environment())
        return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return _run


@pytest.fixture
def write(tmp_path: Path):
    """``write("a/b.txt", content)`` creates a file under tmp_path (str as UTF-8, or bytes)."""

    def _write(relative: str, content: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return _write
