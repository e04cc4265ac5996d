"""Third-party plugins, found through the ``newslint`` entry-point group as an outside author ships them."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PLUGIN_MODULE = '''
import newslint
from newslint.rule import Finding, Rule


class NoStated(Rule):
    """Prefer "said" to "stated".

    ## What it does
    Reports "stated" outside quotes.

    ## Why is this bad?
    House style.

    ## Example
    He stated it.

    ## Use instead
    He said it.

    ## Known false positives
    None.
    """

    code = "{prefix}001"
    name = "{name}"
    family = "house-style"

    def check(self, document):
        {body}


@newslint.hookimpl
def newslint_rules():
    return [NoStated]
'''

DEFAULT_BODY = """for token in document.tokens:
            if token.text == "stated" and not document.in_quote(token.start):
                yield Finding(token.start, token.end, 'Use "said", not "stated"')"""


def make_plugin(site: Path, dist: str, entry: str, prefix: str = "HSE", name: str = "said-not-stated",
                body: str = DEFAULT_BODY, module_source: str | None = None) -> None:
    """A distribution installed into ``site`` the way pip would: a module and a .dist-info."""
    module = f"{dist}_plugin"
    source = module_source if module_source is not None else PLUGIN_MODULE.format(prefix=prefix, name=name, body=body)
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[newslint]\n{entry} = {module}\n", encoding="utf-8")


def run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**{k: v for k, v in os.environ.items() if k != "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"}, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    path = tmp_path / "site"
    path.mkdir()
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text('The minister stated the the plan. "I stated nothing," he said.\n', encoding="utf-8")
    return path


def test_plugin_rules_are_listed_and_run(site, article, tmp_path):
    make_plugin(site, "house", "house")
    listing = run(site, "rules", "--format", "json", cwd=tmp_path)
    rows = {r["code"]: r for r in json.loads(listing.stdout)}
    assert rows["HSE001"]["plugin"] == "house" and rows["HSE001"]["name"] == "said-not-stated"
    plugins = run(site, "plugins", cwd=tmp_path)
    assert "house 1.0: 1 rule, prefixes HSE" in plugins.stdout

    result = run(site, "check", str(article), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{article}:1:14: HSE001 Use \"said\", not \"stated\"" in result.stdout
    assert f"{article}:1:21: TYP003" in result.stdout
    assert result.stdout.count("HSE001") == 1  # the quoted "stated" is left alone

    selected = run(site, "check", "--select", "said-not-stated", str(article), cwd=tmp_path)
    assert "HSE001" in selected.stdout and "TYP003" not in selected.stdout
    doc = run(site, "rule", "HSE001", cwd=tmp_path)
    assert "Plugin: house" in doc.stdout and "## What it does" in doc.stdout


def test_two_plugins_claiming_one_prefix_is_a_clear_error(site, article, tmp_path):
    make_plugin(site, "alpha", "alpha", prefix="HSE", name="rule-one")
    make_plugin(site, "beta", "beta", prefix="HSE", name="rule-two")
    result = run(site, "check", str(article), cwd=tmp_path)
    assert result.returncode == 2
    assert "plugins 'alpha' and 'beta' both claim the code prefix 'HSE'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_plugin_cannot_take_a_builtin_prefix(site, article, tmp_path):
    make_plugin(site, "sneaky", "sneaky", prefix="TYP", name="typ-clone")
    result = run(site, "rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "plugins 'newslint' and 'sneaky' both claim the code prefix 'TYP'" in result.stderr


def test_a_plugin_that_fails_to_import_is_named(site, article, tmp_path):
    make_plugin(site, "broken", "broken", module_source="raise ImportError('missing dependency foo')\n")
    result = run(site, "check", str(article), cwd=tmp_path)
    assert result.returncode == 2
    assert "plugin 'broken'" in result.stderr and "missing dependency foo" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "source, message",
    [
        (PLUGIN_MODULE.format(prefix="HSE", name="said-not-stated", body="return []")
         .replace("@newslint.hookimpl\n", ""), "newslint_rules() is not marked as a hook"),
        ("import newslint\n", "has no newslint_rules() hook"),
    ],
)
def test_a_plugin_without_a_hook_is_an_error_not_silence(site, article, tmp_path, source, message):
    make_plugin(site, "unhooked", "unhooked", module_source=source)
    for command in (["check", str(article)], ["rules"]):
        result = run(site, *command, cwd=tmp_path)
        assert result.returncode == 2
        assert "plugin 'unhooked' (unhooked_plugin)" in result.stderr and message in result.stderr
        assert "@newslint.hookimpl" in result.stderr and "Traceback" not in result.stderr


def test_a_rule_with_bad_metadata_is_refused(site, article, tmp_path):
    make_plugin(site, "sloppy", "sloppy", prefix="HSE", name="Not Kebab")
    result = run(site, "rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "plugin 'sloppy'" in result.stderr and "kebab-case" in result.stderr


# A rule that misbehaves on one article only: the article that says "boom".
FAULTY_BODY = """if "boom" in document.text:
            {fault}
        yield Finding(0, 4, "first word")"""

FAULTS = {
    "raises": "raise ValueError('boom')",
    "message-not-a-string": "yield Finding(0, 4, 42)",
    "message-a-list": "yield Finding(0, 4, ['not', 'text'])",
    "span-past-the-end": "yield Finding(0, 10**6, 'far away')",
    "negative-span": "yield Finding(-3, 2, 'before the start')",
    "offsets-not-integers": "yield Finding('0', '4', 'strings for offsets')",
    "not-a-finding": "yield ('a', 'tuple')",
    "suggestions-not-strings": "yield Finding(0, 4, 'odd suggestions', suggestions=(1, 2))",
}


@pytest.fixture
def two_articles(tmp_path: Path) -> tuple[Path, Path]:
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text("Some the the text, then boom.\n", encoding="utf-8")
    good.write_text("Calm the the text.\n", encoding="utf-8")
    return bad, good


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_a_faulty_rule_costs_only_its_own_results_on_that_article(site, tmp_path, two_articles, fault, fmt):
    """One line naming rule, plugin, file and cause; every other result still reported, by
    every reporter; exit 2."""
    make_plugin(site, "crashy", "crashy", body=FAULTY_BODY.format(fault=FAULTS[fault]))
    result = run(site, "check", "--select", "TYP003,HSE", "--format", fmt, "bad.txt", "good.txt", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith("error: bad.txt: rule HSE001 (said-not-stated, plugin 'crashy')"), line
    assert line.endswith("its results on this file are dropped") or "dropped (please report it)" in line, line
    if fmt == "json":
        codes = sorted((Path(d["path"]).name, d["code"]) for d in json.loads(result.stdout)["diagnostics"])
        assert codes == [("bad.txt", "TYP003"), ("good.txt", "HSE001"), ("good.txt", "TYP003")]
    elif fmt == "text":
        assert [line.split()[:2] for line in result.stdout.splitlines()[:-1]] == [
            ["bad.txt:1:6:", "TYP003"], ["good.txt:1:1:", "HSE001"], ["good.txt:1:6:", "TYP003"]]
    else:  # the results, and the fault where the report has a place for it
        assert result.stdout.count("TYP003") >= 2 and "HSE001" in result.stdout
        fault = line[len("error: "):]
        if fmt == "sarif":
            [invocation] = json.loads(result.stdout)["runs"][0]["invocations"]
            assert invocation["executionSuccessful"] is False
            assert invocation["toolExecutionNotifications"] == [{"level": "error", "message": {"text": fault}}]
        elif fmt == "github":
            assert "::error file=bad.txt,title=newslint::bad.txt: rule HSE001" in result.stdout
        else:
            assert "Results missing:" in result.stdout and "bad.txt: rule HSE001" in result.stdout


def test_a_rule_fault_on_every_article_leaves_the_other_rules_results(site, tmp_path, two_articles):
    make_plugin(site, "crashy", "crashy", body="raise ValueError('boom')")
    result = run(site, "check", "--select", "TYP003,HSE", "bad.txt", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 2 and "ValueError: boom" in result.stderr
    assert [line.split()[:2] for line in result.stdout.splitlines()[:-1]] == [
        ["bad.txt:1:6:", "TYP003"], ["good.txt:1:6:", "TYP003"]]


def test_plugin_autoload_can_be_disabled(site, article, tmp_path):
    make_plugin(site, "house", "house")
    env = {**os.environ, "PYTHONPATH": str(site), "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run([sys.executable, "-m", "newslint", "plugins"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "house" not in result.stdout and "newslint built-in" in result.stdout


def test_the_plugin_guide_example_works(site, tmp_path):
    """docs/plugins.md's example plugin and its tests, taken from the guide's code blocks."""
    import re

    guide = (Path(__file__).resolve().parent.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", guide, re.S)
    plugin = next(b for b in blocks if b.startswith("# src/newslint_house/plugin.py"))
    rules = next(b for b in blocks if b.startswith("# src/newslint_house/rules.py"))
    tests = next(b for b in blocks if "from newslint.testing import" in b)
    package = site / "newslint_house"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "plugin.py").write_text(plugin, encoding="utf-8")
    (package / "rules.py").write_text(rules, encoding="utf-8")
    info = site / "newslint_house-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-house\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\nhouse = newslint_house.plugin\n", encoding="utf-8")
    (tmp_path / "guide_tests.py").write_text(
        tests + "\ntest_said_not_stated()\ntest_option_and_markdown()\nprint('guide ok')\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(tmp_path / "guide_tests.py")], cwd=tmp_path,
                            env={**{k: v for k, v in os.environ.items() if k != "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"},
                                 "PYTHONPATH": str(site)},
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "guide ok", result.stderr
    assert "house 0.1.0: 1 rule, prefixes HSE" in run(site, "plugins", cwd=tmp_path).stdout


def test_entry_points_are_read_as_importlib_metadata_reads_them(tmp_path):
    """The loader reads entry_points.txt itself (importlib.metadata costs 30-45 ms to import):
    same entry points, same versions, a distribution on sys.path twice counted once."""
    first, second = tmp_path / "first", tmp_path / "second"
    for site, version in ((first, "2.0"), (second, "1.0")):
        info = site / f"house-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: house\nVersion: {version}\n\nBody: x\n")
        (info / "entry_points.txt").write_text("[console_scripts]\nh = house:main\n\n[newslint]\nhouse = house_plugin\n")
    egg = second / "Other_Pkg.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.2\nName: other-pkg\nVersion: 0.3\n")
    (egg / "entry_points.txt").write_text("# comment\n[newslint]\nother = other_plugin:hooks.impl [extra]\n")
    code = (
        "import importlib.metadata as m, json\n"
        "from newslint.plugins import _installed_entry_points\n"
        "ours = sorted(_installed_entry_points())\n"
        "theirs = sorted((e.name, e.value, e.dist.version) for e in m.entry_points(group='newslint'))\n"
        "print(json.dumps([ours, theirs]))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(first), str(second)])}
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    ours, theirs = json.loads(result.stdout)
    assert [tuple(e) for e in ours if e[0] in ("house", "other")] == [
        ("house", "house_plugin", "2.0"), ("other", "other_plugin:hooks.impl [extra]", "0.3")]
    assert ours == theirs


def test_an_entry_point_may_name_an_object_in_a_module(site, article, tmp_path):
    (site / "obj_plugin.py").write_text(
        PLUGIN_MODULE.format(prefix="OBJ", name="obj-rule", body=DEFAULT_BODY).replace(
            "@newslint.hookimpl\ndef newslint_rules():\n    return [NoStated]",
            "class Hooks:\n    @staticmethod\n    @newslint.hookimpl\n    def newslint_rules():\n        return [NoStated]"),
        encoding="utf-8")
    info = site / "objdist-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: objdist\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\nobj = obj_plugin:Hooks\n", encoding="utf-8")
    result = run(site, "check", "--select", "OBJ", str(article), cwd=tmp_path)
    assert "OBJ001" in result.stdout, result.stderr
