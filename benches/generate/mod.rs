//! The benchmarks' log generator: realistic, varied check-ins from the bundled bank,
//! the same for a given size and seed on every machine. Not a user command: the
//! bench targets include it (`mod generate;`), and `cargo bench --bench genlog`
//! writes a log with it.
//!
//! Every line is made the way `sidecheck check` makes it: a [`Flow`] over the bundled
//! bank is answered question by question (with the time of each answer), the record
//! comes from [`Flow::to_record`] and the line from [`CheckIn::to_line`]. Nothing here
//! writes JSON by hand, and every line is read back (by [`record::read_line`], the
//! one rule of what a line is) and compared with what made it.
//!
//! What a log holds: one check-in an hour, ending at [`END`]; completed and stopped
//! check-ins (some stopped at an urgent alert), most stopped ones finished an hour
//! later by a check-in that `completes` them (as `check --resume` does, so its id
//! starts with the older time and ids are not quite in file order); baseline marks
//! (`sidecheck baseline ID`) when a dose change begins, made with
//! [`BaselineMark::to_line`]; urgent alerts
//! raised, and some taken back (a "yes" by mistake, corrected at once); follow-ups
//! (withdrawal questions in taper months, pump questions for pump users, the suicide
//! screen); "about you" answers that change now and then; symptoms that settle and
//! flare; notes from none to long, some with quotes, backslashes, line breaks and
//! non-ASCII text; and a home time zone with summer time, a move now and then, and
//! trips to other zones. Lines are about 2.8 KB on average.

// Each bench target uses a different part of this module.
#![allow(dead_code)]

use std::io::{self, Write};

use chrono::{DateTime, Datelike, Duration, FixedOffset, Utc};
use sidecheck::answer::Answer;
use sidecheck::bank::{Bank, Kind, Question};
use sidecheck::flow::Flow;
use sidecheck::profile::Profile;
use sidecheck::record::{self, BaselineMark, CheckIn, Line, Respondent, Status};

/// The seed every benchmark uses unless told otherwise (`SEED`).
pub const SEED: u64 = 12;

/// The hour of the last check-in of every log (UTC). The check-in `i` of `n` starts
/// in the hour `n - 1 - i` hours before it.
pub const END: &str = "2026-06-01T08:00:00Z";

/// One line of a generated log: a check-in, or a baseline mark.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    CheckIn(Box<CheckIn>),
    Mark(BaselineMark),
}

/// What a generated log holds, counted as it was written.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Lines written: check-ins and marks.
    pub lines: u64,
    pub bytes: u64,
    /// Baseline marks (lines that are not check-ins).
    pub marks: u64,
    pub completed: u64,
    pub stopped: u64,
    /// Completed check-ins that finish a stopped one (`completes`); `history` shows
    /// them in the stopped one's place.
    pub resumed: u64,
    /// Records with an urgent alert standing.
    pub urgent: u64,
    /// Records with an alert shown and then taken back.
    pub retracted: u64,
    /// Records that keep "about you" answers.
    pub with_profile: u64,
    /// Distinct UTC offsets, in minutes, and distinct regions.
    pub offsets: Vec<i32>,
    pub regions: Vec<String>,
}

impl Stats {
    /// The check-in lines.
    pub fn checkins(&self) -> u64 {
        self.lines - self.marks
    }

    /// The check-ins `history` and the exports count: every check-in but the
    /// stopped ones that a later one finishes.
    pub fn counted(&self) -> u64 {
        self.checkins() - self.resumed
    }

    /// The average line, in bytes (newline included).
    pub fn bytes_per_line(&self) -> u64 {
        self.bytes.checked_div(self.lines).unwrap_or(0)
    }

