//! Character classes exactly as the building Python's `str` methods and `re` see them.

mod table {
    include!(concat!(env!("OUT_DIR"), "/unicode_table.rs"));
}
pub use table::{lower_to_ascii, UNIDATA_VERSION};

// Flag bits, as gen_unicode_table.py writes them.
pub const ALNUM: u8 = 1;
pub const DECIMAL: u8 = 2;
pub const SPACE: u8 = 4;
pub const UPPER: u8 = 8;
pub const DIGIT: u8 = 16;
pub const ALPHA: u8 = 32;
pub const FULL_ONLY: u8 = 64;

#[inline]
pub fn flags(c: char) -> u8 {
    let cp = c as usize;
    table::CHUNKS[table::INDEX[cp / table::CHUNK] as usize][cp % table::CHUNK]
}

/// re's `\s`, str.isspace().
#[inline]
pub fn is_space(c: char) -> bool {
    flags(c) & SPACE != 0
}

/// re's `\d`, str.isdecimal().
#[inline]
pub fn is_decimal(c: char) -> bool {
    flags(c) & DECIMAL != 0
}

/// re's `[^\W_]`: str.isalnum().
#[inline]
pub fn is_alnum(c: char) -> bool {
    flags(c) & ALNUM != 0
}

/// re's `\w`: str.isalnum() or "_".
#[inline]
pub fn is_word(c: char) -> bool {
    c == '_' || is_alnum(c)
}

/// re's `[^\W\d_]`, newslint's "letter": alphanumeric, not a decimal digit.
#[inline]
pub fn is_letter(c: char) -> bool {
    flags(c) & (ALNUM | DECIMAL) == ALNUM
}

#[inline]
pub fn is_upper(c: char) -> bool {
    flags(c) & UPPER != 0
}

#[inline]
pub fn is_digit(c: char) -> bool {
    flags(c) & DIGIT != 0
}

#[inline]
pub fn is_alpha(c: char) -> bool {
    flags(c) & ALPHA != 0
}

/// `text.lower()` when it is all ASCII, else None: the word lists looked up are ASCII.
pub fn ascii_lower(text: &[char]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for &c in text {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push_str(lower_to_ascii(c)?);
        }
    }
    Some(out)
}
