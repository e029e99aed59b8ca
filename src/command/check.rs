//! `sidecheck check` (and plain `sidecheck`): the guided or scripted check, from the
//! first question to the save.
//!
//! A check goes in three steps:
//! 1. [`Check::new`] gathers what the asking needs: the bank, the region, the log,
//!    the saved "about you" answers and, for `--resume`, the stopped check-in.
//! 2. The scripted ([`Check::scripted`]) or guided ([`Check::guided`]) front end
//!    asks, and says how the asking ended ([`Ending`]).
//! 3. [`End::of`] sorts that into every way a check can end, and [`Check::finish`]
//!    handles each one. The two endings that hold answers, completed and stopped
//!    (by Ctrl-C, a signal, a hang-up or at an alert), both go through the one
//!    call to [`Check::save`]; the others have nothing new to save. With
//!    `--baseline`, a completed check-in is then marked as the baseline (a line of
//!    its own, after the check-in's); a stopped one is not.

use crate::i18n::{t, t_args, t_count};
use chrono::{DateTime, FixedOffset};
use std::cell::OnceCell;

use super::context::now;
use super::{Context, answers_file, baseline};
use crate::alert;
use crate::bank::{AlertRule, Bank};
use crate::checkins;
use crate::cli::CheckArgs;
use crate::console;
use crate::error::Error;
use crate::flow::{Flow, caregiver_bank};
use crate::profile::{Profile, ProfileFile};
use crate::receipt;
use crate::record::{self, CheckIn, Respondent, Status};
use crate::region::Chosen;
use crate::resume;
use crate::scripted::{self, Answers};
use crate::store::{self, Store, StoreError};
use crate::terminal;
use crate::text;

pub fn run(ctx: &Context<'_>, args: &CheckArgs) -> Result<(), Error> {
    let bank = ctx.bank()?;
    let chosen = ctx.region()?;
    let answers = answers(ctx, args)?;
    let asked_for = respondent(args, answers.as_ref())?;
    // Made only when a caregiver may answer: the scripted check of the person
    // costs nothing more.
    let cared = OnceCell::new();
    let words = Words {
        bank,
        cared: &cared,
    };
    if asked_for == Some(Respondent::Caregiver) {
        words.for_who(Respondent::Caregiver)?;
    }
    let store = ctx.store()?;
    let (mut check, restored) = Check::new(ctx, words, chosen, store, args, asked_for)?;
    let (flow, ending) = match &answers {
        Some((name, answers)) => check.scripted(name, answers, restored)?,
        None => check.guided(args.resume, restored)?,
    };
    let end = End::of(flow, ending, check.stopped.as_ref());
    check.finish(end)
}

/// `--answers FILE` read and parsed, with the name messages give it; `None` for the
/// guided check, which needs a terminal.
fn answers<'a>(
    ctx: &Context<'_>,
    args: &'a CheckArgs,
) -> Result<Option<(&'a str, Answers)>, Error> {
    // Never wait on a terminal that is not there.
    if args.answers.is_none() && !ctx.interactive() {
        return Err(Error::Input(t("check-no-terminal")));
    }
    let Some(source) = &args.answers else {
        return Ok(None);
    };
    let name = answers_file::name(source);
    let answers = Answers::parse(name, &answers_file::read(source)?)?;
    Ok(Some((name, answers)))
}

/// Who answers, as `--for-someone` and the answers file's `"respondent"` say;
/// `None` when neither says (the guided check then asks).
fn respondent(
    args: &CheckArgs,
    answers: Option<&(&str, Answers)>,
) -> Result<Option<Respondent>, Error> {
    let flag = args.for_someone.then_some(Respondent::Caregiver);
    let Some((name, answers)) = answers else {
        return Ok(flag);
    };
    match (flag, answers.respondent(name)?) {
        (Some(_), Some(Respondent::Myself)) => Err(Error::Input(t_args(
            "caregiver-file-says-self",
            &[("name", name)],
        ))),
        (flag, file) => Ok(flag.or(file)),
    }
}

