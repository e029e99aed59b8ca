//! Which saved records count as check-ins. `show`, `history`, every export and the
//! resume all go by this one rule:
//!
//! - A record whose id appeared earlier in the log (a line repeated by a merge or a
//!   restored backup) is the same check-in: only its first copy counts.
//! - A `stopped` record that a later record continues (its `completes` names it) is
//!   not a check-in of its own: the later record holds all its answers and stands
//!   in its place. The stopped line stays in the log; only reports leave it out.
//!
//! - The **baseline** is the check-in named by the last baseline mark in the log
//!   (log order is the order the person made them on this log, whatever the
//!   clocks said). It must be in the log and completed: [`crate::report::Found`]
//!   says what a report makes of a mark that names anything else.
//!
//! The rule needs to know about later lines, so it is built by a first pass over
//! the log ([`Rule::read`]) and then applied to each record of later passes
//! ([`Pass::counts`]). Memory stays flat as check-ins are added: the first pass
//! keeps a fixed-size Bloom filter of id hashes; what it keeps after that is 8 bytes
//! for each id that may repeat or that a `completes` names, and a pass adds 1 byte
//! for each id that may repeat. A log without repeats keeps next to nothing.

use std::collections::{HashSet, VecDeque};
use std::hash::Hasher;

use crate::bank::IdHasher;
use crate::error::Error;
use crate::record::{BaselineMark, CheckIn, Skim, Status};
use crate::store::{Entry, Lookup, Only, Skimmed, Store};

