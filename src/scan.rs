//! Reads the period's check-ins from the log, one record at a time. A report that
//! must print a summary before the records reads the log once all the same: it
//! writes its rows to a [`Spool`] while the summary is folded, then writes the
//! summary and copies the spool after it. No record is kept in memory.
//!
//! A report may still pass over the log again ([`Scan::each`]); passes after the
//! first stop at the number of check-ins the first pass saw, so a check-in saved by
//! another copy in between cannot make the parts of one report disagree. Bad lines
//! are reported once, in the first pass, through the store's [`BadLines`] (the
//! first few by number, then a count), and [`Scan::summarize`] counts them into the
//! period's [`Summary`], so no report counts them itself.
//!
//! Which records count as check-ins is decided by [`crate::checkins`]: a repeated
//! line counts once, and a stopped check-in that a later one completes is left out.
//! That needs one more pass over the whole log before the first, a cheap one: it
//! reads whole only the few lines that may name a `completes` (see
//! [`crate::store::Store::skim`]). The same pass finds the last baseline mark;
//! when there is one, the check-in it names is read where that pass saw it near
//! the mark, or else looked up (reading whole only the lines whose id may be it),
//! so that every report knows its baseline ([`Scan::baseline`]) before it writes
//! a line, wherever the baseline lies in the log or the period.

mod spool;

pub use spool::Spool;

use crate::bank::Bank;
use crate::checkins::{self, Rule, repeated_warning};
use crate::error::Error;
use crate::grades::Graded;
use crate::record::CheckIn;
use crate::report::{Found, Period, Summary};
use crate::store::{BadLines, Entry, Store, Warn};

/// Passes over the check-ins of one period.
pub struct Scan<'a> {
    store: &'a Store,
    period: &'a Period,
    /// Check-ins in the period to pass over before the first one used (for --last).
    skip: u64,
    /// How many to use; set by the first pass.
    take: Option<u64>,
    warned: bool,
    bad: BadLines,
    /// Read from the whole log before the first pass (when `ready`).
    rule: Rule,
    /// The first copy of the check-in the last baseline mark names, if it is in
    /// the log (when `ready`).
    baseline: Option<Box<CheckIn>>,
    ready: bool,
}

impl<'a> Scan<'a> {
    pub fn new(store: &'a Store, period: &'a Period) -> Scan<'a> {
        Scan {
            store,
            period,
            skip: 0,
            take: None,
            warned: false,
            bad: BadLines::default(),
            rule: Rule::default(),
            baseline: None,
            ready: false,
        }
    }

    /// Before the first pass: the rule of which records count, and the baseline
    /// check-in. A mark that names no check-in a report can use is said here, once.
    fn ready(&mut self, warn: Warn<'_>) -> Result<(), Error> {
        if self.ready {
            return Ok(());
        }
        self.rule = Rule::read(self.store)?;
        self.baseline = checkins::baseline_of(self.store, &self.rule)?.map(Box::new);
        self.ready = true;
        if let Some(text) = self.baseline(None, warn)?.warning() {
            warn(text);
        }
        Ok(())
    }

    /// What the log says about the baseline (`bank` gives its sections their
    /// denominators). Reads the log for it the first time it is needed.
    pub fn baseline(&mut self, bank: Option<&Bank>, warn: Warn<'_>) -> Result<Found, Error> {
        self.ready(warn)?;
        Ok(Found::of(
            self.rule.baseline_mark(),
            self.baseline.as_deref(),
            bank,
            self.period,
        ))
    }

    /// A new spool for rows that must wait for the summary, beside the log.
    pub fn spool(&self) -> Spool {
        Spool::new(self.store.dir())
    }

    /// Keeps only the last `n` check-ins of the period. Costs one counting pass.
    pub fn keep_last(&mut self, n: u64, warn: Warn<'_>) -> Result<(), Error> {
        let total = self.each(warn, |_| Ok(()))?;
        let keep = n.min(total);
        self.skip = total - keep;
        self.take = Some(keep);
        Ok(())
    }

    /// Folds every check-in of the period into a summary (`bank` orders and names
    /// its sections), giving each one to `f` as well, for a report that writes the
    /// records as it reads them, with what the summary worked out about it
    /// ([`Graded`], from the same `bank`), so that the writer need not work it out
    /// again. The summary also counts the lines of the log that were not valid
    /// check-ins.
    pub fn summarize<'b>(
        &mut self,
        bank: Option<&'b Bank>,
        warn: Warn<'_>,
        mut f: impl FnMut(&CheckIn, Graded<'_>) -> Result<(), Error>,
    ) -> Result<Summary<'b>, Error> {
        self.summarize_written(bank, warn, |r, _, graded| f(r, graded))
    }

    /// [`Scan::summarize`], giving `f` each check-in's line too when it is byte for
    /// byte what writing the record gives ([`crate::store::LogReader::written`]),
    /// for a report that writes the records as the log stores them.
    pub fn summarize_written<'b>(
        &mut self,
        bank: Option<&'b Bank>,
        warn: Warn<'_>,
        mut f: impl FnMut(&CheckIn, Option<&[u8]>, Graded<'_>) -> Result<(), Error>,
    ) -> Result<Summary<'b>, Error> {
        let mut summary = Summary::new(bank);
        summary.set_baseline(self.baseline(bank, warn)?);
        self.each_written(warn, |r, line| {
            let graded = summary.add(r);
            f(r, line, graded)
        })?;
        summary.counts.skipped_lines = self.bad.count();
        Ok(summary)
    }

    /// Calls `f` with each check-in in the period, in log order. Returns how many.
    /// Every check-in is read into one record, so `f` sees each only while it is
    /// called.
    pub fn each(
        &mut self,
        warn: Warn<'_>,
        mut f: impl FnMut(&CheckIn) -> Result<(), Error>,
    ) -> Result<u64, Error> {
        self.each_written(warn, |r, _| f(r))
    }

    /// [`Scan::each`], giving `f` each check-in's line too when it is the record
    /// as written ([`crate::store::LogReader::written`]).
    fn each_written(
        &mut self,
        warn: Warn<'_>,
        mut f: impl FnMut(&CheckIn, Option<&[u8]>) -> Result<(), Error>,
    ) -> Result<u64, Error> {
        self.ready(warn)?;
        let mut pass = self.rule.pass();
        let mut matched = 0u64;
        let mut used = 0u64;
        let mut reader = self.store.reader()?;
        let mut r = CheckIn::blank();
        while let Some(entry) = reader.next_in(&mut r) {
            match entry {
                Entry::Record(()) => {
                    if !pass.counts(&r) || !self.period.contains(&r.started_at) {
                        continue;
                    }
                    matched += 1;
                    if matched <= self.skip {
                        continue;
                    }
                    if self.take.is_some_and(|t| used >= t) {
                        break;
                    }
                    used += 1;
                    f(&r, reader.written())?;
                }
                Entry::Mark(_) => {}
                Entry::Bad(bad) => {
                    if !self.warned {
                        self.bad.note(&bad, warn);
                    }
                }
                Entry::Failed(e) => return Err(Error::Store(e)),
            }
        }
        if !self.warned {
            self.bad.finish(warn);
            if let Some(text) = repeated_warning(pass.repeated()) {
                warn(text);
            }
        }
        self.warned = true;
        if self.take.is_none() {
            self.take = Some(used);
        }
        Ok(used)
    }
}
