# sidecheck's words on the terminal, in English. Each message has the same id in
# es.ftl (a test fails otherwise). Leading spaces are trimmed by Fluent: the code
# adds indentation itself.

## The prompts (src/prompt.rs)

prompt-no-back = Esc does not go back from here: press Enter to go on, or type n.
prompt-yes-no-default-yes = (Y/n)
prompt-yes-no-default-no = (y/N)
prompt-yes-no = (y/n)
# What is taken for yes and for no, separated by spaces.
prompt-yes-words = y yes
prompt-no-words = n no
prompt-yes-no-again = Please type y for yes or n for no, then press Enter.
prompt-shown-yes = yes
prompt-shown-no = no
prompt-shown-nothing = (nothing)
prompt-list-help = ↑↓ or { $keys } to move, Enter to choose · Esc: back
prompt-answer = Answer: { $answer }
prompt-went-back = (went back)
prompt-stopped = (stopped)
prompt-list-plain-help = Type { $keys }, then Enter (Enter alone: { $keep }). Esc, then Enter: back.
prompt-list-again = Please type one of { $keys }, then press Enter.
prompt-enter-keeps = (Enter alone keeps: { $start })
prompt-more = more
prompt-text-limit = The limit is { $max } characters: the last { $dropped } were not added. Shorten it, or press Enter to save it as it is.

## The guided check (src/terminal.rs)

terminal-needs-unix = the guided check needs a Unix terminal on this system; give answers with --answers FILE
terminal-profile-needs-unix = changing the answers needs a Unix terminal on this system; use `sidecheck profile --set ID=yes`
hint-yes-no = Type y or n, then Enter
hint-back = Esc: back
hint-number = Type { $range }, then Enter
hint-text = Type your answer, or just press Enter to skip
about-you-progress = About you · { $n } of { $total }
about-you-first = This is the first question about you.
about-you-heading = == About you ==
about-you-why = First, a few questions about you. They help decide when an answer needs a warning. You answer them once. They are kept in your private data folder, and you can change them with `sidecheck profile`.
profile-change-ask = Do you want to change these answers?
section-heading = == { $section } ==
question-of = { $section } · Question { $n } of { $total }
question-first = This is the first question.
start-press-enter = Press Enter to start (or type n to quit).
start-carry-on = Press Enter to carry on (or type n to quit).
start-keys = Esc goes back one question. Ctrl-C stops and keeps your answers.
alert-read = I have read this. Press Enter to go on (or type n to stop here).
range-whole-number = a whole number from { $min } to { $max }
range-number = a number from { $min } to { $max }

## Alerts (src/alert.rs) and the numbers in them (src/region.rs)

# The English must match Level::heading in src/bank/model.rs (the FHIR display).
level-advice = ADVICE
level-prescriber = CALL YOUR PRESCRIBER TODAY
level-crisis = GET SUPPORT NOW
level-emergency = EMERGENCY: GET HELP NOW
alert-no-crisis-line = No crisis line is listed for { $region }; call { $call } ({ $name }).
region-note-unknown = sidecheck has no numbers for { $code }: call your local emergency number. To choose a region, run again with --region CODE (see `sidecheck regions`).
region-note = Numbers for { $chosen }. Wrong country? Run again with --region CODE (see `sidecheck regions`).
reach-call-or-text = call or text { $call }
reach-call-and-text = call { $call } or text { $text }
reach-call = call { $call }
region-table-broken = the built-in table of emergency numbers is broken ({ $place }: { $reason }); this copy of sidecheck cannot be used, so reinstall it
region-unknown-country = { $code }, the country in your locale, which has no numbers here
region-uses = { $asked } uses { $code } numbers
region-from-flag = set with --region
region-from-locale = from { $var }
region-default = the default
region-unknown-code = unknown region "{ $asked }"; use one of { $codes } or a European country code (see `sidecheck regions`)

## The summary after a check (src/receipt.rs)

receipt-completed = completed
receipt-stopped = stopped before the end
receipt-check-in = Check-in { $id } ({ $when }, { $status })
receipt-about = About { $period }.
receipt-profile-all-no = no to every question
receipt-profile = About you, as answered then: { $said }.
receipt-urgent-none = Urgent alerts: none.
receipt-urgent = URGENT ALERTS:
receipt-retracted = Alerts shown, then the answer was changed:
receipt-still-applies = If it still applies to you:
receipt-reported = What you reported:
receipt-no-symptoms = No symptoms reported.
receipt-moderate-advice = { $count ->
    [one] This symptom was moderate or worse: { $names }. Tell your prescriber at your next visit, or sooner if it gets worse.
   *[other] These symptoms were moderate or worse: { $names }. Tell your prescriber at your next visit, or sooner if they get worse.
}
receipt-advice = Advice:
receipt-section-graded = { $moderate } of { $graded } { $graded ->
    [one] symptom
   *[other] symptoms
} moderate or worse, highest grade { $highest } of { $top }
receipt-section-yes = { $yes } yes
receipt-section-urgent = { $count } urgent { $count ->
    [one] finding
   *[other] findings
}

## `sidecheck check` (src/command/check.rs)

check-no-terminal = no terminal to ask questions in; run it in a terminal, or give answers with --answers FILE (see --help)
check-alerts-still-apply = These answers raised urgent alerts, and they still apply:
check-kept-stopped-profile = kept the "about you" answers of the stopped check-in; the "profile" in the answers file was not used
check-profile-kept = Kept in { $path }. You can change these answers with `sidecheck profile`.
check-profile-not-kept = { $error }. This check-in still uses them; run `sidecheck profile` later to keep them.
check-did-not-carry-on = You did not carry on. Nothing new was saved; check-in { $id } can still be finished with `sidecheck check --resume`.
check-did-not-start = You did not start the check. Nothing was saved.
check-stopped-no-answer = Stopped before any answer. Nothing was saved.
check-stopped-no-new-answer = Stopped before any new answer. Nothing new was saved; to finish check-in { $id } later, run `sidecheck check --resume`.
check-stopped-not-baseline = It was not marked as your baseline: the questions it never reached are not the same as "none". To finish it and mark it, run `sidecheck check --resume --baseline`.
check-saving = Saving…
check-saved = Saved to { $path } (check-in { $id }).
check-finishes-stopped = It finishes the check-in you stopped ({ $id }); history and exports show the two as this one.
check-saved-stopped = { $count ->
    [one] Stopped. Your 1 answer so far was saved as an incomplete check-in in { $path } (check-in { $id }). To finish it later, run `sidecheck check --resume`.
   *[other] Stopped. Your { $count } answers so far were saved as an incomplete check-in in { $path } (check-in { $id }). To finish it later, run `sidecheck check --resume`.
}
check-no-profile-note = sidecheck: note: no "about you" answers are saved, so this check-in used none; set them with `sidecheck profile --set kidney=yes,older=no` or a "profile" object in the answers file.
check-rescue-unmarked = ; it is not marked as your baseline yet: after the import, run `sidecheck baseline { $id }`
check-rescued = { $error }; your answers are kept in { $path } (private, mode 600): once the log works again, add them with: sidecheck import { $path }{ $unmarked }
check-not-rescued = { $error }; a rescue copy could not be written either ({ $reason }); the check-in is printed above as one JSON line: save it in a file and add it later with: sidecheck import FILE{ $unmarked }

## Finishing a stopped check-in (src/resume.rs)

