//! The module graph has no loops: no top-level module of `src/` imports, directly or
//! through others, a module that imports it back. A loop means two places decide
//! together what one of them should own; this test names the loop so it is broken
//! where it starts. Test code (`tests.rs` files and `#[cfg(test)]` blocks) may reach
//! anywhere and is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules declared in `src/lib.rs`.
fn modules(src: &Path) -> BTreeSet<String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("read src/lib.rs");
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .chain(lib.lines().filter_map(|l| l.trim().strip_prefix("mod ")))
        .map(|m| m.trim_end_matches(';').trim().to_string())
        .collect()
}

pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("read src").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments and without its `#[cfg(test)]` module.
pub(crate) fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            // The test module runs to the end of the file, as every file here has it.
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line.split(" // ").next().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// Every top-level module this code names: `crate::x`, and each name in
/// `use crate::{x, y::z}`.
fn named(code: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of each comma-separated path in the braces.
            let mut depth = 0;
            let mut piece = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(ident(piece.trim_start()));
                        piece.clear();
                        continue;
                    }
                    _ => {}
                }
                piece.push(c);
            }
            found.insert(ident(piece.trim_start()));
        } else {
            found.insert(ident(rest));
        }
    }
    found.retain(|m| known.contains(m));
    found
}

/// The edges between top-level modules, from the code in `src/`.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let known = modules(src);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("under src");
        if rel.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let first = rel.components().next().expect("a path");
        let top = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if !known.contains(&top) {
            continue; // lib.rs and main.rs sit above every module
        }
        let text = std::fs::read_to_string(&file).expect("read a source file");
        let uses = named(&code(&text), &known);
        let to = edges.entry(top.clone()).or_default();
        to.extend(uses.into_iter().filter(|m| *m != top));
    }
    edges
}

/// One loop, as "a -> b -> a", if there is any.
fn a_loop(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    // Depth-first search; a module met again while still on the path closes a loop.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<String> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut shown = path[at..].to_vec();
            shown.push(m.to_string());
            return Some(shown.join(" -> "));
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in edges.get(m).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        if let Some(found) = visit(m, edges, &mut Vec::new(), &mut done) {
            return Some(found);
        }
    }
    None
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let edges = graph(&src());
    if let Some(found) = a_loop(&edges) {
        let map: Vec<String> = edges
            .iter()
            .map(|(m, to)| {
                format!(
                    "  {m} -> {}",
                    to.iter().cloned().collect::<Vec<_>>().join(" ")
                )
            })
            .collect();
        panic!(
            "an import loop between modules: {found}\nmove what both need into the lower one.\nthe module graph:\n{}",
            map.join("\n")
        );
    }
}

/// The catalogue (`i18n`) is the floor: it imports nothing. Text and JSON
/// wording sit on it, since their reasons ("the disk is full", "line 3, column 7")
/// are words in the person's language, and import nothing else.
#[test]
fn the_bottom_modules_import_nothing_from_the_crate() {
    let edges = graph(&src());
    for (bottom, below) in [
        ("i18n", None),
        ("text", Some("i18n")),
        ("json_error", Some("i18n")),
    ] {
        let mut to = edges.get(bottom).cloned().unwrap_or_default();
        if let Some(below) = below {
            to.remove(below);
        }
        assert!(
            to.is_empty(),
            "{bottom} must import nothing but {below:?}, but it imports {to:?}"
        );
    }
}

/// The check itself: a loop it is shown must be found, and a plain layering not.
#[test]
fn the_loop_finder_finds_a_loop_and_only_a_loop() {
    let edges = |pairs: &[(&str, &str)]| {
        let mut e: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in pairs {
            e.entry(a.to_string()).or_default().insert(b.to_string());
        }
        e
    };
    assert_eq!(
        a_loop(&edges(&[("a", "b"), ("b", "c"), ("c", "a")])).as_deref(),
        Some("a -> b -> c -> a")
    );
    assert_eq!(a_loop(&edges(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    let known: BTreeSet<String> = ["bank", "text", "flow"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let found = named(
        &code(
            "use crate::{bank::{Bank, Kind}, text};\n// crate::flow\nfn f() { crate::flow::x(); }\n#[cfg(test)]\nmod tests {\n use crate::store;\n}\n",
        ),
        &known,
    );
    assert_eq!(
        found,
        ["bank", "flow", "text"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}

/// The modules the docs call pure, and the parts of them that are the edge.
const PURE: &[&str] = &[
    "answer",
    "bank",
    "flow",
    "grades",
    "record",
    "report",
    "text",
    "json_error",
];
/// The bank's one edge: reading a bank file (and the built-in one).
const EDGES: &[&str] = &["bank/load.rs"];

/// What only an edge may do: read or write files, the terminal, the environment
/// or the clock, or make random bits.
const IMPURE: &[&str] = &[
    "std::fs",
    "fs::",
    "File::",
    "OpenOptions",
    "std::env",
    "env::var",
    "stdin",
    "stdout",
    "stderr",
    "say!",
    "sayln!",
    "write_err",
    "Local::now",
    "Utc::now",
    "SystemTime",
    "Instant::now",
    "getrandom",
    "include_str!",
    "std::process",
];

#[test]
fn the_modules_called_pure_read_no_file_terminal_environment_or_clock() {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let rel_text = rel.to_string_lossy().replace('\\', "/");
        let top = rel_text
            .split('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".rs");
        if !PURE.contains(&top)
            || EDGES.contains(&rel_text.as_str())
            || rel.file_name().is_some_and(|n| n == "tests.rs")
        {
            continue;
        }
        let code = code(&std::fs::read_to_string(&file).expect("read a source file"));
        for what in IMPURE {
            if code.contains(what) {
                found.push(format!("{rel_text} uses {what}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "modules the docs call pure do I/O; move it to an edge or correct the docs:\n{}",
        found.join("\n")
    );
}
