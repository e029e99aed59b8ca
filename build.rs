//! Two things for a faster start, each explained where it is done: the built-in
//! question banks and region table without their indentation ([`minify_data`]),
//! and the unwinder linked statically on Linux with glibc ([`link_unwinder`]).

// Cargo reads a build script's instructions from its standard output; a build
// that cannot write them should stop.
#![allow(clippy::disallowed_macros)]

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    minify_data();
    link_unwinder();
}

/// The JSON files built into the program, as `OUT_DIR/NAME` (what
/// `include_str!(concat!(env!("OUT_DIR"), "/NAME"))` reads).
const BUILT_IN: [&str; 3] = ["baclofen.en.json", "baclofen.es.json", "regions.json"];

/// Writes each built-in JSON file with the whitespace between its tokens taken
/// out. The program parses the English or Spanish bank and the region table at
/// every start; skipping their indentation (15 KB of the 71 KB) was 5% of a
/// scripted check-in's instructions. The files in `questions/` stay as people edit
/// them; a test holds each built-in copy to the same JSON as its file.
fn minify_data() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    for name in BUILT_IN {
        let file = Path::new("questions").join(name);
        println!("cargo:rerun-if-changed={}", file.display());
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        std::fs::write(Path::new(&out).join(name), minified(&text))
            .unwrap_or_else(|e| panic!("{out}/{name}: {e}"));
    }
}

/// JSON text without the spaces, tabs and line breaks outside its strings (the
/// only whitespace JSON allows there); strings, escapes included, are kept as
/// they are.
fn minified(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// Links the unwinder (which a panic needs, to end in one plain line) statically on
/// Linux with glibc, instead of loading `libgcc_s.so.1` at every start.
///
/// Rust's standard library asks for `-lgcc_s` there. Loading it is one more library
/// for the dynamic loader to open, map and relocate, and its constructor probes the
/// CPU with `cpuid`, which traps to the hypervisor on a virtual machine: about 0.1 ms
/// of every run of the program here, a tenth of what `/bin/true` takes. A scripted
/// check-in does little else but start, so that was a large part of its time.
/// `libgcc_eh.a` is the same unwinder as an archive (what `-C target-feature=+crt-static`
/// links); named here, before the standard library's `-lgcc_s` on the link line, it
/// provides the unwinder's symbols, and the linker's `--as-needed` then drops
/// `libgcc_s`. Panics still unwind (`main` catches them).
fn link_unwinder() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let static_crt = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" && !static_crt
    {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}
