//! How an urgent alert looks: a box that stands out with or without colour, with
//! what to do, the numbers to call for the region, and how to change the region.

use crate::bank::{AlertRule, Hotline, Level};
use crate::console::screen_columns;
use crate::i18n::t_args;
use crate::region::{Chosen, Region};
use crate::text::{bullet, wrap};

/// The widest box, in columns, frame included: it reads well on any terminal.
pub const WIDEST: usize = 72;
/// The narrowest box. Below this the frame would leave too little room for the text.
pub const NARROWEST: usize = 30;
/// What the frame takes from each line: a bar and a space on each side.
const FRAME: usize = 4;

/// Whether colour may be used: only when the output is a terminal and `NO_COLOR` is
/// unset or empty (<https://no-color.org>).
pub fn color_allowed(is_terminal: bool, no_color: Option<String>) -> bool {
    is_terminal && no_color.is_none_or(|v| v.is_empty())
}

/// Fills `{emergency}`, `{crisis}`, `{crisis_contact}` ("call or text 988", "call 116
/// 123") and `{poison}` in bank text with the region's numbers.
///
/// Numbers are filled in the language in use: where the table has only words
/// ("your local emergency number"), they are the words in that language.
pub fn fill_numbers(text: &str, region: &Region) -> String {
    let emergency = region.emergency.call_shown();
    let mut out = text.replace("{emergency}", emergency);
    let crisis = region
        .crisis
        .as_ref()
        .map(|p| p.call_shown())
        .unwrap_or(emergency);
    out = out.replace("{crisis}", crisis);
    let contact = region
        .crisis
        .as_ref()
        .unwrap_or(&region.emergency)
        .how_to_reach();
    out = out.replace("{crisis_contact}", &contact);
    let poison = region
        .poison
        .as_ref()
        .map(|p| p.call_shown())
        .unwrap_or(emergency);
    out.replace("{poison}", poison)
}

/// The lines that say which numbers to call.
pub fn call_lines(rule: &AlertRule, region: &Region) -> Vec<String> {
    let mut lines = Vec::new();
    if !region.knows_numbers() {
        // Only "your local emergency number" is known: say it once.
        if !rule.call.is_empty() {
            lines.push(format!(
                "{}.",
                capitalized(&region.emergency.how_to_reach())
            ));
        }
        return lines;
    }
    for line in &rule.call {
        let Some(phone) = region.phone(*line) else {
            if *line == Hotline::Crisis {
                // No crisis line known here: the emergency number is the way to help.
                lines.push(t_args(
                    "alert-no-crisis-line",
                    &[
                        ("region", region.name_shown()),
                        ("call", region.emergency.call_shown()),
                        ("name", region.emergency.name_shown()),
                    ],
                ));
            }
            continue;
        };
        // The number comes first so wrapping never parts it from "call".
        let mut s = format!(
            "{}: {}",
            capitalized(&phone.how_to_reach()),
            phone.name_shown()
        );
        if let Some(c) = &phone.caution {
            s.push_str(&format!(" ({c})"));
        }
        lines.push(s);
    }
    lines
}

/// "call 911" as the start of a sentence: "Call 911".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The width for boxes on stderr: the terminal's width between [`NARROWEST`] and
/// [`WIDEST`], or the widest when stderr is not a terminal (a file, a pipe).
pub fn box_width() -> usize {
    fit_width(screen_columns())
}

/// The box width for a screen this many columns wide (None: not a terminal).
pub fn fit_width(columns: Option<usize>) -> usize {
    columns.map_or(WIDEST, |c| c.clamp(NARROWEST, WIDEST))
}

/// The alert as a box of text, ready to print on stderr, as wide as the screen allows.
pub fn render(rule: &AlertRule, chosen: &Chosen, color: bool) -> String {
    render_at(rule, chosen, color, box_width())
}

/// The alert as a box `width` columns wide (at least [`NARROWEST`]).
pub fn render_at(rule: &AlertRule, chosen: &Chosen, color: bool, width: usize) -> String {
    let inner = width.max(NARROWEST) - FRAME;
    let region = &chosen.region;
    let mut body: Vec<String> = Vec::new();
    let mark = match rule.level {
        Level::Emergency | Level::Crisis => "!!!",
        Level::Prescriber => "!",
        Level::Advice => "",
    };
    body.extend(wrap(
        format!("{mark} {} {mark}", rule.level.shown()).trim(),
        inner,
    ));
    body.extend(wrap(&rule.title, inner));
    body.push(String::new());
    body.extend(wrap(&fill_numbers(&rule.advice, region), inner));
    let calls = call_lines(rule, region);
    if !calls.is_empty() {
        body.push(String::new());
        for c in calls {
            body.extend(bullet(&c, inner));
        }
    }
    body.push(String::new());
    body.extend(wrap(&region_note(chosen), inner));

    let (on, off) = if color {
        match rule.level {
            Level::Emergency | Level::Crisis => ("\x1b[1;97;41m", "\x1b[0m"),
            Level::Prescriber => ("\x1b[1;30;43m", "\x1b[0m"),
            Level::Advice => ("\x1b[1m", "\x1b[0m"),
        }
    } else {
        ("", "")
    };
    let heavy = rule.level >= Level::Crisis;
    let (tl, tr, bl, br, h, v) = if heavy {
        ("╔", "╗", "╚", "╝", "═", "║")
    } else {
        ("┌", "┐", "└", "┘", "─", "│")
    };
    let bar = h.repeat(inner + 2);
    // Each line put together piece by piece: a box has a few dozen lines, and
    // formatting each one cost more than the rest of the box.
    let mut out = String::with_capacity((body.len() + 2) * (inner + 4) * 3);
    out.extend([on, tl, &bar, tr, off, "\n"]);
    for line in body {
        let pad = inner.saturating_sub(line.chars().count());
        out.extend([on, v, off, " ", &line]);
        out.extend(std::iter::repeat_n(' ', pad));
        out.extend([" ", on, v, off, "\n"]);
    }
    out.extend([on, bl, &bar, br, off, "\n"]);
    out
}

