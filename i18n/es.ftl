# Las palabras de sidecheck en la terminal, en español (neutro, de usted). Cada
# mensaje tiene el mismo id en en.ftl (una prueba falla si no).

## Las preguntas (src/prompt.rs)

prompt-no-back = Esc no vuelve atrás aquí: pulse Enter para seguir, o escriba n.
prompt-yes-no-default-yes = (S/n)
prompt-yes-no-default-no = (s/N)
prompt-yes-no = (s/n)
# Lo que vale como sí y como no, separado por espacios. También se acepta y.
prompt-yes-words = s sí si y yes
prompt-no-words = n no
prompt-yes-no-again = Escriba s para sí o n para no, y luego pulse Enter.
prompt-shown-yes = sí
prompt-shown-no = no
prompt-shown-nothing = (nada)
prompt-list-help = ↑↓ o { $keys } para moverse, Enter para elegir · Esc: atrás
prompt-answer = Respuesta: { $answer }
prompt-went-back = (volvió atrás)
prompt-stopped = (detenido)
prompt-list-plain-help = Escriba { $keys } y luego Enter (solo Enter: { $keep }). Esc y luego Enter: atrás.
prompt-list-again = Escriba uno de { $keys } y luego pulse Enter.
prompt-enter-keeps = (solo Enter deja: { $start })
prompt-more = más
prompt-text-limit = El límite es de { $max } caracteres: los últimos { $dropped } no se agregaron. Acórtelo, o pulse Enter para guardarlo así.

## El control guiado (src/terminal.rs)

terminal-needs-unix = el control guiado necesita una terminal Unix en este sistema; dé las respuestas con --answers ARCHIVO
terminal-profile-needs-unix = para cambiar las respuestas se necesita una terminal Unix en este sistema; use `sidecheck profile --set ID=yes`
hint-yes-no = Escriba s o n, y luego Enter
hint-back = Esc: atrás
hint-number = Escriba { $range }, y luego Enter
hint-text = Escriba su respuesta, o pulse solo Enter para saltarla
about-you-progress = Sobre usted · { $n } de { $total }
about-you-first = Esta es la primera pregunta sobre usted.
about-you-heading = == Sobre usted ==
about-you-why = Primero, unas preguntas sobre usted. Ayudan a decidir cuándo una respuesta necesita un aviso. Las responde una sola vez. Se guardan en su carpeta privada de datos, y puede cambiarlas con `sidecheck profile`.
profile-change-ask = ¿Quiere cambiar estas respuestas?
section-heading = == { $section } ==
question-of = { $section } · Pregunta { $n } de { $total }
question-first = Esta es la primera pregunta.
start-press-enter = Pulse Enter para empezar (o escriba n para salir).
start-carry-on = Pulse Enter para seguir (o escriba n para salir).
start-keys = Esc vuelve a la pregunta anterior. Ctrl-C detiene el control y guarda sus respuestas.
alert-read = Ya leí esto. Pulse Enter para seguir (o escriba n para parar aquí).
range-whole-number = un número entero del { $min } al { $max }
range-number = un número del { $min } al { $max }

## Los avisos (src/alert.rs) y sus números (src/region.rs)

level-advice = CONSEJO
level-prescriber = LLAME HOY A QUIEN LE RECETA
level-crisis = BUSQUE APOYO AHORA
level-emergency = EMERGENCIA: PIDA AYUDA AHORA
alert-no-crisis-line = No hay una línea de crisis para { $region }; llame al { $call } ({ $name }).
region-note-unknown = sidecheck no tiene números para { $code }: llame al número de emergencias de su zona. Para elegir una región, vuelva a ejecutarlo con --region CÓDIGO (vea `sidecheck regions`).
region-note = Números para { $chosen }. ¿No es su país? Vuelva a ejecutarlo con --region CÓDIGO (vea `sidecheck regions`).
reach-call-or-text = llame o envíe un mensaje de texto al { $call }
reach-call-and-text = llame al { $call } o envíe un mensaje de texto: { $text }
reach-call = llame al { $call }
region-table-broken = la tabla de números de emergencia incluida está dañada ({ $place }: { $reason }); esta copia de sidecheck no se puede usar, así que vuelva a instalarla
region-unknown-country = { $code }, el país de su configuración regional, para el que no hay números aquí
region-uses = { $asked } usa los números de { $code }
region-from-flag = elegida con --region
region-from-locale = según { $var }
region-default = la región predeterminada
region-unknown-code = región desconocida "{ $asked }"; use una de { $codes } o el código de un país europeo (vea `sidecheck regions`)

## El resumen después del control (src/receipt.rs)

