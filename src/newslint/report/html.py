"""One self-contained HTML page for editors: each article with its problems highlighted in
place and colour-coded by family, the message on hover and in a numbered list beside the
text, and at the top of each article its metrics and verdicts (scraped? spun? hard to read?).

No script, no font, no image and no link leave the page: everything is inline, so the file
can be mailed or opened offline. Every piece of text and every attribute is escaped.
"""

from __future__ import annotations

import zlib
from collections import Counter
from html import escape
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..rule import Diagnostic, Rule

# Colour per family: (highlight background, strong colour for borders, labels and underlines).
FAMILY_COLOURS = {
    "typos": ("#fde2e1", "#c0392b"),
    "sentences": ("#fdebd0", "#b9770e"),
    "web": ("#e8daef", "#7d3c98"),
    "readability": ("#d6eaf8", "#2471a3"),
    "spin": ("#d5f5e3", "#1e8449"),
    "attribution": ("#d1f2eb", "#117a65"),
    "newslint": ("#e5e7e9", "#566573"),
}
LONG_SPAN = 120  # a highlight longer than this (a sentence, a paragraph) is underlined, not filled
DOCUMENT_LEVEL_SHARE = 0.9  # a diagnostic covering this share of the text is about the whole article

CSS = """
:root { --ink: #1c2833; --muted: #5d6d7e; --rule: #d5d8dc; --paper: #ffffff; --back: #f4f6f7; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--back); color: var(--ink);
       font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
header.page { background: #17202a; color: #fdfefe; padding: 18px 32px; }
header.page h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header.page p { margin: 0; color: #d5dbdb; }
main { max-width: 1280px; margin: 0 auto; padding: 20px 32px 60px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 18px; }
.chip { display: inline-block; border-radius: 12px; padding: 1px 10px; font-size: 13px; border: 1px solid; }
table.summary { width: 100%; border-collapse: collapse; background: var(--paper); margin-bottom: 28px;
                box-shadow: 0 1px 2px rgba(0,0,0,.08); }
table.summary th, table.summary td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: right;
                                     font-variant-numeric: tabular-nums; }
table.summary th { background: #eaeded; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
table.summary th.group { text-align: center; border-bottom: 0; }
table.summary th .chip { text-transform: none; letter-spacing: 0; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
table.summary a { color: #1f618d; text-decoration: none; }
table.summary tr.total td { font-weight: 600; border-top: 2px solid var(--ink); }
section.article { background: var(--paper); margin: 0 0 32px; border-radius: 6px;
                  box-shadow: 0 1px 3px rgba(0,0,0,.12); overflow: hidden; }
section.article > h2 { margin: 0; padding: 14px 22px; font-size: 17px; background: #eaf2f8;
                       border-bottom: 1px solid var(--rule); word-break: break-all; }
.overview { padding: 14px 22px 6px; border-bottom: 1px solid var(--rule); }
.metrics { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 10px; }
.metric { border: 1px solid var(--rule); border-radius: 6px; padding: 4px 12px; min-width: 92px; }
.metric b { display: block; font-size: 19px; font-variant-numeric: tabular-nums; }
.metric span { font-size: 12px; color: var(--muted); }
.verdicts { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 10px; }
.verdict { border-radius: 4px; padding: 3px 10px; font-size: 13px; font-weight: 600; }
.verdict.bad { background: #fadbd8; color: #922b21; }
.verdict.warn { background: #fcf3cf; color: #7d6608; }
.verdict.ok { background: #d4efdf; color: #1d6a3a; }
.verdict.none { background: #eaeded; color: var(--muted); }
.article-level { margin: 0 0 10px; padding: 8px 12px; border-left: 4px solid #922b21; background: #fdedec; }
.body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); }
.text { padding: 18px 22px; white-space: pre-wrap; overflow-wrap: anywhere;
        font: 16px/1.65 Georgia, "DejaVu Serif", "Times New Roman", serif; border-right: 1px solid var(--rule); }
.problems { margin: 0; padding: 14px 18px 18px 18px; list-style: none; font-size: 13.5px; }
.problems li { margin: 0 0 8px; padding: 4px 0 4px 10px; border-left: 4px solid; }
.problems .where { color: var(--muted); font-variant-numeric: tabular-nums; }
.problems code { font-size: 12.5px; font-weight: 700; }
.problems q { font-style: italic; color: var(--muted); }
.problems .none { border: 0; color: var(--muted); }
mark { color: inherit; border-radius: 2px; padding: 0 1px; }
mark.long { background: transparent; text-decoration-line: underline; text-decoration-style: wavy;
            text-decoration-thickness: 1px; text-underline-offset: 4px; }
a.marker, .problems a { text-decoration: none; }
sup.n { font: 700 10px/1 -apple-system, "DejaVu Sans", sans-serif; color: #fff; border-radius: 7px;
        padding: 1px 4px; margin-left: 1px; vertical-align: super; }
.errors { background: #fdedec; border: 1px solid #e6b0aa; padding: 10px 16px; margin-bottom: 20px; }
@media (max-width: 900px) { .body { grid-template-columns: 1fr; } .text { border-right: 0; } }
"""