resume-new-instead = a new check-in starts instead
resume-none = there is no stopped check-in to finish; { $new }
resume-completed = your last check-in ({ $at }, { $id }) was completed; there is nothing to finish, so { $new }
resume-finished-by = your check-in of { $at } was already finished by check-in { $by }; { $new }
resume-other-bank = your check-in of { $at } used the questions of { $was } { $was_version }, and these are { $bank } { $version }; its answers cannot be carried over, so { $new }
resume-too-old = your check-in of { $at } started more than { $days } days ago, and the questions ask about the last { $days } days; { $new }
resume-answer-misfits = your check-in of { $at } has an answer that does not fit the questions ("{ $question }": { $why }); { $new }
resume-how-far = { $answered } of { $total } { $total ->
    [one] question
   *[other] questions
}
resume-notice = Your check-in of { $at } was stopped after { $far }. To finish it, run `sidecheck check --resume`.
resume-finishing = Finishing your check-in of { $at } ({ $id }), stopped after { $far }.
resume-answers-so-far = Your answers so far:
resume-all-answered = Every question was answered; carrying on saves it as completed.
resume-go-on = The questions go on from the first one not answered yet. Esc goes back to change an earlier answer.
resume-nothing-written = (nothing written)

## Errors and warnings (src/error.rs, src/command/context.rs)

error-interrupted = stopped
error-terminated = stopped by a signal to end (SIGTERM)
error-hung-up = stopped: the terminal hung up
context-data-dir-empty = the data folder is empty; give a folder with --data-dir DIR
context-no-home = cannot find a home folder for the log; give one with --data-dir DIR
context-warning = sidecheck: warning: { $text }
note = sidecheck: note: { $text }

## Answers files (src/scripted.rs, src/command/answers_file.rs)

scripted-empty = { $name }: the answers file is empty; write a JSON object that maps question ids to answers (see `sidecheck bank questions`)
scripted-asked-because = it is asked because { $cond }
scripted-missing = { $name }: missing an answer to "{ $id }"{ $why }; add it with { $expected }
scripted-and-more = and { $more } more
scripted-unknown-ids = { $name }: unknown question id { $ids }; see `sidecheck bank questions` for the ids
scripted-kept-earlier = kept the earlier answer to "{ $id }" from the stopped check-in; the different one in the answers file was not used
scripted-ignored = ignored the answer to "{ $id }": it is asked only when { $cond }, and that is not the case
answers-file-unreadable = cannot read the answers file { $name } ({ $reason }); check the path
answers-file-too-big = { $name }: the answers file is larger than 64 MiB; it cannot be an answers file
answers-file-not-utf8 = { $name }: line { $line }, column { $col }: the file is not valid UTF-8 text; save it as UTF-8
expected-yes-no = true or false
expected-option = one of { $ids } (or a score 0-{ $top })
expected-text = text of at most { $max } characters
tty-no-signals = cannot watch for signals ({ $error }); use --answers FILE

## Labels saved with a yes/no answer (src/flow/saved.rs), in the bank's language

label-yes = Yes
label-no = No

## `sidecheck regions` (src/command/regions.rs)

hotline-emergency = Emergency
hotline-crisis = Crisis
hotline-poison = Poison
regions-source = source: { $source }; checked { $checked }
regions-covers = Also used for: { $codes }
regions-elsewhere = Anywhere else, alerts say to call your local emergency number.
    Use --region CODE to choose. Numbers change: check them with a local source.

## `sidecheck show` (src/command/show.rs)

show-none-saved = no check-ins are saved yet (looked in { $log }); run `sidecheck` to make one
show-not-found = no check-in in { $log } has an id starting with "{ $which }"; `sidecheck history` lists them, or use `sidecheck show last`
show-ambiguous = "{ $which }" matches { $matches } check-ins in { $log }; give more of the id (`sidecheck history` lists them)
show-completed-later = This stopped check-in was completed later by check-in { $later }, which holds these answers and the rest; history and exports show only that one (`sidecheck show { $later }`).
show-continued-later = This stopped check-in was continued (and stopped again) later by check-in { $later }, which holds these answers and the rest; history and exports show only that one (`sidecheck show { $later }`).
show-finishes = This check-in finishes the stopped check-in { $stopped }: it holds those answers and the rest.

## `sidecheck profile` (src/command/profile.rs)

profile-bank-asks-nothing = the question bank { $bank } asks nothing "about you", so there is nothing to show or set
profile-nothing-changed = Nothing was changed.
profile-saved = Saved to { $path }.
profile-saved-answers = Your "about you" answers ({ $path }, changed { $when }):
profile-none-saved = No "about you" answers are saved yet. They are asked at your first guided check.
profile-how-to-change = Change them with `sidecheck profile` in a terminal, or for example `sidecheck profile --set kidney=no`.
profile-line-yes = yes
profile-line-no = no
profile-line-not-answered = not answered

## `sidecheck baseline` (src/command/baseline.rs)

baseline-already = Check-in { $id } of { $when } is already your baseline; nothing was changed.
baseline-marked = Check-in { $id } of { $when } is now your baseline. `sidecheck history` and every export compare later check-ins with it.
baseline-busy = another sidecheck kept the log busy for { $secs } s
baseline-not-marked = check-in { $id } is saved, but it was NOT marked as your baseline: the mark could not be added to { $log } ({ $why }); try again with `sidecheck baseline { $id }`
baseline-finished-later = check-in { $id } was stopped and then finished as check-in { $later }; mark that one instead: sidecheck baseline { $later }
baseline-stopped = stopped
baseline-refused = check-in { $id } was { $words }, so it cannot be your baseline: the questions it never reached are not the same as "none"; finish it with `sidecheck check --resume --baseline`, or mark a completed check-in (`sidecheck history` lists them)
baseline-use-another = To use another check-in, run `sidecheck baseline ID`.

## `sidecheck import` (src/command/import.rs)

import-added = Added check-in { $id } from { $name } to { $log }. You can delete { $name } now.
import-already-there = Check-in { $id } is already in { $log }; nothing was changed. You can delete { $name }.
import-not-a-check-in = { $name } is not a check-in that sidecheck can import ({ $why }); give a rescue file written by sidecheck
import-not-a-file = it is not a regular file
import-unreadable = cannot read { $name } ({ $reason }); check the path
import-too-big = it is far larger than a check-in
import-not-utf8 = it is not UTF-8 text
import-not-json = not JSON: { $reason }
import-a-mark = { $name } holds a baseline mark, not a check-in; to mark a check-in as your baseline, run `sidecheck baseline ID`
import-newer = { $name } was written by a newer sidecheck (record version { $version }); update sidecheck, then import it
import-empty-id = its id is empty

## `sidecheck history` (src/command/history.rs)
history-completed = completed
history-stopped = stopped
history-status = Status
history-date = Date
history-id = Check-in id
history-urgent-alerts = Urgent alerts
history-level-advice = advice
history-level-prescriber = prescriber
history-level-crisis = crisis
history-level-emergency = emergency
# A section's cell: "2 mod+, top 3" (symptoms at moderate or worse, highest grade).
history-cell-moderate = mod+, top
history-cell-yes = yes
history-no = no
history-not-in-trends = not in the trends
history-baseline-row = baseline
history-last-of = the last { $n } of { $what }
history-empty = sidecheck: note: no check-ins ({ $what }) in { $log }; nothing to show. Run `sidecheck` to make one.
history-trend-moderate = moderate+: first { $first }, last { $last }, most { $max } of { $possible }
history-trend-grade = grade: first { $first }, last { $last }, top { $max } of { $possible }
history-trend-yes = yes at { $yes } of { $points } { $points ->
    [one] check-in
   *[other] check-ins
}, last { $last }
history-head = History: { $what }: { $count } { $count ->
    [one] check-in
   *[other] check-ins
} ({ $completed } completed, { $stopped } stopped)
history-head-dates = , { $from } to { $to }
history-sections = Sections (symptoms at moderate or worse, completed check-ins; higher is worse)
history-symptoms = Symptoms reported
history-no-symptoms = Symptoms reported: none
history-since-baseline = Since the baseline, at the latest completed check-in ({ $at }):
history-no-change-reported = No symptom was reported at either check-in.
history-every-other-symptom = Every other symptom: none (or no) at both.
history-nothing-to-compare = Nothing to compare yet: { $why }.
# (end of history)