/// The bank in the words for each respondent: the person's own, and the
/// caregiver's ([`caregiver_bank`]), made on first use.
#[derive(Clone, Copy)]
struct Words<'b> {
    bank: &'b Bank,
    cared: &'b OnceCell<Option<Bank>>,
}

impl<'b> Words<'b> {
    fn for_who(self, who: Respondent) -> Result<&'b Bank, Error> {
        match who {
            Respondent::Myself => Ok(self.bank),
            Respondent::Caregiver => self.caregiver().ok_or_else(|| {
                Error::Input(t_args("caregiver-no-wording", &[("bank", &self.bank.id)]))
            }),
        }
    }

    /// The caregiver's words, if the bank has them.
    fn caregiver(self) -> Option<&'b Bank> {
        self.cared
            .get_or_init(|| caregiver_bank(self.bank))
            .as_ref()
    }
}

/// How the asking ended, as the front end tells it.
#[derive(Debug, Clone, Copy)]
enum Ending {
    /// Every question answered.
    Completed,
    /// Stopped part-way.
    Stopped(Stop),
    /// The person chose not to start (or not to carry on).
    NotStarted,
}

impl Ending {
    fn of_guided(ending: terminal::Ending) -> Ending {
        match ending {
            terminal::Ending::Completed => Ending::Completed,
            terminal::Ending::NotStarted => Ending::NotStarted,
            terminal::Ending::Interrupted => Ending::Stopped(Stop::Interrupted),
            terminal::Ending::Terminated => Ending::Stopped(Stop::Terminated),
            terminal::Ending::HungUp => Ending::Stopped(Stop::HungUp),
            terminal::Ending::StoppedAtAlert => Ending::Stopped(Stop::AtAlert),
        }
    }
}

/// What stopped a check part-way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// Ctrl-C, or SIGINT from outside.
    Interrupted,
    /// SIGTERM.
    Terminated,
    /// SIGHUP, or the terminal went away.
    HungUp,
    /// The person chose to stop at an alert.
    AtAlert,
}

impl Stop {
    /// How the program ends once the answers were handled: a key or a signal gives
    /// its own exit code (130, 143, 129); stopping at an alert is an ordinary end.
    fn exit(self) -> Result<(), Error> {
        match self {
            Stop::Interrupted => Err(Error::Interrupted),
            Stop::Terminated => Err(Error::Terminated),
            Stop::HungUp => Err(Error::HungUp),
            Stop::AtAlert => Ok(()),
        }
    }
}

