//! `sidecheck show [ID|last]`: one saved check-in, as its receipt or as JSON. It
//! needs the log but not the bank: without the bank the receipt shows ids for
//! titles.
//!
//! It never parses the whole log: `last` is read back from the end, and an id,
//! and the check-in that continues a stopped one, by the start of each line
//! ([`crate::store`]'s `read`); what it finds is what a whole pass would find.

use super::Context;
use crate::checkins;
use crate::cli::ShowArgs;
use crate::console;
use crate::error::Error;
use crate::i18n::t_args;
use crate::receipt;
use crate::record::{CheckIn, Status};
use crate::region;
use crate::store::Lookup;
use crate::text;

pub fn run(ctx: &Context<'_>, args: &ShowArgs) -> Result<(), Error> {
    let record = find(ctx, &args.which)?;
    let about = about(ctx, &record)?;
    if args.json {
        if !about.is_empty() {
            crate::sayln!("{}", t_args("note", &[("text", about.trim_end())]));
        }
        return ctx.out_json(&record);
    }
    let bank = ctx.bank().ok();
    let region = region::for_code(&record.region);
    // On a terminal, as wide as the screen allows; in a file or a pipe, the
    // receipt's own width.
    let width = match std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        true => console::text_width().unwrap_or(receipt::WIDTH),
        false => receipt::WIDTH,
    };
    ctx.out(&format!(
        "{about}{}",
        receipt::render_at(&record, bank, &region, width)
    ))
}

/// The check-in `which` names: an id, the start of one, or `last`. `sidecheck
/// baseline ID` finds its check-in the same way.
pub(super) fn find(ctx: &Context<'_>, which: &str) -> Result<CheckIn, Error> {
    let store = ctx.store()?;
    let log = store.log_path();
    let log = log.display();
    let mut lookup = store.lookup(which, &mut |t| ctx.warn(t))?;
    if let Lookup::Ambiguous(_) = lookup {
        // Copies of one line are one check-in, not an ambiguous prefix.
        lookup = checkins::lookup_distinct(store, which)?;
    }
    match lookup {
        Lookup::Found(r) => Ok(*r),
        Lookup::NotFound if which == "last" => Err(Error::Input(t_args(
            "show-none-saved",
            &[("log", &log.to_string())],
        ))),
        Lookup::NotFound => Err(Error::Input(t_args(
            "show-not-found",
            &[("log", &log.to_string()), ("which", which)],
        ))),
        Lookup::Ambiguous(matches) => Err(Error::Input(t_args(
            "show-ambiguous",
            &[
                ("log", &log.to_string()),
                ("which", which),
                ("matches", &matches.to_string()),
            ],
        ))),
    }
}

/// What the check-in is to the others, in a paragraph (empty for a check-in of its
/// own): a stopped check-in that a later one finished is not a check-in of its own.
fn about(ctx: &Context<'_>, record: &CheckIn) -> Result<String, Error> {
    let later = match record.status {
        Status::Stopped => checkins::continued_by(ctx.store()?, &record.id)?,
        Status::Completed => None,
    };
    Ok(if let Some(l) = &later {
        format!(
            "{}\n\n",
            t_args(
                match l.status {
                    Status::Completed => "show-completed-later",
                    Status::Stopped => "show-continued-later",
                },
                &[("later", &text::visible_id(&l.id))],
            )
        )
    } else if let Some(prev) = &record.completes {
        format!(
            "{}\n\n",
            t_args("show-finishes", &[("stopped", &text::visible_id(prev))])
        )
    } else {
        String::new()
    })
}