/// A 64-bit hash of a check-in id, the same in every run: every line of the log
/// is hashed, so it goes a word at a time (SipHash cost several times more).
///
/// Two ids of the same length (every id sidecheck makes has 28 bytes) never
/// share a hash: the length goes in first, then the words by the bank's id hash
/// ([`IdHasher`]), each of whose steps, `(rotl(h, 5) ^ w) * K` with `K` odd, is
/// one-to-one in the word for a given state and in the state for a given word, as
/// is the final mix (MurmurHash3's), which spreads every bit over the bits the
/// Bloom filter takes. Ids of different lengths share one about as often as two
/// random 64-bit numbers are equal.
pub fn id_hash(id: &str) -> u64 {
    let mut words = IdHasher::default();
    words.mix(id.len() as u64);
    words.write(id.as_bytes());
    let mut h = words.finish();
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Bits in the filter: 2^23 bits (1 MiB). At 100,000 check-ins one id in about
/// 100,000 is taken for a possible repeat; at 1,000,000, one in 46. Those are only
/// checked exactly, never dropped.
const FILTER_BITS: u64 = 1 << 23;
const FILTER_PROBES: u64 = 4;
/// Bits of a probe's place inside its block: 2^9 = 512 bits, one block.
const PROBE_BITS: u32 = 9;

/// One cache line of the filter. Every probe of an id falls in one block, so an id
/// costs one cache miss, not one a probe (a little more often a false "maybe", as
/// [`FILTER_BITS`] says).
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Block([u64; 8]);

const BLOCKS: u64 = FILTER_BITS >> PROBE_BITS;

/// A blocked Bloom filter of id hashes: "maybe seen" or "surely not seen".
struct Filter {
    blocks: Vec<Block>,
}

impl Filter {
    fn new() -> Filter {
        Filter {
            blocks: vec![Block([0; 8]); BLOCKS as usize],
        }
    }

    /// Adds `h`; returns whether it may have been added before.
    fn insert(&mut self, h: u64) -> bool {
        // The low bits pick the block, the next 9-bit groups the probes in it.
        let block = &mut self.blocks[(h % BLOCKS) as usize].0;
        let mut rest = h >> BLOCKS.trailing_zeros();
        let mut maybe = true;
        for _ in 0..FILTER_PROBES {
            let bit = rest & ((1 << PROBE_BITS) - 1);
            rest >>= PROBE_BITS;
            let (word, mask) = ((bit / 64) as usize, 1u64 << (bit % 64));
            if block[word] & mask == 0 {
                maybe = false;
                block[word] |= mask;
            }
        }
        maybe
    }
}

/// What the first pass learned about the whole log. Both lists are sorted hashes,
/// 8 bytes each: a log merged with a copy of itself costs 8 bytes a check-in here.
#[derive(Debug, Default)]
pub struct Rule {
    /// Hashes of ids that may appear more than once: every real repeat, the few
    /// ids the filter cannot tell from one, and ids a bad line shares with another
    /// line (the first pass does not read every line whole).
    maybe_repeated: Vec<u64>,
    /// Hashes of the ids that some record's `completes` names.
    continued: Vec<u64>,
    /// The last baseline mark in the log.
    baseline: Option<BaselineMark>,
    /// See [`Rule::baseline_at`].
    baseline_at: Option<u64>,
}

impl Rule {
    /// Reads the whole log once, whatever the period: a check-in's repeat or its
    /// completion may lie outside it. Bad lines are left to the passes to report.
    pub fn read(store: &Store) -> Result<Rule, Error> {
        let mut learning = Learning::new();
        // Only ids, `completes` and marks are needed, so the lines are skimmed. An
        // id from a line read no further may be a bad line's: it is only ever taken
        // for one that may repeat, which the passes then count exactly.
        let mut skims = store.skim()?;
        while let Some(skim) = skims.next_kept() {
            let (at, skim) = skim.map_err(Error::Store)?;
            match skim {
                Skimmed::Id(id) => learning.learn_at(at, id, None),
                Skimmed::Whole(Skim::CheckIn { id, completes, .. }) => {
                    learning.learn_at(at, &id, completes.as_deref())
                }
                Skimmed::Whole(Skim::Mark(m)) => learning.mark(m),
            }
        }
        Ok(learning.done())
    }

    /// The mark that says which check-in is the baseline: the last in the log.
    pub fn baseline_mark(&self) -> Option<&BaselineMark> {
        self.baseline.as_ref()
    }

    /// Where in the log the line starts that, if it is a check-in with the id the
    /// baseline mark names, is its first copy ([`baseline_of`] reads it there);
    /// `None` when the first pass did not see one near the mark.
    pub fn baseline_at(&self) -> Option<u64> {
        self.baseline_at
    }

    /// A rule built from records in memory.
    pub fn of<'r>(records: impl IntoIterator<Item = &'r CheckIn>) -> Rule {
        let mut learning = Learning::new();
        for r in records {
            learning.learn(&r.id, r.completes.as_deref());
        }
        learning.done()
    }

    /// Whether a later record continues this stopped one. (Two different ids with
    /// one 64-bit hash are about as likely as a disk error in the same byte.)
    pub fn is_continued(&self, r: &CheckIn) -> bool {
        r.status == Status::Stopped && self.continued.binary_search(&id_hash(&r.id)).is_ok()
    }

    /// A new pass over the log under this rule.
    pub fn pass(&self) -> Pass<'_> {
        Pass {
            rule: self,
            seen: vec![Seen::Not; self.maybe_repeated.len()],
            repeated: 0,
        }
    }
}

/// How many of the lines before a baseline mark the first pass keeps in view, to
/// find the check-in it names without another pass: a mark is made just after
/// its check-in (`check --baseline`), or names one that comes later.
const NEAR_MARK: usize = 64;

/// The first pass in progress.
struct Learning {
    filter: Filter,
    rule: Rule,
    /// The last [`NEAR_MARK`] check-in lines: id hash, where the line starts, and
    /// whether no line before it had the id (then, if it is a check-in, it is the
    /// first copy).
    recent: VecDeque<(u64, u64, bool)>,
    /// The id hash the last mark names, while its line has not been seen.
    wanted: Option<u64>,
    /// Where the line the last mark names starts, and whether it is a first copy.
    marked: Option<(u64, bool)>,
}

impl Learning {
    fn new() -> Learning {
        Learning {
            filter: Filter::new(),
            rule: Rule::default(),
            recent: VecDeque::with_capacity(NEAR_MARK),
            wanted: None,
            marked: None,
        }
    }