/// Every way a check can end. `Completed` and `Stopped` hold answers, and
/// [`Check::finish`] saves both.
enum End<'b> {
    /// Every question answered: saved as `completed`.
    Completed(Flow<'b>),
    /// Stopped with answers: saved as `stopped`, then the program ends as the stop
    /// says.
    Stopped(Flow<'b>, Stop),
    /// Not started: nothing to save.
    NotStarted,
    /// Stopped before any answer: nothing to save.
    NoAnswer(Stop),
    /// A resumed check-in stopped before any new answer: the stopped one is still in
    /// the log as it was (its id is here).
    NoNewAnswer(Stop, String),
}

impl<'b> End<'b> {
    /// Sorts how the asking ended by what the flow holds. `stopped` is the check-in a
    /// resumed check carries on.
    fn of(flow: Flow<'b>, ending: Ending, stopped: Option<&CheckIn>) -> End<'b> {
        match ending {
            Ending::Completed => End::Completed(flow),
            Ending::NotStarted => End::NotStarted,
            Ending::Stopped(stop) if flow.answered() == 0 => End::NoAnswer(stop),
            Ending::Stopped(stop) => match stopped {
                Some(s) if flow.answer_records() == s.answers => {
                    End::NoNewAnswer(stop, s.id.clone())
                }
                _ => End::Stopped(flow, stop),
            },
        }
    }
}

/// One check: what the asking and the save need.
struct Check<'b> {
    ctx: &'b Context<'b>,
    bank: &'b Bank,
    words: Words<'b>,
    /// Who answers, if the flag or the answers file says; a resumed check-in
    /// keeps its own.
    asked_for: Option<Respondent>,
    chosen: &'b Chosen,
    store: &'b Store,
    /// Guided (no `--answers`): the person watches, so the save says "Saving…".
    guided: bool,
    /// `--json`: the saved record goes to stdout.
    json: bool,
    /// `--baseline`: a completed check-in is marked as the baseline once saved.
    baseline: bool,
    color: bool,
    /// When the check-in started: now, or when the stopped check-in it finishes did.
    started: DateTime<FixedOffset>,
    /// The saved "about you" answers, and whether the file could be used (if not,
    /// it is not asked again or overwritten here).
    saved_profile: Profile,
    profile_usable: bool,
    /// `--resume`: the stopped check-in this one finishes; it stays in the log as it
    /// was.
    stopped: Option<CheckIn>,
    /// Its answers in short lines, and the urgent alerts they raised: shown again
    /// before anything is asked.
    listed: Option<String>,
    holding: Vec<&'b AlertRule>,
    /// A scripted check with no "about you" answers says so once it is saved.
    no_profile: bool,
}

impl<'b> Check<'b> {
    /// Gathers what the check needs. Also returns, for `--resume`, a flow holding
    /// the stopped check-in's answers.
    fn new(
        ctx: &'b Context<'b>,
        words: Words<'b>,
        chosen: &'b Chosen,
        store: &'b Store,
        args: &CheckArgs,
        asked_for: Option<Respondent>,
    ) -> Result<(Check<'b>, Option<Flow<'b>>), Error> {
        let bank = words.bank;
        let color = ctx.color_on_stderr();
        let started = now();
        // A file that cannot be used is said in one line and the check goes on
        // without it.
        let (saved_profile, profile_usable) = match store.load_profile() {
            Ok(p) => (p.map(|f| f.answers).unwrap_or_default(), true),
            Err(e) => {
                ctx.warn(e);
                (Profile::default(), false)
            }
        };
        // `--resume`: the stopped check-in to finish, or one line on why a new one
        // starts.
        let resumed = if args.resume {
            match resume::find(checkins::latest(store)?, bank, started) {
                Ok(r) => Some(answered_as_before(r, words, asked_for)?),
                Err(why) => {
                    crate::sayln!("{}", t_args("note", &[("text", &format!("{why}."))]));
                    None
                }
            }
        } else {
            None
        };
        let guided = args.answers.is_none();
        let listed = resumed.as_ref().map(|r| resume::earlier_answers(r, guided));
        let holding = resumed
            .as_ref()
            .map(|r| r.holding.clone())
            .unwrap_or_default();
        let (stopped, restored) = match resumed {
            Some(r) => (Some(r.stopped), Some(r.flow)),
            None => (None, None),
        };
        let check = Check {
            ctx,
            bank,
            words,
            asked_for,
            chosen,
            store,
            guided,
            json: args.json,
            baseline: args.baseline,
            color,
            // The check-in is the one that started then; its answers go back that far.
            started: stopped.as_ref().map_or(started, |s| s.started_at),
            saved_profile,
            profile_usable,
            stopped,
            listed,
            holding,
            no_profile: false,
        };
        Ok((check, restored))
    }

    /// A resumed check-in's answers and the urgent alerts they raised, to show
    /// before any question: a person carrying on days later must see the alerts
    /// again.
    fn earlier(&self, color: bool) -> String {
        let mut text = String::new();
        if let Some(list) = &self.listed {
            text.push('\n');
            text.push_str(list);
        }
        if !self.holding.is_empty() {
            text.push_str(&format!("{}\n", t("check-alerts-still-apply")));
        }
        for rule in &self.holding {
            text.push('\n');
            text.push_str(&alert::render(rule, self.chosen, color));
        }
        text
    }

    /// A new check-in's flow, answered by whoever the flag or the file says (the
    /// person, when neither says).
    fn new_flow(&self, profile: Profile) -> Result<Flow<'b>, Error> {
        let mut flow = Flow::with_profile(self.bank, profile);
        if let Some(who) = self.asked_for.filter(|w| *w != Respondent::Myself) {
            flow.set_respondent(who, self.words.for_who(who)?);
        }
        Ok(flow)
    }

    /// Runs the answers file through the flow. Any problem in it stops the check
    /// with an error, before anything is saved.
    fn scripted(
        &mut self,
        name: &str,
        answers: &Answers,
        restored: Option<Flow<'b>>,
    ) -> Result<(Flow<'b>, Ending), Error> {
        crate::say!("{}", self.earlier(self.color));
        let mut events = StderrEvents {
            chosen: self.chosen,
            color: self.color,
        };
        // The answers are already given, so their alerts come first: an urgent
        // answer is shown even when the log turns out to be unusable. The save
        // checks the log; if it cannot save, the answers go to a rescue copy.
        let from_file = answers.profile(self.bank, name)?;
        let flow = match restored {
            Some(flow) => {
                if from_file.is_some() {
                    scripted::Events::notice(&mut events, &t("check-kept-stopped-profile"));
                }
                flow
            }
            None => {
                let profile = self.saved_profile.merged(&from_file.unwrap_or_default());
                self.no_profile =
                    profile.for_bank(self.bank).is_empty() && !self.bank.profile.is_empty();
                self.new_flow(profile)?
            }
        };
        let flow = scripted::run_from(flow, name, answers, &mut events)?;
        Ok((flow, Ending::Completed))
    }

    /// Asks in the terminal, one question at a time.
    fn guided(
        &self,
        resume: bool,
        restored: Option<Flow<'b>>,
    ) -> Result<(Flow<'b>, Ending), Error> {
        // Before the first question: nobody should answer everything and then lose
        // it.
        self.store.check_writable(&mut |t| self.ctx.warn(t))?;
        let mut hint = String::new();
        // A resumed check-in carries on with the answers it was begun with.
        let fresh = restored.is_none();
        let mut flow = match restored {
            Some(flow) => flow,
            None => {
                // After a hang-up or a signal: the stopped check-in can be finished
                // instead. Only a hint, so a log that cannot be read here says
                // nothing.
                if !resume
                    && let Ok(r) = checkins::latest(self.store)
                        .map_err(|_| String::new())
                        .and_then(|latest| resume::find(latest, self.bank, self.started))
                {
                    hint = format!("\n{}\n", resume::notice(&r));
                }
                self.new_flow(self.saved_profile.clone())?
            }
        };
        let before = |color: bool| format!("{hint}{}", self.earlier(color));
        // Asked once: the items with no saved answer, kept as soon as they are given.
        let mut keep = |p: &Profile| -> String {
            let file = ProfileFile::new(p.clone(), now());
            match self.store.save_profile(&file, &mut |t| self.ctx.warn(t)) {
                Ok(()) => t_args(
                    "check-profile-kept",
                    &[("path", &self.store.profile_path().display().to_string())],
                ),
                Err(e) => t_args("check-profile-not-kept", &[("error", &e.to_string())]),
            }
        };
        let about: Option<terminal::SaveProfile<'_>> =
            (fresh && self.profile_usable).then_some(&mut keep);
        // Who answers is asked unless the flag or the stopped check-in says.
        let ask_who = (fresh && self.asked_for.is_none())
            .then(|| self.words.caregiver())
            .flatten();
        let ending = terminal::run(&mut flow, self.chosen, self.color, &before, about, ask_who)?;
        Ok((flow, Ending::of_guided(ending)))
    }

    /// Handles every way the check can end; see [`End`].
    fn finish(&self, end: End<'b>) -> Result<(), Error> {
        let (flow, status, stop) = match end {
            End::Completed(flow) => (flow, Status::Completed, None),
            End::Stopped(flow, stop) => (flow, Status::Stopped, Some(stop)),
            End::NotStarted => {
                match &self.stopped {
                    Some(s) => crate::sayln!(
                        "{}",
                        t_args(
                            "check-did-not-carry-on",
                            &[("id", &text::visible_id(&s.id))]
                        )
                    ),
                    None => crate::sayln!("{}", t("check-did-not-start")),
                }
                return Ok(());
            }
            End::NoAnswer(stop) => {
                crate::sayln!();
                crate::sayln!("{}", t("check-stopped-no-answer"));
                return stop.exit();
            }
            End::NoNewAnswer(stop, id) => {
                crate::sayln!();
                crate::sayln!(
                    "{}",
                    t_args(
                        "check-stopped-no-new-answer",
                        &[("id", &text::visible_id(&id))]
                    )
                );
                return stop.exit();
            }
        };
        // Whatever ended it, a check with answers is saved before the program ends.
        let record = self.save(&flow, status)?;
        self.saved(&flow, &record)?;
        if self.baseline {
            self.mark_baseline(&record)?;
        }
        stop.map_or(Ok(()), Stop::exit)
    }

    /// `--baseline`, once the check-in is saved: marks it, unless it was stopped.
    fn mark_baseline(&self, record: &CheckIn) -> Result<(), Error> {
        match record.status {
            Status::Completed => baseline::mark(self.ctx, self.store, record),
            Status::Stopped => {
                console::say_wrapped(&t("check-stopped-not-baseline"));
                Ok(())
            }
        }
    }

    /// Saves the answers as a new record (a resumed check-in's stopped one stays in
    /// the log as it was). If the log cannot take it, the error says where the
    /// answers are kept instead.
    fn save(&self, flow: &Flow<'b>, status: Status) -> Result<CheckIn, Error> {
        let mut record = flow.to_record(
            record::new_id(self.started, store::id_noise()),
            status,
            self.started,
            now(),
            &self.chosen.region.code,
        );
        record.completes = self.stopped.as_ref().map(|s| s.id.clone());
        if self.guided {
            // After Ctrl-C the person should see at once that something is
            // happening. The signals stay caught until the process ends, so another
            // one cannot cut this short.
            crate::sayln!();
            crate::sayln!("{}", t("check-saving"));
        }
        if let Err(e) = self.store.append(&record, &mut |t| self.ctx.warn(t)) {
            // The person must know their answers are not in the log, and where they
            // are.
            return Err(self.not_saved(&record, e));
        }
        Ok(record)
    }

    /// After the save: the receipt, where it was saved, and `--json`'s record.
    fn saved(&self, flow: &Flow<'b>, record: &CheckIn) -> Result<(), Error> {
        let log = self.store.log_path();
        crate::sayln!();
        crate::say!(
            "{}",
            receipt::render_at(
                record,
                Some(self.bank),
                &self.chosen.region,
                console::text_width().unwrap_or(receipt::WIDTH)
            )
        );
        crate::sayln!();
        match record.status {
            Status::Completed => {
                console::say_wrapped(&t_args(
                    "check-saved",
                    &[("path", &log.display().to_string()), ("id", &record.id)],
                ));
                if let Some(s) = &self.stopped {
                    console::say_wrapped(&t_args(
                        "check-finishes-stopped",
                        &[("id", &text::visible_id(&s.id))],
                    ));
                }
            }
            Status::Stopped => console::say_wrapped(&t_count(
                "check-saved-stopped",
                ("count", flow.answered() as u64),
                &[("path", &log.display().to_string()), ("id", &record.id)],
            )),
        }
        if self.no_profile {
            crate::sayln!("{}", t("check-no-profile-note"));
        }
        if self.json {
            self.ctx.out_json(record)?;
        }
        Ok(())
    }

    /// A save that failed: keeps the answers in a rescue copy (or, failing that, on
    /// the screen) and says in one line where they are and how to add them later.
    fn not_saved(&self, record: &CheckIn, e: StoreError) -> Error {
        if self.json {
            // Whatever else fails, the record reaches whoever asked for it.
            let _ = self.ctx.out_json(record);
        }
        // A mark needs its check-in in the log.
        let unmarked = if self.baseline {
            t_args(
                "check-rescue-unmarked",
                &[("id", &text::visible_id(&record.id))],
            )
        } else {
            String::new()
        };
        match self.store.rescue(record) {
            Ok(path) => Error::Runtime(t_args(
                "check-rescued",
                &[
                    ("error", &e.to_string()),
                    ("path", &path.display().to_string()),
                    ("unmarked", &unmarked),
                ],
            )),
            Err(reason) => {
                // The rescue copy is the same JSON: if it could not be formatted,
                // neither can this line, and the reason above says so.
                if let Ok(line) = record.to_line() {
                    crate::say!("{line}");
                }
                Error::Runtime(t_args(
                    "check-not-rescued",
                    &[
                        ("error", &e.to_string()),
                        ("reason", &reason.to_string()),
                        ("unmarked", &unmarked),
                    ],
                ))
            }
        }
    }
}