    /// Counts one line and what it holds.
    pub fn note(&mut self, item: &Item, line: &str) {
        self.lines += 1;
        self.bytes += line.len() as u64;
        let r = match item {
            Item::CheckIn(r) => r,
            Item::Mark(_) => {
                self.marks += 1;
                return;
            }
        };
        match r.status {
            Status::Completed => self.completed += 1,
            Status::Stopped => self.stopped += 1,
        }
        if r.completes.is_some() {
            self.resumed += 1;
        }
        if r.urgent_alerts().next().is_some() {
            self.urgent += 1;
        }
        if !r.retracted_alerts.is_empty() {
            self.retracted += 1;
        }
        if r.profile.is_some() {
            self.with_profile += 1;
        }
        let offset = r.started_at.offset().local_minus_utc() / 60;
        if !self.offsets.contains(&offset) {
            self.offsets.push(offset);
            self.offsets.sort_unstable();
        }
        if !self.regions.iter().any(|have| r.region == have.as_str()) {
            self.regions.push(r.region.to_string());
            self.regions.sort();
        }
    }
}

/// Writes a log of `n` check-ins made with `seed`, one line each, and the marks.
pub fn write_log(out: &mut impl Write, n: u64, seed: u64) -> io::Result<Stats> {
    let bank = Bank::bundled().map_err(|e| io::Error::other(e.to_string()))?;
    let mut generator = Generator::new(&bank, n, seed);
    let mut stats = Stats::default();
    while let Some((item, line)) = generator.next_line() {
        stats.note(&item, &line);
        out.write_all(line.as_bytes())?;
    }
    Ok(stats)
}

/// The lines of a log of `n` check-ins made with `seed` (and its marks), in memory.
pub fn lines(bank: &Bank, n: u64, seed: u64) -> Vec<String> {
    let mut generator = Generator::new(bank, n, seed);
    std::iter::from_fn(|| generator.next_line().map(|(_, line)| line)).collect()
}

/// [`lines`], with a share of the check-ins answered by a caregiver (`respondent`).
/// Kept apart, so the benchmarks' logs stay as every sidecheck before the field
/// reads them.
pub fn lines_with_caregivers(bank: &Bank, n: u64, seed: u64) -> Vec<String> {
    let mut generator = Generator::new(bank, n, seed);
    generator.caregivers = true;
    std::iter::from_fn(|| generator.next_line().map(|(_, line)| line)).collect()
}

/// splitmix64: tiny, and the same sequence on every machine and in every version
/// (a crate's generator may change its output between releases).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n - 1` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number from `lo` to `hi`, both included.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// When a zone keeps summer time.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Summer {
    None,
    /// April to October, one hour ahead.
    North,
    /// October to March, one hour ahead.
    South,
}

/// Where a person lives or travels: the region code a check-in keeps (the locale's
/// country, so it stays the same on a trip), and a UTC offset with summer time.
#[derive(Debug, Clone, Copy)]
struct Zone {
    region: &'static str,
    minutes: i32,
    summer: Summer,
}

const ZONES: [Zone; 16] = [
    zone("US", -300, Summer::North), // New York
    zone("US", -480, Summer::North), // Los Angeles
    zone("US", -360, Summer::North), // Chicago
    zone("CA", -300, Summer::North),
    zone("MX", -360, Summer::None),
    zone("GB", 0, Summer::North),
    zone("IE", 0, Summer::North),
    zone("ES", 60, Summer::North),
    zone("DE", 60, Summer::North),
    zone("FR", 60, Summer::North),
    zone("NL", 60, Summer::North),
    zone("FI", 120, Summer::North), // EU numbers, kept as FI
    zone("ZA", 120, Summer::None),
    zone("IN", 330, Summer::None),
    zone("AU", 600, Summer::South),
    zone("NZ", 720, Summer::South),
];

const fn zone(region: &'static str, minutes: i32, summer: Summer) -> Zone {
    Zone {
        region,
        minutes,
        summer,
    }
}