    /// Learns of a check-in `id`, which continues `completes` if that is set.
    /// Returns whether its id may have been learned before.
    fn learn(&mut self, id: &str, completes: Option<&str>) -> bool {
        self.learn_hash(id_hash(id), completes)
    }

    /// [`Learning::learn`], for an id already hashed.
    fn learn_hash(&mut self, h: u64, completes: Option<&str>) -> bool {
        let maybe = self.filter.insert(h);
        if maybe {
            self.rule.maybe_repeated.push(h);
        }
        if let Some(id) = completes {
            self.rule.continued.push(id_hash(id));
        }
        maybe
    }

    /// [`Learning::learn`], for a line that starts at `at` in the log.
    fn learn_at(&mut self, at: u64, id: &str, completes: Option<&str>) {
        let h = id_hash(id);
        let first = !self.learn_hash(h, completes);
        if self.wanted == Some(h) {
            self.wanted = None;
            self.marked = Some((at, first));
        }
        if self.recent.len() == NEAR_MARK {
            self.recent.pop_front();
        }
        self.recent.push_back((h, at, first));
    }

    /// Learns of a baseline mark: the last one wins.
    fn mark(&mut self, m: BaselineMark) {
        let h = id_hash(&m.check_in);
        // The earliest line in view with the id, else the next one to come.
        self.marked = self
            .recent
            .iter()
            .find(|(id, ..)| *id == h)
            .map(|&(_, at, first)| (at, first));
        self.wanted = self.marked.is_none().then_some(h);
        self.rule.baseline = Some(m);
    }

    fn done(mut self) -> Rule {
        // Only a first copy is the baseline; for any other, a pass finds the first.
        self.rule.baseline_at = self.marked.filter(|(_, first)| *first).map(|(at, _)| at);
        for list in [&mut self.rule.maybe_repeated, &mut self.rule.continued] {
            list.sort_unstable();
            list.dedup();
            list.shrink_to_fit();
        }
        self.rule
    }
}

/// How often a pass met an id that may repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Not,
    Once,
    Again,
}

/// One pass over the log: tells each record whether it counts.
pub struct Pass<'r> {
    rule: &'r Rule,
    /// For each id that may repeat (same order as the rule's list), how often
    /// this pass met it.
    seen: Vec<Seen>,
    /// Check-ins met more than once in this pass.
    repeated: usize,
}

impl Pass<'_> {
    /// Whether this record is a check-in of its own. Call it for every record, in
    /// log order: of copies of one line, the first counts.
    pub fn counts(&mut self, r: &CheckIn) -> bool {
        if let Ok(i) = self.rule.maybe_repeated.binary_search(&id_hash(&r.id)) {
            match self.seen[i] {
                Seen::Not => self.seen[i] = Seen::Once,
                Seen::Once => {
                    self.seen[i] = Seen::Again;
                    self.repeated += 1;
                    return false;
                }
                Seen::Again => return false,
            }
        }
        !self.rule.is_continued(r)
    }

    /// How many check-ins this pass met more than once so far.
    pub fn repeated(&self) -> usize {
        self.repeated
    }
}

/// The warning for check-ins found more than once, if any were.
pub fn repeated_warning(n: usize) -> Option<String> {
    (n > 0).then(|| crate::i18n::t_count("report-repeated", ("count", n as u64), &[]))
}

/// The records of a pass in order. Bad lines are skipped without a word: the
/// passes that report them are the store's lookups and [`crate::scan`].
fn records_of(
    entries: impl Iterator<Item = Entry>,
) -> impl Iterator<Item = Result<Box<CheckIn>, Error>> {
    entries.filter_map(|entry| match entry {
        Entry::Record(r) => Some(Ok(r)),
        Entry::Mark(_) | Entry::Bad(_) => None,
        Entry::Failed(e) => Some(Err(Error::Store(e))),
    })
}

