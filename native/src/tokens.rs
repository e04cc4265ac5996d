//! Tokens as newslint.parse.tokens.FAST_RE finds them with `finditer(prose, start, end)`.
//!
//! FAST_RE, with L a letter (`[^\W\d_]`), A alphanumeric (`[^\W_]`), D a decimal digit:
//!   number: `[$£€¥]?D++(?:[.,:]D++)*+(?:%|['’]s(?!L)|L++)?+(?:-L++)*+`
//!   word:   `L A*+(?:['’\-‐]A++)*+`
//!   punct:  an HTML entity (`&name;`, `&#123;`, `&#x1F;`), or one character neither space nor
//!           `\w`, or `_`.
//! Nothing may look past `end`, as `re` treats endpos as the end of the string.

use crate::chars::{is_alnum, is_decimal, is_letter, is_space, is_word};

pub const WORD: u8 = 0;
pub const NUMBER: u8 = 1;
pub const PUNCT: u8 = 2;

#[derive(Default)]
pub struct Tokens {
    pub kinds: Vec<u8>,
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
}

impl Tokens {
    fn push(&mut self, kind: u8, start: usize, end: usize) {
        self.kinds.push(kind);
        self.starts.push(start as u32);
        self.ends.push(end as u32);
    }
}

#[inline]
fn run(t: &[char], mut i: usize, end: usize, class: fn(char) -> bool) -> usize {
    while i < end && class(t[i]) {
        i += 1;
    }
    i
}

fn number(t: &[char], p: usize, end: usize) -> Option<usize> {
    let mut q = p;
    if matches!(t[q], '$' | '£' | '€' | '¥') && q + 1 < end && is_decimal(t[q + 1]) {
        q += 1;
    } else if !is_decimal(t[q]) {
        return None;
    }
    q = run(t, q, end, is_decimal);
    while q + 1 < end && matches!(t[q], '.' | ',' | ':') && is_decimal(t[q + 1]) {
        q = run(t, q + 1, end, is_decimal);
    }
    if q < end {
        if t[q] == '%' {
            q += 1;
        } else if matches!(t[q], '\'' | '’') && q + 1 < end && t[q + 1] == 's' && !(q + 2 < end && is_letter(t[q + 2])) {
            q += 2;
        } else if is_letter(t[q]) {
            q = run(t, q, end, is_letter);
        }
    }
    while q + 1 < end && t[q] == '-' && is_letter(t[q + 1]) {
        q = run(t, q + 1, end, is_letter);
    }
    Some(q)
}

fn word(t: &[char], p: usize, end: usize) -> Option<usize> {
    if !is_letter(t[p]) {
        return None;
    }
    let mut q = run(t, p + 1, end, is_alnum);
    while q + 1 < end && matches!(t[q], '\'' | '’' | '-' | '‐') && is_alnum(t[q + 1]) {
        q = run(t, q + 1, end, is_alnum);
    }
    Some(q)
}

/// `&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`
fn entity(t: &[char], p: usize, end: usize) -> Option<usize> {
    let digits = |from: usize, class: fn(&char) -> bool, most: usize| -> Option<usize> {
        let mut q = from;
        while q < end && class(&t[q]) {
            q += 1;
        }
        let n = q - from;
        (n >= 1 && n <= most && q < end && t[q] == ';').then_some(q + 1)
    };
    let q = p + 1;
    if q >= end {
        return None;
    }
    if t[q].is_ascii_alphabetic() {
        digits(q + 1, char::is_ascii_alphanumeric, 31)
    } else if t[q] == '#' && q + 1 < end {
        if matches!(t[q + 1], 'x' | 'X') {
            digits(q + 2, char::is_ascii_hexdigit, 6)
        } else {
            digits(q + 1, char::is_ascii_digit, 7)
        }
    } else {
        None
    }
}

/// Append the tokens of `t[start..end]` to `out`.
pub fn tokenize(t: &[char], start: usize, end: usize, out: &mut Tokens) {
    let mut p = start;
    while p < end {
        let c = t[p];
        if let Some(q) = number(t, p, end) {
            out.push(NUMBER, p, q);
            p = q;
        } else if let Some(q) = word(t, p, end) {
            out.push(WORD, p, q);
            p = q;
        } else if c == '&' {
            let q = entity(t, p, end).unwrap_or(p + 1);
            out.push(PUNCT, p, q);
            p = q;
        } else if c == '_' || !(is_space(c) || is_word(c)) {
            out.push(PUNCT, p, p + 1);
            p += 1;
        } else {
            p += 1;
        }
    }
}