impl Zone {
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        let month = at.month();
        let summer = match self.summer {
            Summer::None => false,
            Summer::North => (4..=10).contains(&month),
            Summer::South => month >= 10 || month <= 3,
        };
        let minutes = self.minutes + if summer { 60 } else { 0 };
        FixedOffset::east_opt(minutes * 60).expect("a UTC offset under a day")
    }
}

/// What stays the same for a while: where the person lives, whether they use a
/// pump, whether the dose is being changed, their "about you" answers, how much they
/// write, and where each symptom settles.
#[derive(Debug, Clone)]
struct Era {
    home: Zone,
    /// Check-ins left before the next era.
    left: u64,
    pump: bool,
    taper: bool,
    profile: Profile,
    /// The chance of a note, and how long notes run.
    notes: f64,
    note_len: usize,
    /// The grade each scale question's symptom settles at, by question index (0 for
    /// the other questions).
    base: Vec<usize>,
}

/// A trip: another zone for a while, the home region's numbers all the same.
#[derive(Debug, Clone, Copy)]
struct Trip {
    zone: Zone,
    left: u64,
}

const PROFILE_ITEMS: [(&str, f64); 5] = [
    ("kidney", 0.12),
    ("older", 0.3),
    ("pregnant", 0.06),
    ("epilepsy", 0.1),
    ("drives", 0.55),
];

const SLIPS: [&str; 4] = ["breathing", "seizure", "hallucinations", "fever_stiffness"];

const PHRASES: [&str; 36] = [
    "Slept badly after the evening dose.",
    "Legs felt stiff in the morning, better by lunch.",
    "Took the dose about 2 hours late.",
    "Spasms at night woke me up twice.",
    "Dr. Meyer said to \"wait and see\" until the next visit.",
    "A bit dizzy when standing up quickly.",
    "Walked 3 km today 🙂",
    "Pain 6/10 → 4/10 after stretching.",
    "Forgot the noon dose; took it at 3 pm.",
    "Physio on Tuesday, the exercises help.",
    "Müdigkeit nach dem Mittagessen, sonst gut.",
    "Un peu de vertiges en me levant, ça passe.",
    "Mareos leves por la tarde; dormí mejor.",
    "Niet goed geslapen, wel minder kramp.",
    "Headache in the afternoon; drank more water.",
    "Pharmacy had a different brand (same strength).",
    "Felt low on Sunday, better after seeing friends.",
    "New pump refill scheduled for the 14th.",
    "Nausea after breakfast, gone by 10.",
    "Copied from my diary file C:\\Users\\me\\diary.txt",
    "Tapering: 20 mg → 15 mg as agreed.",
    "Weekend trip, kept the doses on time.",
    "Cold for a few days, hard to tell what is what.",
    "Muscles twitchy in the evening; tea helped.",
    "Mood OK. Energy 5/10.",
    "Asked about the \"slow release\" tablets.",
    "Could not focus at work for an hour or so.",
    "Less stiffness on the left side this week.",
    "Drove only short distances, felt fine.",
    "頭が少しぼんやりする。",
    "Took an extra half tablet before the long walk (agreed with the nurse).",
    "Itchy around the pump site; the nurse had a look.",
    "Blood test next week; results for Dr. Okafor.",
    "Restless legs until about 1 am.",
    "Grandkids visited — tiring but good.",
    "Note for the clinic: question about driving & dose timing.",
];

/// Makes the check-ins of one log, oldest first.
pub struct Generator<'b> {
    bank: &'b Bank,
    rng: Rng,
    n: u64,
    i: u64,
    end: DateTime<Utc>,
    era: Era,
    trip: Option<Trip>,
    /// The grade each scale question's symptom is at now, by question index.
    levels: Vec<usize>,
    /// A stopped check-in to finish in the next hour.
    to_resume: Option<CheckIn>,
    /// The newest completed check-in that finishes no other: what a baseline mark
    /// names.
    last_completed: Option<CheckIn>,
    /// A mark to write after the check-in just made.
    to_mark: Option<BaselineMark>,
    /// Whether this hour began a dose change after months without one.
    taper_began: bool,
    /// Whether some check-ins are answered by a caregiver.
    pub caregivers: bool,
}