def family_colours(family: str) -> tuple[str, str]:
    """The family's colours; a plugin's family gets a stable colour from its name."""
    if family in FAMILY_COLOURS:
        return FAMILY_COLOURS[family]
    hue = zlib.crc32(family.encode("utf-8")) % 360
    return f"hsl({hue}, 70%, 90%)", f"hsl({hue}, 60%, 35%)"


def _css_class(family: str) -> str:
    return "f-" + "".join(ch if ch.isalnum() else "-" for ch in family.lower())


def _family_css(families: list[str]) -> str:
    rules = []
    for family in families:
        light, strong = family_colours(family)
        c = _css_class(family)
        rules.append(
            f"mark.{c} {{ background: {light}; box-shadow: inset 0 -2px {strong}; }}\n"
            f"mark.long.{c} {{ background: transparent; box-shadow: none; text-decoration-color: {strong}; }}\n"
            f"sup.{c}, .chip.{c} {{ background: {strong}; color: #fff; border-color: {strong}; }}\n"
            f"li.{c} {{ border-left-color: {strong}; }}"
        )
    return "\n".join(rules)


def _is_document_level(d: Diagnostic, text: str) -> bool:
    """A verdict on the whole article: a code numbered 100 in a rule family (SPN100, the
    article-level spin verdict; not newslint's own NL100), or a span covering nearly all
    of the text. Shown at the top of the article rather than highlighted."""
    if d.code.endswith("100") and not d.code.startswith("NL"):
        return True
    size = len(text.strip())
    return size > 0 and (d.end - d.start) >= DOCUMENT_LEVEL_SHARE * size


def _in_family(d: Diagnostic, family: str, prefix: str) -> bool:
    return d.family == family or d.code.startswith(prefix)


def render_html(results: list[FileResult], out: TextIO, rules: dict[str, type[Rule]] | None = None) -> None:
    """The page; ``rules`` (default: the installed rules) tell whether spin was checked at all."""
    from .. import __version__

    if rules is None:
        from ..plugins import load_plugins

        rules = load_plugins().rules
    spin_checked = any(rule.family == "spin" or rule.code.startswith("SPN") for rule in rules.values())

    linted = [r for r in results if r.error is None]
    errors = [r for r in results if r.error is not None]
    counts = Counter(d.family for r in linted for d in r.diagnostics)
    families = sorted(set(counts) | set(FAMILY_COLOURS))
    total = sum(counts.values())
    w = out.write
    w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    w(f"<title>newslint report: {total} problem{'s' if total != 1 else ''} in {len(linted)} "
      f"article{'s' if len(linted) != 1 else ''}</title>\n")
    w(f"<style>{CSS}\n{_family_css(families)}</style>\n</head>\n<body>\n")
    w("<header class=\"page\"><h1>newslint report</h1>")
    w(f"<p id=\"totals\" data-problems=\"{total}\" data-articles=\"{len(linted)}\">{total} problem"
      f"{'s' if total != 1 else ''} in {len(linted)} article{'s' if len(linted) != 1 else ''}"
      f" &middot; newslint {escape(__version__)}</p></header>\n<main>\n")
    if errors:
        w("<div class=\"errors\"><strong>Could not lint:</strong><ul>")
        for r in errors:
            w(f"<li>{escape(r.error or '')}</li>")
        w("</ul></div>\n")
    faults = [fault for r in linted for fault in r.faults]
    if faults:
        w("<div class=\"errors\"><strong>Results missing:</strong><ul>")
        for fault in faults:
            w(f"<li>{escape(fault)}</li>")
        w("</ul></div>\n")
    w("<div class=\"legend\">")
    for family in sorted(counts, key=lambda f: (-counts[f], f)):
        w(f"<span class=\"chip {_css_class(family)}\">{escape(family)}: {counts[family]}</span>")
    if not counts:
        w("<span>No problems found.</span>")
    w("</div>\n")
    _summary_table(linted, sorted(counts), w)
    for index, r in enumerate(linted, 1):
        _article(index, r, w, spin_checked)
    w("</main>\n</body>\n</html>\n")


