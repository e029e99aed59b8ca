//! `sidecheck profile`: shows the "about you" answers; changes them from `--set`,
//! `--answers`, or (in a terminal) by asking; saves them whole.

use crate::i18n::{t, t_args};
use serde_json::{Value, json};

use super::context::now;
use super::{Context, answers_file};
use crate::bank::Bank;
use crate::cli::ProfileArgs;
use crate::error::Error;
use crate::json_error;
use crate::profile::{Profile, ProfileFile};
use crate::report;
use crate::store::Store;
use crate::terminal;
use crate::text;

pub fn run(ctx: &Context<'_>, args: &ProfileArgs) -> Result<(), Error> {
    let bank = ctx.bank()?;
    if bank.profile.is_empty() {
        return Err(Error::Input(t_args(
            "profile-bank-asks-nothing",
            &[("bank", &bank.id)],
        )));
    }
    let store = ctx.store()?;
    let saved = store.load_profile().map_err(Error::Runtime)?;
    let current = saved
        .as_ref()
        .map(|f| f.answers.for_bank(bank))
        .unwrap_or_default();
    let change = change(bank, args)?;
    let interactive = ctx.interactive();
    let updated = match change {
        Some(c) => Some(current.merged(&c)),
        None if !args.json && interactive => {
            ctx.out(&profile_text(bank, store, saved.as_ref(), &current))?;
            terminal::edit_profile(bank, &current)?
        }
        None => None,
    };
    let Some(new) = updated else {
        if args.json {
            return ctx.out_json(&profile_json(bank, store, saved.as_ref(), &current));
        }
        if !interactive {
            ctx.out(&profile_text(bank, store, saved.as_ref(), &current))?;
        } else {
            crate::sayln!("{}", t("profile-nothing-changed"));
        }
        return Ok(());
    };
    let file = ProfileFile::new(new.clone(), now());
    store
        .save_profile(&file, &mut |t| ctx.warn(t))
        .map_err(Error::Runtime)?;
    if args.json {
        return ctx.out_json(&profile_json(bank, store, Some(&file), &new));
    }
    crate::sayln!(
        "{}",
        t_args(
            "profile-saved",
            &[("path", &store.profile_path().display().to_string())]
        )
    );
    ctx.out(&profile_text(bank, store, Some(&file), &new))
}

/// The change asked for without questions: `--set`, or `--answers FILE`.
fn change(bank: &Bank, args: &ProfileArgs) -> Result<Option<Profile>, Error> {
    if !args.set.is_empty() {
        return Ok(Some(
            Profile::parse_settings(bank, &args.set).map_err(Error::Input)?,
        ));
    }
    let Some(source) = &args.answers else {
        return Ok(None);
    };
    let name = answers_file::name(source);
    let value: Value = serde_json::from_str(text::without_bom(&answers_file::read(source)?))
        .map_err(|e| Error::Input(json_error::json_error(name, &e)))?;
    Ok(Some(
        Profile::from_json(bank, &value).map_err(|e| Error::Input(format!("{name}: {e}")))?,
    ))
}

fn profile_text(bank: &Bank, store: &Store, file: Option<&ProfileFile>, p: &Profile) -> String {
    let mut s = match file {
        Some(f) => format!(
            "{}\n",
            t_args(
                "profile-saved-answers",
                &[
                    ("path", &store.profile_path().display().to_string()),
                    ("when", &report::minute(&f.updated_at)),
                ],
            )
        ),
        None => format!("{}\n", t("profile-none-saved")),
    };
    for line in p.lines(bank) {
        s.push_str(&format!("  {line}\n"));
    }
    s.push_str(&format!("{}\n", t("profile-how-to-change")));
    s
}

fn profile_json(bank: &Bank, store: &Store, file: Option<&ProfileFile>, p: &Profile) -> Value {
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
    json!({
        "file": store.profile_path().display().to_string(),
        "saved": file.is_some(),
        "updated_at": file.map(|f| text::rfc3339(&f.updated_at)),
        "answers": p,
        "items": items,
    })
}
