"""``newslint server``: a Language Server over stdio, so that writers see findings as they type.

pygls is an optional extra (``pip install 'newslint[server]'``), imported only here, when the
server starts, so that the command line's start-up never pays for it.
"""

from __future__ import annotations

import logging
import sys

INSTALL_HINT = "newslint server needs the server extra: pip install 'newslint[server]'"


def main() -> int:
    """Serve LSP on stdin and stdout until the client exits; 2 when pygls is missing."""
    try:
        from .lsp import ClientPipe, build_server
    except ImportError as exc:
        sys.stderr.write(f"error: {INSTALL_HINT} ({exc})\n")
        return 2
    # Standard error is the editor's log of the server: warnings and errors, one line each.
    logging.basicConfig(level=logging.WARNING, format="newslint server: %(levelname)s: %(name)s: %(message)s")
    build_server().start_io(sys.stdin.buffer, ClientPipe(sys.stdout.buffer))
    return 0