impl<'b> Generator<'b> {
    pub fn new(bank: &'b Bank, n: u64, seed: u64) -> Generator<'b> {
        let mut rng = Rng::new(seed);
        let end = DateTime::parse_from_rfc3339(END)
            .expect("END is a time")
            .with_timezone(&Utc);
        let home = *rng.pick(&ZONES);
        let era = Self::new_era(&mut rng, bank, home);
        let levels = era.base.clone();
        Generator {
            bank,
            rng,
            n,
            i: 0,
            end,
            era,
            trip: None,
            levels,
            to_resume: None,
            last_completed: None,
            to_mark: None,
            taper_began: false,
            caregivers: false,
        }
    }

    /// Where a symptom settles in an era: mostly none or mild, now and then moderate.
    fn base_level(rng: &mut Rng, options: usize) -> usize {
        let level = match rng.below(100) {
            0..60 => 0,
            60..94 => 1,
            _ => 2,
        };
        level.min(options.saturating_sub(1))
    }

    fn new_era(rng: &mut Rng, bank: &Bank, home: Zone) -> Era {
        let mut profile = Profile::default();
        if rng.chance(0.75) {
            for (id, p) in PROFILE_ITEMS {
                profile.set(id, rng.chance(p));
            }
        }
        Era {
            home,
            left: rng.between(200, 1500) as u64,
            pump: rng.chance(0.12),
            taper: rng.chance(0.45),
            profile,
            notes: [0.75, 0.9, 0.95][rng.below(3) as usize],
            note_len: [500, 900, 1000][rng.below(3) as usize],
            base: bank
                .questions
                .iter()
                .map(|q| Self::base_level(rng, bank.options(q).len()))
                .collect(),
        }
    }

    /// Moves time on by one check-in: a new era now and then (a move, a pump, a
    /// taper, changed "about you" answers), trips, and symptoms that settle back
    /// where they were or flare up.
    fn next_hour(&mut self) {
        if self.era.left == 0 {
            let home = if self.rng.chance(0.8) {
                self.era.home
            } else {
                *self.rng.pick(&ZONES)
            };
            let taper_before = self.era.taper;
            self.era = Self::new_era(&mut self.rng, self.bank, home);
            self.taper_began = self.era.taper && !taper_before;
        }
        self.era.left -= 1;
        match &mut self.trip {
            Some(t) if t.left > 0 => t.left -= 1,
            Some(_) => self.trip = None,
            None if self.rng.chance(1.0 / 150.0) => {
                self.trip = Some(Trip {
                    zone: *self.rng.pick(&ZONES),
                    left: self.rng.between(24, 240) as u64,
                });
            }
            None => {}
        }
        for (i, q) in self.bank.questions.iter().enumerate() {
            let top = self.bank.options(q).len().saturating_sub(1);
            let (level, base) = (self.levels[i], self.era.base[i]);
            self.levels[i] = if level != base && self.rng.chance(0.15) {
                if level > base { level - 1 } else { level + 1 }
            } else if self.rng.chance(0.0015) {
                (level + self.rng.between(1, 2) as usize).min(top)
            } else {
                level
            };
        }
    }

    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        self.trip.map_or(self.era.home, |t| t.zone).offset_at(at)
    }

