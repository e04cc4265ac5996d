"""Rebuild src/newslint/rules/typos/words.txt, the English lexicon, from SCOWL.

    apt-get install scowl              # Debian/Ubuntu: the SCOWL lists under /usr/share/dict/scowl
    python scripts/build_wordlist.py [--scowl /usr/share/dict/scowl] [--max-size 70]
                                     [--filtered-size 80] [--near-size 50]
                                     [--output src/newslint/rules/typos/words.txt] [--date YYYY-MM-DD]

SCOWL (Spell Checker Oriented Word Lists, http://wordlist.aspell.net/) splits English into
files named ``<spelling category>-<sub-category>.<size>``: the size (10, 20, 35, 40, 50, 55,
60, 70, 80, 95) is a frequency band, 10 being the commonest words. This script merges the
categories newslint accepts into one file of sections, one section per size and dialect:

    @10 common     words of size 10 that both American and British spelling accept
    @10 us         size 10, American only (color; not organize, which Oxford British shares)
    @10 gb         size 10, British only (colour, organise, programme)
    @20 common     ...

Sections come in increasing size, so a word's section gives its frequency rank, and each
section is sorted (Python code-point order) so that a reader can bisect it.

What goes where:
  common  the ``english`` category (words, upper, proper-names, contractions,
          abbreviations) and the ``special`` lists (hacker terms, Roman numerals), plus every
          word that is in both the American and the British sets below
  us      ``american`` + ``variant_1`` (variants "almost equal" to the main spelling, mostly
          American: judgment, gray)
  gb      ``british`` (-ise) + ``british_z`` (Oxford -ize) + ``british_variant_1``
          (despatch, judgment)
``variant_2``/``variant_3`` (rarer or doubtful variants) and the Canadian and Australian
lists are left out. A word's size is the smallest size at which it appears on its side.

Possessives (``dog's``, ``Paris's``) are dropped: newslint strips a possessive before looking
a word up. The few ``'s`` forms that are contractions (it's, that's, let's ...) are kept.

Why size 70 by default: it keeps the real words of news copy (size 60, what hunspell's en_US
uses, leaves 1.44 unknown lower-case words per 1,000 words of Reuters copy against 1.10),
while size 80, which adds the ENABLE scrabble list, UKACD and Moby place names, turns common
typos into words: 0.83% of codespell's one-word misspellings are words at size 80 ("wich",
"acquited", "agre"), 0.22% at size 70. The full table is in src/newslint/rules/typos/README.md.

Size 80, filtered (--filtered-size 80, the default): the size-80 ``words`` lists of the same
categories are added as ``@80`` sections, but only the words that are not already listed and
not within one edit (insertion, deletion, substitution, swap of neighbours; case aside) of a
word of size 50 or less (--near-size): a rare word one slip away from a common word is more
likely a typo than a word. That keeps "denuclearization", "biofuel", "telecom", "rollout"
and leaves out "wich", "acquited", "agre". The rule is general; no word is picked by hand.

Also written: words.idx, the index newslint.rules.typos.lexicon loads instead of building a set (see
build_index there), and LICENSE-SCOWL.txt, the package's copyright notices, verbatim.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
from newslint.rules.typos.lexicon import build_index  # noqa: E402  (shared with the loader)

DEFAULT_OUTPUT = HERE.parent / "src" / "newslint" / "rules" / "typos" / "words.txt"
DEFAULT_SCOWL = Path("/usr/share/dict/scowl")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/scowl/copyright")
UPSTREAM_README = Path("/usr/share/doc/scowl/README.gz")

SIZES = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
SUB_CATEGORIES = ("words", "upper", "proper-names", "contractions", "abbreviations")
COMMON_CATEGORIES = ("english",)
SPECIAL_LISTS = ("special-hacker", "special-roman-numerals")
US_CATEGORIES = ("american", "variant_1")
GB_CATEGORIES = ("british", "british_z", "british_variant_1")
DIALECTS = ("common", "us", "gb")

# 's forms SCOWL lists like possessives that are really contractions of "is", "has" or "us".
KEEP_APOSTROPHE_S = frozenset(
    "it he she that there here what who where when why how let".split()
)


def read_list(path: Path) -> list[str]:
    """The words of one SCOWL file.

    Debian ships UTF-8 since scowl 2019.10.06-1; upstream SCOWL (and older Debian packages)
    use ISO-8859-1. Try UTF-8 strictly, fall back to Latin-1, which cannot fail.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("iso-8859-1")
    # A word never holds white space nor starts with words.txt's markers; guard the format.
    return [w for w in text.splitlines() if w and not any(c.isspace() for c in w) and w[0] not in "#@"]