/// The log's records in order.
fn records(store: &Store) -> Result<impl Iterator<Item = Result<Box<CheckIn>, Error>>, Error> {
    Ok(records_of(store.reader()?))
}

/// The check-in with this exact id: its first copy in the log, as every pass
/// counts it. Only the lines whose id may be `id` are read whole
/// ([`Only::IdsStartingWith`]).
pub fn first_named(store: &Store, id: &str) -> Result<Option<CheckIn>, Error> {
    for r in records_of(store.only(Only::IdsStartingWith(id))?) {
        let r = r?;
        if r.id == id {
            return Ok(Some(*r));
        }
    }
    Ok(None)
}

/// The check-in the rule's baseline mark names, if it is in the log: its first
/// copy, as [`first_named`] finds it. Read where the first pass saw it when it
/// could ([`Rule::baseline_at`]), so that the log is not read once more for it.
pub fn baseline_of(store: &Store, rule: &Rule) -> Result<Option<CheckIn>, Error> {
    let Some(mark) = rule.baseline_mark() else {
        return Ok(None);
    };
    if let Some(at) = rule.baseline_at()
        && let Some(r) = store.check_in_at(at)?
        && r.id == mark.check_in
    {
        return Ok(Some(*r));
    }
    first_named(store, &mark.check_in)
}

/// The record that continues check-in `id`, if one does: the first in the log.
/// Only the lines that may name `id` are read whole ([`Only::Completing`]).
pub fn continued_by(store: &Store, id: &str) -> Result<Option<CheckIn>, Error> {
    for r in records_of(store.only(Only::Completing(id))?) {
        let r = r?;
        if r.completes.as_deref() == Some(id) {
            return Ok(Some(*r));
        }
    }
    Ok(None)
}

/// Finds a check-in by id prefix, counting copies of one line as one check-in (the
/// store's own lookup counts lines). The first copy is the one found. Only the
/// lines whose id may start with `prefix` are read whole ([`Only::IdsStartingWith`]).
pub fn lookup_distinct(store: &Store, prefix: &str) -> Result<Lookup, Error> {
    let mut found: Option<Box<CheckIn>> = None;
    let mut ids: HashSet<u64> = HashSet::new();
    for r in records_of(store.only(Only::IdsStartingWith(prefix))?) {
        let r = r?;
        if r.id.starts_with(prefix) && ids.insert(id_hash(&r.id)) && found.is_none() {
            found = Some(r);
        }
    }
    Ok(match found {
        Some(r) if ids.len() == 1 => Lookup::Found(r),
        Some(_) => Lookup::Ambiguous(ids.len()),
        None => Lookup::NotFound,
    })
}

/// The last check-in saved, and whether a record continues it already.
#[derive(Debug)]
pub struct Latest {
    pub record: CheckIn,
    /// The id of a record that continues it (only ever set for a stopped one).
    pub continued_by: Option<String>,
}