    /// The next line of the log, with what it holds; `None` after the last.
    pub fn next_line(&mut self) -> Option<(Item, String)> {
        if let Some(mark) = self.to_mark.take() {
            let line = mark.to_line().expect("a mark makes a line");
            let item = Item::Mark(mark);
            Self::reads_back(&item, &line);
            return Some((item, line));
        }
        if self.i >= self.n {
            return None;
        }
        self.taper_began = false;
        self.next_hour();
        let hour = self.end - Duration::hours((self.n - 1 - self.i) as i64);
        self.i += 1;
        // Started in the first 40 minutes of the hour, to the millisecond (the log
        // keeps milliseconds); answered in at most about 15 minutes.
        let start = hour + Duration::milliseconds(self.rng.between(0, 40 * 60 * 1000 - 1));
        let start = start.with_timezone(&self.offset_at(start));
        let record = match self.to_resume.take() {
            Some(stopped) => self.resume(stopped, start),
            None => self.check_in(start),
        };
        // A dose change begins: most people mark how they were before it, the
        // last completed check-in, as the baseline (`sidecheck baseline ID`) once
        // this check-in is done.
        if self.taper_began
            && let Some(before) = &self.last_completed
            && self.rng.chance(0.7)
        {
            let at = record.ended_at + Duration::milliseconds(self.rng.between(5_000, 60_000));
            self.to_mark = Some(BaselineMark::new(&before.id, at));
        }
        if record.status == Status::Completed && record.completes.is_none() {
            self.last_completed = Some(record.clone());
        }
        let line = record.to_line().expect("a record makes a line");
        let item = Item::CheckIn(Box::new(record));
        Self::reads_back(&item, &line);
        Some((item, line))
    }

    /// Every line must read back, by the program's own rule, as what made it.
    fn reads_back(item: &Item, line: &str) {
        let text = line.strip_suffix('\n').expect("a line ends with a newline");
        let back = match record::read_line(text) {
            Ok(Line::CheckIn(r)) => Item::CheckIn(r),
            Ok(Line::Mark(m)) => Item::Mark(m),
            Err(_) => panic!("a generated line does not read back: {text}"),
        };
        assert_eq!(&back, item, "the line reads back as what made it");
    }

    /// A new check-in started at `start`: completed, or stopped part-way.
    fn check_in(&mut self, start: DateTime<FixedOffset>) -> CheckIn {
        let mut flow = Flow::with_profile(self.bank, self.era.profile.clone());
        // Stopped part-way (Ctrl-C, the window closed) after a few answers.
        let stop_after = self
            .rng
            .chance(0.025)
            .then(|| self.rng.between(1, 20) as usize);
        // A "yes" by mistake to a danger sign, taken back at once.
        let slip = self.rng.chance(0.015).then(|| *self.rng.pick(&SLIPS));
        let mut at = start;
        let mut stopped = false;
        while let Some(q) = flow.current() {
            if stop_after.is_some_and(|k| flow.answered() >= k) {
                stopped = true;
                break;
            }
            at += self.think();
            if slip == Some(q.id.as_str()) {
                flow.answer_at(Answer::Yes(true), at);
                flow.back();
                at += self.think();
            }
            let answer = self.answer(q);
            let shown = flow.answer_at(answer, at);
            // Some stop at an urgent alert, to call for help.
            if shown.iter().any(|a| a.level.is_urgent()) && self.rng.chance(0.2) {
                stopped = !flow.is_complete();
                break;
            }
        }
        let status = if stopped {
            // What a block held back is shown before the stop is saved.
            flow.show_pending(Some(at));
            Status::Stopped
        } else {
            Status::Completed
        };
        let end = at + self.think();
        let id = record::new_id(start, self.rng.next_u64());
        let mut record = flow.to_record(id, status, start, end, self.era.home.region);
        // Drawn only when asked for, so the default log is the same as before.
        if self.caregivers && self.rng.chance(0.3) {
            record.respondent = Respondent::Caregiver;
        }
        if stopped && self.rng.chance(0.6) {
            self.to_resume = Some(record.clone());
        }
        record
    }

