//! `sidecheck regions`: every region's emergency, crisis and poison numbers, with
//! where each number comes from. Needs no bank and no data folder.

use super::Context;
use crate::cli::RegionsArgs;
use crate::error::Error;
use crate::region;

pub fn run(ctx: &Context<'_>, args: &RegionsArgs) -> Result<(), Error> {
    let all = region::all();
    if args.json {
        return ctx.out_json(&all);
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
    ctx.out(&s)
}
