//! Regions and their emergency, crisis and poison numbers.
//!
//! The numbers are data (`questions/regions.json`), each with its source, so they
//! can be checked and kept current without touching code.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::bank::Line;

const REGIONS_JSON: &str = include_str!("../questions/regions.json");

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
    /// Where the numbers come from.
    pub source: String,
}

impl Phone {
    /// How to reach the line, offering texting only where it takes texts:
    /// "call or text 988", "call 116 123 or text SHOUT to 85258", "call 911".
    pub fn how_to_reach(&self) -> String {
        match &self.text {
            Some(t) if *t == self.call => format!("call or text {}", self.call),
            Some(t) => format!("call {} or text {t}", self.call),
            None => format!("call {}", self.call),
        }
    }
}

impl Region {
    pub fn phone(&self, line: Line) -> Option<&Phone> {
        match line {
            Line::Emergency => Some(&self.emergency),
            Line::Crisis => self.crisis.as_ref(),
            Line::Poison => self.poison.as_ref(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    regions: Vec<Region>,
}

/// Every region in the table.
pub fn all() -> Vec<Region> {
    // The table is part of the binary and a test checks it parses.
    serde_json::from_str::<Table>(REGIONS_JSON)
        .map(|t| t.regions)
        .unwrap_or_default()
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
        let covered = if self.asked != r.code {
            format!(" ({} uses {} numbers)", self.asked, r.code)
        } else {
            String::new()
        };
        let why = match &self.source {
            Source::Flag => "set with --region".to_string(),
            Source::Locale(var) => format!("from {var}"),
            Source::Unknown(code) => format!("we have no numbers for {code}, so US is assumed"),
            Source::Default => "the default".to_string(),
        };
        write!(f, "{} ({}){covered}, {why}", r.name, r.code)
    }
}

/// An unknown region code.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownRegion(pub String);

impl fmt::Display for UnknownRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<String> = all().into_iter().map(|r| r.code).collect();
        write!(
            f,
            "unknown region \"{}\"; use one of {} or a European country code (see `sidecheck regions`)",
            self.0.chars().take(20).collect::<String>(),
            codes.join(", ")
        )
    }
}

fn find(code: &str) -> Option<Region> {
    let code = code.to_ascii_uppercase();
    let regions = all();
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
                    region: us()?,
                    asked: "US".into(),
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

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn table_parses_and_has_the_required_regions() {
        let codes: Vec<String> = all().into_iter().map(|r| r.code).collect();
        for c in ["US", "CA", "GB", "IE", "ES", "MX", "AU", "NZ", "EU"] {
            assert!(codes.contains(&c.to_string()), "missing {c}");
        }
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
        let c = choose(None, env(&[("LANG", "de_DE.UTF-8")])).unwrap();
        assert_eq!(c.region.code, "EU");
        assert_eq!(c.region.emergency.call, "112");
        assert!(c.to_string().contains("DE uses EU numbers"));
    }

    #[test]
    fn unknown_country_and_c_locale_give_us() {
        let c = choose(None, env(&[("LANG", "ja_JP.UTF-8")])).unwrap();
        assert_eq!(c.region.code, "US");
        assert!(c.to_string().contains("no numbers for JP"));
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
