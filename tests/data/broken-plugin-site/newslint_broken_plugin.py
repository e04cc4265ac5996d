"""A plugin whose import fails, for tests/test_server.py: the server must say so once and lint on."""

raise ImportError("missing dependency foo")
