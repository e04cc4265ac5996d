"""Output for CI tools: ``--format sarif``, ``--format github`` and ``--statistics``.

The SARIF output is validated against the official SARIF 2.1.0 JSON schema, vendored in
tests/data/sarif/ (see its README for provenance), offline. Expected positions are the
ones the JSON contract gives for the same article (tested in test_cli.py), worked out by
hand in the comments.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

import newslint

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"

# "the the" at 3:17-3:24 (the rocket is one code point, two UTF-16 units), "&hellip;" at
# 4:5-4:13, "2020.Credit" at 4:28-4:39 (fix: insert a space at 4:33).
ARTICLE = (
    "# Rocket launch\n"
    "\n"
    "The crew \U0001F680 said the the launch went well.\n"
    "Wait&hellip; it was a café 2020.Credit to them.\n"
)
ARTICLE_PATH = "dossiers/été 2024.md"
SEVERITIES = '[severity]\nTYP003 = "error"\nWEB004 = "info"\n'


def offset(source: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    return starts[line - 1] + column - 1


@pytest.fixture
def article(write):
    write("newslint.toml", SEVERITIES)
    write(ARTICLE_PATH, ARTICLE)
    return ARTICLE_PATH


def sarif_validator():
    import jsonschema  # in the test extra, with rfc3986-validator: make test installs both
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    # FormatChecker() knows every draft's formats, so "uri-reference" (artifact URIs) is
    # checked too; rfc3986-validator (test extra) is what makes "uri" checks real.
    checker = jsonschema.FormatChecker()
    return jsonschema.Draft4Validator(schema, format_checker=checker), checker


def assert_valid_sarif(log: dict) -> None:
    validator, _ = sarif_validator()
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


# ------------------------------------------------------------------------------------ SARIF


def test_the_schema_check_is_real():
    """The validator rejects what SARIF forbids, so a pass below means something."""
    validator, checker = sarif_validator()
    assert not checker.conforms("dossiers/été 2024.md", "uri-reference")  # raw space and é
    assert checker.conforms("dossiers/%C3%A9t%C3%A9%202024.md", "uri-reference")
    assert not checker.conforms("not a uri", "uri")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                         "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}
    assert list(validator.iter_errors(bad))
    bad_region = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "a.md"}, "region": {"startLine": 0}}}]}]}]}
    assert list(validator.iter_errors(bad_region))


def test_sarif_output_is_valid_and_complete(run, article):
    result = run("check", "--format", "sarif", ".")
    assert result.code == 1, result.err
    assert result.err == ""
    log = json.loads(result.out)
    assert_valid_sarif(log)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    assert sarif_run["invocations"] == [{"executionSuccessful": True}]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "newslint"
    assert driver["version"] == newslint.__version__
    assert driver["informationUri"].startswith("https://")

    rules = driver["rules"]
    listed = json.loads(run("rules", "--format", "json").out)
    assert [r["id"] for r in rules] == [r["code"] for r in listed]  # every rule, in registry order
    typ003 = next(r for r in rules if r["id"] == "TYP003")
    assert typ003["name"] == "repeated-word"
    assert typ003["shortDescription"]["text"] == 'Repeated word ("the the").'
    assert typ003["fullDescription"]["text"].startswith("Finds a word written twice in a row")
    assert "## Why is this bad?" not in typ003["fullDescription"]["text"]  # the first section only
    assert typ003["defaultConfiguration"] == {"enabled": True, "level": "warning"}  # default, not the override

    results = sarif_run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("TYP003", "error"), ("WEB004", "note"), ("SEN003", "warning")]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        (location,) = r["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact["uri"] == "dossiers/%C3%A9t%C3%A9%202024.md"
        assert unquote(artifact["uri"]) == ARTICLE_PATH
        assert artifact["uriBaseId"] == "%SRCROOT%"
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")

    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert [(g["startLine"], g["startColumn"], g["endLine"], g["endColumn"]) for g in regions] == [
        (3, 17, 3, 24), (4, 5, 4, 13), (4, 28, 4, 39)]
    for g in regions:  # columns are code points: the region is exactly the snippet
        start = offset(ARTICLE, g["startLine"], g["startColumn"])
        end = offset(ARTICLE, g["endLine"], g["endColumn"])
        assert ARTICLE[start:end] == g["snippet"]["text"]
    assert results[0]["message"]["text"] == 'Repeated word "the"'


def test_sarif_fixes_repair_the_article_as_fix_does(run, article, tmp_path):
    """Applying the SARIF replacements gives the text that --fix writes (one pass)."""
    log = json.loads(run("check", "--format", "sarif", ".").out)
    edits = []
    for r in log["runs"][0]["results"]:
        (fix,) = r["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "dossiers/%C3%A9t%C3%A9%202024.md"
        for rep in change["replacements"]:
            g = rep["deletedRegion"]
            edits.append((offset(ARTICLE, g["startLine"], g["startColumn"]),
                          offset(ARTICLE, g["endLine"], g["endColumn"]), rep["insertedContent"]["text"]))
    assert {r["fixes"][0]["description"]["text"] for r in log["runs"][0]["results"]} == {
        'Delete the second "the"', "Replace with …", "Insert a space"}
    fixed = ARTICLE
    for start, end, content in sorted(edits, reverse=True):
        fixed = fixed[:start] + content + fixed[end:]
    assert run("check", "--fix", ARTICLE_PATH).code == 0
    assert fixed == (tmp_path / ARTICLE_PATH).read_text(encoding="utf-8")
    assert "the launch" in fixed and "the the" not in fixed


def test_sarif_with_no_problems_is_valid_and_exits_0(run, write):
    write("clean.md", "The council met on Tuesday.\n")
    result = run("check", "--format", "sarif", "clean.md")
    assert result.code == 0
    log = json.loads(result.out)
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == []


def test_sarif_reports_a_file_that_cannot_be_linted_as_a_notification(run, write):
    write("bad.txt", b"ok\xff\n")
    write("good.txt", "The the end.\n")
    result = run("check", "--format", "sarif", "bad.txt", "good.txt")
    assert result.code == 2
    assert len(result.err_lines) == 1 and "bad.txt" in result.err
    log = json.loads(result.out)
    assert_valid_sarif(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "bad.txt" in note["message"]["text"]
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["TYP003"]


def test_sarif_documents_the_data_rules_a_configuration_defines(run, write):
    write("desk/newslint.toml", '[[data-rules]]\ncode = "HSE001"\nname = "said-not-stated"\n'
          'kind = "substitution"\nmessage = \'Use "{replacement}"\'\nswap = { stated = "said" }\n')
    write("desk/a.txt", "He stated it.\n")
    log = json.loads(run("check", "--format", "sarif", "desk/a.txt").out)
    assert_valid_sarif(log)
    driver_rules = log["runs"][0]["tool"]["driver"]["rules"]
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "HSE001"
    descriptor = driver_rules[result["ruleIndex"]]
    assert descriptor["id"] == "HSE001" and descriptor["name"] == "said-not-stated"
    assert "TYP001" in {d["id"] for d in driver_rules}  # the installed rules are still listed


def test_sarif_uri_of_an_absolute_path_is_relative_to_the_working_directory(run, article, tmp_path):
    log = json.loads(run("check", "--format", "sarif", str(tmp_path / ARTICLE_PATH)).out)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"dossiers/%C3%A9t%C3%A9%202024.md"}


def test_artifact_uri_encoding():
    from newslint.report.sarif import artifact_uri

    assert artifact_uri("a b/c#d?.md", "/root") == "a%20b/c%23d%3F.md"
    assert artifact_uri("./x/100%.md", "/root") == "x/100%25.md"
    assert artifact_uri("/root/sub/x.md", "/root") == "sub/x.md"
    assert artifact_uri("/elsewhere/x.md", "/root") == "../elsewhere/x.md"
    assert artifact_uri("c:x.md", "/root") == "./c%3Ax.md"  # not a URI scheme


# ----------------------------------------------------------------------------------- GitHub


def test_github_annotations(run, article):
    result = run("check", "--format", "github", ".")
    assert result.code == 1
    assert result.err == ""
    assert result.lines == [
        "::error file=dossiers/été 2024.md,line=3,endLine=3,col=17,endColumn=24,"
        'title=TYP003 repeated-word::Repeated word "the"',
        "::notice file=dossiers/été 2024.md,line=4,endLine=4,col=5,endColumn=13,"
        "title=WEB004 html-residue::HTML entity &hellip; left in the text",
        "::warning file=dossiers/été 2024.md,line=4,endLine=4,col=28,endColumn=39,"
        'title=SEN003 glued-sentences::No space after ".": "2020.Credit" looks like two sentences glued together',
    ]


def test_github_annotates_a_file_that_cannot_be_linted(run, write):
    write("bad.txt", b"ok\xff\n")
    write("good.txt", "The the end.\n")
    result = run("check", "--format", "github", "bad.txt", "good.txt")
    assert result.code == 2
    assert result.err_lines == ["error: bad.txt: invalid UTF-8 at byte offset 2 (byte 0xff); newslint reads UTF-8 text"]
    assert result.lines == [
        "::error file=bad.txt,title=newslint::bad.txt: invalid UTF-8 at byte offset 2 (byte 0xff); "
        "newslint reads UTF-8 text",
        '::warning file=good.txt,line=1,endLine=1,col=1,endColumn=8,title=TYP003 repeated-word::Repeated word "the"',
    ]


def test_github_escaping():
    from newslint.report.github import annotation, escape_data, escape_property
    from newslint.rule import Diagnostic

    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    d = Diagnostic(path="news/a,b:c.md", line=2, column=3, end_line=2, end_column=5, code="HSE001",
                   name="house-rule", family="house", severity="info", message="50% off:\nline two",
                   text="xx", start=10, end=12)
    assert annotation(d) == ("::notice file=news/a%2Cb%3Ac.md,line=2,endLine=2,col=3,endColumn=5,"
                             "title=HSE001 house-rule::50%25 off:%0Aline two")


# ------------------------------------------------------------------------------- statistics


STATS_ARTICLE = "The the end.\nAnd and then.\nWait&hellip; there.\nIt was 2020.Credit him.\n"


def test_statistics_text(run, write):
    write("a.txt", STATS_ARTICLE)
    write("b.txt", "In in Paris.\n")
    result = run("check", "--statistics", "a.txt", "b.txt")
    assert result.code == 1
    assert result.lines == [
        "3  TYP003  [*] repeated-word",
        "1  SEN003  [*] glued-sentences",
        "1  WEB004  [*] html-residue",
        "Found 5 problems; [*] 5 fixable with --fix.",
    ]
    assert run("check", "--statistics", "--quiet", "a.txt", "b.txt").lines == result.lines[:3]


def test_statistics_counts_unfixable_rules_and_sorts_by_count(run, write):
    write("a.txt", 'He said "one.\n\nShe said "two.\n\nThe the end.\n')
    result = run("check", "--statistics", "a.txt")
    assert result.lines == [
        "2  SEN002  [ ] unbalanced-quotes",
        "1  TYP003  [*] repeated-word",
        "Found 3 problems; [*] 1 fixable with --fix.",
    ]


def test_statistics_json(run, write):
    write("a.txt", STATS_ARTICLE)
    result = run("check", "--statistics", "--format", "json", "a.txt")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["version"] == 1 and data["newslint"] == newslint.__version__
    assert data["total"] == 4
    assert data["statistics"] == [
        {"code": "TYP003", "name": "repeated-word", "count": 2, "fixable": True, "fixable_count": 2},
        {"code": "SEN003", "name": "glued-sentences", "count": 1, "fixable": True, "fixable_count": 1},
        {"code": "WEB004", "name": "html-residue", "count": 1, "fixable": True, "fixable_count": 1},
    ]


def test_statistics_with_no_problems(run, write):
    write("a.txt", "The council met.\n")
    result = run("check", "--statistics", "a.txt")
    assert (result.code, result.lines) == (0, ["No problems found."])
    data = json.loads(run("check", "--statistics", "--format", "json", "a.txt").out)
    assert data["statistics"] == [] and data["total"] == 0


def test_statistics_needs_text_or_json(run, write):
    write("a.txt", "The the end.\n")
    result = run("check", "--statistics", "--format", "sarif", "a.txt")
    assert result.code == 2 and result.out == ""
    assert result.err_lines == ["error: --statistics works with --format text or json, not sarif"]


def test_new_formats_are_imported_only_when_chosen(run, write):
    """Start-up stays lean: the text format does not import the SARIF or GitHub reporters."""
    write("a.txt", "The the end.\n")
    probe = ("import sys, newslint.cli as c\n"
             "code = c.main(['check', '--format', sys.argv[1], 'a.txt'])\n"
             "print(sorted(m for m in sys.modules if m.startswith('newslint.report.')), file=sys.stderr)\n")
    import subprocess
    import sys

    for fmt, expected in (("text", ["newslint.report.text"]), ("github", ["newslint.report.github"]),
                          ("sarif", ["newslint.report.sarif"])):
        proc = subprocess.run([sys.executable, "-c", probe, fmt], cwd=write("x", "").parent,
                              capture_output=True, text=True, timeout=60)
        assert proc.stderr.strip() == repr(expected), proc.stderr
