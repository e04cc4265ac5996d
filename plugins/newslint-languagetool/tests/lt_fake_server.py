"""A small LanguageTool server for tests: ``GET /v2/languages`` and ``POST /v2/check`` on loopback.

It speaks the protocol's JSON shape (the fields language-tool-python reads) and reports
offsets and lengths in UTF-16 code units, as the real server (Java strings) does. Its
"grammar" is a few fixed rules, enough to put matches where a test expects them:

- EN_A_VS_AN: "a" before a word starting with a vowel (the "a" is marked);
- MORFOLOGIK_RULE_EN_US (spelling, category TYPOS): the words in ``MISSPELLED``;
- FANCY_LETTERS: a run of mathematical bold letters (outside the BMP: two units each);
- WHITESPACE_RULE: two or more spaces in a row.

``mode`` makes it misbehave: "error" (HTTP 500 with a text body), "slow" (answers after
``delay`` seconds), "garbage" (HTTP 200, not JSON), "wrong-json" (JSON without matches).
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MISSPELLED = {"teh", "recieve", "Saraqeb"}
LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]


def utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def find_matches(text: str) -> list[dict]:
    found = []

    def add(start: int, end: int, rule: str, message: str, replacements: list[str], issue: str = "grammar",
            category: str = "GRAMMAR") -> None:
        offset, length = utf16(text, start), utf16(text, end) - utf16(text, start)
        found.append({
            "message": message, "shortMessage": "", "offset": offset, "length": length,
            "replacements": [{"value": r} for r in replacements],
            "context": {"text": text[max(0, start - 20): end + 20], "offset": min(start, 20), "length": length},
            "sentence": text, "type": {"typeName": "Other"},
            "rule": {"id": rule, "description": message, "issueType": issue,
                     "category": {"id": category, "name": category.title()}},
            "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
        })

    for m in re.finditer(r"\b[aA](?= [aeiou])", text):
        add(m.start(), m.end(), "EN_A_VS_AN", 'Use "an" instead of "a" if the following word starts with a vowel sound.',
            ["an"])
    for m in re.finditer(r"\w+", text):
        if m.group() in MISSPELLED:
            add(m.start(), m.end(), "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", ["the", "tea"],
                issue="misspelling", category="TYPOS")
    for m in re.finditer("[\U0001D400-\U0001D433]+", text):
        add(m.start(), m.end(), "FANCY_LETTERS", "Mathematical letters used as text.", [])
    for m in re.finditer(r"(?<=\S)  +(?=\S)", text):
        add(m.start(), m.end(), "WHITESPACE_RULE", "Possible typo: you repeated a whitespace", [" "],
            issue="whitespace", category="TYPOGRAPHY")
    return sorted(found, key=lambda f: f["offset"])


class FakeLanguageTool:
    def __init__(self) -> None:
        self.mode = "ok"
        self.delay = 5.0
        self.requests: list[tuple[str, str, dict]] = []  # (method, path, form fields)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output clean
                pass

            def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _answer(self, payload) -> None:
                if fake.mode == "slow":
                    time.sleep(fake.delay)
                if fake.mode == "error":
                    return self._send(500, b"Error: Internal Server Error\n<html>java.lang.OutOfMemoryError</html>",
                                      "text/html")
                if fake.mode == "empty-error":
                    return self._send(500, b"", "text/plain")
                if fake.mode == "not-found":  # a proxy's page where the server should be
                    return self._send(404, b"<html>\n<h1>404 Not Found</h1>\n</html>", "text/html")
                if fake.mode == "garbage":
                    return self._send(200, b"<html>not a LanguageTool server</html>", "text/html")
                self._send(200, json.dumps(payload).encode("utf-8"))

            def do_GET(self):
                path = urllib.parse.urlparse(self.path).path
                fake.requests.append(("GET", path, {}))
                if path != "/v2/languages":
                    return self._send(404, b"not found", "text/plain")
                self._answer(LANGUAGES)

            def do_POST(self):
                path = urllib.parse.urlparse(self.path).path
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
                form = {k: v[0] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
                fake.requests.append(("POST", path, form))
                if path != "/v2/check":
                    return self._send(404, b"not found", "text/plain")
                if fake.mode == "wrong-json":
                    return self._send(200, json.dumps({"software": {"name": "x"}}).encode())
                self._answer({"software": {"name": "LanguageTool", "version": "fake"},
                              "language": {"code": form.get("language")},
                              "matches": find_matches(form.get("text", ""))})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeLanguageTool":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def checks(self) -> list[dict]:
        return [form for method, path, form in self.requests if path == "/v2/check"]
