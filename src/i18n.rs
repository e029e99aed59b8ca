//! The words the terminal shows, per language: a Project Fluent catalogue per
//! language (`i18n/en.ftl`, `i18n/es.ftl`, built into the program), and the one
//! rule that picks the language.
//!
//! The language is chosen once, at startup, like the C library's locale: every
//! message after that is in it. It is kept here rather than passed to every
//! function that says something, so a command, a prompt and an error line can never
//! disagree on it. Nothing here reads a file or the environment: the caller gives
//! the values ([`choose`]) and sets the result ([`set`]); until then it is English.

use std::sync::{Mutex, OnceLock, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

const EN: &str = include_str!("../i18n/en.ftl");
const ES: &str = include_str!("../i18n/es.ftl");

/// A language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// Every language, English first (the default).
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The language's code, as banks and records write it ("en", "es").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language a code or a locale name gives: "es", "ES", "es_MX.UTF-8" and
    /// "es-419" are Spanish; "en", "en_ES" English; anything else none.
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.trim().split(['_', '-', '.', '@']).next()?;
        match base.to_ascii_lowercase().as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The catalogue's text for this language.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => EN,
            Lang::Es => ES,
        }
    }
}

/// Picks the language: `--lang`, else `SIDECHECK_LANG`, else the first of LC_ALL,
/// LC_MESSAGES and LANG that is set (as the C library reads them for messages; only
/// a Spanish one gives Spanish), else English. `env` looks variables up.
///
/// The region is chosen apart ([`crate::region::choose`]): `es_US` is Spanish with
/// US numbers, `en_ES` English with Spain's.
pub fn choose(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag.and_then(Lang::from_code) {
        return lang;
    }
    if let Some(lang) = env("SIDECHECK_LANG").as_deref().and_then(Lang::from_code) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| env(var).filter(|v| !v.is_empty()));
    match locale.as_deref().and_then(Lang::from_code) {
        Some(Lang::Es) => Lang::Es,
        _ => Lang::En,
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the language for the rest of the run. Only the first call counts: the
/// language is decided once, before anything is said.
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The language in use: the one [`set`] gave, or English.
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or(Lang::En)
}

/// The language's bundle, holding the messages used so far. A run says a few
/// dozen of the catalogue's messages, so each is parsed from the catalogue on
/// first use ([`entry`]) rather than the whole catalogue at startup: parsing it
/// whole was the largest cost of a scripted check-in after the save. A test
/// (`each_message_parses_alone_as_in_the_whole_catalogue`) proves a message
/// parsed alone is the message parsed with the rest.
fn bundle(lang: Lang) -> &'static Mutex<FluentBundle<FluentResource>> {
    static BUNDLES: [OnceLock<Mutex<FluentBundle<FluentResource>>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Fluent puts U+2068/U+2069 around every argument by default; a terminal
        // shows them as junk, and English output must stay as it was.
        bundle.set_use_isolating(false);
        Mutex::new(bundle)
    })
}

/// The text of message `id` in a catalogue: its first line (`id = ...`) up to the
/// next line that starts an entry or a comment at the left margin. The catalogues
/// use no terms and no message references, so a message stands alone.
fn entry<'a>(catalogue: &'a str, id: &str) -> Option<&'a str> {
    // Searched for, not walked line by line: a run looks up a few dozen messages.
    let bytes = catalogue.as_bytes();
    let begin = memchr::memmem::find_iter(bytes, id.as_bytes()).find(|&i| {
        (i == 0 || bytes[i - 1] == b'\n')
            && catalogue[i + id.len()..]
                .trim_start_matches(' ')
                .starts_with('=')
    })?;
    let text = &catalogue[begin..];
    let end = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .find(|&i| {
            text.as_bytes()
                .get(i)
                .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'#' || c == b'-')
        })
        .unwrap_or(text.len());
    Some(&text[..end])
}

/// Message `id` in the language in use.
pub fn t(id: &str) -> String {
    t_in(current(), id, &[])
}

/// Message `id` in the language in use, with its arguments (`{ $name }`).
pub fn t_args(id: &str, args: &[(&str, &str)]) -> String {
    t_in(current(), id, args)
}

/// Message `id` in the language in use, with a count that picks the plural
/// (`{ $n -> [one] symptom *[other] symptoms }`) and other arguments. Only a count
/// is given as a number: every other argument is text as the code wrote it, so
/// "000" stays "000".
pub fn t_count(id: &str, count: (&str, u64), args: &[(&str, &str)]) -> String {
    format(current(), id, Some(count), args)
}

/// Message `id` in `lang`. An id the catalogue lacks gives the id itself (a test
/// checks every id the code names is in both catalogues).
pub fn t_in(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    format(lang, id, None, args)
}

