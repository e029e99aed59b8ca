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
# (end of history)

## Report and grade labels (src/report*, src/grades*, src/checkins.rs, src/scan*)
# (end of report labels)

## The log, the store and bank files (src/store/*, src/record*, src/bank/*, src/json_error.rs)
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
receipt-moderate-advice-caregiver = { $count ->
    [one] This symptom was moderate or worse: { $names }. Tell their prescriber at their next visit, or sooner if it gets worse.
   *[other] These symptoms were moderate or worse: { $names }. Tell their prescriber at their next visit, or sooner if they get worse.
}
caregiver-history-mark = (caregiver)
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
