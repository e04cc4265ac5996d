"""``newslint scan`` on a real LocalCluster of two worker processes.

The articles are the rule fixtures' texts (always here) and, when shared/corpus is present,
a spread of its Reuters stories, read in place; each test writes them as the collection it
needs. Every run is checked against ``newslint check --format json`` on the same articles
written as files: diagnostic for diagnostic. The tests that end a process wait for a
plugin rule to say a worker is inside a partition (no sleeps guessing when it will be).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")  # newslint[dask], part of the test extra
pytest.importorskip("pyarrow")
pytest.importorskip("distributed")

from test_plugins import make_plugin  # noqa: E402  (a plugin installed into a folder, as pip would)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus")) / "reuters_2017.jsonl"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/reuters_2017.jsonl")

# A plugin rule for the tests that end a process or poison an article: on an article holding
# GATE-HERE the first worker to lint it writes its process id and waits (at most two minutes),
# so that the test can end it mid-partition; a retry finds the gate taken and goes on. On
# POISON-HERE it fails, as a buggy rule would.
GATE_PLUGIN = '''
import os, time
import newslint
from newslint.rule import Rule


class Gate(Rule):
    """Test gate.

    ## What it does
    Waits on a marked article, fails on a poisoned one.
    """

    code = "GTE001"
    name = "test-gate"
    family = "test"

    def check(self, document):
        if "POISON-HERE" in document.text:
            raise RuntimeError("poisoned article")
        gate = os.environ.get("NEWSLINT_TEST_GATE")
        if gate and "GATE-HERE" in document.text:
            try:
                os.close(os.open(os.path.join(gate, "taken"), os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                return []
            with open(os.path.join(gate, "pid.tmp"), "w") as f:
                f.write(str(os.getpid()))
            os.replace(os.path.join(gate, "pid.tmp"), os.path.join(gate, "pid"))
            time.sleep(120)
        return []


@newslint.hookimpl
def newslint_rules():
    return [Gate]
'''


def _articles(corpus_every: int = 40) -> list[dict]:
    """The fixtures' articles, and every ``corpus_every``-th corpus story when it is here."""
    articles = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("*/*")):
        if path.suffix in (".md", ".txt"):
            articles.append({"id": f"{path.parent.name}-{path.stem}", "text": path.read_text(encoding="utf-8"),
                             "url": f"https://example.com/{path.name}"})
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n % corpus_every == 0:
                    story = json.loads(line)
                    articles.append({"id": story["id"], "text": story["text"], "url": f"https://example.com/{story['id']}"})
    return articles