def is_possessive(word: str) -> bool:
    return word.endswith("'s") and word[:-2] not in KEEP_APOSTROPHE_S


def collect(scowl: Path, categories: tuple[str, ...], max_size: int, extra: tuple[str, ...] = ()) -> dict[str, int]:
    """word -> smallest size at which one of ``categories`` (or an ``extra`` file stem) lists it."""
    levels: dict[str, int] = {}
    stems = [f"{c}-{s}" for c in categories for s in SUB_CATEGORIES] + list(extra)
    for size in SIZES:
        if size > max_size:
            break
        for stem in stems:
            path = scowl / f"{stem}.{size}"
            if not path.exists():
                continue
            for word in read_list(path):
                if not stem.endswith("contractions") and is_possessive(word):
                    continue
                if word not in levels:
                    levels[word] = size
    return levels


def build_sections(scowl: Path, max_size: int) -> dict[tuple[int, str], list[str]]:
    common = collect(scowl, COMMON_CATEGORIES, max_size, SPECIAL_LISTS)
    us = collect(scowl, US_CATEGORIES, max_size)
    gb = collect(scowl, GB_CATEGORIES, max_size)
    sections: dict[tuple[int, str], set[str]] = {}

    def put(word: str, size: int, dialect: str) -> None:
        sections.setdefault((size, dialect), set()).add(word)

    for word, size in common.items():
        size = min(size, us.get(word, size), gb.get(word, size))
        put(word, size, "common")
    for word, size in us.items():
        if word in common:
            continue
        if word in gb:
            put(word, min(size, gb[word]), "common")
        else:
            put(word, size, "us")
    for word, size in gb.items():
        if word not in common and word not in us:
            put(word, size, "gb")
    order = {d: i for i, d in enumerate(DIALECTS)}
    return {key: sorted(sections[key]) for key in sorted(sections, key=lambda k: (k[0], order[k[1]]))}


def near_keys(words: set[str]) -> tuple[set[str], set[str], set[tuple[str, int]]]:
    """Look-up sets for ``within_one_edit``: the words, their one-letter deletions, and their
    one-letter deletions tagged with the position deleted."""
    deletes: set[str] = set()
    tagged: set[tuple[str, int]] = set()
    for w in words:
        for i in range(len(w)):
            d = w[:i] + w[i + 1 :]
            deletes.add(d)
            tagged.add((d, i))
    return words, deletes, tagged


def within_one_edit(word: str, keys: tuple[set[str], set[str], set[tuple[str, int]]]) -> bool:
    """Is ``word`` (lower-cased) the same as, or one insertion, deletion, substitution or swap of
    neighbours away from, a word of ``keys`` (made by ``near_keys`` from lower-cased words)?"""
    words, deletes, tagged = keys
    w = word.lower()
    if w in words or w in deletes:  # the same word, or one letter short of one
        return True
    for i in range(len(w)):
        d = w[:i] + w[i + 1 :]
        if d in words or (d, i) in tagged:  # one letter too many, or one letter different
            return True
    return any(w[:i] + w[i + 1] + w[i] + w[i + 2 :] in words for i in range(len(w) - 1))