/// "Numbers for ... Wrong country? ..." — every alert says which region it assumed.
pub fn region_note(chosen: &Chosen) -> String {
    match &chosen.source {
        // Never let a guess stand in for the number someone really needs.
        crate::region::Source::Unknown(code) => t_args("region-note-unknown", &[("code", code)]),
        _ => t_args("region-note", &[("chosen", &chosen.to_string())]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Bank;
    use crate::region::{Source, all};

    fn chosen(code: &str) -> Chosen {
        let region = all().into_iter().find(|r| r.code == code).unwrap();
        Chosen {
            asked: code.into(),
            region,
            source: Source::Flag,
        }
    }

    #[test]
    fn no_color_means_no_escape_codes() {
        let bank = Bank::bundled().unwrap();
        let rule = bank.alert("breathing").unwrap();
        let text = render(rule, &chosen("US"), false);
        assert!(!text.contains('\x1b'));
        assert!(text.contains("911"));
        assert!(text.contains("EMERGENCY"));
        assert!(text.contains("--region"));
        assert!(render(rule, &chosen("US"), true).contains("\x1b[1;97;41m"));
        assert!(!color_allowed(true, Some("1".into())));
        assert!(color_allowed(true, Some(String::new())));
        assert!(!color_allowed(false, None));
    }

    #[test]
    fn suicide_alert_gives_the_crisis_line_for_the_region() {
        let bank = Bank::bundled().unwrap();
        let rule = bank.alert("suicidal_thoughts").unwrap();
        let us = render(rule, &chosen("US"), false);
        assert!(us.contains("Call or text 988"), "{us}");
        let gb = render(rule, &chosen("GB"), false);
        assert!(gb.contains("116 123"), "{gb}");
        assert!(gb.contains("999"), "{gb}");
        // The box wraps lines: read it as one run of words.
        let words = |t: &str| {
            t.replace(['║', '│'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Samaritans take calls, not texts; SHOUT is the UK text line.
        assert!(
            words(&gb).contains("call 116 123 or text SHOUT to 85258."),
            "{gb}"
        );
        let es = words(&render(rule, &chosen("ES"), false));
        assert!(!es.to_lowercase().contains("text 024"), "{es}");
        assert!(es.contains("To talk with someone now, call 024."), "{es}");
    }

    #[test]
    fn every_box_line_has_the_same_width() {
        let bank = Bank::bundled().unwrap();
        for rule in &bank.alerts {
            let text = render(rule, &chosen("NZ"), false);
            let widths: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
            assert!(widths.iter().all(|w| *w == widths[0]), "{text}");
        }
    }

    #[test]
    fn a_guessed_region_tells_people_outside_it_to_use_their_local_number() {
        let chosen =
            crate::region::choose(None, |k| (k == "LANG").then(|| "ja_JP.UTF-8".to_string()))
                .unwrap();
        let note = region_note(&chosen);
        assert!(note.contains("no numbers for JP"), "{note}");
        assert!(!note.contains("911") && !note.contains("US"), "{note}");
        assert!(note.contains("call your local emergency number"), "{note}");
        assert!(
            !region_note(&crate::region::choose(Some("US"), |_| None).unwrap())
                .contains("local emergency number")
        );
    }

    /// Every number a region lists, each as written ("116 123", "13 11 14").
    fn numbers(region: &Region) -> Vec<String> {
        let mut out = Vec::new();
        for p in [
            Some(&region.emergency),
            region.crisis.as_ref(),
            region.poison.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            out.push(p.call.clone());
            if let Some(t) = &p.text {
                out.push(t.clone());
            }
        }
        out
    }

    #[test]
    fn boxes_fit_every_width_from_30_to_72_and_never_split_a_number() {
        let bank = Bank::bundled().unwrap();
        for region in all() {
            let chosen = chosen(&region.code);
            for rule in &bank.alerts {
                for width in NARROWEST..=WIDEST {
                    let text = render_at(rule, &chosen, false, width);
                    for line in text.lines() {
                        assert_eq!(line.chars().count(), width, "{width}: {line}\n{text}");
                    }
                    let body: String = text.lines().collect::<Vec<_>>().join("\n");
                    for number in numbers(&region) {
                        // Only numbers the box shows; each must sit whole on one line.
                        let squeezed: String = number.split_whitespace().collect();
                        let flat: String = body.split_whitespace().collect();
                        if flat.contains(&squeezed) {
                            assert!(
                                body.lines().any(|l| l.contains(&number)),
                                "{} at {width}: \"{number}\" is split\n{text}",
                                region.code
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_box_width_follows_the_screen_between_30_and_72() {
        assert_eq!(fit_width(None), 72);
        assert_eq!(fit_width(Some(200)), 72);
        assert_eq!(fit_width(Some(40)), 40);
        assert_eq!(fit_width(Some(12)), 30);
    }
}
