//! The cells the CSV writes for people, in the export's language, and the pieces
//! of rows that are the same for every check-in, made once per export.
//!
//! The export's language is its bank's (`ctx.bank()`, the bank in the chosen
//! language). A check-in saved in that language keeps the words it saved (its
//! labels and alert titles, exactly as the person saw them). One saved in another
//! language is read by id: the label of the option its answer names, yes or no,
//! and the title of each alert, from the export's bank, so a log that mixes
//! languages exports in one. Ids and codes (question and option ids, alert ids and
//! levels, `true`/`false`, the change words) are never translated.

use serde_json::Value;

use super::lines::{Lines, Piece};
use crate::bank::Bank;
use crate::i18n::{Lang, t_in};
use crate::record::{AlertRecord, AnswerRecord, CheckIn, bank_for};
use crate::text::write_num;

pub struct Cells<'b> {
    bank: &'b Bank,
    lang: Lang,
    /// By the bank question's index: `,section,question_id,question_text`.
    questions: Vec<Piece>,
    /// By the bank question's index: each option's id and its label as a cell.
    options: Vec<Vec<(&'b str, Piece)>>,
    yes: Piece,
    no: Piece,
    /// `answered_of_asked` for each (answered, asked) met so far.
    of_asked: Vec<((u32, Option<u32>), Piece)>,
}

impl<'b> Cells<'b> {
    pub fn new(lines: &mut Lines, bank: &'b Bank) -> Cells<'b> {
        let lang = Lang::from_code(&bank.language).unwrap_or(Lang::En);
        let questions = bank
            .questions
            .iter()
            .map(|q| lines.piece(&[&q.section, &q.id, &q.text]))
            .collect();
        let options = bank
            .questions
            .iter()
            .map(|q| {
                let options = bank.options(q).iter();
                options
                    .map(|o| (o.id.as_str(), lines.piece(&[&o.label])))
                    .collect()
            })
            .collect();
        Cells {
            bank,
            lang,
            questions,
            options,
            yes: lines.piece(&[&t_in(lang, "label-yes", &[])]),
            no: lines.piece(&[&t_in(lang, "label-no", &[])]),
            of_asked: Vec::new(),
        }
    }

    /// `,section,question_id,question_text` of question `i` of the bank.
    pub fn question(&self, i: usize) -> &[u8] {
        &self.questions[i]
    }

    /// Whether `r`'s words are read by id from the export's bank: it was made with
    /// the bank and saved in another language.
    pub fn by_id(&self, r: &CheckIn) -> bool {
        bank_for(Some(self.bank), r).is_some() && r.bank.language != self.bank.language
    }

    /// The `answer` cell of `a`: the label chosen, yes or no, the number, or the
    /// text typed. `at` is the index of its question in the export's bank, when the
    /// record was made with that bank and saved in another language: its label is
    /// then the bank's, by the option's id.
    pub fn answer(&self, lines: &mut Lines, a: &AnswerRecord, at: Option<usize>) {
        if let Some(i) = at {
            let by_id = match &a.value {
                Value::String(id) => self.options[i]
                    .iter()
                    .find(|(o, _)| o == id)
                    .map(|(_, cell)| cell.as_slice()),
                Value::Bool(b) => Some(self.yes_no(*b)),
                _ => None,
            };
            if let Some(cell) = by_id {
                return lines.put(cell);
            }
        }
        match (&a.label, &a.value) {
            (Some(label), _) => lines.field(label),
            (None, Value::Bool(b)) => lines.put(self.yes_no(*b)),
            (None, Value::Number(n)) => lines.field_with(|text| match n.as_f64() {
                Some(n) => write_num(text, n),
                None => text.push_str(&n.to_string()),
            }),
            (None, Value::String(s)) => lines.field(s),
            (None, other) => lines.field_with(|text| text.push_str(&other.to_string())),
        }
    }

    fn yes_no(&self, yes: bool) -> &[u8] {
        if yes { &self.yes } else { &self.no }
    }

    /// An alert's title: as saved, or the export's bank's when `by_id` (a record
    /// made with the bank and saved in another language).
    pub fn title<'a>(&'a self, al: &'a AlertRecord, by_id: bool) -> &'a str {
        match self.bank.alert(&al.id) {
            Some(rule) if by_id => &rule.title,
            _ => &al.title,
        }
    }

    /// The `answered_of_asked` cell ("12 of 31"; the number asked can be unknown),
    /// made once for each pair of numbers.
    pub fn of_asked(&mut self, lines: &mut Lines, answered: u32, asked: Option<u32>) {
        let key = (answered, asked);
        if let Some((_, cell)) = self.of_asked.iter().find(|(k, _)| *k == key) {
            return lines.put(cell);
        }
        let asked = match asked {
            Some(m) => m.to_string(),
            None => t_in(self.lang, "csv-asked-unknown", &[]),
        };
        let answered = answered.to_string();
        let words = t_in(
            self.lang,
            "csv-answered-of-asked",
            &[("answered", &answered), ("asked", &asked)],
        );
        let cell = lines.piece(&[&words]);
        lines.put(&cell);
        self.of_asked.push((key, cell));
    }
}
