//! Regions and their emergency, crisis and poison numbers.
//!
//! The numbers are data (`questions/regions.json`), each with its source and the
//! date it was last checked, so they can be kept current without touching code.
//! Where no region matches, the numbers are "your local emergency number": a person
//! is never sent to a number that belongs to another country.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::bank::Hotline;
use crate::i18n::{Lang, t, t_args};

/// `questions/regions.json` without its indentation (made by `build.rs`; a test
/// holds it to the file's JSON).
const REGIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/regions.json"));

/// A phone line people can call (and sometimes text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// Its name, as people know it.
    pub name: String,
    /// The number to call, written as people dial it.
    pub call: String,
    /// How to text it, if texting works.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Set when the number could not be confirmed from a primary source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caution: Option<String>,
    /// Where the number comes from.
    pub source: String,
    /// When it was last checked against that source (YYYY-MM-DD).
    pub checked: chrono::NaiveDate,
    /// How Spanish speakers reach it, where that differs from the English words
    /// (988: press 2, or text AYUDA). Not in `regions --json`, whose output stays
    /// as it was.
    #[serde(default, skip_serializing)]
    pub es: Option<Spanish>,
}

/// A line's or a region's words in Spanish, each with where it comes from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spanish {
    /// Its name in Spanish.
    #[serde(default)]
    pub name: Option<String>,
    /// What to call, where the English is words ("your local emergency number").
    #[serde(default)]
    pub call: Option<String>,
    /// How to reach it, in the imperative ("llame al 988 y marque 2, ...").
    #[serde(default)]
    pub reach: Option<String>,
    /// Where the Spanish way of reaching it comes from.
    #[serde(default)]
    pub source: Option<String>,
}

/// One region's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub emergency: Phone,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crisis: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poison: Option<Phone>,
    /// Country codes that use this region's numbers (e.g. EU members for EU).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
    /// Its name in Spanish. Not in `regions --json`, as for [`Phone::es`].
    #[serde(default, skip_serializing)]
    pub es: Option<Spanish>,
}

/// The Spanish text `pick` takes from `es` when Spanish is in use, else `english`.
fn in_use<'a>(
    english: &'a str,
    es: &'a Option<Spanish>,
    pick: impl Fn(&'a Spanish) -> Option<&'a String>,
) -> &'a str {
    match (crate::i18n::current(), es.as_ref().and_then(pick)) {
        (Lang::Es, Some(text)) => text,
        _ => english,
    }
}

impl Phone {
    /// How to reach the line, in the language in use, offering texting only where
    /// it takes texts: "call or text 988", "call 116 123 or text SHOUT to 85258",
    /// "call 911". A Spanish way of its own (988's press 2) comes from the table.
    pub fn how_to_reach(&self) -> String {
        if let (Lang::Es, Some(reach)) = (
            crate::i18n::current(),
            self.es.as_ref().and_then(|s| s.reach.as_ref()),
        ) {
            return reach.clone();
        }
        let call = self.call_shown();
        match &self.text {
            Some(t) if *t == self.call => t_args("reach-call-or-text", &[("call", call)]),
            Some(t) => t_args("reach-call-and-text", &[("call", call), ("text", t)]),
            None => t_args("reach-call", &[("call", call)]),
        }
    }

    /// Its name, in Spanish where the table has one and Spanish is in use.
    pub fn name_shown(&self) -> &str {
        in_use(&self.name, &self.es, |s| s.name.as_ref())
    }

    /// What to call, as [`Phone::name_shown`]: a number, or words where none is known.
    pub fn call_shown(&self) -> &str {
        in_use(&self.call, &self.es, |s| s.call.as_ref())
    }
}

impl Region {
    /// Its name, in Spanish where the table has one and Spanish is in use.
    pub fn name_shown(&self) -> &str {
        in_use(&self.name, &self.es, |s| s.name.as_ref())
    }

