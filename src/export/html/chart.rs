//! The trend charts of the printable page: one inline SVG line chart per section,
//! drawn from the summary's series; no script, nothing loaded from elsewhere. When
//! the log names a baseline, each chart draws the baseline check-in's count for
//! its section as a dashed line labelled "baseline", and says it in its caption.

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use super::esc;
use super::words::{Template, counted};
use crate::i18n::{t, t_args};
use crate::report::{Baseline, Series, Summary, Track, minute};
use crate::text::fmt_num;

/// 3. One chart per section with a score.
pub(super) fn charts(summary: &Summary<'_>) -> String {
    // The heading, its note and the first chart stay on one page.
    let mut s = format!(
        "<section id=\"trends\">\n<div class=\"keep\">\n<h2>{}</h2>\n",
        t("html-trends-heading")
    );
    let (Some(t0), Some(t1)) = (summary.first_at, summary.last_at) else {
        let _ = write!(
            s,
            "<p class=\"none\">{}</p>\n</div>\n</section>\n",
            t("html-trends-none")
        );
        return s;
    };
    s.push_str("<p class=\"intro\">");
    s.push_str(&t("html-trends-intro"));
    let baseline = summary.baseline().baseline();
    if let Some(b) = baseline {
        let at = esc(&minute(&b.at()));
        s.push(' ');
        s.push_str(&t_args("html-trends-baseline", &[("at", &at)]));
    }
    s.push_str("</p>\n");
    let words = Axes::new();
    let mut first = true;
    for t in summary.sections() {
        s.push_str(&chart(t, t0, t1, baseline, &words));
        if first {
            s.push_str("</div>\n");
            first = false;
        }
    }
    if first {
        s.push_str("</div>\n");
    }
    s.push_str("</section>\n");
    s
}

const W: f64 = 640.0;
const H: f64 = 160.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 42.0;

/// The charts' fixed words, in the export's language, looked up once for all.
pub struct Axes {
    count: String,
    date: String,
    baseline: String,
    caption: Template,
}

impl Axes {
    pub fn new() -> Axes {
        Axes {
            count: t("html-chart-axis-count"),
            date: t("html-chart-axis-date"),
            baseline: t("html-chart-baseline-label"),
            caption: Template::new("html-chart-label", &["section"]),
        }
    }
}

/// A section's trend as an SVG line chart: symptoms at moderate or worse up, date
/// across; with the `baseline`'s count as a dashed line when it reached the section.
pub fn chart(
    track: &Track,
    t0: DateTime<FixedOffset>,
    t1: DateTime<FixedOffset>,
    baseline: Option<&Baseline>,
    words: &Axes,
) -> String {
    let s = &track.series;
    let base = baseline.map(|b| {
        b.section(&track.id)
            .filter(|g| g.graded > 0)
            .map(|g| g.moderate_or_worse)
    });
    let top = s
        .possible()
        .max(s.max())
        .max(base.flatten().unwrap_or(0))
        .max(1);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let span = (t1 - t0).num_milliseconds().max(0) as f64;
    let x_of = |at: DateTime<FixedOffset>| {
        if span == 0.0 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + (at - t0).num_milliseconds() as f64 / span * plot_w
        }
    };
    let y_of = |v: f64| TOP + plot_h - v / f64::from(top) * plot_h;
    let trend = track.trend();
    let id = esc(&track.id);
    let title = esc(&track.title);
    let possible = s.possible().to_string();
    let numbers = [s.first(), s.last(), s.max()].map(|n| n.to_string());
    let mut caption = counted(
        "html-chart-caption",
        s.len(),
        &[
            ("trend", &esc(&trend.direction.words())),
            ("first", &numbers[0]),
            ("last", &numbers[1]),
            ("most", &numbers[2]),
            ("possible", &possible),
        ],
    );
    let mut label = words.caption.text(&[&title]);
    match base {
        Some(Some(v)) => {
            let value = v.to_string();
            let args = [("value", value.as_str()), ("possible", &possible)];
            caption.push_str(&t_args("html-chart-baseline", &args));
            label.push_str(&t_args("html-chart-label-baseline", &args[..1]));
        }
        Some(None) => caption.push_str(&t("html-chart-baseline-missing")),
        None => {}
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "<figure class=\"chart\" data-section=\"{id}\">\n<figcaption>{title} <span class=\"trend\">{caption}</span></figcaption>\n\
         <svg class=\"trend\" data-section=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{label}\">\n",
    );
    y_axis(&mut out, top, &y_of, words);
    x_axis(&mut out, t0, t1, span, &x_of);
    series(&mut out, s, &id, &x_of, &y_of);
    // Over the series, so a baseline at the series' own height still shows.
    if let Some(Some(v)) = base {
        baseline_line(&mut out, y_of(f64::from(v)), &words.baseline);
    }
    out.push_str("</svg>\n</figure>\n");
    out
}