    /// The check-in that finishes `stopped`, carried on at `now`, as `check
    /// --resume` makes it: the stopped one's start, answers, alerts and profile.
    fn resume(&mut self, stopped: CheckIn, now: DateTime<FixedOffset>) -> CheckIn {
        let profile = stopped.profile.clone().unwrap_or_default();
        let (mut flow, _holding) = Flow::restore_with_profile(self.bank, &stopped.answers, profile)
            .expect("a stopped check-in's answers fit its bank");
        flow.carry_alerts(&stopped.alerts, &stopped.retracted_alerts);
        let mut at = now;
        while let Some(q) = flow.current() {
            at += self.think();
            let answer = self.answer(q);
            flow.answer_at(answer, at);
        }
        let id = record::new_id(stopped.started_at, self.rng.next_u64());
        let mut record = flow.to_record(
            id,
            Status::Completed,
            stopped.started_at,
            at + self.think(),
            &stopped.region,
        );
        record.completes = Some(stopped.id);
        // Finished by whoever began it.
        record.respondent = stopped.respondent;
        record
    }

    /// How long an answer takes: 3 to 25 seconds, to the millisecond.
    fn think(&mut self) -> Duration {
        Duration::milliseconds(self.rng.between(3_000, 25_000))
    }

    /// This check-in's answer to `q`.
    fn answer(&mut self, q: &Question) -> Answer {
        match q.kind {
            Kind::YesNo => Answer::Yes(self.yes(&q.id)),
            Kind::Scale => {
                let top = self.bank.options(q).len().saturating_sub(1);
                let index = self.bank.questions.iter().position(|x| x.id == q.id);
                let level = index.map_or(0, |i| self.levels[i]);
                // Now and then a day better or worse than the trend.
                let level = match self.rng.below(40) {
                    0 => level.saturating_sub(1),
                    1 => level + 1,
                    _ => level,
                };
                Answer::Choice(level.min(top))
            }
            Kind::Number => {
                // Low numbers are the common ones (days with missed doses: mostly 1
                // or 2, now and then the whole week).
                let lo = q.min.unwrap_or(0.0) as i64;
                let hi = q.max.map_or(lo + 10, |m| m as i64).max(lo);
                let n = self.rng.between(lo, hi).min(self.rng.between(lo, hi));
                Answer::Number(n as f64)
            }
            Kind::Text => Answer::Text(self.note(q.max_text())),
        }
    }

    /// A yes/no answer: the danger signs are rare, the follow-ups follow the era.
    fn yes(&mut self, id: &str) -> bool {
        let p = match id {
            "pump" => return self.era.pump,
            "dose_change" if self.era.taper => 0.85,
            "dose_change" => 0.03,
            "stopped" => 0.04,
            "breathing" => 0.004,
            "seizure" => 0.002,
            "suicidal_thoughts" => 0.015,
            "suicidal_plan" => 0.25,
            "suicidal_behavior" => 0.15,
            "hallucinations" => 0.005,
            "fever_stiffness" => 0.003,
            "pump_confusion" => 0.02,
            "pump_stiffness" => 0.06,
            "pump_itching" => 0.04,
            "pump_alarm" => 0.02,
            "more_than_prescribed" => 0.01,
            "tolerance" => 0.06,
            "alcohol_sedatives" => 0.1,
            _ => 0.05,
        };
        self.rng.chance(p)
    }

    /// A note: often none, else a few sentences of about the era's length, at most
    /// `max` characters; now and then on several lines.
    fn note(&mut self, max: usize) -> String {
        if !self.rng.chance(self.era.notes) {
            return String::new();
        }
        let want = self.rng.between(10, 2 * self.era.note_len as i64) as usize;
        let sep = if self.rng.chance(0.02) { "\n" } else { " " };
        let mut text = String::new();
        let mut chars = 0;
        while text.len() < want {
            let phrase = *self.rng.pick(&PHRASES);
            let add = phrase.chars().count() + if text.is_empty() { 0 } else { 1 };
            if chars + add > max {
                break;
            }
            if !text.is_empty() {
                text.push_str(sep);
            }
            text.push_str(phrase);
            chars += add;
        }
        text
    }
}