    /// Whether any real number is known here (not only "your local emergency number").
    pub fn knows_numbers(&self) -> bool {
        self.emergency.call.chars().any(|c| c.is_ascii_digit())
    }

    /// Every line the region lists, with what it is for.
    pub fn phones(&self) -> Vec<(Hotline, &Phone)> {
        [Hotline::Emergency, Hotline::Crisis, Hotline::Poison]
            .into_iter()
            .filter_map(|l| self.phone(l).map(|p| (l, p)))
            .collect()
    }

    pub fn phone(&self, line: Hotline) -> Option<&Phone> {
        match line {
            Hotline::Emergency => Some(&self.emergency),
            Hotline::Crisis => self.crisis.as_ref(),
            Hotline::Poison => self.poison.as_ref(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    regions: Vec<Region>,
    /// What alerts say where no region matches.
    unknown: Region,
}

/// Reads a region table; the error is one plain line.
fn parse_table(text: &str) -> Result<Table, String> {
    serde_json::from_str::<Table>(text).map_err(|e| {
        t_args(
            "region-table-broken",
            &[
                ("place", &crate::json_error::json_place(&e)),
                ("reason", &crate::json_error::json_reason(&e)),
            ],
        )
    })
}

/// The built-in table, read once.
fn loaded() -> &'static Result<Table, String> {
    static TABLE: OnceLock<Result<Table, String>> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(REGIONS_JSON))
}

/// Checks that the built-in table of numbers reads, and says why not in one line.
/// Called once at startup, before anything else: a broken table must stop the
/// program there, never leave an alert without its numbers.
pub fn check() -> Result<(), String> {
    loaded().as_ref().map(|_| ()).map_err(Clone::clone)
}

fn table() -> &'static Table {
    // `check` stopped the program at startup if the table is broken, and a test
    // reads the table built into every binary.
    loaded()
        .as_ref()
        .expect("the region table was checked at startup")
}

/// Every region in the table.
pub fn all() -> Vec<Region> {
    table().regions.clone()
}

/// The numbers for a country no region matches: only "your local emergency number".
/// `country` is kept as the code, so the record says where the person was.
pub fn local_only(country: &str) -> Region {
    let mut region = table().unknown.clone();
    region.code = country.to_string();
    region
}

/// The region a saved check-in names: a known one, or local numbers only.
pub fn for_code(code: &str) -> Region {
    find(code).unwrap_or_else(|| local_only(code))
}

/// How the region was chosen, so alerts can say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--region CODE`.
    Flag,
    /// From the locale variable named.
    Locale(String),
    /// The locale names a country we have no numbers for.
    Unknown(String),
    /// Nothing said; the default.
    Default,
}

/// The region in use and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    pub region: Region,
    /// The code asked for (may be a country that `region` covers).
    pub asked: String,
    pub source: Source,
}

impl fmt::Display for Chosen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.region;
        if let Source::Unknown(code) = &self.source {
            return write!(f, "{}", t_args("region-unknown-country", &[("code", code)]));
        }
        let covered = if self.asked != r.code {
            format!(
                " ({})",
                t_args("region-uses", &[("asked", &self.asked), ("code", &r.code)])
            )
        } else {
            String::new()
        };
        let why = match &self.source {
            Source::Flag => t("region-from-flag"),
            Source::Locale(var) => t_args("region-from-locale", &[("var", var)]),
            Source::Unknown(_) => String::new(),
            Source::Default => t("region-default"),
        };
        write!(f, "{} ({}){covered}, {why}", r.name_shown(), r.code)
    }
}

/// An unknown region code.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownRegion(pub String);

impl fmt::Display for UnknownRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = table().regions.iter().map(|r| r.code.as_str()).collect();
        let asked: String = self.0.chars().take(20).collect();
        let codes = codes.join(", ");
        write!(
            f,
            "{}",
            t_args(
                "region-unknown-code",
                &[("asked", &asked), ("codes", &codes)]
            )
        )
    }
}