def add_filtered(
    sections: dict[tuple[int, str], list[str]], scowl: Path, size: int, near_size: int
) -> tuple[dict[tuple[int, str], list[str]], dict[str, int]]:
    """Add SCOWL's ``size`` words (sub-category ``words`` only) that are not already listed and
    not within one edit (case aside) of any listed word of size ``near_size`` or less.

    The rule: a rare word one slip away from a common word is more likely a typo than a word
    ("wich", "acquited", "agre" are size-80 words), so such words stay unknown. Words are put
    in ``common``, ``us`` or ``gb`` as for the lower sizes, all at level ``size``.
    Returns the new sections and counts (candidates, kept, dropped as near, already listed
    elsewhere).
    """
    listed = {w for words in sections.values() for w in words}
    base = {w.lower() for (s, _), words in sections.items() if s <= near_size for w in words}
    keys = near_keys(base)
    subs = ("words",)

    def level_set(categories: tuple[str, ...]) -> set[str]:
        out: set[str] = set()
        for c in categories:
            for sub in subs:
                path = scowl / f"{c}-{sub}.{size}"
                if path.exists():
                    out.update(w for w in read_list(path) if not is_possessive(w))
        return out

    common, us, gb = level_set(COMMON_CATEGORIES), level_set(US_CATEGORIES), level_set(GB_CATEGORIES)
    counts = {"candidates": 0, "kept": 0, "near": 0}
    new: dict[str, set[str]] = {d: set() for d in DIALECTS}
    for dialect, words in (("common", common), ("us", us - common), ("gb", gb - common - us)):
        for word in words:
            if dialect == "us" and word in gb:
                dialect_of = "common"
            else:
                dialect_of = dialect
            if word in listed:
                continue  # already listed at a smaller size (perhaps for the other dialect only)
            counts["candidates"] += 1
            if within_one_edit(word, keys):
                counts["near"] += 1
                continue
            new[dialect_of].add(word)
    counts["kept"] = sum(len(v) for v in new.values())
    out = dict(sections)
    for d in DIALECTS:
        if new[d]:
            out[(size, d)] = sorted(new[d])
    return out, counts


def scowl_version(scowl: Path) -> str:
    """The upstream version from the package's README ("Version 2020.12.07")."""
    for readme in (UPSTREAM_README, scowl / "README"):
        try:
            opener = gzip.open if readme.suffix == ".gz" else open
            with opener(readme, "rt", encoding="utf-8", errors="replace") as f:
                head = f.read(2000)
        except OSError:
            continue
        m = re.search(r"^Version (\S+)", head, re.M)
        if m:
            return m.group(1)
    return "unknown"


def debian_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "scowl"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not installed from a Debian package)"
    return out or "unknown"


def render(
    sections: dict[tuple[int, str], list[str]],
    *,
    max_size: int,
    date: str,
    command: str,
    scowl: Path,
    filtered: tuple[int, int, dict[str, int]] | None = None,
) -> str:
    total = sum(len(v) for v in sections.values())
    extra = []
    if filtered:
        size, near, counts = filtered
        extra = [
            f"#   plus size {size} (sub-category words only): the {counts['kept']} words that are not within one edit",
            f"#   (insertion, deletion, substitution, swap of neighbours; case aside) of a word of size <= {near};",
            f"#   {counts['near']} size-{size} words that are were left out (wich, acquited, agre: likelier typos than words).",
        ]
    header = [
        "# newslint English lexicon. Generated by scripts/build_wordlist.py: do not edit by hand.",
        f"# Source: SCOWL (Spell Checker Oriented Word Lists) version {scowl_version(scowl)},",
        "#   by Kevin Atkinson, http://wordlist.aspell.net/ ; licence: LICENSE-SCOWL.txt beside this file.",
        f"# Debian package: scowl {debian_version()}, lists read from {scowl}",
        "# Categories: common = english + special-hacker + special-roman-numerals (+ words in both us and gb);",
        "#   us = american + variant_1; gb = british + british_z + british_variant_1;",
        "#   sub-categories words, upper, proper-names, contractions, abbreviations;",
        f"#   sizes up to {max_size}; possessive 's forms dropped (it's, that's, let's ... kept).",
        *extra,
        f"# Command: {command}",
        f"# Built: {date}",
        f"# Words: {total}",
        "# Format: '@<size> <common|us|gb>' starts a section (sizes increase; 10 = commonest words);",
        "#   then one word a line, sorted by code point. Lines starting with '#' are comments.",
    ]
    body = []
    for (size, dialect), words in sections.items():
        body.append(f"@{size} {dialect}")
        body.extend(words)
    return "\n".join(header + body) + "\n"