receipt-completed = completo
receipt-stopped = detenido antes del final
receipt-check-in = Control { $id } ({ $when }, { $status })
receipt-about = Sobre { $period }.
receipt-profile-all-no = no a todas las preguntas
receipt-profile = Sobre usted, según respondió entonces: { $said }.
receipt-urgent-none = Alertas urgentes: ninguna.
receipt-urgent = ALERTAS URGENTES:
receipt-retracted = Alertas que se mostraron y luego se cambió la respuesta:
receipt-still-applies = Si todavía es su caso:
receipt-reported = Lo que usted contó:
receipt-no-symptoms = No contó ningún síntoma.
receipt-moderate-advice = { $count ->
    [one] Este síntoma fue moderado o peor: { $names }. Dígaselo a quien le receta en su próxima cita, o antes si empeora.
   *[other] Estos síntomas fueron moderados o peores: { $names }. Dígaselo a quien le receta en su próxima cita, o antes si empeoran.
}
receipt-advice = Consejos:
receipt-section-graded = moderados o peores: { $moderate } de { $graded } { $graded ->
    [one] síntoma
   *[other] síntomas
}, grado más alto { $highest } de { $top }
receipt-section-yes = { $yes } sí
receipt-section-urgent = { $count } { $count ->
    [one] hallazgo urgente
   *[other] hallazgos urgentes
}

## `sidecheck check` (src/command/check.rs)

check-no-terminal = no hay una terminal donde hacer las preguntas; ejecútelo en una terminal, o dé las respuestas con --answers ARCHIVO (vea --help)
check-alerts-still-apply = Estas respuestas mostraron alertas urgentes, y todavía valen:
check-kept-stopped-profile = se conservaron las respuestas "sobre usted" del control detenido; no se usó el "profile" del archivo de respuestas
check-profile-kept = Se guardaron en { $path }. Puede cambiar estas respuestas con `sidecheck profile`.
check-profile-not-kept = { $error }. Este control las usa de todos modos; ejecute `sidecheck profile` más tarde para guardarlas.
check-did-not-carry-on = No siguió. No se guardó nada nuevo; todavía puede terminar el control { $id } con `sidecheck check --resume`.
check-did-not-start = No empezó el control. No se guardó nada.
check-stopped-no-answer = Se detuvo antes de responder. No se guardó nada.
check-stopped-no-new-answer = Se detuvo antes de dar una respuesta nueva. No se guardó nada nuevo; para terminar el control { $id } más tarde, ejecute `sidecheck check --resume`.
check-stopped-not-baseline = No se marcó como su punto de partida: las preguntas a las que no llegó no equivalen a "nada". Para terminarlo y marcarlo, ejecute `sidecheck check --resume --baseline`.
check-saving = Guardando…
check-saved = Se guardó en { $path } (control { $id }).
check-finishes-stopped = Termina el control que usted detuvo ({ $id }); el historial y los informes muestran los dos como este.
check-saved-stopped = { $count ->
    [one] Detenido. Su única respuesta hasta ahora se guardó como un control incompleto en { $path } (control { $id }). Para terminarlo más tarde, ejecute `sidecheck check --resume`.
   *[other] Detenido. Sus { $count } respuestas hasta ahora se guardaron como un control incompleto en { $path } (control { $id }). Para terminarlo más tarde, ejecute `sidecheck check --resume`.
}
check-no-profile-note = sidecheck: nota: no hay respuestas "sobre usted" guardadas, así que este control no usó ninguna; guárdelas con `sidecheck profile --set kidney=yes,older=no` o con un objeto "profile" en el archivo de respuestas.
check-rescue-unmarked = ; todavía no está marcado como su punto de partida: después de importarlo, ejecute `sidecheck baseline { $id }`
check-rescued = { $error }; sus respuestas se guardaron en { $path } (privado, modo 600): cuando el registro vuelva a funcionar, agréguelas con: sidecheck import { $path }{ $unmarked }
check-not-rescued = { $error }; tampoco se pudo escribir una copia de rescate ({ $reason }); el control aparece arriba como una línea JSON: guárdela en un archivo y agréguela más tarde con: sidecheck import ARCHIVO{ $unmarked }

## Terminar un control detenido (src/resume.rs)

