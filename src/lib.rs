//! sidecheck: a private, plain-language self-check for medication side effects,
//! withdrawal and dependence.
//!
//! The pure core is [`bank`] (the question bank as data), [`flow`] (what is asked
//! next, follow-ups, urgent rules), [`grades`] (what the answers mean in numbers)
//! and [`record`]. Around it sit thin edges:
//! [`terminal`] and [`scripted`] front ends, the [`store`] for the private log, and
//! the commands in this file that tie them together.

pub mod alert;
pub mod answer;
pub mod bank;
pub mod checkins;
pub mod cli;
pub mod console;
pub mod error;
pub mod export;
pub mod flow;
pub mod grades;
pub mod history;
pub mod json_error;
pub mod profile;
#[cfg(unix)]
pub mod prompt;
pub mod record;
pub mod region;
pub mod report;
pub mod resume;
pub mod scan;
pub mod schema;
pub mod scripted;
pub mod store;
pub mod summary;
pub mod terminal;
pub mod text;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local};
use serde_json::{Value, json};

use crate::bank::{Bank, Kind};
use crate::cli::{BankCommand, CheckArgs, Cli, Command, ProfileArgs};
use crate::error::Error;
use crate::flow::Flow;
use crate::profile::{Profile, ProfileFile};
use crate::record::{CheckIn, Status};
use crate::region::Chosen;
use crate::store::Store;
use crate::terminal::Ending;
use crate::text::io_reason;

/// Runs one command line.
pub fn run(cli: Cli) -> Result<(), Error> {
    region::check().map_err(Error::Runtime)?;
    let command = cli.command.as_ref();
    match command {
        None => check(&cli, &CheckArgs::default()),
        Some(Command::Check(args)) => check(&cli, args),
        Some(Command::Show(args)) => show(&cli, &args.which, args.json),
        Some(Command::Bank(BankCommand::Validate { files })) => validate(files),
        Some(Command::Bank(BankCommand::Schema)) => out(&bank::schema_json()),
        Some(Command::Bank(BankCommand::Questions { json })) => questions(&cli, *json),
        Some(Command::Regions(args)) => regions(args.json),
        Some(Command::History(args)) => history::run(&cli, args),
        Some(Command::Export(args)) => export::run(&cli, args),
        Some(Command::Import(args)) => import(&cli, &args.file),
        Some(Command::Profile(args)) => profile(&cli, args),
    }
}

/// Writes to stdout. A closed pipe (`sidecheck ... | head`) is not an error.
pub fn out(text: &str) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Runtime(format!(
            "cannot write the output: {}",
            io_reason(&e)
        ))),
        Ok(()) => Ok(()),
    }
}

fn warn(text: String) {
    crate::sayln!("sidecheck: warning: {text}");
}

fn load_bank(cli: &Cli) -> Result<Bank, Error> {
    Ok(match &cli.bank {
        Some(path) => Bank::load(path)?,
        None => Bank::bundled()?,
    })
}

fn choose_region(cli: &Cli) -> Result<Chosen, Error> {
    region::choose(cli.region.as_deref(), |k| std::env::var(k).ok())
        .map_err(|e| Error::Input(e.to_string()))
}

fn store(cli: &Cli) -> Result<Store, Error> {
    match cli.data_dir.clone().or_else(store::default_dir) {
        Some(dir) if dir.as_os_str().is_empty() => Err(Error::Input(
            "the data folder is empty; give a folder with --data-dir DIR".into(),
        )),
        Some(dir) => Ok(Store::new(dir)),
        None => Err(Error::Input(
            "cannot find a home folder for the log; give one with --data-dir DIR".into(),
        )),
    }
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn color_on_stderr() -> bool {
    alert::color_allowed(io::stderr().is_terminal(), std::env::var("NO_COLOR").ok())
}

/// Prints an alert on stderr as the scripted mode raises it.
struct StderrEvents<'a> {
    chosen: &'a Chosen,
    color: bool,
}