## Report and grade labels (src/report*, src/grades*, src/checkins.rs, src/scan*)
report-trend-better = better ↓
report-trend-worse = worse ↑
report-trend-steady = steady →
report-trend-unknown = too few check-ins
report-trend-emergency = emergency at the last check-in !
report-period-all = all check-ins
report-period-from = from { $since }
report-period-up-to = up to { $until }
report-period-from-to = from { $since } to { $until }
report-period-backwards = --since { $since } is after --until { $until }; give a --since on or before --until
report-period-bad-date = { $flag } "{ $text }" is not a date or time; use YYYY-MM-DD (e.g. 2026-11-20) or an RFC 3339 time (e.g. 2026-11-20T08:30:00+01:00)
report-retracted-shown = shown
report-retracted-shown-at = shown at { $at }
report-retracted-changed = { $shown }, then the answer was changed
report-retracted-changed-at = { $shown }, then the answer was changed at { $at }
report-repeated = { $count ->
    [one] 1 check-in appears more than once in the log; it is counted once
   *[other] { $count } check-ins appear more than once in the log; each is counted once
}
report-stopped-of = stopped after { $answered } of { $asked } { $asked ->
    [one] question
   *[other] questions
}
report-stopped = stopped after { $answered } { $answered ->
    [one] question
   *[other] questions
}
report-baseline-how-to-mark = To make one, run `sidecheck check --baseline` before you start the medicine or change the dose, or `sidecheck baseline ID` to use a check-in you already made.
report-baseline-words = Baseline: the check-in of { $at } ({ $id }), marked as the baseline on { $marked }.
report-baseline-words-outside = Baseline: the check-in of { $at } ({ $id }), marked as the baseline on { $marked }; it is not in this period, and is shown for comparison.
report-baseline-why-missing = which is not in the log
report-baseline-why-stopped = which was { $words }: questions it never reached are not the same as "none"
report-baseline-mark-unusable = the baseline mark of { $marked } names check-in { $id }, { $why }, so no baseline is used; mark another with `sidecheck baseline ID`
report-baseline-none-unmarked = no check-in is marked as how you were before the medicine or a dose change, so nothing is compared with it
report-baseline-none-missing = the check-in marked as the baseline is not in the log
report-baseline-none-stopped = the check-in marked as the baseline was stopped before the end, so it cannot be one
report-baseline-none = No baseline: { $why }. { $how }
report-baseline-compare-none = there is no completed check-in in this period to compare with it
report-baseline-compare-itself = the latest completed check-in is the baseline itself; later check-ins are compared with it
report-baseline-compare-earlier = the latest completed check-in of this period ({ $at }) was made before the baseline
report-change-yes = yes
report-change-no = no
report-change-not-asked = not asked
report-change-worse = worse
report-change-better = better
report-change-same = the same
report-change-emergency = an emergency at this check-in
# "Drowsiness: none before, moderate now"; the shift follows in brackets.
report-change-words = { $title }: { $before } before, { $now } now
export-bundle-only-fhir = --bundle is only for --format fhir; remove it or use --format fhir
export-csv-raw-only-csv = --csv-raw is only for --format csv; remove it or use --format csv
export-own-file = { $path } is { $what }, so no report is written there, even with --force; choose an --output FILE outside { $dir }
export-empty = sidecheck: note: no check-ins ({ $what }) in { $log }; the report is empty. Run `sidecheck` to make one.
export-wrote = Wrote { $count } { $count ->
    [one] check-in
   *[other] check-ins
} to { $dest }.
export-not-written = { $error }; { $dest } was not written
# (end of report labels)

