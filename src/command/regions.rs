//! `sidecheck regions`: every region's emergency, crisis and poison numbers, with
//! where each number comes from. Needs no bank and no data folder.

use super::Context;
use crate::cli::RegionsArgs;
use crate::error::Error;
use crate::i18n::{self, Lang, t, t_args};
use crate::region;

pub fn run(ctx: &Context<'_>, args: &RegionsArgs) -> Result<(), Error> {
    let all = region::all();
    if args.json {
        return ctx.out_json(&all);
    }
    let mut s = String::new();
    for r in &all {
        s.push_str(&format!("{}  {}\n", r.code, r.name_shown()));
        for (line, p) in r.phones() {
            let caution = p
                .caution
                .as_deref()
                .map(|c| format!(" [{c}]"))
                .unwrap_or_default();
            // The Spanish way of reaching a line has a source of its own.
            let spanish_source =
                p.es.as_ref()
                    .and_then(|e| e.source.as_deref())
                    .filter(|_| i18n::current() == Lang::Es)
                    .map(|e| format!("; {e}"))
                    .unwrap_or_default();
            s.push_str(&format!(
                "    {}: {} - {}{caution}\n      {}\n",
                line.title(),
                p.how_to_reach(),
                p.name_shown(),
                t_args(
                    "regions-source",
                    &[
                        ("source", &format!("{}{spanish_source}", p.source)),
                        ("checked", &p.checked.to_string()),
                    ],
                ),
            ));
        }
        if !r.covers.is_empty() {
            s.push_str(&format!(
                "    {}\n",
                t_args("regions-covers", &[("codes", &r.covers.join(" "))])
            ));
        }
    }
    s.push_str(&format!("\n{}\n", t("regions-elsewhere")));
    ctx.out(&s)
}