impl scripted::Events for StderrEvents<'_> {
    fn alert(&mut self, rule: &bank::AlertRule) {
        crate::say!("{}", alert::render(rule, self.chosen, self.color));
    }
    fn notice(&mut self, text: &str) {
        crate::sayln!("sidecheck: note: {text}");
    }
    fn now(&self) -> Option<DateTime<FixedOffset>> {
        Some(now())
    }
}

/// What messages call an answers file: its path, or "standard input" for `-`.
fn answers_name(source: &str) -> &str {
    if source == "-" {
        "standard input"
    } else {
        source
    }
}

fn read_answers(source: &str) -> Result<String, Error> {
    let name = answers_name(source);
    let mut bytes = Vec::new();
    let read = if source == "-" {
        io::stdin()
            .lock()
            .take(scripted::MAX_ANSWERS_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(source).and_then(|f| {
            f.take(scripted::MAX_ANSWERS_BYTES + 1)
                .read_to_end(&mut bytes)
        })
    };
    read.map_err(|e| {
        Error::Input(format!(
            "cannot read the answers file {name} ({}); check the path",
            io_reason(&e)
        ))
    })?;
    if bytes.len() as u64 > scripted::MAX_ANSWERS_BYTES {
        return Err(Error::Input(format!(
            "{name}: the answers file is larger than 64 MiB; it cannot be an answers file"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let (line, col) = json_error::line_col(e.as_bytes(), e.utf8_error().valid_up_to());
        Error::Input(format!(
            "{name}: line {line}, column {col}: the file is not valid UTF-8 text; save it as UTF-8"
        ))
    })
}

fn check(cli: &Cli, args: &CheckArgs) -> Result<(), Error> {
    let bank = load_bank(cli)?;
    let chosen = choose_region(cli)?;
    let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
    // Never wait on a terminal that is not there.
    if args.answers.is_none() && !interactive {
        return Err(Error::Input(
            "no terminal to ask questions in; run it in a terminal, or give answers with --answers FILE (see --help)".into(),
        ));
    }
    let answers = match &args.answers {
        Some(source) => {
            let name = answers_name(source);
            Some((
                name,
                scripted::Answers::parse(name, &read_answers(source)?)?,
            ))
        }
        None => None,
    };
    let store = store(cli)?;
    let color = color_on_stderr();
    let mut started = now();
    // The saved "about you" answers. A file that cannot be used is said in one line
    // and the check goes on without it; it is not asked again or overwritten here.
    let (saved_profile, profile_usable) = match store.load_profile() {
        Ok(p) => (p.map(|f| f.answers).unwrap_or_default(), true),
        Err(e) => {
            warn(e);
            (Profile::default(), false)
        }
    };

    // `--resume`: the stopped check-in to finish, or one line on why a new one starts.
    let resumed = if args.resume {
        match resume::find(checkins::latest(&store)?, &bank, started) {
            Ok(r) => Some(r),
            Err(why) => {
                crate::sayln!("sidecheck: note: {why}.");
                None
            }
        }
    } else {
        None
    };
    // Its answers, and the urgent alerts they raised, before any question: a person
    // carrying on days later must see the alerts again. The guided check shows them
    // right above its first prompt, after the intro, so they stay on the screen.
    let listed = resumed
        .as_ref()
        .map(|r| resume::earlier_answers(r, answers.is_none()));
    let holding = resumed
        .as_ref()
        .map(|r| r.holding.clone())
        .unwrap_or_default();
    let earlier = |color: bool| {
        let mut text = String::new();
        if let Some(list) = &listed {
            text.push('\n');
            text.push_str(list);
        }
        if !holding.is_empty() {
            text.push_str("These answers raised urgent alerts, and they still apply:\n");
        }
        for rule in &holding {
            text.push('\n');
            text.push_str(&alert::render(rule, &chosen, color));
        }
        text
    };
    if answers.is_some() {
        crate::say!("{}", earlier(color));
    }
    if let Some(r) = &resumed {
        // The check-in is the one that started then; its answers go back that far.
        started = r.stopped.started_at;
    }
    let (stopped, restored) = match resumed {
        Some(r) => (Some(r.stopped), Some(r.flow)),
        None => (None, None),
    };

    // A scripted check with no "about you" answers says so once it is saved.
    let mut no_profile = false;
    let (flow, status, code) = match &answers {
        Some((name, answers)) => {
            let mut events = StderrEvents {
                chosen: &chosen,
                color,
            };
            // The answers are already given, so their alerts come first: an urgent
            // answer is shown even when the log turns out to be unusable. The save
            // below checks the log; if it cannot save, the answers go to a rescue copy.
            let from_file = answers.profile(&bank, name)?;
            let flow = match restored {
                Some(flow) => {
                    if from_file.is_some() {
                        scripted::Events::notice(
                            &mut events,
                            "kept the \"about you\" answers of the stopped check-in; the \"profile\" in the answers file was not used",
                        );
                    }
                    scripted::run_from(flow, name, answers, &mut events)?
                }
                None => {
                    let profile = saved_profile.merged(&from_file.unwrap_or_default());
                    no_profile = profile.for_bank(&bank).is_empty() && !bank.profile.is_empty();
                    let flow = Flow::with_profile(&bank, profile);
                    scripted::run_from(flow, name, answers, &mut events)?
                }
            };
            (flow, Status::Completed, None)
        }
        None => {
            // Before the first question: nobody should answer everything and then
            // lose it.
            store.check_writable(&mut warn)?;
            let mut hint = String::new();
            // A resumed check-in carries on with the answers it was begun with.
            let fresh = restored.is_none();
            let mut flow = match restored {
                Some(flow) => flow,
                None => {
                    // After a hang-up or a signal: the stopped check-in can be
                    // finished instead. Only a hint, so a log that cannot be read
                    // here says nothing.
                    if !args.resume
                        && let Ok(r) = checkins::latest(&store)
                            .map_err(|_| String::new())
                            .and_then(|latest| resume::find(latest, &bank, started))
                    {
                        hint = format!("\n{}\n", resume::notice(&r));
                    }
                    Flow::with_profile(&bank, saved_profile.clone())
                }
            };
            let before = |color: bool| format!("{hint}{}", earlier(color));
            // Asked once: the items with no saved answer, kept as soon as they are given.
            let mut keep = |p: &Profile| -> String {
                match store.save_profile(&ProfileFile::new(p.clone(), now()), &mut warn) {
                    Ok(()) => format!(
                        "Kept in {}. You can change these answers with `sidecheck profile`.",
                        store.profile_path().display()
                    ),
                    Err(e) => format!(
                        "{e}. This check-in still uses them; run `sidecheck profile` later to keep them."
                    ),
                }
            };
            let about: Option<terminal::SaveProfile<'_>> =
                (fresh && profile_usable).then_some(&mut keep);
            let ending = terminal::run(&mut flow, &chosen, color, &before, about)?;
            match ending {
                Ending::Completed => (flow, Status::Completed, None),
                Ending::NotStarted => {
                    match &stopped {
                        Some(s) => crate::sayln!(
                            "You did not carry on. Nothing new was saved; check-in {} can still be finished with `sidecheck check --resume`.",
                            text::visible_id(&s.id)
                        ),
                        None => crate::sayln!("You did not start the check. Nothing was saved."),
                    }
                    return Ok(());
                }
                Ending::Interrupted => (flow, Status::Stopped, Some(Error::Interrupted)),
                Ending::Terminated => (flow, Status::Stopped, Some(Error::Terminated)),
                Ending::HungUp => (flow, Status::Stopped, Some(Error::HungUp)),
                Ending::StoppedAtAlert => (flow, Status::Stopped, None),
            }
        }
    };

    if status == Status::Stopped && flow.answered() == 0 {
        crate::sayln!();
        crate::sayln!("Stopped before any answer. Nothing was saved.");
        return code.map_or(Ok(()), Err);
    }
    if let Some(s) = &stopped
        && status == Status::Stopped
        && flow.answer_records() == s.answers
    {
        crate::sayln!();
        crate::sayln!(
            "Stopped before any new answer. Nothing new was saved; to finish check-in {} later, run `sidecheck check --resume`.",
            text::visible_id(&s.id)
        );
        return code.map_or(Ok(()), Err);
    }
    let mut record = flow.to_record(
        record::new_id(started, store::id_noise()),
        status,
        started,
        now(),
        &chosen.region.code,
    );
    // A new record; the stopped one stays in the log as it was.
    record.completes = stopped.as_ref().map(|s| s.id.clone());
    if args.answers.is_none() {
        // After Ctrl-C the person should see at once that something is happening. The
        // signals stay caught until the process ends, so another one cannot cut this short.
        crate::sayln!();
        crate::sayln!("Saving…");
    }
    if let Err(e) = store.append(&record, &mut warn) {
        // The person must know their answers are not in the log, and where they are.
        return Err(not_saved(&store, &record, args.json, e));
    }
    crate::sayln!();
    crate::say!("{}", summary::render(&record, Some(&bank), &chosen.region));
    crate::sayln!();
    match status {
        Status::Completed => {
            console::say_wrapped(&format!(
                "Saved to {} (check-in {}).",
                store.log_path().display(),
                record.id
            ));
            if let Some(s) = &stopped {
                console::say_wrapped(&format!(
                    "It finishes the check-in you stopped ({}); history and exports show the two as this one.",
                    text::visible_id(&s.id)
                ));
            }
        }
        Status::Stopped => console::say_wrapped(&format!(
            "Stopped. {} so far {} saved as an incomplete check-in in {} (check-in {}). To finish it later, run `sidecheck check --resume`.",
            match flow.answered() {
                1 => "Your 1 answer".to_string(),
                n => format!("Your {n} answers"),
            },
            if flow.answered() == 1 { "was" } else { "were" },
            store.log_path().display(),
            record.id
        )),
    }
    if no_profile {
        crate::sayln!(
            "sidecheck: note: no \"about you\" answers are saved, so this check-in used none; set them with `sidecheck profile --set kidney=yes,older=no` or a \"profile\" object in the answers file."
        );
    }
    if args.json {
        out(&format!("{}\n", pretty(&record)?))?;
    }
    code.map_or(Ok(()), Err)
}

/// A save that failed: keeps the answers in a rescue copy (or, failing that, on the
/// screen) and says in one line where they are and how to add them later.
fn not_saved(store: &Store, record: &CheckIn, json: bool, e: store::StoreError) -> Error {
    if json {
        // Whatever else fails, the record reaches whoever asked for it.
        let _ = pretty(record).and_then(|p| out(&format!("{p}\n")));
    }
    match store.rescue(record) {
        Ok(path) => Error::Runtime(format!(
            "{e}; your answers are kept in {} (private, mode 600): once the log works again, add them with: sidecheck import {}",
            path.display(),
            path.display()
        )),
        Err(reason) => {
            // The rescue copy is the same JSON: if it could not be formatted, neither
            // can this line, and the reason above says so.
            if let Ok(line) = record.to_line() {
                crate::say!("{line}");
            }
            Error::Runtime(format!(
                "{e}; a rescue copy could not be written either ({reason}); the check-in is printed above as one JSON line: save it in a file and add it later with: sidecheck import FILE"
            ))
        }
    }
}

/// `sidecheck import FILE`: adds a rescued check-in to the log, once.
fn import(cli: &Cli, file: &std::path::Path) -> Result<(), Error> {
    let name = file.display();
    let bad = |why: String| {
        Error::Input(format!(
            "{name} is not a check-in that sidecheck can import ({why}); give a rescue file written by sidecheck"
        ))
    };
    // A rescue file is the record pretty-printed, so allow more than one log line.
    let limit = 4 * store::MAX_LINE as u64;
    if std::fs::metadata(file).is_ok_and(|m| !m.is_file()) {
        return Err(bad("it is not a regular file".into()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            Error::Input(format!(
                "cannot read {name} ({}); check the path",
                io_reason(&e)
            ))
        })?;
    if bytes.len() as u64 > limit {
        return Err(bad("it is far larger than a check-in".into()));
    }
    let text = String::from_utf8(bytes).map_err(|_| bad("it is not UTF-8 text".into()))?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| bad(format!("not JSON: {}", json_error::json_reason(&e))))?;
    if let Some(version) = value.get("schema").and_then(Value::as_u64)
        && version > u64::from(record::RECORD_VERSION)
    {
        return Err(Error::Input(format!(
            "{name} was written by a newer sidecheck (record version {version}); update sidecheck, then import it"
        )));
    }
    let record: CheckIn =
        serde_json::from_value(value).map_err(|e| bad(json_error::json_reason(&e)))?;
    if record.id.trim().is_empty() {
        return Err(bad("its id is empty".into()));
    }
    let store = store(cli)?;
    let log = store.log_path();
    match store.import(&record, &mut warn)? {
        store::Imported::Added => crate::sayln!(
            "Added check-in {} from {name} to {}. You can delete {name} now.",
            record.id,
            log.display()
        ),
        store::Imported::AlreadyThere => crate::sayln!(
            "Check-in {} is already in {}; nothing was changed. You can delete {name}.",
            record.id,
            log.display()
        ),
    }
    Ok(())
}

/// `sidecheck profile`: shows the "about you" answers; changes them from `--set`,
/// `--answers`, or (in a terminal) by asking; saves them whole.
fn profile(cli: &Cli, args: &ProfileArgs) -> Result<(), Error> {
    let bank = load_bank(cli)?;
    if bank.profile.is_empty() {
        return Err(Error::Input(format!(
            "the question bank {} asks nothing \"about you\", so there is nothing to show or set",
            bank.id
        )));
    }
    let store = store(cli)?;
    let saved = store.load_profile().map_err(Error::Runtime)?;
    let current = saved
        .as_ref()
        .map(|f| f.answers.for_bank(&bank))
        .unwrap_or_default();
    let change = if !args.set.is_empty() {
        Some(Profile::parse_settings(&bank, &args.set).map_err(Error::Input)?)
    } else if let Some(source) = &args.answers {
        let name = answers_name(source);
        let value: Value = serde_json::from_str(text::without_bom(&read_answers(source)?))
            .map_err(|e| Error::Input(json_error::json_error(name, &e)))?;
        Some(Profile::from_json(&bank, &value).map_err(|e| Error::Input(format!("{name}: {e}")))?)
    } else {
        None
    };
    let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
    let updated = match change {
        Some(c) => Some(current.merged(&c)),
        None if !args.json && interactive => {
            out(&profile_text(&bank, &store, saved.as_ref(), &current))?;
            terminal::edit_profile(&bank, &current)?
        }
        None => None,
    };
    let Some(new) = updated else {
        if args.json {
            return out(&profile_json(&bank, &store, saved.as_ref(), &current)?);
        }
        if !interactive {
            out(&profile_text(&bank, &store, saved.as_ref(), &current))?;
        } else {
            crate::sayln!("Nothing was changed.");
        }
        return Ok(());
    };
    let file = ProfileFile::new(new.clone(), now());
    store
        .save_profile(&file, &mut warn)
        .map_err(Error::Runtime)?;
    if args.json {
        return out(&profile_json(&bank, &store, Some(&file), &new)?);
    }
    crate::sayln!("Saved to {}.", store.profile_path().display());
    out(&profile_text(&bank, &store, Some(&file), &new))
}

fn profile_text(bank: &Bank, store: &Store, file: Option<&ProfileFile>, p: &Profile) -> String {
    let mut s = match file {
        Some(f) => format!(
            "Your \"about you\" answers ({}, changed {}):\n",
            store.profile_path().display(),
            report::minute(&f.updated_at)
        ),
        None => {
            "No \"about you\" answers are saved yet. They are asked at your first guided check.\n"
                .to_string()
        }
    };
    for line in p.lines(bank) {
        s.push_str(&format!("  {line}\n"));
    }
    s.push_str("Change them with `sidecheck profile` in a terminal, or for example `sidecheck profile --set kidney=no`.\n");
    s
}

fn profile_json(
    bank: &Bank,
    store: &Store,
    file: Option<&ProfileFile>,
    p: &Profile,
) -> Result<String, Error> {
    let items: Vec<Value> = bank
        .profile
        .iter()
        .map(|item| {
            json!({
                "id": item.id,
                "short": item.short,
                "text": item.text,
                "answer": p.get(&item.id),
            })
        })
        .collect();
    let v = json!({
        "file": store.profile_path().display().to_string(),
        "saved": file.is_some(),
        "updated_at": file.map(|f| text::rfc3339(&f.updated_at)),
        "answers": p,
        "items": items,
    });
    Ok(format!("{}\n", pretty(&v)?))
}

fn pretty(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Error::Runtime(format!("cannot format the output: {e}")))
}

fn show(cli: &Cli, which: &str, json: bool) -> Result<(), Error> {
    let store = store(cli)?;
    let log = store.log_path();
    let log = log.display();
    let mut lookup = store.lookup(which, &mut warn)?;
    if let store::Lookup::Ambiguous(_) = lookup {
        // Copies of one line are one check-in, not an ambiguous prefix.
        lookup = checkins::lookup_distinct(&store, which)?;
    }
    let record = match lookup {
        store::Lookup::Found(r) => r,
        store::Lookup::NotFound if which == "last" => {
            return Err(Error::Input(format!(
                "no check-ins are saved yet (looked in {log}); run `sidecheck` to make one"
            )));
        }
        store::Lookup::NotFound => {
            return Err(Error::Input(format!(
                "no check-in in {log} has an id starting with \"{which}\"; `sidecheck history` lists them, or use `sidecheck show last`"
            )));
        }
        store::Lookup::Ambiguous(matches) => {
            return Err(Error::Input(format!(
                "\"{which}\" matches {matches} check-ins in {log}; give more of the id (`sidecheck history` lists them)"
            )));
        }
    };
    // A stopped check-in that a later one finished is not a check-in of its own.
    let later = match record.status {
        Status::Stopped => checkins::continued_by(&store, &record.id)?,
        Status::Completed => None,
    };
    let mut about = String::new();
    if let Some(l) = &later {
        about = format!(
            "This stopped check-in was {} later by check-in {}, which holds these answers and the rest; history and exports show only that one (`sidecheck show {}`).\n\n",
            match l.status {
                Status::Completed => "completed",
                Status::Stopped => "continued (and stopped again)",
            },
            text::visible_id(&l.id),
            text::visible_id(&l.id)
        );
    } else if let Some(prev) = &record.completes {
        about = format!(
            "This check-in finishes the stopped check-in {}: it holds those answers and the rest.\n\n",
            text::visible_id(prev)
        );
    }
    if json {
        if !about.is_empty() {
            crate::sayln!("sidecheck: note: {}", about.trim_end());
        }
        return out(&format!("{}\n", pretty(&record)?));
    }
    let bank = load_bank(cli).ok();
    let region = region::for_code(&record.region);
    out(&format!(
        "{about}{}",
        summary::render(&record, bank.as_ref(), &region)
    ))
}

fn validate(files: &[PathBuf]) -> Result<(), Error> {
    let mut failed = 0;
    for f in files {
        match Bank::load(f) {
            Ok(b) => crate::sayln!(
                "{}: ok ({} questions, {} alert rules)",
                f.display(),
                b.questions.len(),
                b.alerts.len()
            ),
            Err(e) => {
                failed += 1;
                crate::sayln!("{e}");
            }
        }
    }
    if failed > 0 {
        return Err(Error::Input(format!(
            "{failed} of {} bank file(s) have problems; fix each one listed above",
            files.len()
        )));
    }
    Ok(())
}

/// One row of `bank questions`.
fn question_json(bank: &Bank, q: &bank::Question) -> Value {
    let alerts: Vec<Value> = bank
        .alerts_for(&q.id)
        .into_iter()
        .map(|a| json!({"id": a.id, "level": a.level}))
        .collect();
    let mut v = json!({
        "id": q.id,
        "section": q.section,
        "kind": q.kind,
        "text": q.text,
        "answers": bank.expected(q),
    });
    if q.kind == Kind::Scale {
        v["options"] = json!(bank.options(q));
    }
    if q.kind == Kind::Number {
        v["unit"] = json!(q.unit);
        v["min"] = json!(q.min);
        v["max"] = json!(q.max);
    }
    v["condition"] = match &q.when {
        Some(c) => json!(c.to_string()),
        None => Value::Null,
    };
    v["can_alert"] = json!(!alerts.is_empty());
    v["alerts"] = Value::Array(alerts);
    v
}

fn questions(cli: &Cli, json: bool) -> Result<(), Error> {
    let bank = load_bank(cli)?;
    if json {
        let rows: Vec<Value> = bank
            .questions
            .iter()
            .map(|q| question_json(&bank, q))
            .collect();
        return out(&format!("{}\n", pretty(&rows)?));
    }
    let mut s = format!(
        "{} (bank {} {}, {})\n",
        bank.title, bank.id, bank.version, bank.language
    );
    for q in &bank.questions {
        s.push_str(&format!(
            "\n{}  [{}, {}]\n",
            q.id,
            q.section,
            q.kind.as_str()
        ));
        s.push_str(&format!("  {}\n", q.text));
        s.push_str(&format!("  answers: {}\n", bank.expected(q)));
        if q.kind == Kind::Scale {
            let opts: Vec<String> = bank
                .options(q)
                .iter()
                .map(|c| format!("{}={}", c.id, c.score))
                .collect();
            s.push_str(&format!("  options: {}\n", opts.join(", ")));
        }
        if let Some(c) = &q.when {
            s.push_str(&format!("  asked only when: {c}\n"));
        }
        let alerts = bank.alerts_for(&q.id);
        if !alerts.is_empty() {
            let list: Vec<String> = alerts
                .iter()
                .map(|a| format!("{} ({})", a.id, a.level.as_str()))
                .collect();
            s.push_str(&format!("  can raise: {}\n", list.join(", ")));
        }
    }
    if !bank.profile.is_empty() {
        s.push_str("\nAbout you (asked once; `sidecheck profile`, or \"profile\": {\"ID\": true} in an answers file):\n");
        for item in &bank.profile {
            s.push_str(&format!(
                "\n{}  [profile, yes_no]\n  {}\n",
                item.id, item.text
            ));
        }
    }
    out(&s)
}

fn regions(json: bool) -> Result<(), Error> {
    let all = region::all();
    if json {
        return out(&format!("{}\n", pretty(&all)?));
    }
    let mut s = String::new();
    for r in &all {
        s.push_str(&format!("{}  {}\n", r.code, r.name));
        for (line, p) in r.phones() {
            let caution = p
                .caution
                .as_deref()
                .map(|c| format!(" [{c}]"))
                .unwrap_or_default();
            s.push_str(&format!(
                "    {}: {} - {}{caution}\n      source: {}; checked {}\n",
                line.title(),
                p.how_to_reach(),
                p.name,
                p.source,
                p.checked
            ));
        }
        if !r.covers.is_empty() {
            s.push_str(&format!("    Also used for: {}\n", r.covers.join(" ")));
        }
    }
    s.push_str("\nAnywhere else, alerts say to call your local emergency number.\nUse --region CODE to choose. Numbers change: check them with a local source.\n");
    out(&s)
}