## The log, the store and bank files (src/store/*, src/record*, src/bank/*, src/json_error.rs)
# The bank checks' problems (src/bank/validate.rs), each said after its JSON place.
bank-check-not-an-id = "{ $id }" is not a snake_case id; use lowercase letters, digits and _ (starting with a letter, at most 64)
bank-check-too-many = has { $n } entries, but a bank may have at most { $max }; split it into smaller banks
bank-check-format = format { $format } is not known; this program reads format { $known }, so write the bank in that format or update sidecheck
bank-check-empty-value = is empty; write a value
bank-check-intro-empty = is empty; write an intro that includes the safety notice
bank-check-intro-no-notice = does not include the safety_notice text; add it to one of the paragraphs
bank-check-duplicate-section = duplicate section id "{ $id }" (also sections[{ $first }]); give each section its own id
bank-check-empty-title = is empty; write a title
bank-check-column-length = is { $n } characters; write 1 to { $max }, or leave it out
bank-check-no-sections = is empty; add at least one section
bank-check-scale-too-short = needs at least two options, from none to worst; add them
bank-check-duplicate-option = duplicate option id "{ $id }"; give each option its own id
bank-check-empty-label = is empty; write a label
bank-check-score-order = is { $score } but must be { $want }: options go in order from the lowest (score 0) up, one step each; put them in that order
bank-check-score-range = is { $score }; scores go from 0 to 4, so use one of those
bank-check-no-questions = is empty; add at least one question
bank-check-duplicate-question = duplicate question id "{ $id }" (also questions[{ $first }]); give each question its own id
bank-check-profile-id = "profile" is kept for the "about you" answers in answers files; choose another id
bank-check-unknown-section = section "{ $section }" is not in "sections"; use one of: { $sections }
bank-check-empty-question = is empty; write the question
bank-check-empty-short = is empty; write a word or two for the symptom
bank-check-scale-missing = is missing; name one of the scales in "scales"
bank-check-unknown-scale = scale "{ $scale }" is not in "scales"; use one of: { $scales }
bank-check-max-length-zero = must be above 0
bank-check-broken-block = block "{ $block }" began at questions[{ $first }] and was broken by other questions; put a block's questions one after another
bank-check-duplicate-profile = duplicate profile id "{ $id }" (also profile[{ $first }]); give each item its own id
bank-check-empty-profile-short = is empty; write a word or two for it
bank-check-too-many-profile = has more than { $max } items; keep the "about you" part short
bank-check-duplicate-alert = duplicate alert id "{ $id }" (also alerts[{ $first }]); give each alert its own id
bank-check-alert-no-question = tests no question; an alert must depend on at least one answer (add a "question" test)
bank-check-empty-alert-title = is empty; write a short title
bank-check-empty-advice = is empty; write advice that says what to do
bank-check-no-call = is empty; an emergency or crisis alert must give a number to call, so add "emergency", "crisis" or "poison"
bank-check-not-an-alert = "{ $id }" is not another alert's id; fix or remove it
bank-check-recall-not-said = does not say its recall period "{ $recall }"; say it in the question, so people keep to it
bank-check-caregiver-missing = is missing; this bank has caregiver wording, so write the { $field } for someone answering for the person they care for
bank-check-caregiver-alone = has no "{ $field }" to stand for; remove it
bank-check-caregiver-empty = is empty; write the { $field } for someone answering for the person they care for
bank-check-caregiver-lacks = has no { $placeholder }, but the { $field } has; keep every placeholder
bank-check-caregiver-adds = has { $placeholder }, but the { $field } has not; use only the { $field }'s placeholders
bank-check-only-for-kind = is only for { $kind } questions; remove it or change "kind"
bank-check-no-whole-number = no whole number lies between "min" { $min } and "max" { $max }, so nobody could answer; widen the range or remove "integer"
bank-check-min-above-max = must be a number no larger than "max"; fix "min" or "max"
bank-check-number-needs-range = a number question needs "min" and "max"; add them
bank-check-unit-missing = is missing; say what the number counts (e.g. "days")
bank-check-empty-range-reason = is empty; say why the range is what it is, or remove it
bank-check-empty-recall = is empty; write the time the question asks about, or remove it
bank-check-control-character = holds the control character { $char }; remove it (bank text is shown on the screen as it is)
# A report file's errors (src/output.rs).
output-cannot-write = cannot write the output: { $reason }
output-is-a-folder = { $path } is a folder; give a file name with --output FILE
output-exists = { $path } already exists; use --force to replace it, or choose another --output FILE
output-not-a-file-name = { $path } is not a file name; give one with --output FILE
output-no-folder = the folder { $dir } does not exist; create it or choose another --output FILE
output-cannot-create = cannot create a file in { $dir } ({ $reason }); choose another --output FILE
output-cannot-make-private = cannot make { $path } private ({ $reason }); choose another --output FILE
output-cannot-write-file = cannot write { $path } ({ $reason }); nothing was written under that name
output-cannot-write-report = cannot write the report ({ $reason })
io-too-large = the file is too large for this system's limits
io-not-found = it does not exist
io-permission-denied = permission denied
io-disk-full = the disk is full
io-read-only = the disk is read-only
io-exists = it already exists
io-is-a-folder = it is a folder, not a file
io-not-a-folder = a part of the path is not a folder
io-not-text = it is not valid text
store-dir = cannot save to the data folder { $dir } ({ $reason }), so the check-in was NOT saved; choose another folder with --data-dir DIR
store-not-saved = the check-in was NOT saved to { $log } ({ $reason }); free some disk space, fix the data folder or use --data-dir DIR
store-read = cannot read the log { $log } ({ $reason }); check that the file exists and is yours
store-busy-start = another sidecheck kept the log { $log } busy for { $secs } s, nothing was asked or saved yet; close the other sidecheck (a check left open, or an old copy stopped with Ctrl-Z) and start again
store-busy-save = another sidecheck kept the log { $log } busy for { $secs } s, so the check-in was NOT saved yet; close the other sidecheck (a check left open, or an old copy stopped with Ctrl-Z)
store-busy-read = another sidecheck kept the log { $log } busy for { $secs } s, so it was not read; close the other sidecheck (a check left open, or an old copy stopped with Ctrl-Z) and try again
store-own-data-folder = the data folder
store-own-log = the log
store-own-torn-copy = a torn-line copy of the log
store-own-file = a file in the data folder
store-own-rescue = a rescue copy of a check-in
store-own-inside = inside the data folder
store-a-link = { $path } is a symbolic link; sidecheck keeps the log only in a real file and never reads or writes through a link: put the file itself there, or move the link away
store-not-a-file = { $path } is not a regular file; move it out of the way
store-cannot-create-dir = cannot create it: { $reason }
store-cannot-make-dir-private = cannot make it private: { $reason }
store-cannot-use-dir = cannot use it: { $reason }
store-dir-not-private = other users can change the folder { $dir } (mode { $mode }) and { $why }, so the log is not private there; use --data-dir with a folder of your own
store-dir-shared = it is a shared folder
store-dir-not-yours = it belongs to someone else
store-dir-cannot-be-private = it cannot be made private ({ $reason })
store-dir-made-private = other users could change the data folder { $dir } (mode { $mode }); it is now private (mode 700)
store-cannot-make-private = cannot make { $path } private: { $reason }
store-file-made-private = { $path } could be read by other users (mode { $mode }); it is now private (mode 600)
store-cannot-create = cannot create { $path }: { $reason }
store-cannot-write = cannot write { $path }: { $reason }
store-record-not-json = the record cannot be written as JSON: { $error }
store-record-too-large = the record is larger than { $mib } MiB
store-cannot-repair = cannot repair the log: { $error }
store-partial-line-may-remain = a partial line may remain and will be set aside next time
store-cannot-lock = cannot lock the log: { $reason }
store-waiting-start = waiting for another sidecheck to finish with { $log } before the first question (up to { $secs } s)…
store-waiting-save = waiting for another sidecheck to finish with { $log } to save (up to { $secs } s)…
store-waiting-read = waiting for another sidecheck to finish with { $log } to read the log (up to { $secs } s)…
store-cannot-open = cannot open { $path } for writing: { $reason }
store-torn-tail-kept = the log ended with an unfinished line (left by a crash); it was kept in { $path } and the log was repaired
store-profile-unusable = cannot use your "about you" answers in { $path } ({ $why }); fix or remove the file, then set them again with `sidecheck profile`
store-profile-too-large = it is far larger than a profile
store-not-utf8 = it is not UTF-8 text
store-profile-not-saved = your "about you" answers were NOT saved to { $path } ({ $why })
store-profile-not-json = they cannot be written as JSON: { $error }
store-rescue-not-json = cannot format the check-in: { $error }
store-rescue-nowhere = no folder beside the data folder and no home folder
log-newer = written by a newer sidecheck (record version { $version }); update sidecheck to read it
log-torn-tail = unfinished last line, likely left by a crash
log-line-too-long = longer than { $mib } MiB
log-not-utf8 = not UTF-8 text
log-bad-line = { $path } line { $line }: skipped, not a valid check-in ({ $reason })
log-bad-lines-in-all = { $path }: { $count } lines in all were skipped as not valid check-ins, from line { $first } to line { $last }; only the first { $named } are named above
profile-not-a-setting = "{ $text }" is not ID=yes or ID=no; for example --set kidney=yes
profile-unknown-item = "{ $id }" is not an "about you" item; use one of: { $items }
profile-not-yes-no = "{ $value }" for { $id } is not yes or no; write { $id }=yes or { $id }=no
profile-not-an-object = "profile" must be an object that maps items to true or false, like {"{"}"kidney": true{"}"}; items: { $items }
profile-json-unknown-item = "profile": "{ $id }" is not an "about you" item; use one of: { $items }
profile-json-not-bool = "profile": "{ $id }" must be true or false, not { $value }
profile-newer = it was written by a newer sidecheck (profile version { $version }); update sidecheck
answer-wrong-type = { $value } is the wrong type for this { $kind } question; use { $expected }
answer-not-an-option = "{ $value }" is not an option; use { $expected }
answer-score-out-of-range = score { $score } is out of range; use { $expected }
answer-out-of-range = { $number } is out of range; use { $expected }
answer-text-too-long = the text is too long; use { $expected }
answer-the-number = the number { $value }
answer-the-text = the text { $value }
answer-a-list = a list
answer-an-object = an object
answer-no-such-question = bank { $bank } { $version } has no such question
json-place = line { $line }, column { $column }
bank-ok = { $file }: ok ({ $questions } questions, { $alerts } alert rules)
bank-failed = { $failed } of { $files } bank file(s) have problems; fix each one listed above
bank-questions-head = { $title } (bank { $bank } { $version }, { $language })
bank-questions-about-you = About you (asked once; `sidecheck profile`, or "profile": {"{"}"ID": true{"}"} in an answers file):
bank-questions-answers = answers: { $expected }
bank-questions-options = options: { $options }
bank-questions-when = asked only when: { $condition }
bank-questions-alerts = can raise: { $alerts }
bank-place-file = file
bank-unreadable = cannot read it ({ $reason }); check the path
bank-too-large = is larger than 64 MiB, so it cannot be a question bank; check the path
bank-not-utf8 = the file is not valid UTF-8 text; save it as UTF-8
bank-not-an-object = a bank is one JSON object, starting with {"{"}; this file is not one (see `sidecheck bank schema`)
condition-and = and
condition-or = or
condition-not = not
condition-yes = yes
condition-no = no
condition-one-form = use exactly one of "question", "profile", "all", "any" or "not"
condition-not-a-question = tests a question; "not" may test only "profile" items, because an unanswered question would count as "not" before it is asked
condition-empty-list = is empty; list at least one condition
condition-profile-yes-no = a "profile" item is yes or no; test it with "equals": true or false
condition-profile-needs-equals = a "profile" item needs "equals": true or false
condition-unknown-profile = "{ $item }" is not in "profile"; use one of: { $items }
condition-one-test = use exactly one test: "equals", "at_least" or "one_of"
condition-no-question = question "{ $question }" does not exist; use the id of an earlier question
condition-itself = question "{ $question }" refers to itself; make the follow-up depend on an earlier question
condition-later = question "{ $question }" comes later in the bank; move this question after it, or depend on an earlier question
condition-does-not-fit = does not fit { $kind } question "{ $question }"; use { $expected }
condition-at-least-kind = only works on scale or number questions, and "{ $question }" is { $kind }; use "equals" instead
condition-one-of-kind = only works on scale questions, and "{ $question }" is { $kind }; use "equals" instead
condition-not-an-option = "{ $option }" is not an option of "{ $question }"; use { $expected }
parity-not-set = not set
parity-section = section
parity-option = option
parity-question = question
parity-profile-item = "about you" item
parity-alert = alert
parity-bank-differs = is { $here } here but { $there } in the "{ $other }" bank; a translation changes only the text, so make it the same
parity-differs = { $who }{ $field } is { $here } here but { $there } in the "{ $other }" bank; a translation changes only the text, so make it the same
parity-no-text = { $who }has no { $field }, but the "{ $other }" bank has one; translate it
parity-extra-text = { $who }has a { $field }, but the "{ $other }" bank has none; remove it, or add it there too
parity-no-placeholder = { $who }has no { $name }, but its { $field } in the "{ $other }" bank has; keep every placeholder as it is
parity-extra-placeholder = { $who }has { $name }, but its { $field } in the "{ $other }" bank has not; keep every placeholder as it is
parity-missing-id = { $what } "{ $id }" is missing; the "{ $other }" bank has it at { $list }[{ $i }], so add it
parity-extra-id = { $what } "{ $id }" is not in the "{ $other }" bank; remove it, or add it there too
parity-order = is { $what } "{ $here }", but { $place } is "{ $there }" in the "{ $other }" bank; keep them in the same order
parity-missing-scale = scale "{ $name }" is missing; the "{ $other }" bank has it, so add it
parity-extra-scale = scale "{ $name }" is not in the "{ $other }" bank; remove it, or add it there too
json-hint-nests = { $text }; check what made it
json-hint-eof = { $text }: the file ends too early; check for a missing {"}"} or ]
json-hint-syntax = { $text }: fix the JSON syntax here
json-hint-missing = { $text }: add it
json-hint-unknown = { $text }: remove it or fix its spelling
json-hint-data = { $text }: fix this value
json-hint-io = { $text }: could not read the input
# What serde_json says, as json_error.rs words it plainly: each English text is
# matched in serde's message and replaced with the other language's.
json-nests = the file nests [ ] or {"{"} {"}"} more than 128 levels deep: no valid file does
json-eof = the text ended while reading
json-eof-value = the text ended while reading a value
json-eof-list = the text ended while reading a list
json-eof-object = the text ended while reading an object
json-eof-string = the text ended while reading a string
json-control-character = control character (\u0000-\u001F) found while parsing a string
json-expected-u8 = expected a whole number from 0 to 255
json-expected-whole = expected a whole number
json-expected-number = expected a number
json-expected-list = expected a list in [ ]
json-expected-object = expected an object in {"{"} {"}"}
json-expected-bool = expected true or false
json-expected-string = expected a string
json-expected-value = expected value
json-expected-comma-list = expected `,` or `]`
json-expected-comma-object = expected `,` or `{"}"}`
json-expected-colon = expected `:`
json-expected-ident = expected ident
json-expected-one-of = expected one of
json-expected = expected
json-found-list = found a list
json-found-object = found an object
json-found-text = found the text
json-found-number = found the number
json-found-null = found null
json-found = found
json-trailing-characters = trailing characters
json-trailing-comma = trailing comma
json-invalid-escape = invalid escape
json-invalid-number = invalid number
json-number-out-of-range = number out of range
json-key-must-be-a-string = key must be a string
json-missing-field = missing field
json-unknown-field = unknown field
json-duplicate-field = duplicate field
json-unknown-variant = unknown variant
json-invalid-value = invalid value
json-invalid-length = invalid length
json-no-fields = there are no fields
# (end of store and bank messages)

