//! The one integration-test binary (it links once, so the suite builds fast).
//! Each module is named after what it guards; the line above it says what it covers.

// Tests print what they saw when they fail; a panic there is the point.
#![allow(clippy::disallowed_macros)]

// Shared helpers: a private data folder, a run of the binary checked in one chain
// (`env.check(..).code(2).stderr_has(..)`), the parts of a FHIR Bundle.
mod support;

// Question banks: `bank validate` names the file, place and fix; the schema matches.
mod bank;
// The baseline: marks appended, never rewritten; the change since it in history and JSON.
mod baseline;
// What counts as one check-in: a repeated line, a stopped one and the one finishing it.
mod checkins;
// Writers killed mid-save: every acknowledged check-in is in the log exactly once.
mod crash;
// A save that fails (size limit, full disk, a bad log path) says NOT saved, loses nothing.
mod diskfull;
// Shared with the fuzz targets: what must hold for any parsed bank, answers file or log.
mod exercise;
// Shared with the `read_line` fuzz target: the log's fast path reads what serde reads.
mod agree;
// The fast path's proof: every test file's lines, generated logs, edge cases, mutations.
mod fast_path;
// Answering for someone else: --for-someone, third-person words, respondent in every report.
mod caregiver;
// The message catalogues: both languages, every id the code names, no stray words in src/.
mod catalogue;
// CSV as a clinician filters it: urgent on every answer an alert rests on, stopped rows, the guard.
mod csv;
// `export`: JSON against its schema, the FHIR Bundle, CSV, HTML, `--output` files.
mod export;
// The FHIR Bundle's Flags, Observations, code systems, required items, unique fullUrls.
mod fhir;
// The baseline in the FHIR Bundle: its response marked, later symptoms compared with it.
mod fhir_baseline;
// The printable HTML page: stopped check-ins, retracted alerts, landmarks, phones.
mod html;
// `history`: trend lines, the table, `--json`, `--last` and the period filters.
mod history;
// `history` and the errors in Spanish: no English label, one language for a mixed log.
mod history_es;
// Helpers for hostile conditions: how hard to push, a seeded random, a strict log reader.
mod hostile;
// The module graph in src/ has no import loops; text and json_error import nothing.
mod layers;
// The log's lock: a stuck reader never blocks a save; a held lock is said at once.
mod locks;
// The private log through the binary: its modes, `show`, damaged and torn lines.
mod log;
// Every corpus file and 10 MB lines: a clear error (exit 2), never a panic.
mod malformed;
// Nobody reading stderr, a full stderr, a narrow screen, escape codes in saved text.
mod outside;
// Files are private whatever the umask, and the program makes no network call.
mod privacy;
// The "about you" profile: `sidecheck profile`, asked once, kept in each record.
mod profile;
// Property tests: random banks, answers files and log lines never panic.
mod props;
// The guided check in a real pseudo-terminal: keys, alerts, signals, what is saved.
mod pty;
// The guided check in Spanish: --lang, the locale, 988's Spanish option, s for sí.
mod pty_es;
// Plain language in the bundled bank: reading grade, recall period, no dose advice.
mod readability;
// Plain Spanish: every question "normal" or easier on INFLESZ, by a checked syllable count.
mod readability_es;
// The README's examples work as written.
mod readme;
// Each country's own emergency, crisis and poison numbers, never another's.
mod regions;
// A save that cannot complete keeps a rescue copy; `import` adds it once.
mod rescue;
// `completions` for each shell and the `man` page name every command; `man` renders it.
mod shell;
// `check --resume`: finishing a stopped check-in, and when it cannot be finished.
mod resume;
// The scenario table through the pure flow and the binary: boxes shown, alerts kept.
mod scenarios;
// `check --answers FILE`: every urgent alert, input errors, stdin, regions, data folder.
mod scripted;
// `show last` read back from the end, `show ID` by each line's start: as a whole pass finds.
mod show_fast;
// Many copies saving at once: every record whole, each id once.
mod stress;
// Every export reads the one model: urgent answers by AlertBasis, the baseline in CSV and HTML.
mod wire;
