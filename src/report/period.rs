//! The period a report covers: `--since` and `--until`, read the way a person means
//! them. A bare date is a whole calendar day, and each check-in counts on the day it
//! was where it was saved (its own offset, the same date every report shows for it),
//! so `--until 2026-11-20` takes in everything dated up to the end of that day. A full
//! RFC 3339 time is an exact instant.

use crate::i18n::{t, t_args};
use crate::text::rfc3339;
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, TimeZone, Timelike,
};

/// One end of the period, as given and as resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    /// What the person typed.
    pub text: String,
    /// The instant it stands for in the local timezone. For `until` this is the last
    /// instant included. Reports show it; a bare date filters by `day`.
    pub at: DateTime<FixedOffset>,
    /// For a bare date: the calendar day.
    pub day: Option<NaiveDate>,
}

/// The check-ins a report covers, by start time; both ends are included.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Period {
    pub since: Option<Bound>,
    pub until: Option<Bound>,
}

impl Period {
    /// Every check-in.
    pub fn all() -> Period {
        Period::default()
    }

    /// Reads `--since` and `--until`; bare dates are days in `tz`.
    pub fn parse<Tz: TimeZone>(
        since: Option<&str>,
        until: Option<&str>,
        tz: &Tz,
    ) -> Result<Period, String> {
        let since = since
            .map(|t| parse_bound("--since", t, false, tz))
            .transpose()?;
        let until = until
            .map(|t| parse_bound("--until", t, true, tz))
            .transpose()?;
        let backwards = match (&since, &until) {
            (Some(Bound { day: Some(a), .. }), Some(Bound { day: Some(b), .. })) => a > b,
            (Some(s), Some(u)) => s.at > u.at,
            _ => false,
        };
        if let (Some(s), Some(u)) = (&since, &until)
            && backwards
        {
            let (since, until) = (s.text.as_str(), u.text.as_str());
            return Err(t_args(
                "report-period-backwards",
                &[("since", since), ("until", until)],
            ));
        }
        Ok(Period { since, until })
    }

    /// Whether a check-in that started at `t` is in the period.
    pub fn contains(&self, t: &DateTime<FixedOffset>) -> bool {
        // The date the check-in shows, in the offset it was saved with.
        let shown = t.date_naive();
        self.since.as_ref().is_none_or(|s| match s.day {
            Some(day) => shown >= day,
            None => *t >= s.at,
        }) && self.until.as_ref().is_none_or(|u| match u.day {
            Some(day) => shown <= day,
            None => *t <= u.at,
        })
    }

    /// The period in words: "from 2026-11-01 to 2026-11-20", "all check-ins".
    pub fn describe(&self) -> String {
        match (&self.since, &self.until) {
            (None, None) => t("report-period-all"),
            (Some(s), None) => t_args("report-period-from", &[("since", &s.text)]),
            (None, Some(u)) => t_args("report-period-up-to", &[("until", &u.text)]),
            (Some(s), Some(u)) => t_args(
                "report-period-from-to",
                &[("since", &s.text), ("until", &u.text)],
            ),
        }
    }

    /// The resolved start, as RFC 3339.
    pub fn since_rfc3339(&self) -> Option<String> {
        self.since.as_ref().map(|b| rfc3339(&b.at))
    }

    /// The resolved (inclusive) end, as RFC 3339.
    pub fn until_rfc3339(&self) -> Option<String> {
        self.until.as_ref().map(|b| rfc3339(&b.at))
    }
}

/// A time as the person saw it, to the minute, in the offset it was saved with:
/// how summaries, history, reports and notices show a check-in's time.
pub fn minute(t: &DateTime<FixedOffset>) -> String {
    let local = t.naive_local();
    let year = local.year();
    // Written digit by digit: chrono's `format` parses its format text on every
    // call, and every row of every report shows a time. A year that is not four
    // digits (chrono writes a sign) goes through chrono.
    if !(0..=9999).contains(&year) {
        return t.format("%Y-%m-%d %H:%M").to_string();
    }
    let mut s = String::with_capacity(16);
    for (n, width, after) in [
        (year as u32, 4, '-'),
        (local.month(), 2, '-'),
        (local.day(), 2, ' '),
        (local.hour(), 2, ':'),
        (local.minute(), 2, '\0'),
    ] {
        s.extend(crate::text::padded_digits(n, width).map(char::from));
        if after != '\0' {
            s.push(after);
        }
    }
    s
}

fn parse_bound<Tz: TimeZone>(flag: &str, text: &str, end: bool, tz: &Tz) -> Result<Bound, String> {
    let bad = || t_args("report-period-bad-date", &[("flag", flag), ("text", text)]);
    let trimmed = text.trim();
    let (at, day) = if is_plain_date(trimmed) {
        let day = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").map_err(|_| bad())?;
        let at = if end {
            let next = day.succ_opt().ok_or_else(bad)?;
            start_of_day(next, tz).ok_or_else(bad)? - Duration::nanoseconds(1)
        } else {
            start_of_day(day, tz).ok_or_else(bad)?
        };
        (at, Some(day))
    } else {
        (
            DateTime::parse_from_rfc3339(trimmed).map_err(|_| bad())?,
            None,
        )
    };
    Ok(Bound {
        text: trimmed.to_string(),
        at,
        day,
    })
}

/// `YYYY-MM-DD` exactly: four, two and two digits.
fn is_plain_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The first instant of a day in `tz`. Where a clock change skips midnight, the day
/// starts at the first minute that exists.
fn start_of_day<Tz: TimeZone>(day: NaiveDate, tz: &Tz) -> Option<DateTime<FixedOffset>> {
    let midnight = day.and_hms_opt(0, 0, 0)?;
    (0..=24 * 60).find_map(|minutes| {
        match tz.from_local_datetime(&(midnight + Duration::minutes(minutes))) {
            LocalResult::Single(t) => Some(t.fixed_offset()),
            LocalResult::Ambiguous(earliest, _) => Some(earliest.fixed_offset()),
            LocalResult::None => None,
        }
    })
}

/// The period as written in reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct PeriodView {
    /// The first instant included (RFC 3339), or null for no lower bound.
    #[schemars(extend("format" = "date-time"))]
    pub since: Option<String>,
    /// The last instant included (RFC 3339), or null for no upper bound.
    #[schemars(extend("format" = "date-time"))]
    pub until: Option<String>,
    /// The period in words, as given.
    pub description: String,
}

impl Period {
    pub fn view(&self) -> PeriodView {
        PeriodView {
            since: self.since_rfc3339(),
            until: self.until_rfc3339(),
            description: self.describe(),
        }
    }
}