def licence_text(version: str, package: str) -> str:
    """LICENSE-SCOWL.txt: the package's copyright file and upstream's copyright section, verbatim.

    Debian's copyright file still carries the text of SCOWL 5 (2000-2011); the README of the
    version shipped (2020.12.07) has the current notice, which adds the VarCon copyrights that
    the American and British lists fall under. Both are copied unchanged.
    """
    debian = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    with gzip.open(UPSTREAM_README, "rt", encoding="utf-8") as f:
        readme = f.read()
    start = readme.index("COPYRIGHT, SOURCES, and CREDITS:")
    end = readme.index("FUTURE PLANS:", start)
    upstream = readme[start:end].rstrip("\n") + "\n"
    rule = "=" * 78
    return (
        f"SCOWL (Spell Checker Oriented Word Lists) {version}, as packaged by Debian (scowl {package}).\n"
        "newslint's rules/typos/words.txt is made from it by scripts/build_wordlist.py.\n"
        "Below, verbatim: (1) the package's copyright file, /usr/share/doc/scowl/copyright;\n"
        "(2) the \"COPYRIGHT, SOURCES, and CREDITS\" section of SCOWL's own README\n"
        f"(/usr/share/doc/scowl/README.gz), the notice of version {version}.\n"
        f"\n{rule}\n(1) /usr/share/doc/scowl/copyright\n{rule}\n\n{debian.rstrip()}\n"
        f"\n{rule}\n(2) SCOWL README {version}: COPYRIGHT, SOURCES, and CREDITS\n{rule}\n\n{upstream}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scowl", type=Path, default=DEFAULT_SCOWL, help="folder of SCOWL final/ lists")
    parser.add_argument("--max-size", type=int, default=70, choices=SIZES)
    parser.add_argument(
        "--filtered-size",
        type=int,
        default=80,
        choices=(0,) + SIZES,
        help="also add this size's words that are not one edit from a common word (0: none)",
    )
    parser.add_argument("--near-size", type=int, default=50, choices=SIZES, help="what counts as a common word")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--date",
        default=None,
        help="date to record (default: $SOURCE_DATE_EPOCH if set, else today, UTC)",
    )
    args = parser.parse_args(argv)
    if not (args.scowl / "english-words.10").exists():
        print(f"error: no SCOWL lists in {args.scowl} (apt-get install scowl)", file=sys.stderr)
        return 2
    if args.date is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        now = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch else _dt.datetime.now(_dt.timezone.utc)
        args.date = now.date().isoformat()
    command = "python scripts/build_wordlist.py"
    if args.scowl != DEFAULT_SCOWL:
        command += f" --scowl {args.scowl}"
    if args.max_size != 70:
        command += f" --max-size {args.max_size}"
    if args.filtered_size != 80:
        command += f" --filtered-size {args.filtered_size}"
    if args.near_size != 50:
        command += f" --near-size {args.near_size}"
    sections = build_sections(args.scowl, args.max_size)
    filtered = None
    if args.filtered_size > args.max_size:
        sections, counts = add_filtered(sections, args.scowl, args.filtered_size, args.near_size)
        filtered = (args.filtered_size, args.near_size, counts)
    text = render(
        sections, max_size=args.max_size, date=args.date, command=command, scowl=args.scowl, filtered=filtered
    )
    index = build_index(text)
    index_path = args.output.with_suffix(".idx")
    licence_path = args.output.with_name("LICENSE-SCOWL.txt")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    outputs = [(args.output, text.encode("utf-8")), (index_path, index)]
    if DEBIAN_COPYRIGHT.exists() and UPSTREAM_README.exists():
        licence = licence_text(scowl_version(args.scowl), debian_version())
        outputs.append((licence_path, licence.encode("utf-8")))
    else:
        print(f"warning: {DEBIAN_COPYRIGHT} or {UPSTREAM_README} missing: {licence_path} left as it is", file=sys.stderr)
    for path, data in outputs:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    counts = ", ".join(f"{s} {d}: {len(w)}" for (s, d), w in sections.items())
    total = sum(len(w) for w in sections.values())
    print(f"wrote {args.output} ({total} words, {len(outputs[0][1])} bytes)\n  {counts}")
    if filtered:
        c = filtered[2]
        print(f"  size {filtered[0]}: {c['candidates']} new words, {c['kept']} kept, {c['near']} left out as one edit from size <= {filtered[1]}")
    print(f"wrote {index_path} ({len(index)} bytes)")
    if len(outputs) > 2:
        print(f"wrote {licence_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