/// A stopped check-in carries on with whoever answered it, in their words: its
/// flow and the alerts it raised move to that bank. A flag or file that says
/// otherwise is not used, and a note says so.
fn answered_as_before<'b>(
    mut r: resume::Resumable<'b>,
    words: Words<'b>,
    asked_for: Option<Respondent>,
) -> Result<resume::Resumable<'b>, Error> {
    let who = r.stopped.respondent;
    if asked_for.is_some_and(|asked| asked != who) {
        crate::sayln!(
            "{}",
            t_args("note", &[("text", &t("caregiver-kept-stopped"))])
        );
    }
    if who != Respondent::Myself {
        let worded = words.for_who(who)?;
        r.flow.set_respondent(who, worded);
        r.holding = r
            .holding
            .iter()
            .filter_map(|rule| worded.alert(&rule.id))
            .collect();
    }
    Ok(r)
}

/// Prints an alert on stderr as the scripted mode raises it.
struct StderrEvents<'a> {
    chosen: &'a Chosen,
    color: bool,
}

impl scripted::Events for StderrEvents<'_> {
    fn alert(&mut self, rule: &AlertRule) {
        crate::say!("{}", alert::render(rule, self.chosen, self.color));
    }
    fn notice(&mut self, text: &str) {
        crate::sayln!("{}", t_args("note", &[("text", text)]));
    }
    fn now(&self) -> Option<DateTime<FixedOffset>> {
        Some(now())
    }
}

