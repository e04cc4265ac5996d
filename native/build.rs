//! Generates the character table from the unicodedata of the Python being built for
//! (maturin sets PYO3_PYTHON), so that the native core and that Python agree on every code point.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=gen_unicode_table.py");
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
    let python = env::var("PYO3_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("unicode_table.rs");
    let status = Command::new(&python)
        .arg("gen_unicode_table.py")
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {python} to build the character table: {e}"));
    assert!(status.success(), "{python} gen_unicode_table.py failed");
}
