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
# (end of help)

## The CSV export (src/export/csv*)
# (end of CSV)

## The JSON and HTML exports (src/export/json*, src/export/html*, src/output.rs)
# (end of JSON and HTML)

## The FHIR export (src/export/fhir*)
# (end of FHIR)

## Answering for someone else (caregiver mode)
# (end of caregiver mode)