def _write_collection(articles: list[dict], folder: Path, parts: int, fmt: str = "parquet") -> Path:
    folder.mkdir()
    size = -(-len(articles) // parts)
    for n in range(parts):
        chunk = pd.DataFrame(articles[n * size:(n + 1) * size])
        if fmt == "parquet":
            chunk.to_parquet(folder / f"articles-{n}.parquet", index=False)
        else:
            chunk.to_json(folder / f"articles-{n}.jsonl", orient="records", lines=True, force_ascii=False)
    return folder


def _check_json(articles: list[dict], tmp_path: Path, env: dict) -> dict[str, list[dict]]:
    """check --format json on the articles written as files ID.txt: each one's diagnostics."""
    files = tmp_path / "as-files"
    files.mkdir()
    for article in articles:
        if isinstance(article["text"], str):
            (files / f"{article['id']}.txt").write_text(article["text"], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", "json", "--no-cache", "as-files"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1, 2), proc.stderr
    found: dict[str, list[dict]] = {a["id"]: [] for a in articles if isinstance(a["text"], str)}
    for d in json.loads(proc.stdout)["diagnostics"]:
        found[Path(d.pop("path")).stem].append(d)
    return found


def _read(out: Path, table: str, fmt: str = "parquet") -> pd.DataFrame:
    if fmt == "parquet":
        return pd.read_parquet(out / table)
    parts = sorted((out / table).glob("*.jsonl"))
    return pd.concat([pd.read_json(p, lines=True, dtype=False)
                      for p in parts if p.stat().st_size], ignore_index=True)


def _scan_diagnostics(out: Path, fmt: str = "parquet") -> dict[str, list[dict]]:
    """The scan's diagnostics as check's JSON has them, by article id."""
    frame = _read(out, "diagnostics", fmt)
    found: dict[str, list[dict]] = {}
    for row in frame.to_dict("records"):
        d = {k: row[k] for k in ("line", "column", "end_line", "end_column", "code", "name", "family", "severity",
                                 "message", "text")}
        d["suggestions"] = list(row["suggestions"])
        fix = row["fix"]
        d["fix"] = json.loads(fix) if isinstance(fix, str) else (fix if isinstance(fix, dict) else None)
        found.setdefault(row["id"], []).append(d)
    return found


def _env(site: Path | None = None, gate: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "PYTHONWARNINGS")}
    if site is None:
        env["NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # the built-in rules, as the CLI tests see them
    else:
        env.pop("NEWSLINT_DISABLE_PLUGIN_AUTOLOAD", None)
        env["PYTHONPATH"] = str(site)
    if gate is not None:
        env["NEWSLINT_TEST_GATE"] = str(gate)
    return env


def _scan(*args: str, cwd: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newslint", "scan", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=180)
    return proc.returncode, out, err


def _wait_for(condition, what: str, limit: float = 90) -> None:
    """Poll until ``condition()``; fail (not hang) if it takes longer than ``limit`` seconds."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.fixture
def gated(tmp_path: Path):
    """A site with the gate plugin, the gate's folder, and an environment using both."""
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site, "gate", "gate", module_source=GATE_PLUGIN)
    gate = tmp_path / "gate"
    gate.mkdir()
    return site, gate, _env(site, gate)


def _assert_once_each(out: Path, articles: list[dict], fmt: str = "parquet") -> pd.DataFrame:
    table = _read(out, "articles", fmt)
    assert sorted(table["id"]) == sorted(a["id"] for a in articles)  # every article, once
    return table


def test_parquet_output_equals_check_json_diagnostic_for_diagnostic(tmp_path):
    articles = _articles()
    collection = _write_collection(articles, tmp_path / "collection", parts=6)
    env = _env()
    code, out, err = _finish(_scan("collection", "-o", "out", "--keep", "url", "--scheduler", "local:2",
                                   cwd=tmp_path, env=env))
    assert code in (0, 1), err
    expected = _check_json(articles, tmp_path, env)
    found = _scan_diagnostics(tmp_path / "out")
    assert sum(map(len, expected.values())) > len(articles)  # a comparison of something
    for article in articles:
        assert found.get(article["id"], []) == expected[article["id"]], article["id"]
    table = _assert_once_each(tmp_path / "out", articles)
    assert list(table["id"]) == [a["id"] for a in articles]  # in the collection's order
    assert list(table["url"]) == [a["url"] for a in articles]  # carried through
    assert (table["problems"] == [len(expected[a["id"]]) for a in articles]).all()
    assert f"Scanned {len(articles)} articles" in out and "partitions" in out
    assert not list((tmp_path / "out").glob("_tmp"))  # nothing half-written is left


def test_a_poisoned_article_is_reported_with_its_error_and_its_other_results(tmp_path, gated):
    site, _, env = gated
    articles = [
        {"id": "clean", "text": "The minister said the plan would work.\n"},
        {"id": "poisoned", "text": "POISON-HERE: the the minister said so.\n"},
        {"id": "empty", "text": None},
        {"id": "also-clean", "text": "Officials said the bridge would reopen on Monday.\n"},
    ]
    collection = _write_collection(articles, tmp_path / "collection", parts=2, fmt="jsonl")
    # Named as an fsspec URL with a glob, as a collection on a remote filesystem would be.
    code, out, err = _finish(_scan(f"{collection.as_uri()}/*.jsonl", "-o", "out", "--output-format", "jsonl",
                                   "--scheduler", "local:2", cwd=tmp_path, env=env))
    assert code == 2, err
    assert "error: article poisoned: rule GTE001 (test-gate, plugin 'gate') failed with an internal error: " \
           "RuntimeError: poisoned article" in err
    assert "error: article empty: no text (the 'text' column holds nothing)" in err
    assert "Traceback" not in err
    table = _assert_once_each(tmp_path / "out", articles, "jsonl").set_index("id")
    assert table.loc["poisoned", "faults"] and pd.isna(table.loc["poisoned", "error"])
    assert table.loc["empty", "error"].startswith("article empty: no text")
    assert list(table.loc["clean", "faults"]) == []
    found = _scan_diagnostics(tmp_path / "out", "jsonl")
    assert [d["code"] for d in found["poisoned"]] == ["TYP003"]  # the other rules' results stand
    assert "2 articles could not be linted in full" in out


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path, gated):
    site, gate, env = gated
    articles = _articles(corpus_every=80)
    articles[len(articles) // 2]["text"] += "\nGATE-HERE\n"
    _write_collection(articles, tmp_path / "collection", parts=6)
    proc = _scan("collection", "-o", "out", "--scheduler", "local:2", cwd=tmp_path, env=env)
    try:
        _wait_for(lambda: (gate / "pid").exists(), "a worker to reach the gated article")
        os.kill(int((gate / "pid").read_text()), signal.SIGKILL)
        code, out, err = _finish(proc)
    finally:
        proc.kill()
    assert code in (0, 1), err
    _assert_once_each(tmp_path / "out", articles)
    assert _scan_diagnostics(tmp_path / "out") == {k: v for k, v in _check_json(articles, tmp_path, env).items() if v}


def test_resume_finishes_an_interrupted_scan_writing_no_partition_twice(tmp_path, gated):
    site, gate, env = gated
    articles = _articles(corpus_every=80)
    articles[0]["text"] += "\nGATE-HERE\n"  # the first partition waits; the others are written
    _write_collection(articles, tmp_path / "collection", parts=6)
    out = tmp_path / "out"
    proc = _scan("collection", "-o", "out", "--scheduler", "local:2", cwd=tmp_path, env=env)
    try:
        _wait_for(lambda: (gate / "pid").exists() and len(list((out / "_done").glob("*.json"))) == 5,
                  "the partitions not held by the gate")
        proc.send_signal(signal.SIGINT)
        code, _, err = _finish(proc)
    finally:
        proc.kill()
    assert code == 130, err
    written = {p: p.stat() for p in out.glob("*/part.*")}
    assert len([p for p in written if p.parent.name == "_done"]) == 5

    code, text, err = _finish(_scan("collection", "-o", "out", "--resume", "--scheduler", "local:2",
                                    cwd=tmp_path, env=env))
    assert code in (0, 1), err
    assert "(5 already written, skipped)" in text
    for path, before in written.items():  # not one of them written again
        after = path.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), path
    assert len(list((out / "_done").glob("*.json"))) == 6
    _assert_once_each(out, articles)
    assert _scan_diagnostics(out) == {k: v for k, v in _check_json(articles, tmp_path, env).items() if v}


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes, as a data team's own would be."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def test_the_python_api_returns_a_dask_dataframe_of_diagnostics(tmp_path, cluster, monkeypatch):
    import dask.bag as db
    import dask.dataframe as dd
    from distributed import Client

    import newslint
    from newslint.scan import lint_articles

    monkeypatch.chdir(tmp_path)  # no configuration here: the built-in defaults
    articles = _articles(corpus_every=160)
    frame = dd.from_pandas(pd.DataFrame(articles), npartitions=3)
    with Client(cluster) as client:
        diagnostics = lint_articles(frame, keep=["url"], select="TYP,SEN,WEB")
        assert list(diagnostics.columns[:2]) == ["id", "url"]
        computed = diagnostics.compute()
        # Each worker built one linter and kept it for every partition it linted.
        kept = client.run(lambda dask_worker: len(dask_worker.plugins["newslint-linters"]._linters))
        assert set(kept.values()) <= {0, 1} and sum(kept.values()) >= 1
        summaries = lint_articles(db.from_sequence(articles, npartitions=2), table="articles").compute()
    expected = [(a["id"], d.code, d.line, d.column, d.message) for a in articles
                for d in newslint.lint_text(a["text"], f"{a['id']}.txt", select="TYP,SEN,WEB")]
    assert expected and list(zip(computed["id"], computed["code"], computed["line"], computed["column"],
                                 computed["message"])) == expected
    assert sorted(summaries["id"]) == sorted(a["id"] for a in articles)
    assert summaries["error"].isna().all()


def test_the_python_api_writes_both_tables_as_the_command_does(tmp_path, cluster, monkeypatch):
    import dask.dataframe as dd
    from distributed import Client

    from newslint.scan import write

    monkeypatch.chdir(tmp_path)
    articles = _articles(corpus_every=160)[:12]
    with Client(cluster) as client:
        summary = write(dd.from_pandas(pd.DataFrame(articles), npartitions=2), "out", client=client)
    assert (summary.articles, summary.partitions, summary.failed_partitions) == (len(articles), 2, [])
    _assert_once_each(tmp_path / "out", articles)
    assert _scan_diagnostics(tmp_path / "out") == {k: v for k, v in _check_json(articles, tmp_path, _env()).items() if v}


def test_scan_runs_on_a_cluster_given_by_its_address(tmp_path, cluster):
    articles = _articles(corpus_every=160)[:20]
    _write_collection(articles, tmp_path / "collection", parts=2, fmt="jsonl")
    env = _env()
    code, out, err = _finish(_scan("collection", "-o", "out", "--scheduler", cluster.scheduler_address,
                                   cwd=tmp_path, env=env))
    assert code in (0, 1), err
    _assert_once_each(tmp_path / "out", articles)
    assert _scan_diagnostics(tmp_path / "out") == {k: v for k, v in _check_json(articles, tmp_path, env).items() if v}


@pytest.mark.parametrize("args, message", [
    (["missing.parquet", "-o", "out"], "error: missing.parquet: no such file or directory"),
    (["collection", "-o", "out", "--text-column", "body"], "error: no column 'body' in "),
    (["collection", "-o", "out", "--select", "XYZ9"], "error: select: unknown rule, prefix or name 'XYZ9'"),
    (["collection", "-o", "out", "--scheduler", "local:0"], "error: --scheduler local:0: local:N starts N"),
    (["notes.txt", "-o", "out"], "error: notes.txt: neither Parquet"),
    (["collection", "-o", "earlier"], "earlier: holds the output of a scan already; --resume finishes it"),
    (["collection", "-o", "other"], "other: not empty; a scan writes to a new or empty folder"),
])
def test_bad_input_is_one_clear_line_and_exit_code_2(tmp_path, run, args, message):
    _write_collection([{"id": "a", "text": "A story."}], tmp_path / "collection", parts=1)
    (tmp_path / "notes.txt").write_text("not a collection", encoding="utf-8")
    (tmp_path / "earlier").mkdir()
    (tmp_path / "earlier" / "_newslint_scan.json").write_text("{}", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("not ours", encoding="utf-8")
    result = run("scan", *args)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in (tmp_path / "earlier").iterdir()) == ["_newslint_scan.json"]  # left as it was
    assert (tmp_path / "other" / "keep.txt").read_text(encoding="utf-8") == "not ours"


def test_check_never_imports_dask_pandas_or_pyarrow(tmp_path):
    (tmp_path / "story.txt").write_text("The the minister said so.\n", encoding="utf-8")
    probe = ("import sys, newslint.cli as c\n"
             "c.main(['check', '--format', 'json', 'story.txt'])\n"
             "print(sorted(m for m in ('dask', 'distributed', 'pandas', 'pyarrow', 'newslint.scan') "
             "if m in sys.modules), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=_env())
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr


def test_progress_is_a_bar_of_partitions_on_a_terminal(tmp_path):
    from test_progress import newslint as on_a_terminal

    work = tmp_path / "work"
    work.mkdir()
    _write_collection(_articles(corpus_every=10**6)[:6], work / "collection", parts=3)
    code, shown, _ = on_a_terminal(work, "scan", "collection", "-o", "out", "--scheduler", "local:1")
    assert code in (0, 1), shown
    assert "scanning:" in shown and "/3 [" in shown and "partition" in shown