fn find(code: &str) -> Option<Region> {
    let code = code.to_ascii_uppercase();
    let regions = &table().regions;
    regions
        .iter()
        .find(|r| r.code == code)
        .or_else(|| regions.iter().find(|r| r.covers.contains(&code)))
        .cloned()
}

/// Picks the region: the flag, else the country in LC_ALL / LC_MESSAGES / LANG (the
/// first one set, as the C library does), else US. `env` looks variables up.
pub fn choose(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Chosen, UnknownRegion> {
    let us = || find("US").ok_or_else(|| UnknownRegion("US".into()));
    if let Some(code) = flag {
        let region = find(code.trim()).ok_or_else(|| UnknownRegion(code.to_string()))?;
        return Ok(Chosen {
            region,
            asked: code.trim().to_ascii_uppercase(),
            source: Source::Flag,
        });
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        let Some(value) = env(var).filter(|v| !v.is_empty()) else {
            continue;
        };
        // The first variable set decides, as it does for messages.
        return match locale_country(&value) {
            Some(country) => match find(&country) {
                Some(region) => Ok(Chosen {
                    region,
                    asked: country,
                    source: Source::Locale(var.to_string()),
                }),
                None => Ok(Chosen {
                    region: local_only(&country),
                    asked: country.clone(),
                    source: Source::Unknown(country),
                }),
            },
            None => Ok(Chosen {
                region: us()?,
                asked: "US".into(),
                source: Source::Default,
            }),
        };
    }
    Ok(Chosen {
        region: us()?,
        asked: "US".into(),
        source: Source::Default,
    })
}

/// The country part of a locale name: `en_GB.UTF-8` gives `GB`; `C` and `POSIX`
/// give none.
pub fn locale_country(locale: &str) -> Option<String> {
    let base = locale.split(['.', '@']).next()?;
    let (_, country) = base.split_once(['_', '-'])?;
    (country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| country.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::env_of as env;

    #[test]
    fn table_parses_and_has_the_required_regions() {
        let codes: Vec<String> = all().into_iter().map(|r| r.code).collect();
        for c in [
            "US", "CA", "GB", "IE", "ES", "MX", "AU", "NZ", "IN", "ZA", "DE", "FR", "NL", "EU",
        ] {
            assert!(codes.contains(&c.to_string()), "missing {c}");
        }
        assert_eq!(check(), Ok(()));
        for r in all() {
            for (_, p) in r.phones() {
                assert!(
                    !p.source.trim().is_empty(),
                    "{}: {} has no source",
                    r.code,
                    p.call
                );
                assert!(
                    p.checked > chrono::NaiveDate::MIN,
                    "{}: {} has no date",
                    r.code,
                    p.call
                );
            }
        }
    }

    #[test]
    fn the_built_in_table_is_its_file_without_the_indentation() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/questions/regions.json");
        let file = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}"));
        let json =
            |text: &str| serde_json::from_str::<serde_json::Value>(text).map(|v| v.to_string());
        assert_eq!(json(REGIONS_JSON).ok(), json(&file).ok());
        assert!(json(&file).is_ok());
        assert!(!REGIONS_JSON.contains("\n  "));
    }

    #[test]
    fn a_broken_table_is_refused_in_one_plain_line() {
        for broken in ["", "{\"regions\": []}", "{\"regions\": [], \"unknown\": 3}"] {
            let e = parse_table(broken).unwrap_err();
            assert!(!e.contains('\n'), "{e}");
            assert!(
                e.starts_with("the built-in table of emergency numbers is broken (line "),
                "{e}"
            );
            assert!(e.ends_with("reinstall it"), "{e}");
        }
        assert!(parse_table(REGIONS_JSON).is_ok());
    }

    #[test]
    fn poison_lines_for_canada_australia_and_new_zealand() {
        for (code, number) in [
            ("CA", "1-844-764-7669"),
            ("AU", "13 11 26"),
            ("NZ", "0800 764 766"),
        ] {
            let r = for_code(code);
            assert_eq!(r.poison.map(|p| p.call), Some(number.to_string()), "{code}");
        }
    }

    #[test]
    fn countries_with_their_own_numbers_are_not_folded_into_europe() {
        for (lang, code, crisis) in [
            ("en_IN.UTF-8", "IN", "14416"),
            ("en_ZA.UTF-8", "ZA", "0800 567 567"),
            ("de_DE.UTF-8", "DE", "0800 111 0 111"),
            ("fr_FR.UTF-8", "FR", "3114"),
            ("nl_NL.UTF-8", "NL", "113"),
        ] {
            let c = choose(None, env(&[("LANG", lang)])).unwrap();
            assert_eq!(c.region.code, code, "{lang}");
            let line = c.region.crisis.map(|p| p.call).unwrap_or_default();
            assert!(line.contains(crisis), "{lang}: {line}");
        }
        assert_eq!(choose(Some("in"), env(&[])).unwrap().region.code, "IN");
    }

    #[test]
    fn the_spanish_way_to_each_spanish_speaking_crisis_line_has_its_source() {
        for (code, reach) in [
            (
                "US",
                Some("llame al 988 y marque 2, o envíe AYUDA por mensaje de texto al 988"),
            ),
            ("MX", None),
            ("ES", Some("llame al 024")),
        ] {
            let crisis = for_code(code).crisis.unwrap();
            let es = crisis.es.unwrap_or_else(|| panic!("{code}: no Spanish"));
            assert!(es.source.is_some_and(|s| !s.trim().is_empty()), "{code}");
            assert_eq!(es.reach.as_deref(), reach, "{code}");
        }
        for r in all().into_iter().chain([local_only("JP")]) {
            assert!(r.es.is_some_and(|e| e.name.is_some()), "{}", r.code);
        }
        let unknown = local_only("JP").emergency.es.and_then(|e| e.call);
        assert_eq!(unknown.as_deref(), Some("número de emergencias de su zona"));
    }

    #[test]
    fn flag_wins_over_locale() {
        let c = choose(Some("gb"), env(&[("LANG", "en_AU.UTF-8")])).unwrap();
        assert_eq!(c.region.code, "GB");
        assert_eq!(c.region.emergency.call, "999");
    }

    #[test]
    fn lc_all_comes_before_lang() {
        let c = choose(None, env(&[("LC_ALL", "es_ES.UTF-8"), ("LANG", "en_US")])).unwrap();
        assert_eq!(c.region.code, "ES");
        assert_eq!(c.source, Source::Locale("LC_ALL".into()));
    }

    #[test]
    fn european_country_falls_back_to_eu() {
        let c = choose(None, env(&[("LANG", "it_IT.UTF-8")])).unwrap();
        assert_eq!(c.region.code, "EU");
        assert_eq!(c.region.emergency.call, "112");
        assert!(c.to_string().contains("IT uses EU numbers"));
    }

    #[test]
    fn an_unknown_country_gets_only_the_local_emergency_number() {
        let c = choose(None, env(&[("LANG", "ja_JP.UTF-8")])).unwrap();
        assert_eq!(c.region.code, "JP");
        assert_eq!(c.region.emergency.call, "your local emergency number");
        assert!(c.region.crisis.is_none() && c.region.poison.is_none());
        assert!(c.to_string().contains("JP"), "{c}");
    }

    #[test]
    fn the_c_locale_gives_the_default_us() {
        let c = choose(None, env(&[("LANG", "C.UTF-8")])).unwrap();
        assert_eq!(c.region.code, "US");
        assert_eq!(choose(None, env(&[])).unwrap().source, Source::Default);
    }

    #[test]
    fn unknown_flag_is_an_error() {
        let e = choose(Some("XX"), env(&[])).unwrap_err();
        assert!(e.to_string().contains("unknown region \"XX\""));
    }
}
