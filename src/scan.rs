//! Reads the period's check-ins from the log, one record at a time, as often as a
//! report needs. A report that must print a summary before the records reads the
//! log twice rather than keep it in memory.
//!
//! Passes after the first stop at the number of check-ins the first pass saw, so a
//! check-in saved by another copy in between cannot make the parts of one report
//! disagree. Bad lines are reported once, in the first pass, through the store's
//! [`BadLines`] (the first few by number, then a count), and [`Scan::summarize`]
//! counts them into the period's [`Summary`], so no report counts them itself.
//!
//! Which records count as check-ins is decided by [`crate::checkins`]: a repeated
//! line counts once, and a stopped check-in that a later one completes is left out.
//! That needs one more pass over the whole log before the first.

use crate::bank::Bank;
use crate::checkins::{Rule, repeated_warning};
use crate::error::Error;
use crate::record::CheckIn;
use crate::report::{Period, Summary};
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
    /// Read from the whole log before the first pass.
    rule: Option<Rule>,
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
            rule: None,
        }
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
    /// records as it reads them. The summary also counts the lines of the log that
    /// were not valid check-ins.
    pub fn summarize<'b>(
        &mut self,
        bank: Option<&'b Bank>,
        warn: Warn<'_>,
        mut f: impl FnMut(&CheckIn) -> Result<(), Error>,
    ) -> Result<Summary<'b>, Error> {
        let mut summary = Summary::new(bank);
        self.each(warn, |r| {
            summary.add(&r);
            f(&r)
        })?;
        summary.counts.skipped_lines = self.bad.count();
        Ok(summary)
    }

    /// Calls `f` with each check-in in the period, in log order. Returns how many.
    pub fn each(
        &mut self,
        warn: Warn<'_>,
        mut f: impl FnMut(CheckIn) -> Result<(), Error>,
    ) -> Result<u64, Error> {
        let rule = match &self.rule {
            Some(rule) => rule,
            None => self.rule.insert(Rule::read(self.store)?),
        };
        let mut pass = rule.pass();
        let mut matched = 0u64;
        let mut used = 0u64;
        for entry in self.store.reader()? {
            match entry {
                Entry::Record(r) => {
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
                    f(*r)?;
                }
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