def _metrics_of(r: FileResult) -> dict | None:
    if r.readability is None:
        return None
    from ..metrics import summary

    return summary(r.readability)


def _summary_table(linted: list[FileResult], families: list[str], w) -> None:
    from ..metrics import Counts, summary

    w("<table class=\"summary\"><thead><tr><th colspan=\"6\"></th>")
    if families:
        w(f"<th colspan=\"{len(families)}\" class=\"group\">Problems by family</th>")
    w("</tr>\n<tr><th>Article</th><th>Words</th><th>Sentences</th><th>Grade</th><th>Reading ease</th>"
      "<th>Longest sentence</th>")
    for family in families:
        w(f"<th><span class=\"chip {_css_class(family)}\">{escape(family)}</span></th>")
    w("</tr></thead><tbody>\n")
    pooled = Counts()
    for index, r in enumerate(linted, 1):
        m = _metrics_of(r)
        if r.readability is not None:
            pooled.add(r.readability)
        by_family = Counter(d.family for d in r.diagnostics)
        w(f"<tr><td><a href=\"#article-{index}\">{escape(r.path)}</a></td>")
        w(_metric_cells(m))
        for family in families:
            w(f"<td>{by_family[family] or ''}</td>")
        w("</tr>\n")
    if len(linted) > 1:
        everything = Counter(d.family for r in linted for d in r.diagnostics)
        w(f"<tr class=\"total\"><td>Total ({len(linted)} articles)</td>{_metric_cells(summary(pooled))}")
        for family in families:
            w(f"<td>{everything[family]}</td>")
        w("</tr>\n")
    w("</tbody></table>\n")


def _metric_cells(m: dict | None) -> str:
    if m is None:
        return "<td></td>" * 5
    return (f"<td>{m['words']}</td><td>{m['sentences']}</td><td>{m['flesch_kincaid_grade']:.1f}</td>"
            f"<td>{m['flesch_reading_ease']:.1f}</td><td>{m['longest_sentence']}</td>")


def _grade_verdict(grade: float) -> tuple[str, str]:
    if grade <= 8:
        return "ok", f"Easy to read (grade {grade:.1f})"
    if grade <= 12:
        return "ok", f"Standard reading (grade {grade:.1f})"
    if grade <= 14:
        return "warn", f"Difficult (grade {grade:.1f})"
    return "bad", f"Very difficult (grade {grade:.1f})"


def _verdicts(r: FileResult, m: dict | None, spin_checked: bool) -> list[tuple[str, str]]:
    verdicts = []
    web = [d for d in r.diagnostics if _in_family(d, "web", "WEB")]
    if web:
        detail = ", ".join(f"{code} \u00d7{n}" for code, n in sorted(Counter(d.code for d in web).items()))
        verdicts.append(("bad" if len(web) >= 3 else "warn",
                         f"Scraped? yes: {len(web)} page residue problem{'s' if len(web) != 1 else ''} ({detail})"))
    else:
        verdicts.append(("ok", "Scraped? no page residue found"))
    spin = [d for d in r.diagnostics if _in_family(d, "spin", "SPN")]
    if spin:
        verdicts.append(("bad" if len(spin) >= 3 else "warn", f"Spun? {len(spin)} spin diagnostic{'s' if len(spin) != 1 else ''}"))
    else:
        if spin_checked:
            verdicts.append(("ok", "Spun? no spin diagnostics"))
        else:
            verdicts.append(("none", "Spun? not checked (no spin rules installed)"))
    if m is not None and m["words"]:
        verdicts.append(_grade_verdict(m["flesch_kincaid_grade"]))
    return verdicts


