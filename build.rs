//! Builds the word lists' hash tables (`src/vocab/word_table.rs`, which says why) into
//! `OUT_DIR/words_<code>.bin`, one for each `src/vocab/words/<code>.txt`, and the
//! bitmaps of the Basic Multilingual Plane's alphabetic and numeric characters
//! (`src/chars.rs`, which says why) into `OUT_DIR/alphabetic.bin` and `numeric.bin`.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/fx.rs"]
mod fx;
#[allow(dead_code)]
#[path = "src/vocab/word_table.rs"]
mod word_table;

/// One bit for each character of the Basic Multilingual Plane (`U+0000`–`U+FFFF`,
/// surrogates clear), set when `class` holds: bit `c % 8` of byte `c / 8`. The
/// standard library's own answers, so the library's lookups answer as it does.
fn bmp_bitmap(class: fn(char) -> bool) -> Vec<u8> {
    let mut bits = vec![0u8; 0x10000 / 8];
    for c in (0..0x10000u32).filter_map(char::from_u32) {
        if class(c) {
            bits[c as usize / 8] |= 1 << (c as u32 % 8);
        }
    }
    bits
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/fx.rs");
    println!("cargo:rerun-if-changed=src/vocab/word_table.rs");
    println!("cargo:rerun-if-changed=src/vocab/words");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for (name, class) in [
        ("alphabetic.bin", char::is_alphabetic as fn(char) -> bool),
        ("numeric.bin", char::is_numeric),
    ] {
        let target = Path::new(&out).join(name);
        std::fs::write(&target, bmp_bitmap(class))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    }
    let dir = Path::new("src/vocab/words");
    let entries = std::fs::read_dir(dir).expect("src/vocab/words is readable");
    for entry in entries {
        let path = entry.expect("src/vocab/words lists").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        // a language's list is named by its two-letter code (`keep.txt` is not one)
        let is_code = stem.len() == 2 && stem.bytes().all(|b| b.is_ascii_lowercase());
        if !is_code || path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} is not readable UTF-8: {e}", path.display()));
        let table = word_table::build(&text);
        let target = Path::new(&out).join(format!("words_{stem}.bin"));
        std::fs::write(&target, table)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    }
}