/// The axes: on the Y axis 0, the middle and the top, with grid lines; both axis
/// lines, and their titles.
fn y_axis(out: &mut String, top: u32, y_of: &dyn Fn(f64) -> f64, words: &Axes) {
    let plot_h = H - TOP - BOTTOM;
    let plot_w = W - LEFT - RIGHT;
    let mut ticks = vec![0, top];
    if top >= 2 {
        ticks.insert(1, top / 2);
    }
    for v in ticks {
        let y = y_of(f64::from(v));
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>",
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
    }
    let base = TOP + plot_h;
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{base:.1}\"/><line class=\"axis\" x1=\"{LEFT}\" y1=\"{base:.1}\" x2=\"{:.1}\" y2=\"{base:.1}\"/>",
        W - RIGHT
    );
    let _ = writeln!(
        out,
        "<text class=\"axis-title\" transform=\"translate(12 {:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
        TOP + plot_h / 2.0,
        words.count
    );
    let _ = writeln!(
        out,
        "<text class=\"axis-title\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
        LEFT + plot_w / 2.0,
        H - 6.0,
        words.date
    );
}

/// X axis: up to five dates, or three with the time when the period is short (a
/// date and time is too long for five to fit side by side). A label the same as
/// the one before it (check-ins minutes apart) is left out.
fn x_axis(
    out: &mut String,
    t0: DateTime<FixedOffset>,
    t1: DateTime<FixedOffset>,
    span: f64,
    x_of: &dyn Fn(DateTime<FixedOffset>) -> f64,
) {
    let plot_h = H - TOP - BOTTOM;
    let base = TOP + plot_h;
    let with_time = span < 3.0 * 86_400_000.0;
    let n_ticks = if span == 0.0 {
        1
    } else if with_time {
        3
    } else {
        5
    };
    let mut last_label = String::new();
    for k in 0..n_ticks {
        let at = if n_ticks == 1 {
            t0
        } else {
            t0 + chrono::Duration::milliseconds((span * k as f64 / (n_ticks - 1) as f64) as i64)
        };
        let at = at.with_timezone(t1.offset());
        let x = x_of(at);
        let anchor = match (n_ticks, k) {
            (1, _) => "middle",
            (_, 0) => "start",
            (n, k) if k == n - 1 => "end",
            _ => "middle",
        };
        let label = if with_time {
            minute(&at)
        } else {
            at.format("%Y-%m-%d").to_string()
        };
        if label == last_label {
            continue;
        }
        last_label.clone_from(&label);
        let _ = writeln!(
            out,
            "<line class=\"axis\" x1=\"{x:.1}\" y1=\"{base:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{label}</text>",
            base + 4.0,
            base + 17.0
        );
    }
}

/// The baseline's count as a dashed line across the plot at height `y`, with its
/// label at the right end: above the line, or below it when the line is at the top.
fn baseline_line(out: &mut String, y: f64, label: &str) {
    let label_y = if y - 5.0 < TOP + 9.0 {
        y + 13.0
    } else {
        y - 5.0
    };
    let _ = writeln!(
        out,
        "<line class=\"baseline\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke-dasharray=\"6 4\"/><text class=\"baseline-label\" x=\"{:.1}\" y=\"{label_y:.1}\" text-anchor=\"end\">{label}</text>",
        W - RIGHT,
        W - RIGHT - 4.0
    );
}

/// The series, in time order.
fn series(
    out: &mut String,
    s: &Series,
    id: &str,
    x_of: &dyn Fn(DateTime<FixedOffset>) -> f64,
    y_of: &dyn Fn(f64) -> f64,
) {
    let mut points: Vec<(f64, f64, String, f64)> = s
        .buckets()
        .iter()
        .map(|b| {
            let at = b.at();
            (
                x_of(at),
                y_of(b.mean()),
                minute(&at),
                (b.mean() * 10.0).round() / 10.0,
            )
        })
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let coords: Vec<String> = points
        .iter()
        .map(|(x, y, _, _)| format!("{x:.1},{y:.1}"))
        .collect();
    let _ = writeln!(
        out,
        "<polyline class=\"series\" data-section=\"{id}\" points=\"{}\"/>",
        coords.join(" ")
    );
    for (x, y, at, v) in &points {
        let _ = writeln!(
            out,
            "<circle class=\"point\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\"><title>{}: {}</title></circle>",
            esc(at),
            fmt_num(*v)
        );
    }
}