fn format(lang: Lang, id: &str, count: Option<(&str, u64)>, args: &[(&str, &str)]) -> String {
    let mut bundle = bundle(lang).lock().unwrap_or_else(PoisonError::into_inner);
    if bundle.get_message(id).is_none()
        && let Some(text) = entry(lang.catalogue(), id)
    {
        // A broken message is caught by the tests, which read each catalogue whole.
        let resource =
            FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, *value);
    }
    if let Some((name, n)) = count {
        fluent_args.set(name, n);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Looks variables up in `pairs`, as `std::env::var` would: for the tests of the
/// rules that read the environment (the language here, the region in region.rs).
#[cfg(test)]
pub(crate) fn env_of<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::env_of as env;
    use super::*;

    #[test]
    fn the_flag_then_sidecheck_lang_then_the_locale_then_english() {
        let all = [("SIDECHECK_LANG", "en"), ("LANG", "es_US.UTF-8")];
        assert_eq!(choose(Some("es"), env(&all)), Lang::Es);
        assert_eq!(choose(None, env(&all)), Lang::En);
        assert_eq!(choose(None, env(&[("LANG", "es_US.UTF-8")])), Lang::Es);
        assert_eq!(choose(Some("en"), env(&[("LANG", "es_MX")])), Lang::En);
        assert_eq!(choose(None, env(&[("SIDECHECK_LANG", "es")])), Lang::Es);
        assert_eq!(choose(None, env(&[])), Lang::En);
        // A value we do not speak falls through to the next rule.
        assert_eq!(
            choose(None, env(&[("SIDECHECK_LANG", "fr"), ("LANG", "es_ES")])),
            Lang::Es
        );
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        let lc = [("LC_ALL", "en_ES.UTF-8"), ("LANG", "es_ES.UTF-8")];
        assert_eq!(choose(None, env(&lc)), Lang::En);
        let empty = [("LC_ALL", ""), ("LC_MESSAGES", "es_MX.UTF-8")];
        assert_eq!(choose(None, env(&empty)), Lang::Es);
        for (locale, lang) in [
            ("es", Lang::Es),
            ("es_419", Lang::Es),
            ("es-MX", Lang::Es),
            ("en_ES.UTF-8", Lang::En),
            ("C.UTF-8", Lang::En),
            ("POSIX", Lang::En),
            ("de_DE", Lang::En),
        ] {
            assert_eq!(choose(None, env(&[("LANG", locale)])), lang, "{locale}");
        }
    }

    #[test]
    fn arguments_come_out_without_isolation_marks() {
        let text = t_in(Lang::Es, "question-of", &[("n", "3"), ("total", "17")]);
        assert!(text.contains('3') && text.contains("17"), "{text}");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
        assert_eq!(t_in(Lang::En, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn the_english_level_headings_are_the_fhir_displays() {
        use crate::bank::Level;
        for level in [
            Level::Advice,
            Level::Prescriber,
            Level::Crisis,
            Level::Emergency,
        ] {
            let id = format!("level-{}", level.as_str());
            assert_eq!(t_in(Lang::En, &id, &[]), level.heading());
            assert_ne!(t_in(Lang::Es, &id, &[]), level.heading());
        }
    }

    #[test]
    fn each_message_parses_alone_as_in_the_whole_catalogue() {
        use fluent_syntax::ast::Entry;
        for lang in Lang::ALL {
            let whole = FluentResource::try_new(lang.catalogue().to_string())
                .unwrap_or_else(|_| panic!("{}", lang.code()));
            let mut messages = 0;
            for entry in whole.entries() {
                let Entry::Message(message) = entry else {
                    continue;
                };
                messages += 1;
                let id = message.id.name;
                let text = super::entry(lang.catalogue(), id).unwrap_or_else(|| panic!("{id}"));
                let alone = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|_| panic!("{}: {id} does not parse alone", lang.code()));
                // A comment above a message belongs to it in the whole catalogue
                // and says nothing that is shown; the rest must be the same.
                let alone: Vec<_> = alone
                    .entries()
                    .map(|e| match e {
                        Entry::Message(m) => Some((m.id.name, &m.value, &m.attributes)),
                        _ => None,
                    })
                    .collect();
                assert_eq!(
                    alone,
                    [Some((id, &message.value, &message.attributes))],
                    "{}: {id}",
                    lang.code()
                );
            }
            assert!(messages > 100, "{}: {messages} messages", lang.code());
        }
    }

    #[test]
    fn both_catalogues_parse_whole() {
        for lang in Lang::ALL {
            if let Err((_, errors)) = FluentResource::try_new(lang.catalogue().to_string()) {
                panic!("{}: {errors:?}", lang.code());
            }
        }
    }
}