def _article(index: int, r: FileResult, w, spin_checked: bool) -> None:
    m = _metrics_of(r)
    text = r.text or ""
    whole = [d for d in r.diagnostics if _is_document_level(d, text)]
    inline = [d for d in r.diagnostics if d not in whole]
    w(f"<section class=\"article\" id=\"article-{index}\" data-path=\"{escape(r.path)}\" "
      f"data-problems=\"{len(r.diagnostics)}\">\n<h2>{escape(r.path)}</h2>\n<div class=\"overview\">\n")
    w("<div class=\"verdicts\">")
    for level, label in _verdicts(r, m, spin_checked):
        w(f"<span class=\"verdict {level}\">{escape(label)}</span>")
    w("</div>\n")
    for d in whole:
        w(f"<div class=\"article-level\" data-code=\"{escape(d.code)}\"><code>{escape(d.code)}</code> "
          f"{escape(d.message)}</div>\n")
    if m is not None:
        w("<div class=\"metrics\">")
        for value, label in (
            (m["words"], "words"), (m["sentences"], "sentences"),
            (f"{m['flesch_kincaid_grade']:.1f}", "Flesch-Kincaid grade"),
            (f"{m['flesch_reading_ease']:.1f}", "reading ease (0-100)"),
            (m["avg_sentence_length"], "words a sentence"), (m["longest_sentence"], "longest sentence"),
            (f"{m['gunning_fog']:.1f}", "Gunning fog"), (f"{m['smog_index']:.1f}", "SMOG"),
            (f"{100 * m['passive_share']:.0f}%", "passive sentences"),
        ):
            w(f"<div class=\"metric\"><b>{escape(str(value))}</b><span>{escape(label)}</span></div>")
        w("</div>\n")
    w("</div>\n<div class=\"body\">\n<div class=\"text\">")
    numbers = {id(d): n for n, d in enumerate(inline, 1)}
    w(_highlighted(text, inline, numbers, index))
    w("</div>\n<ol class=\"problems\">\n")
    for d in inline:
        n = numbers[id(d)]
        quoted = d.text if len(d.text) <= 60 else d.text[:57] + "..."
        w(f"<li class=\"{_css_class(d.family)}\" id=\"a{index}-p{n}\"><a href=\"#a{index}-m{n}\"><sup class=\"n "
          f"{_css_class(d.family)}\">{n}</sup></a> <span class=\"where\">{d.line}:{d.column}</span> "
          f"<code>{escape(d.code)}</code> {escape(d.message)}"
          + (f" <q>{escape(quoted)}</q>" if quoted.strip() and d.text[:20] not in d.message else "")
          + (f"<br><small>Suggestions: {escape(', '.join(d.suggestions))}</small>" if d.suggestions else "")
          + "</li>\n")
    if not inline:
        w("<li class=\"none\">No problems in the text.</li>\n")
    w("</ol>\n</div>\n</section>\n")


def _highlighted(text: str, diagnostics: list[Diagnostic], numbers: dict[int, int], article: int) -> str:
    """``text`` escaped, with a <mark> around every stretch a diagnostic covers (nested
    diagnostics split the stretch) and the diagnostic's number after its last stretch."""
    bounds = sorted({0, len(text), *(d.start for d in diagnostics), *(d.end for d in diagnostics)})
    ends: dict[int, list[Diagnostic]] = {}
    for d in diagnostics:
        ends.setdefault(d.end, []).append(d)
    started: set[int] = set()
    pieces: list[str] = []

    def markers(at: int) -> None:
        for d in ends.get(at, []):
            n = numbers[id(d)]
            if d.start == d.end:
                pieces.append(f"<a id=\"a{article}-m{n}\"></a>")
            pieces.append(f"<a href=\"#a{article}-p{n}\" class=\"marker\" data-code=\"{escape(d.code)}\" "
                          f"title=\"{escape(d.code + ' ' + d.message)}\"><sup class=\"n {_css_class(d.family)}\">{n}</sup></a>")

    markers(0)
    for a, b in zip(bounds, bounds[1:]):
        active = [d for d in diagnostics if d.start <= a and b <= d.end and d.start < d.end]
        chunk = escape(text[a:b])
        if active:
            active.sort(key=lambda d: d.end - d.start)  # the shortest decides the colour
            short = [d for d in active if d.end - d.start <= LONG_SPAN]
            lead = short[0] if short else active[0]
            classes = [_css_class(lead.family)] + ([] if short else ["long"])
            title = "\n".join(f"{d.code} {d.message}" for d in active)
            ids = ""
            for d in active:
                if id(d) not in started:
                    started.add(id(d))
                    ids += f"<a id=\"a{article}-m{numbers[id(d)]}\"></a>"
            codes = " ".join(d.code for d in active)
            chunk = (f"{ids}<mark class=\"{' '.join(classes)}\" data-codes=\"{escape(codes)}\" "
                     f"title=\"{escape(title)}\">{chunk}</mark>")
        pieces.append(chunk)
        markers(b)
    return "".join(pieces)