## Command-line help (src/cli.rs, src/command/shell.rs)
# The words clap writes itself (Spanish: src/cli.rs puts them in; English: clap's own).
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-possible-values = Possible values:
cli-default = [default: { $value }]
cli-values = [possible values: { $values }]
cli-env = [env: { $var }]
cli-usage-options = [OPTIONS]
cli-help-flag = Print help
cli-help-flag-more = Print help (see more with '--help')
cli-help-flag-summary = Print help (see a summary with '-h')
cli-version-flag = Print version
cli-help-command = Print this message or the help of the given subcommand(s)
cli-help-command-arg = Print help for the subcommand(s)
cli-value-file = FILE
cli-value-code = CODE
cli-value-lang = LANG
cli-value-dir = DIR
cli-value-date = DATE
cli-value-format = FORMAT
cli-value-type = TYPE
cli-value-command = COMMAND
# A usage error, in one line.
cli-error = sidecheck: error: { $what }{ $allowed }; see `sidecheck --help`
cli-error-allowed = ; use one of: { $values }
cli-error-bad = bad arguments
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-invalid-value-why = invalid value '{ $value }' for '{ $arg }': { $why }
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized subcommand '{ $name }'
cli-error-missing = the following required arguments were not provided: { $args }
cli-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-repeated = the argument '{ $arg }' cannot be used multiple times
cli-error-no-value = a value is required for '{ $arg }' but none was supplied
cli-error-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-utf8 = invalid UTF-8 was detected in one or more arguments
cli-last-invalid = give a whole number of check-ins, 1 or more
# The manual page's section titles (clap_mangen writes the first five).
cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-version = VERSION
cli-man-commands = COMMANDS
cli-man-examples = EXAMPLES
cli-man-one-of = One of: { $values }.
cli-completions-not-utf8 = the completion script is not UTF-8 text; this is a bug
cli-man-not-utf8 = the manual page is not UTF-8 text; this is a bug
cli-man-failed = cannot make the manual page: { $error }
# Each command's and option's --help: cli-COMMAND-about, -after (the examples), cli-COMMAND-OPTION, cli-COMMAND-OPTION-VALUE.
cli-about = A private, plain-language self-check for side effects, withdrawal and dependence on baclofen (or another medicine, with --bank)
cli-after =
    Examples:
      sidecheck                              Start the guided check (same as `sidecheck check`)
      sidecheck check --answers answers.json Run the check from a file, no terminal needed
      sidecheck check --resume               Finish the check-in you stopped last
      sidecheck show last                    Show the last saved check-in
      sidecheck history --last 10            Trends and a table of your last 10 check-ins
      sidecheck export --format html --output report.html
                                             A printable page for your clinician
      sidecheck bank questions               List the question ids for an answers file
      sidecheck regions                      List regions and their emergency numbers
      sidecheck check --baseline             A check-in before you start or change the dose,
                                             to compare later ones with
      sidecheck baseline last                Mark your last check-in as that baseline
      sidecheck profile                      Show (and change) your answers about you
      sidecheck profile --set kidney=yes,older=no
                                             Change them without questions
      sidecheck import sidecheck-rescue-ID.json
                                             Add a check-in that could not be saved to the log
      sidecheck completions bash             Tab completion for your shell (also zsh, fish,
                                             powershell)
      sidecheck man                          The manual page, for `man`

    Every command's --help has examples of its own (`sidecheck check --help`).

    If a check-in cannot be saved (disk full, log locked, log not a plain file), its answers
    are kept in a private sidecheck-rescue-ID.json beside the data folder (or in your home
    folder); `sidecheck import FILE` adds it to the log later, once.

    Environment: SIDECHECK_DATA_DIR (same as --data-dir); SIDECHECK_LOCK_WAIT_SECS, how long
    a save waits for another sidecheck using the log (default 15), saying so while it waits.

    Exit codes: 0 ok, 1 runtime or I/O failure, 2 bad usage or input, 130 stopped with Ctrl-C,
    129 the terminal hung up, 143 stopped by SIGTERM (the answers so far are saved).

    This is a self-check, not a diagnosis. It does not replace your doctor or nurse.
