//! Sentence spans as newslint.parse.sentences.split_sentences finds them; each function
//! names the Python it mirrors. Offsets are indexes into the prose's code points.

use crate::chars::{ascii_lower, is_alpha, is_digit, is_letter, is_space, is_upper};

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr",
    "adm", "maj", "cpl", "pvt", "brig", "rev", "fr", "st", "mt", "ft", "pres", "supt", "insp", "det", "hon",
    "amb", "sec", "atty", "gens", "sens", "reps", "govs", "vs", "v", "approx", "ca", "cf",
];
const BEFORE_NUMBERS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos",
];
const STARTERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my",
    "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "in", "on", "at", "by",
    "for", "from", "with", "as", "after", "before", "when", "while", "if", "although", "though", "however",
    "meanwhile", "still", "also", "then", "now", "some", "many", "most", "all", "one", "two", "no", "not",
    "officials", "police", "authorities",
];
const BULLETS: &[char] = &['*', '•', '▪', '◦', '‣'];

fn is_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// `["”’'»)\]]`, what may close a sentence after its marks.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']')
}

/// `["“‘'«(\[]`, what may open the next one.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(' | '[')
}

fn lower_in(word: &[char], list: &[&str]) -> bool {
    ascii_lower(word).is_some_and(|w| list.contains(&w.as_str()))
}

/// `_END_RE.match` at `p`: `(?:[.!?]++|…++)["”’'»)\]]*+(?:\[[^\[\]\s]{1,20}\])?`, up to `end`.
fn end_match(t: &[char], p: usize, end: usize) -> Option<usize> {
    let mut q = p;
    if matches!(t[p], '.' | '!' | '?') {
        while q < end && matches!(t[q], '.' | '!' | '?') {
            q += 1;
        }
    } else if t[p] == '…' {
        while q < end && t[q] == '…' {
            q += 1;
        }
    } else {
        return None;
    }
    while q < end && is_closer(t[q]) {
        q += 1;
    }
    if q < end && t[q] == '[' {
        let mut r = q + 1;
        while r < end && !(t[r] == '[' || t[r] == ']' || is_space(t[r])) {
            r += 1;
        }
        let n = r - (q + 1);
        if (1..=20).contains(&n) && r < end && t[r] == ']' {
            q = r + 1;
        }
    }
    Some(q)
}

/// `_NEXT_RE.match(prose, from, end)`: `\s+([\"“‘'«(\[]*)(\S)`; (start of group 1, start of group 2).
fn next_match(t: &[char], from: usize, end: usize) -> Option<(usize, usize)> {
    let mut w = from;
    while w < end && is_space(t[w]) {
        w += 1;
    }
    if w == from || w == end {
        return None;
    }
    let mut o = w;
    while o < end && is_opener(t[o]) {
        o += 1;
    }
    if o < end && !is_space(t[o]) {
        Some((w, o))
    } else {
        Some((w, o - 1)) // the openers give back their last one to (\S)
    }
}

/// `_starts_sentence`.
fn starts_sentence(t: &[char], opener: bool, first: usize) -> bool {
    if opener {
        return true;
    }
    let limit = (first + 20).min(t.len());
    let mut q = first;
    while q < limit && is_letter(t[q]) {
        q += 1;
    }
    q > first && lower_in(&t[first..q], STARTERS)
}

/// `_ACRONYM_RE.search(word)`: `(?:[^\W\d_]\.){2,}$`.
fn is_acronym(w: &[char]) -> bool {
    let n = w.len();
    n >= 4 && w[n - 1] == '.' && is_letter(w[n - 2]) && w[n - 3] == '.' && is_letter(w[n - 4])
}

/// `_is_initial`.
fn is_initial(w: &[char]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == '.' && is_upper(w[n - 2]) && is_alpha(w[n - 2])
}

/// `_ends_here`, for the end marks `t[m0..m1]` and the next match (group 1 at `w`, group 2 at `o`).
fn ends_here(t: &[char], m0: usize, m1: usize, w: usize, o: usize) -> bool {
    let first = t[o];
    let opener = o > w;
    if !(is_upper(first) || is_digit(first) || opener || BULLETS.contains(&first)) {
        return false;
    }
    let punct = &t[m0..m1];
    if punct[0] == '…' || punct.starts_with(&['.', '.', '.']) {
        return starts_sentence(t, opener, o);
    }
    if punct[0] != '.' || punct.starts_with(&['.', '.']) {
        return true; // ! or ?
    }
    // _WORD_BEFORE_RE.search(prose, max(0, m0 - 40), m0 + 1): the mark ends the searched text
    // and is no closer, so the word is the run of non-space up to and including it.
    let lo = m0.saturating_sub(40);
    let mut i = m0;
    while i > lo && !is_space(t[i - 1]) {
        i -= 1;
    }
    let word = &t[i..=m0];
    // bare = word.rstrip(".").lstrip("\"“‘'«([").lower()
    let mut b = word.len();
    while b > 0 && word[b - 1] == '.' {
        b -= 1;
    }
    let mut a = 0;
    while a < b && matches!(word[a], '"' | '“' | '‘' | '\'' | '«' | '(' | '[') {
        a += 1;
    }
    if let Some(bare) = ascii_lower(&word[a..b]) {
        if TITLES.contains(&bare.as_str()) {
            return false;
        }
        if BEFORE_NUMBERS.contains(&bare.as_str()) {
            return !is_digit(first);
        }
    }
    if is_acronym(word) || is_initial(word) {
        return starts_sentence(t, opener, o);
    }
    true
}

/// Append the (start, end) of each sentence of `t[start..end]`, trimmed, to `out`.
pub fn split(t: &[char], start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut sentence_start = start;
    let mut p = start;
    while p < end {
        let Some(m1) = end_match(t, p, end) else {
            p += 1;
            continue;
        };
        let m0 = p;
        p = m1;
        if m1 == end || !is_space(t[m1]) {
            continue;
        }
        if m0 > 0 && is_mark(t[m0 - 1]) {
            continue; // inside a run of marks ("?…"): the run's first mark decides
        }
        let Some((w, o)) = next_match(t, m1, end) else { continue };
        if ends_here(t, m0, m1, w, o) {
            spans.push((sentence_start, m1));
            sentence_start = w;
        }
    }
    spans.push((sentence_start, end));
    for (mut s, mut e) in spans {
        while s < e && is_space(t[s]) {
            s += 1;
        }
        while e > s && is_space(t[e - 1]) {
            e -= 1;
        }
        if s < e {
            out.push((s as u32, e as u32));
        }
    }
}