resume-new-instead = empieza un control nuevo
resume-none = no hay un control detenido que terminar; { $new }
resume-completed = su último control ({ $at }, { $id }) se completó; no hay nada que terminar, así que { $new }
resume-finished-by = su control del { $at } ya se terminó con el control { $by }; { $new }
resume-other-bank = su control del { $at } usó las preguntas de { $was } { $was_version }, y estas son de { $bank } { $version }; sus respuestas no se pueden pasar, así que { $new }
resume-too-old = su control del { $at } empezó hace más de { $days } días, y las preguntas son sobre los últimos { $days } días; { $new }
resume-answer-misfits = su control del { $at } tiene una respuesta que no encaja con las preguntas ("{ $question }": { $why }); { $new }
resume-how-far = { $answered } de { $total } { $total ->
    [one] pregunta
   *[other] preguntas
}
resume-notice = Su control del { $at } se detuvo después de { $far }. Para terminarlo, ejecute `sidecheck check --resume`.
resume-finishing = Terminando su control del { $at } ({ $id }), detenido después de { $far }.
resume-answers-so-far = Sus respuestas hasta ahora:
resume-all-answered = Respondió todas las preguntas; al seguir, se guarda como completo.
resume-go-on = Las preguntas siguen desde la primera que aún no respondió. Esc vuelve atrás para cambiar una respuesta anterior.
resume-nothing-written = (no escribió nada)

## Errores y avisos (src/error.rs, src/command/context.rs)

error-interrupted = detenido
error-terminated = detenido por una señal de fin (SIGTERM)
error-hung-up = detenido: la terminal se cerró
context-data-dir-empty = la carpeta de datos está vacía; indique una carpeta con --data-dir CARPETA
context-no-home = no se encuentra una carpeta personal para el registro; indique una con --data-dir CARPETA
context-warning = sidecheck: aviso: { $text }
note = sidecheck: nota: { $text }

## Archivos de respuestas (src/scripted.rs, src/command/answers_file.rs)

scripted-empty = { $name }: el archivo de respuestas está vacío; escriba un objeto JSON que asigne respuestas a los id de las preguntas (vea `sidecheck bank questions`)
scripted-asked-because = se pregunta porque { $cond }
scripted-missing = { $name }: falta la respuesta a "{ $id }"{ $why }; agréguela con { $expected }
scripted-and-more = y { $more } más
scripted-unknown-ids = { $name }: id de pregunta desconocido { $ids }; vea los id con `sidecheck bank questions`
scripted-kept-earlier = se conservó la respuesta anterior a "{ $id }" del control detenido; no se usó la otra del archivo de respuestas
scripted-ignored = se ignoró la respuesta a "{ $id }": solo se pregunta cuando { $cond }, y no es el caso
answers-file-unreadable = no se puede leer el archivo de respuestas { $name } ({ $reason }); revise la ruta
answers-file-too-big = { $name }: el archivo de respuestas pesa más de 64 MiB; no puede ser un archivo de respuestas
answers-file-not-utf8 = { $name }: línea { $line }, columna { $col }: el archivo no es texto UTF-8 válido; guárdelo como UTF-8
expected-yes-no = true o false
expected-option = uno de { $ids } (o una puntuación del 0 al { $top })
expected-text = un texto de { $max } caracteres como máximo
tty-no-signals = no se pueden vigilar las señales ({ $error }); use --answers ARCHIVO

## Etiquetas guardadas con una respuesta de sí o no (src/flow/saved.rs), en el idioma del banco

label-yes = Sí
label-no = No

## `sidecheck regions` (src/command/regions.rs)

hotline-emergency = Emergencias
hotline-crisis = Crisis
hotline-poison = Intoxicaciones
regions-source = fuente: { $source }; revisado el { $checked }
regions-covers = También se usa para: { $codes }
regions-elsewhere = En cualquier otro lugar, las alertas dicen que llame al número de emergencias de su zona.
    Use --region CÓDIGO para elegir. Los números cambian: compruébelos con una fuente local.

## `sidecheck show` (src/command/show.rs)

show-none-saved = todavía no hay controles guardados (se buscó en { $log }); ejecute `sidecheck` para hacer uno
show-not-found = ningún control en { $log } tiene un id que empiece por "{ $which }"; `sidecheck history` los muestra, o use `sidecheck show last`
show-ambiguous = "{ $which }" coincide con { $matches } controles en { $log }; dé más caracteres del id (`sidecheck history` los muestra)
show-completed-later = Este control detenido se completó más tarde con el control { $later }, que tiene estas respuestas y las demás; el historial y los informes muestran solo ese (`sidecheck show { $later }`).
show-continued-later = Este control detenido se siguió (y se detuvo otra vez) más tarde con el control { $later }, que tiene estas respuestas y las demás; el historial y los informes muestran solo ese (`sidecheck show { $later }`).
show-finishes = Este control termina el control detenido { $stopped }: tiene esas respuestas y las demás.

## `sidecheck profile` (src/command/profile.rs)

