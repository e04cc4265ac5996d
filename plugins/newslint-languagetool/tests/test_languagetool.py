"""LT001 against a LanguageTool-speaking server on loopback, and once against a real one if given."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from lt_fake_server import FakeLanguageTool
from newslint.errors import NewslintError
from newslint.testing import assert_lints, lint, lines

ENV_URL = "NEWSLINT_LANGUAGETOOL_URL"


@pytest.fixture
def server():
    with FakeLanguageTool() as fake:
        yield fake


@pytest.fixture(autouse=True)
def no_url_in_environment(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)


def config(url: str, **options) -> dict:
    return {"rules": {"LT001": {"url": url, **options}}}


def cli(*args: str, cwd, env_url: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != ENV_URL}
    if env_url:
        env[ENV_URL] = env_url
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_matches_become_diagnostics_with_the_languagetool_rule_id(server):
    assert_lints(
        "The minister made a offer on Monday.\nHe did not recieve it.\n",
        """
        1:19: LT001 EN_A_VS_AN: Use "an" instead of "a" if the following word starts with a vowel sound.
        2:12: LT001 MORFOLOGIK_RULE_EN_US: Possible spelling mistake found.
        """,
        select=["LT001"], config=config(server.url),
    )
    [form] = server.checks
    assert form["language"] == "en-US"  # one request for the document, in the configured language


def test_suggestions_are_the_replacements(server):
    [d] = lint("It was a idea.\n", select=["LT001"], config=config(server.url))
    assert d.text == "a" and d.suggestions == ("an",)


def test_offsets_after_characters_outside_the_bmp(server):
    # 😀 and the mathematical bold letters are one code point but two UTF-16 units each.
    text = "Fans 😀😀 cheered 𝐛𝐨𝐥𝐝 news: a upset.\nAnd 😀 teh end.\n"
    diagnostics = assert_lints(
        text,
        """
        1:17: LT001 FANCY_LETTERS: Mathematical letters used as text.
        1:28: LT001 EN_A_VS_AN: Use "an" instead of "a" if the following word starts with a vowel sound.
        2:7: LT001 MORFOLOGIK_RULE_EN_US: Possible spelling mistake found.
        """,
        select=["LT001"], config=config(server.url),
    )
    assert [d.text for d in diagnostics] == ["𝐛𝐨𝐥𝐝", "a", "teh"]  # the end converted too, not only the start
    assert (diagnostics[0].column, diagnostics[0].end_column) == (17, 21)


def test_spelling_on_names_and_accepted_words_is_left_to_typ(server):
    text = "Shelling hit Saraqeb and teh town.\n"
    assert lines(text, select=["LT001"], config=config(server.url)) == [
        "1:26: LT001 MORFOLOGIK_RULE_EN_US: Possible spelling mistake found."
    ]
    assert lines(text, select=["LT001"], config={**config(server.url), "accept": ["teh"]}) == []
    assert lines(text, select=["LT001"], config=config(server.url, spelling=False)) == []


def test_matches_on_blanked_markdown_are_dropped_and_disabled_rules_sent(server):
    # Inline code is blanked in the prose newslint sends, which leaves runs of spaces.
    text = "Run `make  test` and  see.\n"
    assert lines(text, path="a.md", select=["LT001"], config=config(server.url)) == [
        "1:21: LT001 WHITESPACE_RULE: Possible typo: you repeated a whitespace"
    ]
    lint(text, path="a.md", select=["LT001"], config=config(server.url, **{"disabled-rules": ["WHITESPACE_RULE"]}))
    assert server.checks[-1]["disabledRules"] == "WHITESPACE_RULE"


def test_no_server_configured_is_one_configuration_error(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("A clean sentence.\n", encoding="utf-8")
    plain = cli("check", str(story), cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr  # installed but not selected: nothing happens
    other = tmp_path / "other.txt"
    other.write_text("Another one.\n", encoding="utf-8")
    selected = cli("check", "--select", "LT", str(story), str(other), cwd=tmp_path)
    assert selected.returncode == 2
    assert selected.stderr.splitlines() == [
        "error: LT001 (languagetool) is selected but no LanguageTool server is configured: set url under "
        "[tool.newslint.rules.LT001] in the configuration or the NEWSLINT_LANGUAGETOOL_URL environment variable"
    ]


def test_url_from_the_environment_and_from_a_config_file(server, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("It is a error.\n", encoding="utf-8")
    result = cli("check", "--select", "LT", str(story), cwd=tmp_path, env_url=server.url)
    assert result.returncode == 1, result.stderr
    assert f"{story}:1:7: LT001 EN_A_VS_AN:" in result.stdout
    (tmp_path / "newslint.toml").write_text(f'extend-select = ["LT"]\n[rules.LT001]\nurl = "{server.url}"\n')
    result = cli("check", str(story), cwd=tmp_path)
    assert result.returncode == 1 and f"{story}:1:7: LT001 EN_A_VS_AN:" in result.stdout, result.stderr


@pytest.mark.parametrize("mode, problem", [
    ("error", "the server reported an error: Error: Internal Server Error <html>java.lang.OutOfMemoryError</html>"),
    ("garbage", "the server reported an error: <html>not a LanguageTool server</html>"),
    ("empty-error", "the server answered with an error and no explanation (LanguageToolError)"),
    ("not-found", "the server reported an error: <html> <h1>404 Not Found</h1> </html>"),
])
def test_a_server_fault_costs_only_lt001_results(server, tmp_path, mode, problem):
    """Each file says, in one line, that its LT001 results are missing and why; every other
    rule's results are still reported; the server is not asked again after it failed."""
    url = server.url
    server.mode = mode
    with pytest.raises(NewslintError) as info:
        lint("It is a error.\n", select=["LT001"], config=config(url))
    assert f"failed: LanguageTool server {url}: {problem}" in str(info.value)
    stories = [tmp_path / f"{n}.txt" for n in range(3)]
    for story in stories:
        story.write_text("It is a error. The the end.\n", encoding="utf-8")
    result = cli("check", "--select", "LT,TYP003", *(s.name for s in stories), cwd=tmp_path, env_url=url)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(": rule LT001 (languagetool, plugin 'languagetool') failed: ")[0] for line in lines] == [
        "error: 0.txt", "error: 1.txt", "error: 2.txt"], lines
    assert all(f"LanguageTool server {url}: {problem}" in line for line in lines), lines
    assert all(line.endswith("; its results on this file are dropped") for line in lines), lines
    assert [line.split()[:2] for line in result.stdout.splitlines()[:-1]] == [
        ["0.txt:1:16:", "TYP003"], ["1.txt:1:16:", "TYP003"], ["2.txt:1:16:", "TYP003"]]
    assert len(server.requests) == 2  # GET /v2/languages failed once per process; no file retried it