#[cfg(test)]
mod tests {
    use super::{End, Ending, Stop};
    use crate::answer::Answer;
    use crate::bank::Bank;
    use crate::flow::Flow;
    use crate::record::{CheckIn, Status};

    /// A flow with the first question (yes/no) answered.
    fn answered(bank: &Bank) -> Flow<'_> {
        let mut flow = Flow::new(bank);
        flow.answer(Answer::Yes(false));
        flow
    }

    fn stopped_with(flow: &Flow<'_>) -> CheckIn {
        let now = chrono::Local::now().fixed_offset();
        flow.to_record("earlier".into(), Status::Stopped, now, now, "US")
    }

    #[test]
    fn every_ending_with_answers_is_one_that_saves() {
        let bank = Bank::bundled().expect("the built-in bank");
        for stop in [
            Stop::Interrupted,
            Stop::Terminated,
            Stop::HungUp,
            Stop::AtAlert,
        ] {
            let end = End::of(answered(&bank), Ending::Stopped(stop), None);
            assert!(matches!(end, End::Stopped(_, s) if s == stop), "{stop:?}");
        }
        assert!(matches!(
            End::of(answered(&bank), Ending::Completed, None),
            End::Completed(_)
        ));
    }

    #[test]
    fn a_stop_with_nothing_new_saves_nothing() {
        let bank = Bank::bundled().expect("the built-in bank");
        let end = End::of(Flow::new(&bank), Ending::Stopped(Stop::Interrupted), None);
        assert!(matches!(end, End::NoAnswer(Stop::Interrupted)));
        // A resumed check-in stopped again before any new answer.
        let earlier = stopped_with(&answered(&bank));
        let end = End::of(
            answered(&bank),
            Ending::Stopped(Stop::HungUp),
            Some(&earlier),
        );
        assert!(matches!(end, End::NoNewAnswer(Stop::HungUp, ref id) if id == "earlier"));
        assert!(matches!(
            End::of(answered(&bank), Ending::NotStarted, None),
            End::NotStarted
        ));
    }

    #[test]
    fn each_stop_ends_with_its_exit_code() {
        assert_eq!(
            Stop::Interrupted.exit().map_err(|e| e.exit_code()),
            Err(130)
        );
        assert_eq!(Stop::Terminated.exit().map_err(|e| e.exit_code()), Err(143));
        assert_eq!(Stop::HungUp.exit().map_err(|e| e.exit_code()), Err(129));
        assert!(Stop::AtAlert.exit().is_ok());
    }
}