profile-bank-asks-nothing = el banco de preguntas { $bank } no pregunta nada "sobre usted", así que no hay nada que mostrar ni guardar
profile-nothing-changed = No se cambió nada.
profile-saved = Se guardó en { $path }.
profile-saved-answers = Sus respuestas "sobre usted" ({ $path }, cambiadas el { $when }):
profile-none-saved = Todavía no hay respuestas "sobre usted" guardadas. Se preguntan en su primer control guiado.
profile-how-to-change = Cámbielas con `sidecheck profile` en una terminal, o por ejemplo con `sidecheck profile --set kidney=no`.
profile-line-yes = sí
profile-line-no = no
profile-line-not-answered = sin responder

## `sidecheck baseline` (src/command/baseline.rs)

baseline-already = El control { $id } del { $when } ya es su punto de partida; no se cambió nada.
baseline-marked = El control { $id } del { $when } es ahora su punto de partida. `sidecheck history` y todos los informes comparan los controles siguientes con él.
baseline-busy = otro sidecheck tuvo ocupado el registro durante { $secs } s
baseline-not-marked = el control { $id } está guardado, pero NO se marcó como su punto de partida: no se pudo agregar la marca a { $log } ({ $why }); inténtelo otra vez con `sidecheck baseline { $id }`
baseline-finished-later = el control { $id } se detuvo y luego se terminó como el control { $later }; marque ese: sidecheck baseline { $later }
baseline-stopped = detenido
baseline-refused = el control { $id } quedó { $words }, así que no puede ser su punto de partida: las preguntas a las que no llegó no equivalen a "nada"; termínelo con `sidecheck check --resume --baseline`, o marque un control completo (`sidecheck history` los muestra)
baseline-use-another = Para usar otro control, ejecute `sidecheck baseline ID`.

## `sidecheck import` (src/command/import.rs)

import-added = Se agregó el control { $id } de { $name } a { $log }. Ya puede borrar { $name }.
import-already-there = El control { $id } ya está en { $log }; no se cambió nada. Puede borrar { $name }.
import-not-a-check-in = { $name } no es un control que sidecheck pueda importar ({ $why }); indique un archivo de rescate escrito por sidecheck
import-not-a-file = no es un archivo normal
import-unreadable = no se puede leer { $name } ({ $reason }); revise la ruta
import-too-big = es mucho más grande que un control
import-not-utf8 = no es texto UTF-8
import-not-json = no es JSON: { $reason }
import-a-mark = { $name } tiene una marca de punto de partida, no un control; para marcar un control como su punto de partida, ejecute `sidecheck baseline ID`
import-newer = { $name } lo escribió un sidecheck más nuevo (versión de registro { $version }); actualice sidecheck y luego impórtelo
import-empty-id = su id está vacío

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
    [one] Este síntoma fue moderado o peor: { $names }. Dígaselo a quien le receta a esa persona en su próxima cita, o antes si empeora.
   *[other] Estos síntomas fueron moderados o peores: { $names }. Dígaselo a quien le receta a esa persona en su próxima cita, o antes si empeoran.
}
caregiver-history-mark = (persona cuidadora)
caregiver-who-asks = ¿Responde por usted o por una persona que usted cuida?
caregiver-who-self = Por mí
caregiver-who-caregiver = Por una persona que cuido
caregiver-answering = Usted responde por la persona que cuida. Cada pregunta y cada aviso son sobre esa persona.
caregiver-answered-by = Respondió alguien que cuida a esta persona.
caregiver-kept-stopped = se mantuvo quién respondió el control detenido; no se usó --for-someone ni el "respondent" del archivo de respuestas
caregiver-no-wording = el banco de preguntas { $bank } no tiene textos para quien responde por otra persona (no tiene text_caregiver), así que no sirve para responder por alguien
caregiver-file-respondent = { $name }: "{ $key }" debe ser "self" o "caregiver"
caregiver-file-says-self = { $name }: el archivo de respuestas dice "respondent": "self", pero --for-someone dice que responde una persona que cuida; quite uno de los dos
about-you-progress-caregiver = Sobre esa persona · { $n } de { $total }
about-you-first-caregiver = Esta es la primera pregunta sobre esa persona.
about-you-heading-caregiver = == Sobre la persona que usted cuida ==
about-you-why-caregiver = Primero, unas preguntas sobre la persona que usted cuida. Ayudan a decidir cuándo una respuesta necesita un aviso. Las responde una sola vez. Se guardan en la carpeta privada de datos, y puede cambiarlas con `sidecheck profile`.
receipt-profile-caregiver = Sobre esa persona, según se respondió entonces: { $said }.
receipt-still-applies-caregiver = Si todavía es el caso de esa persona:
# (end of caregiver mode)