/// Finds the check-in saved last, in one pass. Bad lines are not reported here.
pub fn latest(store: &Store) -> Result<Option<Latest>, Error> {
    let mut last: Option<Box<CheckIn>> = None;
    // Which record continues which, for the (rare) log where a completion was
    // merged in before the stopped line it completes.
    let mut continued: Vec<(u64, String)> = Vec::new();
    for r in records(store)? {
        let r = r?;
        if let Some(id) = &r.completes {
            continued.push((id_hash(id), r.id.clone()));
        }
        last = Some(r);
    }
    Ok(last.map(|r| {
        let h = id_hash(&r.id);
        let continued_by = if r.status == Status::Stopped {
            continued
                .into_iter()
                .find(|(c, by)| *c == h && *by != r.id)
                .map(|(_, by)| by)
        } else {
            None
        };
        Latest {
            record: *r,
            continued_by,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{BankRef, CheckIn};

    fn record(id: &str, status: Status, completes: Option<&str>) -> CheckIn {
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00.000+01:00")
            .unwrap_or_default();
        CheckIn {
            schema: 2,
            id: id.into(),
            status,
            started_at: t,
            ended_at: t,
            bank: BankRef {
                id: "b".into(),
                version: "1".into(),
                language: "en".into(),
            },
            region: "US".into(),
            answers: Vec::new(),
            alerts: Vec::new(),
            retracted_alerts: Vec::new(),
            scores: Vec::new(),
            asked: None,
            completes: completes.map(str::to_string),
            profile: None,
            respondent: Default::default(),
        }
    }

    fn counted(log: &[CheckIn]) -> (Vec<&str>, usize) {
        let rule = Rule::of(log);
        let mut pass = rule.pass();
        let ids = log
            .iter()
            .filter(|r| pass.counts(r))
            .map(|r| r.id.as_str())
            .collect();
        (ids, pass.repeated())
    }

    #[test]
    fn a_repeated_line_counts_once_in_every_pass() {
        let log = [
            record("a", Status::Completed, None),
            record("b", Status::Completed, None),
            record("a", Status::Completed, None),
            record("a", Status::Completed, None),
            record("c", Status::Completed, None),
            record("b", Status::Completed, None),
        ];
        assert_eq!(counted(&log), (vec!["a", "b", "c"], 2));
        // The rule is read once; each pass starts afresh and agrees.
        let rule = Rule::of(&log);
        for _ in 0..2 {
            let mut pass = rule.pass();
            assert_eq!(log.iter().filter(|r| pass.counts(r)).count(), 3);
        }
    }

    #[test]
    fn a_stopped_check_in_that_a_later_one_completes_is_left_out() {
        let log = [
            record("s", Status::Stopped, None),
            record("x", Status::Completed, None),
            record("t", Status::Stopped, Some("s")),
            record("u", Status::Completed, Some("t")),
            record("lone", Status::Stopped, None),
        ];
        assert_eq!(counted(&log), (vec!["x", "u", "lone"], 0));
    }

    #[test]
    fn completes_never_hides_a_completed_check_in() {
        let log = [
            record("a", Status::Completed, None),
            record("b", Status::Completed, Some("a")),
        ];
        assert_eq!(counted(&log).0, vec!["a", "b"]);
    }

    #[test]
    fn the_filter_never_forgets_and_rarely_doubts() {
        let mut f = Filter::new();
        let mut doubts = 0;
        for i in 0..100_000u32 {
            if f.insert(id_hash(&format!("id-{i}"))) {
                doubts += 1;
            }
        }
        assert!(doubts < 20, "{doubts} of 100,000 new ids taken for repeats");
        for i in (0..100_000u32).step_by(997) {
            assert!(f.insert(id_hash(&format!("id-{i}"))));
        }
    }

    #[test]
    fn ids_as_sidecheck_makes_them_are_rarely_doubted_and_never_share_a_hash() {
        let start = chrono::DateTime::parse_from_rfc3339("2015-01-01T08:00:00+01:00").unwrap();
        let mut f = Filter::new();
        let mut doubts = 0;
        let mut hashes = Vec::new();
        let mut noise: u64 = 1;
        for hour in 0..100_000 {
            // One check-in an hour, each id with 48 bits of noise, as in a real log.
            noise = noise
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let id = crate::record::new_id(start + chrono::Duration::hours(hour), noise >> 16);
            let h = id_hash(&id);
            doubts += usize::from(f.insert(h));
            hashes.push(h);
        }
        assert!(doubts < 20, "{doubts} of 100,000 new ids taken for repeats");
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), 100_000);
        // The length counts: an id and the same id with a NUL after it differ.
        assert_ne!(id_hash("x"), id_hash("x\0"));
        assert_ne!(id_hash(""), id_hash("\0\0\0\0\0\0\0\0"));
    }

    #[test]
    fn the_warning_counts_check_ins() {
        assert_eq!(repeated_warning(0), None);
        assert_eq!(
            repeated_warning(3).as_deref(),
            Some("3 check-ins appear more than once in the log; each is counted once")
        );
    }
}
