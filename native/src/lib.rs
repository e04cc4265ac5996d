//! newslint_native: newslint's parse stage (sentences, then the tokens of each sentence) for
//! every prose block of a document in one call, returning columns of code-point offsets.
//! The pure-Python modules newslint.parse.sentences and newslint.parse.tokens are the
//! definition; this must agree with them on every text (tests/test_native.py).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

mod chars;
mod sentences;
mod tokens;

/// Bumped whenever `scan`'s arguments or results change; newslint checks it before use.
const PROTOCOL: u32 = 1;

fn u32_bytes<'py>(py: Python<'py>, values: &[u32]) -> Bound<'py, PyBytes> {
    let mut out = Vec::with_capacity(values.len() * 4);
    for v in values {
        out.extend_from_slice(&v.to_ne_bytes());
    }
    PyBytes::new(py, &out)
}

struct Columns {
    sentences_per_block: Vec<u32>,
    sentence_starts: Vec<u32>,
    sentence_ends: Vec<u32>,
    tokens_per_sentence: Vec<u32>,
    tokens: tokens::Tokens,
}

fn scan_chars(t: &[char], spans: &[(usize, usize)]) -> Columns {
    let mut spans_out = Vec::new();
    let mut sentences_per_block = Vec::with_capacity(spans.len());
    for &(start, end) in spans {
        let before = spans_out.len();
        sentences::split(t, start, end, &mut spans_out);
        sentences_per_block.push((spans_out.len() - before) as u32);
    }
    let mut toks = tokens::Tokens::default();
    let mut tokens_per_sentence = Vec::with_capacity(spans_out.len());
    for &(s, e) in &spans_out {
        let before = toks.kinds.len();
        tokens::tokenize(t, s as usize, e as usize, &mut toks);
        tokens_per_sentence.push((toks.kinds.len() - before) as u32);
    }
    Columns {
        sentence_starts: spans_out.iter().map(|s| s.0).collect(),
        sentence_ends: spans_out.iter().map(|s| s.1).collect(),
        sentences_per_block,
        tokens_per_sentence,
        tokens: toks,
    }
}

/// The sentences and tokens of the blocks `spans` ((start, end) code-point offsets into
/// `prose`, in order), or None where the pure-Python path must run instead: a text that
/// newslint tokenises with the `regex` module's full pattern (combining marks, non-decimal
/// numbers, unassigned code points, U+001C-U+001F), or one that is not valid Unicode (lone
/// surrogates). Returns bytes: sentences per block, sentence starts, sentence ends (u32),
/// tokens per sentence (u32), token kinds (u8: 0 word, 1 number, 2 punct), token starts,
/// token ends (u32), and one byte per token that is 1 for a word; u32s in native byte order.
#[pyfunction]
fn scan<'py>(py: Python<'py>, prose: &Bound<'py, PyString>, spans: Vec<(usize, usize)>) -> PyResult<Option<Bound<'py, pyo3::types::PyTuple>>> {
    let Ok(utf8) = prose.encode_utf8() else { return Ok(None) };
    let text = std::str::from_utf8(utf8.as_bytes()).expect("Python's UTF-8 encoder");
    let t: Vec<char> = text.chars().collect();
    if t.len() > u32::MAX as usize
        || t.iter().any(|&c| chars::flags(c) & chars::FULL_ONLY != 0)
        || spans.iter().any(|&(s, e)| s > e || e > t.len())
    {
        return Ok(None);
    }
    let c = py.allow_threads(|| scan_chars(&t, &spans));
    let is_word: Vec<u8> = c.tokens.kinds.iter().map(|&k| (k == tokens::WORD) as u8).collect();
    let items: Vec<Bound<'py, PyBytes>> = vec![
        u32_bytes(py, &c.sentences_per_block),
        u32_bytes(py, &c.sentence_starts),
        u32_bytes(py, &c.sentence_ends),
        u32_bytes(py, &c.tokens_per_sentence),
        PyBytes::new(py, &c.tokens.kinds),
        u32_bytes(py, &c.tokens.starts),
        u32_bytes(py, &c.tokens.ends),
        PyBytes::new(py, &is_word),
    ];
    Ok(Some(pyo3::types::PyTuple::new(py, items)?))
}

/// The flags of every code point (bits as gen_unicode_table.py defines them), for the test
/// that checks the table against the running interpreter; surrogates, which no Rust string
/// holds, read 0.
#[pyfunction]
fn char_flags<'py>(py: Python<'py>) -> Bound<'py, PyBytes> {
    let all: Vec<u8> = (0..0x110000u32).map(|cp| char::from_u32(cp).map_or(0, chars::flags)).collect();
    PyBytes::new(py, &all)
}

/// `text.lower()` if it is all ASCII, else None (for the test of the case table).
#[pyfunction]
fn ascii_lower(text: &str) -> Option<String> {
    chars::ascii_lower(&text.chars().collect::<Vec<_>>())
}

#[pymodule]
fn newslint_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("PROTOCOL", PROTOCOL)?;
    m.add("UNIDATA_VERSION", chars::UNIDATA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(scan, m)?)?;
    m.add_function(wrap_pyfunction!(char_flags, m)?)?;
    m.add_function(wrap_pyfunction!(ascii_lower, m)?)?;
    Ok(())
}
