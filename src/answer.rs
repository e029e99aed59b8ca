//! One answer to one question, as the program holds it once it has been checked:
//! yes or no, the chosen option of a scale, a number, or a text; and the limits an
//! answer keeps to ([`MAX_TEXT`], [`number_fits`], [`text_fits`]).
//!
//! Reading an answer from JSON against a bank's question (`Answer::from_json`,
//! `Answer::number`, `Answer::text`, `Answer::from_saved`) and writing it back as
//! the log keeps it (`Answer::to_json`) need the question's options and range, so
//! they are written beside the bank's model, in `bank/answers.rs`. This module
//! itself knows nothing of banks: the bank's conditions read answers, so the bank
//! imports it, and it cannot import the bank back.

/// The longest text answer when the bank sets no `max_length`.
pub const MAX_TEXT: usize = 2000;

/// One answer, already checked against its question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Yes(bool),
    /// The index of the chosen option in the question's scale.
    Choice(usize),
    Number(f64),
    Text(String),
}

/// Why a value does not fit a question.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerError {
    pub question: String,
    pub message: String,
}

/// Whether a number is in a number question's range, from `min` to `max` (either
/// may be unset), and whole if the question takes only whole numbers.
pub fn number_fits(n: f64, min: Option<f64>, max: Option<f64>, integer: bool) -> bool {
    let lo = min.unwrap_or(f64::MIN);
    let hi = max.unwrap_or(f64::MAX);
    n.is_finite() && n >= lo && n <= hi && !(integer && n.fract() != 0.0)
}

/// Whether a text has at most `max` characters (a text question's limit).
pub fn text_fits(s: &str, max: usize) -> bool {
    s.chars().count() <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_fits_its_range_and_is_whole_when_it_must_be() {
        assert!(number_fits(0.0, Some(0.0), Some(7.0), true));
        assert!(number_fits(7.0, Some(0.0), Some(7.0), true));
        assert!(!number_fits(7.5, Some(0.0), Some(8.0), true));
        assert!(number_fits(7.5, Some(0.0), Some(8.0), false));
        assert!(!number_fits(-1.0, Some(0.0), Some(7.0), false));
        assert!(!number_fits(f64::NAN, None, None, false));
        assert!(!number_fits(f64::INFINITY, None, None, false));
        // A whole number beyond 10^15 is still whole.
        assert!(number_fits(2e15, None, None, true));
    }

    #[test]
    fn a_text_fits_by_characters_not_bytes() {
        assert!(text_fits("ééé", 3));
        assert!(!text_fits("éééé", 3));
        assert!(text_fits("", 0));
    }
}