def test_a_json_answer_without_matches_is_a_protocol_error(server):
    server.mode = "wrong-json"
    with pytest.raises(NewslintError, match=r"unexpected answer, not LanguageTool's /v2 protocol \(KeyError: 'matches'\)"):
        lint("It is a error.\n", select=["LT001"], config=config(server.url))


def test_a_slow_server_times_out_instead_of_hanging(server, tmp_path):
    server.mode, server.delay = "slow", 5.0
    stories = [tmp_path / f"{n}.txt" for n in range(4)]
    for story in stories:
        story.write_text("It is a error.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(f'[rules.LT001]\nurl = "{server.url}"\ntimeout = 0.3\n')
    began = time.monotonic()
    result = cli("check", "--select", "LT", *map(str, stories), cwd=tmp_path, timeout=30)
    elapsed = time.monotonic() - began
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 4 and all(
        f"failed: LanguageTool server {server.url}: no answer within 0.3 s "
        "(timeout; raise the LT001 'timeout' option or check the server)" in line for line in lines), lines
    assert "Traceback" not in result.stderr
    assert elapsed < 4.5, elapsed  # one timed-out request, not one per file, and not the server's 5 s


def test_a_refused_connection_is_a_clear_error(tmp_path):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(NewslintError) as info:
        lint("It is a error.\n", select=["LT001"], config=config(f"http://127.0.0.1:{port}"))
    assert (f"LanguageTool server http://127.0.0.1:{port}: cannot connect "
            "(connection refused or host unreachable); is the server running?") in str(info.value)


def test_bad_options_are_configuration_errors():
    with pytest.raises(NewslintError, match="url 'localhost:8081' is not an http:// or https:// URL"):
        lint("Text.\n", select=["LT001"], config=config("localhost:8081"))
    with pytest.raises(NewslintError, match="LT001.timeout: expected a number, got 'soon'"):
        lint("Text.\n", select=["LT001"], config=config("http://x", timeout="soon"))


def test_an_unsupported_language_is_a_configuration_error(server):
    with pytest.raises(NewslintError, match="LT001 \\(languagetool\\): .*xx-YY"):
        lint("Text.\n", select=["LT001"], config=config(server.url, language="xx-YY"))


def test_registering_the_plugin_does_not_import_language_tool_python(tmp_path):
    code = ("import sys; from newslint.plugins import load_plugins; r = load_plugins(); "
            "assert r.rules['LT001'].plugin == 'languagetool'; "
            "print(sorted(m for m in sys.modules if m.startswith(('language_tool_python', 'requests'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_listed_by_rules_and_plugins(tmp_path):
    assert "languagetool 0.1.0: 1 rule, prefixes LT" in cli("plugins", cwd=tmp_path).stdout
    listing = cli("rules", cwd=tmp_path).stdout
    assert any(line.startswith("LT001") and "[opt-in]" in line for line in listing.splitlines())


REAL_URL = os.environ.get("NEWSLINT_LANGUAGETOOL_TEST_URL")


@pytest.mark.skipif(not REAL_URL, reason="set NEWSLINT_LANGUAGETOOL_TEST_URL to a LanguageTool server to run")
def test_against_a_real_server():
    text = "Fans 😀 said the the ministers was told about a offer.\n"
    diagnostics = lint(text, select=["LT001"], config=config(REAL_URL, timeout=30.0))
    assert diagnostics, "a real LanguageTool server finds nothing in an ungrammatical sentence"
    for d in diagnostics:
        assert d.text == text[d.start:d.end] and d.message.split(":")[0].isupper()
    assert any(d.text.startswith("a") and "EN_A_VS_AN" in d.message for d in diagnostics)