cli-bank = Use this question bank file instead of the built-in baclofen bank
cli-region = Country or region for emergency and crisis numbers (e.g. US, GB, AU). Default: the country in LC_ALL, LC_MESSAGES or LANG, else US
cli-lang = Language of the questions and messages: en or es. Default: SIDECHECK_LANG, else Spanish when LC_ALL, LC_MESSAGES or LANG is es_*, else English
cli-data-dir = Folder for the private log. Default: the platform's data folder
cli-check-about = Run the self-check (guided in a terminal, or from an answers file)
cli-check-after =
    Examples:
      sidecheck check                          The guided check, one question at a time
      sidecheck check --answers answers.json   From a file, no terminal needed
      sidecheck check --answers - --json < answers.json
                                               From standard input; print the saved record
      sidecheck check --resume                 Finish the check-in you stopped last
      sidecheck check --baseline               A check-in to compare later ones with
      sidecheck check --for-someone            Answer for the person you care for
      sidecheck --region GB check              Show UK numbers in alerts

    An answers file looks like {"{"}"breathing": false, "drowsiness": "mild", ...{"}"};
    `sidecheck bank questions` lists every id and the answers it takes.
cli-check-answers = Take the answers from a JSON file (`-` for standard input) instead of asking. The file maps question ids to answers: true/false, an option id or score 0-4, a number, or a text. See `sidecheck bank questions` for the ids. A "profile" object ({"{"}"kidney": true{"}"}) gives "about you" answers for this check-in only, over the saved ones (`sidecheck profile`)
cli-check-resume = Finish the check-in you stopped last (Ctrl-C, a closed window, or stopping at an alert), if it started in the last 7 days with the same questions: your earlier answers are kept and the questions go on from the first one not answered. It is saved as a new check-in that replaces the stopped one in history and exports. With --answers, the file answers the rest. If there is nothing to finish, it says why and starts a new check-in
cli-check-json = Print the saved record as JSON on standard output
cli-check-for-someone = Answer for someone you care for: every question and alert is about them ("has the person you care for had ..."), and the check-in notes that a caregiver answered. Without it, the guided check asks who is answering
cli-check-baseline = Mark this check-in as your baseline: take it before you start the medicine, or before a dose change, so that history and exports can show what changed since. A stopped check-in is not marked (the questions it never reached are not the same as "none")
cli-show-about = Show one saved check-in
cli-show-after =
    Examples:
      sidecheck show                   The last saved check-in (the same as `show last`)
      sidecheck show 20261130-0815     The check-in whose id starts so
      sidecheck show last --json       The last check-in as JSON

    `sidecheck history` lists the check-ins with their ids.
cli-show-which = A check-in id (or the start of one), or `last`
cli-show-json = Print the record as JSON
cli-bank-about = Work with question banks
cli-bank-after =
    Examples:
      sidecheck bank questions                   Every question id, for an answers file
      sidecheck bank questions --json            The same as a JSON array
      sidecheck bank validate my-bank.json       Check a bank file, listing every problem
      sidecheck bank schema > bank.schema.json   The JSON Schema for bank files
      sidecheck --bank my-bank.json check        Run the check with your own bank
