"""The HTML report: escaping and self-containment (no browser), then the real page opened in
headless chromium, whose rendered DOM must show every highlight and count."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newslint.engine import Linter
from newslint.report.html import render_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]


class Elements(HTMLParser):
    """Every start tag as (tag, attributes), and the text inside each <mark>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.marked: list[tuple[str, str]] = []  # (data-codes, text)
        self._mark: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "mark":
            self._mark.append(attributes.get("data-codes", ""))
            self.marked.append((self._mark[-1], ""))

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark:
            self._mark.pop()

    def handle_data(self, data):
        if self._mark:
            codes, text = self.marked[-1]
            self.marked[-1] = (codes, text + data)

    def having(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(k in a and v in a[k].split() for k, v in attrs.items())]


def _page(text: str, path: str = "story.txt") -> str:
    import io

    linter = Linter(metrics=True, keep_text=True)
    out = io.StringIO()
    render_html([linter.lint_text(text, path)], out)
    return out.getvalue()


def test_everything_is_escaped():
    text = 'The the <script>alert("x")</script> & "quotes" &amp; here.\n'
    page = _page(text, path='a"<b>.txt')
    assert "<script>" not in page and 'alert("x")' not in page
    assert "&lt;script&gt;</mark>" in page and "alert(&quot;x&quot;)" in page  # the tag is also a WEB004 highlight
    assert "&amp;amp;" in page  # the entity in the text is shown as written, not decoded
    assert 'a&quot;&lt;b&gt;.txt' in page and 'a"<b>' not in page
    parsed = Elements()
    parsed.feed(page)
    assert [codes for codes, _ in parsed.marked if "TYP003" in codes] and not parsed.having("script")


def test_the_page_is_self_contained():
    page = _page("The the army said.\n")
    for needle in ("http://", "https://", "//cdn", "<script", "<link", "<img", "@import", "url("):
        assert needle not in page


def _json_report() -> dict:
    result = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json", "examples/"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium); .ci/run installs it")
def test_report_in_headless_chromium(tmp_path):
    report = tmp_path / "report.html"
    made = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "html", "-o", str(report), "examples/"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert made.returncode == 1 and made.stdout == "", made.stderr
    expected = _json_report()

    browser = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    env = {**os.environ, "HOME": str(tmp_path)}
    dom = subprocess.run([*browser, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120, env=env)
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = Elements()
    page.feed(dom.stdout)

    diagnostics = expected["diagnostics"]
    [totals] = [a for t, a in page.tags if a.get("id") == "totals"]
    assert int(totals["data-problems"]) == len(diagnostics) > 20
    assert int(totals["data-articles"]) == len(expected["files"]) == 5
    sections = page.having("section", **{"class": "article"})
    assert [s["data-path"] for s in sections] == [f["path"] for f in expected["files"]]
    for section in sections:
        assert int(section["data-problems"]) == sum(1 for d in diagnostics if d["path"] == section["data-path"])
    # Every diagnostic has its numbered marker in the text, or is shown at the top of its article.
    markers = [a["data-code"] for a in page.having("a", **{"class": "marker"})]
    article_level = [a["data-code"] for a in page.having("div", **{"class": "article-level"})]
    assert sorted(markers + article_level) == sorted(d["code"] for d in diagnostics)
    # Highlights sit on the reported text, coloured by family.
    for d in diagnostics:
        if d["code"] in ("TYP001", "TYP002", "SEN003", "WEB004"):
            assert any(d["code"] in codes.split() and d["text"] in text for codes, text in page.marked), d
    for family in {d["family"] for d in diagnostics}:
        assert page.having("mark", **{"class": "f-" + family}), family
    # The metrics and verdicts are shown for each article.
    text = dom.stdout
    assert text.count("Flesch-Kincaid grade") == len(sections)
    assert text.count("Scraped? yes") == sum(1 for f in expected["files"]
                                             if any(d["family"] == "web" and d["path"] == f["path"] for d in diagnostics))
    grade = expected["files"][0]["metrics"]["flesch_kincaid_grade"]
    assert f"<b>{grade:.1f}</b>" in text

    shot = tmp_path / "report.png"
    taken = subprocess.run([*browser, "--window-size=1300,2400", f"--screenshot={shot}", report.as_uri()],
                           capture_output=True, text=True, timeout=120, env=env)
    assert taken.returncode == 0, taken.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000  # a blank page is a few kB


def test_an_article_level_verdict_is_shown_at_the_top():
    from newslint.rule import Diagnostic
    from newslint.engine import FileResult
    import io

    text = "The army said on Monday that it had taken the town.\n"
    verdict = Diagnostic(path="a.txt", line=1, column=1, end_line=1, end_column=4, code="SPN100", name="spun-article",
                         family="spin", severity="warning", message="This article looks spun <b>", text="The",
                         start=0, end=3)
    out = io.StringIO()
    render_html([FileResult("a.txt", words=11, diagnostics=[verdict], text=text)], out)
    page = Elements()
    page.feed(out.getvalue())
    assert [a["data-code"] for a in page.having("div", **{"class": "article-level"})] == ["SPN100"]
    assert not page.having("a", **{"class": "marker"}) and not page.marked
    assert "This article looks spun &lt;b&gt;" in out.getvalue() and "Spun? 1 spin diagnostic" in out.getvalue()