cli-bank-validate-about = Check bank files and report every problem found
cli-bank-validate-after =
    Examples:
      sidecheck bank validate my-bank.json
      sidecheck bank validate questions/*.json
      sidecheck bank validate questions/baclofen.en.json questions/baclofen.es.json

    A file with the same bank id as an earlier one, in another language, is its translation:
    every difference that is not text (an id, a kind, a score, a condition, an alert's rule
    or level, a placeholder) is reported.
cli-bank-validate-files = Bank files to check
cli-bank-schema-about = Print the JSON Schema for bank files
cli-bank-schema-after =
    Examples:
      sidecheck bank schema > bank.schema.json
cli-bank-questions-about = List every question: id, section, kind, text, allowed answers, condition, alerts
cli-bank-questions-after =
    Examples:
      sidecheck bank questions
      sidecheck --bank my-bank.json bank questions --json
cli-bank-questions-json = Print a JSON array
cli-regions-about = List the regions and their emergency, crisis and poison numbers
cli-regions-after =
    Examples:
      sidecheck regions                The regions and their numbers, with sources
      sidecheck regions --json         The same table as JSON
      sidecheck --region GB check      Use one region's numbers for a check
cli-regions-json = Print the table as JSON
cli-history-about = Show trends (a sparkline per section and symptom) and a table of past check-ins
cli-history-after =
    Examples:
      sidecheck history                         Every check-in
      sidecheck history --last 10               The last 10 check-ins
      sidecheck history --since 2026-11-01      From 1 November (local time) on
      sidecheck history --since 2026-11-01 --until 2026-11-30 --json

    Dates are YYYY-MM-DD (a whole day, local time) or RFC 3339 times; both ends are included.
    Grades go from 0 (none) to 4 (very severe); moderate or worse is grade 2 or more.
    A section cell reads "2 mod+, top 3": 2 symptoms at moderate or worse, highest grade 3.
    Trends use completed check-ins only. ▁ is 0, █ the highest in the period.
cli-history-since = Only check-ins on or after this day (YYYY-MM-DD, local time) or time (RFC 3339)
cli-history-until = Only check-ins on or before this day (the whole day) or time
cli-history-last = Only the last N check-ins (of the period, if one is given)
cli-history-json = Print the same content as JSON
cli-export-about = Export check-ins: a JSON report, an HL7 FHIR R4 Bundle, CSV, or a printable HTML page
cli-export-after =
    Examples:
      sidecheck export --format html --output report.html   A printable page for your clinician
      sidecheck export --format csv --since 2026-11-01      One row per answer, for a spreadsheet
      sidecheck export --format json --output report.json   Every check-in with a summary
      sidecheck export --format fhir --output bundle.json   An HL7 FHIR R4 Bundle (collection)
      sidecheck export --format fhir --bundle transaction   A Bundle to POST to a FHIR server
      sidecheck export --schema                             The JSON Schema of the JSON report

    Dates are YYYY-MM-DD (a whole day, local time) or RFC 3339 times; both ends are included.
    Files are written privately (mode 600) and never replace a file unless you add --force.
cli-export-format = What to write: json (report with summary), fhir (FHIR R4 Bundle), csv (one row per answer) or html (one printable page)
cli-export-format-json = A JSON report: every check-in and a summary
cli-export-format-fhir = An HL7 FHIR R4 Bundle: the questions as a Questionnaire, each check-in as a QuestionnaireResponse
cli-export-format-csv = CSV, one row per answer
cli-export-format-html = One printable HTML page for a clinician
cli-export-since = Only check-ins on or after this day (YYYY-MM-DD, local time) or time (RFC 3339)
cli-export-until = Only check-ins on or before this day (the whole day) or time
cli-export-output = Write to this file (private, written in one step) instead of standard output
cli-export-force = Replace the --output file if it exists
cli-export-bundle = For --format fhir: the Bundle type. `transaction` adds a POST request to each entry, ready to send to a FHIR server. Default: collection
cli-export-bundle-collection = A set of resources to keep or send as a file
cli-export-bundle-transaction = A transaction: each entry is a POST, for a FHIR server's base URL
cli-export-csv-raw = For --format csv: write every text exactly as it is, for analysis tools (pandas, R). By default a text that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it and never runs it as a formula; do not open a raw file in a spreadsheet
cli-export-schema = Print the JSON Schema of the JSON report and exit
cli-import-about = Add a check-in kept in a rescue file (written when a save failed) to the log. A check-in already in the log is not added again
cli-import-after =
    Examples:
      sidecheck import sidecheck-rescue-20261130-081500-1a2b3c4d5e6f.json
                                      Add a check-in kept when its save failed
      sidecheck import checkin.json   Any file holding one check-in record as JSON

    A check-in already in the log is not added again, so importing twice is safe.
cli-import-file = The rescue file (`sidecheck-rescue-<id>.json`), or any file holding one check-in record as JSON
cli-baseline-about = Mark a check-in as your baseline: how you were before you started the medicine, or before a dose change. History and exports compare later check-ins with it. With no ID, shows which check-in is the baseline
cli-baseline-after =
    Examples:
      sidecheck baseline                  Which check-in is your baseline now
      sidecheck baseline last             Mark your last check-in as the baseline
      sidecheck baseline 20261130-0815    Mark the check-in whose id starts so
      sidecheck check --baseline          Take a new check-in and mark it
cli-baseline-which = The check-in to mark: an id, the start of one, or `last`. Leave it out to see which check-in is the baseline now
cli-profile-about = Show or change your "about you" answers (kidney problems, age 65 or older, pregnant or breastfeeding, epilepsy, driving). They are asked once, at the first guided check, kept in profile.json in the data folder, and can lower the point at which an answer raises an alert
cli-profile-after =
    Examples:
      sidecheck profile                             Show your answers (in a terminal, change them)
      sidecheck profile --set kidney=yes,older=no   Change them without questions
      sidecheck profile --answers about-me.json     Take them from a file: {"{"}"kidney": true{"}"}
      sidecheck profile --json                      Print them as JSON
cli-profile-set = Change answers without asking: ID=yes or ID=no, separated by commas or with --set again (e.g. --set kidney=yes,older=no). Other answers stay as they are
cli-profile-answers = Take answers from a JSON file (`-` for standard input) that maps item ids to true or false, like {"{"}"kidney": true, "drives": false{"}"}. Other answers stay as they are
cli-profile-json = Print the answers as JSON (after any change); never asks
cli-completions-about = Print a tab-completion script for your shell (bash, zsh, fish or powershell)
cli-completions-after =
    Examples:
      sidecheck completions bash > ~/.local/share/bash-completion/completions/sidecheck
      sidecheck completions zsh > ~/.zfunc/_sidecheck
                          (with fpath+=~/.zfunc before compinit in ~/.zshrc)
      sidecheck completions fish > ~/.config/fish/completions/sidecheck.fish
      sidecheck completions powershell >> $PROFILE

    Open a new shell afterwards; `sidecheck <Tab>` then offers the commands and options.
cli-completions-shell = The shell to write the script for
cli-man-about = Print the manual page (roff, as `man` reads it)
cli-man-after =
    Examples:
      sidecheck man | man -l -      Read the manual page without installing it
      mkdir -p ~/.local/share/man/man1
      sidecheck man > ~/.local/share/man/man1/sidecheck.1
                                    Install it; then `man sidecheck`
# (end of help)

## The CSV export (src/export/csv*)

# answered_of_asked: "12 of 31"; when the number asked is not known, "12 of unknown".
csv-answered-of-asked = { $answered } of { $asked }
csv-asked-unknown = unknown
# (end of CSV)

## The JSON and HTML exports (src/export/json*, src/export/html*, src/output.rs)

# The printable page (src/export/html*). Each message is a piece of the page's
# HTML, written as it stands: the code escapes every argument (a text from the
# bank or the log) before it goes in.
html-page-title = { $title } – report
html-lede = A report for the care team of a person taking { $med }, made from the self-checks they (or someone who cares for them) answered. Each check asks about { $recall }.
html-report-for = Report for
html-date-of-birth = Date of birth
html-medicine = Medicine
html-period = Period
html-first-last = (first check-in { $first }, last { $last })
html-check-ins = Check-ins
html-check-ins-counts = { $total } ({ $completed } completed, { $stopped } stopped before the end)
html-damaged-lines = { $count ->
    [one] { $count } damaged line of the log could not be read
   *[other] { $count } damaged lines of the log could not be read
}
html-made = Made
html-no-check-ins = There are no check-ins in this period.
html-alerts-heading = Urgent alerts
html-alerts-none = No urgent alerts in this period.
html-alerts-none-standing = No urgent alert stands in this period.
html-alert-count = { $count ->
    [one] { $count } urgent alert
   *[other] { $count } urgent alerts
}
html-check-in-count = { $count ->
    [one] { $count } check-in
   *[other] { $count } check-ins
}
html-alerts-standing = { $alerts } in { $check_ins }. Each one told the person what to do and whom to call at the time.
html-alerts-below = below
html-alerts-after-standing = after the standing ones
html-alerts-retracted = { $count ->
    [one] { $count } urgent alert was shown to the person and then retracted: they went back and changed the answer it rested on, so it no longer holds. The person did give the first answer and saw the alert; the answer saved is the changed one. It is listed { $where }, marked <b>Retracted</b>.
   *[other] { $count } urgent alerts were shown to the person and then retracted: they went back and changed the answer it rested on, so it no longer holds. The person did give the first answer and saw the alert; the answer saved is the changed one. They are listed { $where }, marked <b>Retracted</b>.
}
html-alerts-caption = Urgent alerts: { $standing } standing, { $retracted } retracted
html-col-date = Date
html-col-level = Level
html-col-alert = Alert
html-col-status = Status
html-col-check-in = Check-in
html-col-symptoms = Symptoms and severity
html-col-notes = Notes
html-col-scale = Scale
html-col-answers = Answers and grades
html-level-emergency = Emergency
html-level-crisis = Crisis
html-level-prescriber = Call prescriber today
html-level-advice = Advice
html-retracted-mark = (retracted)
html-retracted-status = Retracted: { $how }
html-standing = Standing
html-baseline-heading = Compared with the baseline
html-baseline-since = Since the baseline, at the latest completed check-in ({ $at }):
html-baseline-none-reported = No symptom was reported at either check-in.
html-baseline-every-other = Every other symptom: none (or no) at both.
html-baseline-nothing-yet = Nothing to compare yet: { $why }.
html-symptoms-heading = Symptoms by date
html-symptoms-none = No check-ins in this period.
html-symptoms-intro = Symptoms reported at each check-in with their grade (0 none to 4 very severe), and per section the number of symptoms at moderate or worse (grade 2 or more) and the highest grade. Answers of none or no are left out, except in a check-in stopped before the end: it lists every answer it has, so what was not asked is never read as none. <b>⚠ urgent</b> marks every answer that raised or contributed to an urgent alert that stood.
html-symptoms-caption = { $count ->
    [one] Symptoms at each check-in ({ $count } check-in)
   *[other] Symptoms at each check-in ({ $count } check-ins)
}
html-stopped = Stopped
html-completed = Completed
html-baseline-mark = Baseline
html-nothing-answered = Nothing was answered.
html-answers-given = Answers given:
html-no-symptoms = No symptoms reported
html-urgent-tag = urgent:
html-urgent-item = Urgent ({ $level }): { $title }
html-retracted-item = Retracted urgent alert ({ $level }): { $title }; { $how }
html-section-graded = { $moderate } of { $graded } at moderate or worse, highest grade { $highest }
html-section-yes = { $yes } yes
html-grade-of = (grade { $grade } of { $top })
html-yes = Yes
html-no = No
html-scales-heading = How to read the grades
html-scales-grades = Each symptom has its own grade from 0 (none) to 4 (the worst), as in PRO-CTCAE. There is no total score: grades of different symptoms are not added up. For each section the report gives the number of symptoms at <b>moderate or worse</b> (grade 2 or more) out of every graded question of the section, and the <b>highest grade</b>. Yes/no questions (such as a seizure) have no grade: a yes is listed by name and counted apart. <b>Urgent findings</b> are the urgent alerts that stood at the end of a check-in, each counted once. A check-in stopped before the end (<i>Stopped after N of M questions</i>) is listed with every answer it has, none and no included (the questions after those were not asked), but never charted or used for a trend.
html-scales-answer-scales = Answer scales
html-scales-trends-alerts = Trends and alerts
html-scales-trends = The trend is a straight line fitted through a section's count of symptoms at moderate or worse (or a symptom's grade), completed check-in by completed check-in. <b>Worse ↑</b> means the line rose by at least half a point over the period, <b>better ↓</b> that it fell by that much, and <b>steady →</b> that it moved less. <b>Emergency at the last check-in</b> replaces the word whenever the latest check-in raised an emergency alert from that section or symptom.
html-scales-alerts = Urgent alerts were shown during the check-in. <b>Emergency</b>: the person was told to call the emergency number now. <b>Crisis</b>: to contact a crisis line now. <b>Call prescriber today</b>: to call their prescriber the same day. A <b>Retracted</b> alert was seen by the person, who then went back and changed the answer it rested on; it is listed after the standing ones, with when it was shown and when the answer was changed, and does not count as standing.
html-scales-charted = Sections with graded symptoms (charted): { $sections }.
html-scales-caption = Each answer and its grade, by scale
html-scale-severity = severity
html-scale-frequency = frequency
html-scales-yes-no = yes or no
html-scales-yes-no-grade = No grade; a yes is counted apart: { $questions }
html-footer = Made by sidecheck { $version } from the person's own answers. It is not a diagnosis.
html-trends-heading = Trends by section
html-trends-none = Nothing to chart.
html-trends-intro = Each chart shows, for one section, how many of its symptoms were at moderate or worse (grade 2 or more) at each completed check-in, oldest on the left. The top of each chart is the number of graded questions in the section. Check-ins stopped before the end are not charted.
html-trends-baseline = The dashed line marked "baseline" is the same count at the baseline check-in of { $at } (how the person was before the medicine or a dose change).
html-chart-caption = { $count ->
    [one] — { $trend }; symptoms at moderate or worse: first { $first }, last { $last }, most { $most } of { $possible }; { $count } completed check-in
   *[other] — { $trend }; symptoms at moderate or worse: first { $first }, last { $last }, most { $most } of { $possible }; { $count } completed check-ins
}
html-chart-baseline = ; dashed line: the baseline, { $value } of { $possible }
html-chart-baseline-missing = ; the baseline check-in did not reach this section
html-chart-label = { $section }: symptoms at moderate or worse by date
html-chart-label-baseline = , dashed line at { $value }: the baseline
html-chart-axis-count = Moderate+
html-chart-axis-date = Date
html-chart-baseline-label = baseline
# (end of JSON and HTML)

## The FHIR export (src/export/fhir*)
# Warnings on the terminal, in the language in use.
fhir-condition-not-written = the condition of question "{ $question }" ({ $condition }) cannot be written as FHIR enableWhen; the Questionnaire shows that question without it
fhir-other-bank = { $count } check-in(s) made with the question bank "{ $bank }" were left out; export them with --bank FILE for that bank
fhir-unknown-answers = { $count } answer(s) to questions that bank { $bank } { $version } does not have were left out
fhir-caregiver = Caregiver who answered for the person
fhir-subject = The person the check-in is about (sidecheck keeps no name or other identifier)
fhir-author = sidecheck, a self-check program: an automatic alert shown to the person
fhir-description = Self-check about { $medication }, asking about { $recall }. { $notice }
fhir-alerts-group = Urgent alerts shown during the check-in
fhir-alerts-standing = Urgent alerts shown that still stand
fhir-alerts-retracted = Urgent alerts shown, then the answer was changed so they no longer hold
# One urgent alert shown, as the response's alerts group lists it; $level is its code.
fhir-alert-line = { $title } ({ $level }, question { $question })
fhir-alert-shown-at = ; shown at { $time }
# $shown and $changed are fhir-at, or empty when the time is not known.
fhir-alert-retracted = ; shown{ $shown }, then the answer was changed{ $changed }
fhir-at = {" "}at { $time }
fhir-flag-region = Numbers shown for region { $region }.
fhir-flag-retracted = Retracted: { $words }. { $text }
fhir-stopped-note = The check-in was { $words }; these numbers count only the answers given.
fhir-section-display = { $title }: section findings
fhir-baseline-ref = The baseline check-in { $id }
fhir-baseline-ref-absent = The baseline check-in { $id } (not in this Bundle)
# (end of FHIR)

## Answering for someone else (caregiver mode)
receipt-moderate-advice-caregiver = { $count ->
    [one] This symptom was moderate or worse: { $names }. Tell their prescriber at their next visit, or sooner if it gets worse.
   *[other] These symptoms were moderate or worse: { $names }. Tell their prescriber at their next visit, or sooner if they get worse.
}
caregiver-history-mark = (caregiver)
caregiver-who-no-back = Esc does not go back from here. Choose one, then press Enter.
caregiver-who-asks = Are you answering for yourself or for someone you care for?
caregiver-who-self = For myself
caregiver-who-caregiver = For someone I care for
caregiver-answering = You are answering for the person you care for. Each question and alert is about them.
caregiver-answered-by = Filled in by someone who cares for the person.
caregiver-kept-stopped = kept who answered the stopped check-in; --for-someone or the "respondent" in the answers file was not used
caregiver-no-wording = the question bank { $bank } has no words for someone who answers for another person (no text_caregiver), so it cannot be used to answer for someone
caregiver-file-respondent = { $name }: "{ $key }" must be "self" or "caregiver"
caregiver-file-says-self = { $name }: the answers file says "respondent": "self", but --for-someone says a caregiver answers; leave one of them out
about-you-progress-caregiver = About them · { $n } of { $total }
about-you-first-caregiver = This is the first question about them.
about-you-heading-caregiver = == About the person you care for ==
about-you-why-caregiver = First, a few questions about the person you care for. They help decide when an answer needs a warning. You answer them once. They are kept in the private data folder, and you can change them with `sidecheck profile`.
receipt-profile-caregiver = About them, as answered then: { $said }.
receipt-still-applies-caregiver = If it still applies to them:
# (end of caregiver mode)
