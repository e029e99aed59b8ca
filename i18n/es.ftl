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
history-completed = completo
history-stopped = detenido
history-status = Estado
history-date = Fecha
history-id = Id del control
history-urgent-alerts = Alertas urgentes
history-level-advice = consejo
history-level-prescriber = quien receta
history-level-crisis = crisis
history-level-emergency = emergencia
# La celda de una sección: "2 mod+, máx 3" (síntomas moderados o peores, grado más alto).
history-cell-moderate = mod+, máx
history-cell-yes = sí
history-no = no
history-not-in-trends = no está en las tendencias
history-baseline-row = punto de partida
history-last-of = los últimos { $n } de { $what }
history-empty = sidecheck: nota: no hay controles ({ $what }) en { $log }; no hay nada que mostrar. Ejecute `sidecheck` para hacer uno.
history-trend-moderate = moderado+: primero { $first }, último { $last }, máximo { $max } de { $possible }
history-trend-grade = grado: primero { $first }, último { $last }, máximo { $max } de { $possible }
history-trend-yes = sí en { $yes } de { $points } { $points ->
    [one] control
   *[other] controles
}, último { $last }
history-head = Historial: { $what }: { $count } { $count ->
    [one] control
   *[other] controles
} (completos: { $completed }, detenidos: { $stopped })
history-head-dates = , del { $from } al { $to }
history-sections = Secciones (síntomas moderados o peores, controles completos; más alto es peor)
history-symptoms = Síntomas que contó
history-no-symptoms = Síntomas que contó: ninguno
history-since-baseline = Desde el punto de partida, en el último control completo ({ $at }):
history-no-change-reported = No contó ningún síntoma en ninguno de los dos controles.
history-every-other-symptom = Todos los demás síntomas: ninguno (o no) en los dos.
history-nothing-to-compare = Todavía no hay nada que comparar: { $why }.
# (end of history)

## Report and grade labels (src/report*, src/grades*, src/checkins.rs, src/scan*)
report-trend-better = mejor ↓
report-trend-worse = peor ↑
report-trend-steady = estable →
report-trend-unknown = muy pocos controles
report-trend-emergency = ¡emergencia en el último control!
report-period-all = todos los controles
report-period-from = desde el { $since }
report-period-up-to = hasta el { $until }
report-period-from-to = del { $since } al { $until }
report-period-backwards = --since { $since } es posterior a --until { $until }; dé un --since igual o anterior a --until
report-period-bad-date = { $flag } "{ $text }" no es una fecha ni una hora; use AAAA-MM-DD (por ejemplo, 2026-11-20) o una hora RFC 3339 (por ejemplo, 2026-11-20T08:30:00+01:00)
report-retracted-shown = se mostró
report-retracted-shown-at = se mostró el { $at }
report-retracted-changed = { $shown }, y luego se cambió la respuesta
report-retracted-changed-at = { $shown }, y luego se cambió la respuesta el { $at }
report-repeated = { $count ->
    [one] 1 control aparece más de una vez en el registro; se cuenta una sola vez
   *[other] { $count } controles aparecen más de una vez en el registro; cada uno se cuenta una sola vez
}
report-stopped-of = detenido después de { $answered } de { $asked } { $asked ->
    [one] pregunta
   *[other] preguntas
}
report-stopped = detenido después de { $answered } { $answered ->
    [one] pregunta
   *[other] preguntas
}
report-baseline-how-to-mark = Para tener uno, ejecute `sidecheck check --baseline` antes de empezar el medicamento o de cambiar la dosis, o `sidecheck baseline ID` para usar un control que ya hizo.
report-baseline-words = Punto de partida: el control del { $at } ({ $id }), marcado como punto de partida el { $marked }.
report-baseline-words-outside = Punto de partida: el control del { $at } ({ $id }), marcado como punto de partida el { $marked }; no está en este período, y se muestra para comparar.
report-baseline-why-missing = que no está en el registro
report-baseline-why-stopped = que quedó { $words }: las preguntas a las que no llegó no equivalen a "nada"
report-baseline-mark-unusable = la marca de punto de partida del { $marked } indica el control { $id }, { $why }, así que no se usa ningún punto de partida; marque otro con `sidecheck baseline ID`
report-baseline-none-unmarked = ningún control está marcado como cómo estaba usted antes del medicamento o de un cambio de dosis, así que no se compara nada con él
report-baseline-none-missing = el control marcado como punto de partida no está en el registro
report-baseline-none-stopped = el control marcado como punto de partida se detuvo antes del final, así que no puede serlo
report-baseline-none = Sin punto de partida: { $why }. { $how }
report-baseline-compare-none = no hay un control completo en este período para comparar con él
report-baseline-compare-itself = el último control completo es el propio punto de partida; los controles siguientes se comparan con él
report-baseline-compare-earlier = el último control completo de este período ({ $at }) se hizo antes del punto de partida
report-change-yes = sí
report-change-no = no
report-change-not-asked = no se preguntó
report-change-worse = peor
report-change-better = mejor
report-change-same = igual
report-change-emergency = una emergencia en este control
# "Somnolencia: ninguno antes, moderado ahora"; el cambio sigue entre paréntesis.
report-change-words = { $title }: { $before } antes, { $now } ahora
export-bundle-only-fhir = --bundle es solo para --format fhir; quítelo o use --format fhir
export-csv-raw-only-csv = --csv-raw es solo para --format csv; quítelo o use --format csv
export-own-file = { $path } es { $what }, así que no se escribe ningún informe ahí, ni siquiera con --force; elija un --output ARCHIVO fuera de { $dir }
export-empty = sidecheck: nota: no hay controles ({ $what }) en { $log }; el informe está vacío. Ejecute `sidecheck` para hacer uno.
export-wrote = Se { $count ->
    [one] escribió { $count } control
   *[other] escribieron { $count } controles
} en { $dest }.
export-not-written = { $error }; no se escribió { $dest }
# (end of report labels)

## The log, the store and bank files (src/store/*, src/record*, src/bank/*, src/json_error.rs)
# Los problemas que encuentran las revisiones del banco (src/bank/validate.rs), cada uno después de su lugar en el JSON.
bank-check-not-an-id = "{ $id }" no es un id en snake_case; use letras minúsculas, dígitos y _ (empezando con una letra, 64 como máximo)
bank-check-too-many = tiene { $n } elementos, pero un banco puede tener { $max } como máximo; divídalo en bancos más pequeños
bank-check-format = el formato { $format } no se conoce; este programa lee el formato { $known }, así que escriba el banco en ese formato o actualice sidecheck
bank-check-empty-value = está vacío; escriba un valor
bank-check-intro-empty = está vacío; escriba una introducción que incluya el aviso de seguridad
bank-check-intro-no-notice = no incluye el texto de safety_notice; agréguelo a uno de los párrafos
bank-check-duplicate-section = el id de sección "{ $id }" está repetido (también en sections[{ $first }]); dé a cada sección su propio id
bank-check-empty-title = está vacío; escriba un título
bank-check-column-length = tiene { $n } caracteres; escriba de 1 a { $max }, o quítelo
bank-check-no-sections = está vacío; agregue al menos una sección
bank-check-scale-too-short = necesita al menos dos opciones, de ninguna a la peor; agréguelas
bank-check-duplicate-option = el id de opción "{ $id }" está repetido; dé a cada opción su propio id
bank-check-empty-label = está vacío; escriba una etiqueta
bank-check-score-order = es { $score } pero debe ser { $want }: las opciones van en orden desde la más baja (puntuación 0) hacia arriba, de uno en uno; póngalas en ese orden
bank-check-score-range = es { $score }; las puntuaciones van de 0 a 4, así que use una de ellas
bank-check-no-questions = está vacío; agregue al menos una pregunta
bank-check-duplicate-question = el id de pregunta "{ $id }" está repetido (también en questions[{ $first }]); dé a cada pregunta su propio id
bank-check-profile-id = "profile" está reservado para las respuestas "sobre usted" en los archivos de respuestas; elija otro id
bank-check-unknown-section = la sección "{ $section }" no está en "sections"; use una de: { $sections }
bank-check-empty-question = está vacío; escriba la pregunta
bank-check-empty-short = está vacío; escriba una o dos palabras para el síntoma
bank-check-scale-missing = falta; nombre una de las escalas de "scales"
bank-check-unknown-scale = la escala "{ $scale }" no está en "scales"; use una de: { $scales }
bank-check-max-length-zero = debe ser mayor que 0
bank-check-broken-block = el bloque "{ $block }" empezó en questions[{ $first }] y otras preguntas lo cortaron; ponga las preguntas de un bloque una tras otra
bank-check-duplicate-profile = el id "{ $id }" de "profile" está repetido (también en profile[{ $first }]); dé a cada pregunta su propio id
bank-check-empty-profile-short = está vacío; escriba una o dos palabras para esa pregunta
bank-check-too-many-profile = tiene más de { $max } preguntas; mantenga corta la parte "sobre usted"
bank-check-duplicate-alert = el id de alerta "{ $id }" está repetido (también en alerts[{ $first }]); dé a cada alerta su propio id
bank-check-alert-no-question = no prueba ninguna pregunta; una alerta debe depender de al menos una respuesta (agregue una prueba "question")
bank-check-empty-alert-title = está vacío; escriba un título corto
bank-check-empty-advice = está vacío; escriba un consejo que diga qué hacer
bank-check-no-call = está vacío; una alerta de emergencia o de crisis debe dar un número al que llamar, así que agregue "emergency", "crisis" o "poison"
bank-check-not-an-alert = "{ $id }" no es el id de otra alerta; corríjalo o quítelo
bank-check-recall-not-said = no dice el período por el que pregunta, "{ $recall }"; dígalo en la pregunta, para que las personas se atengan a él
bank-check-caregiver-missing = falta; este banco tiene textos para cuidadores, así que escriba "{ $field }" para quien responde por la persona que cuida
bank-check-caregiver-alone = no hay un "{ $field }" al que corresponda; quítelo
bank-check-caregiver-empty = está vacío; escriba "{ $field }" para quien responde por la persona que cuida
bank-check-caregiver-lacks = no tiene { $placeholder }, pero "{ $field }" sí; deje cada marcador
bank-check-caregiver-adds = tiene { $placeholder }, pero "{ $field }" no; use solo los marcadores de "{ $field }"
bank-check-only-for-kind = es solo para preguntas { $kind }; quítelo o cambie "kind"
bank-check-no-whole-number = no hay ningún número entero entre "min" { $min } y "max" { $max }, así que nadie podría responder; amplíe el rango o quite "integer"
bank-check-min-above-max = debe ser un número no mayor que "max"; corrija "min" o "max"
bank-check-number-needs-range = una pregunta number necesita "min" y "max"; agréguelos
bank-check-unit-missing = falta; diga qué cuenta el número (por ejemplo, "días")
bank-check-empty-range-reason = está vacío; diga por qué el rango es el que es, o quítelo
bank-check-empty-recall = está vacío; escriba el tiempo por el que pregunta la pregunta, o quítelo
bank-check-control-character = contiene el carácter de control { $char }; quítelo (el texto del banco se muestra en la pantalla tal como está)
# Los errores de un archivo de informe (src/output.rs).
output-cannot-write = no se puede escribir la salida: { $reason }
output-is-a-folder = { $path } es una carpeta; dé un nombre de archivo con --output ARCHIVO
output-exists = { $path } ya existe; use --force para reemplazarlo, o elija otro --output ARCHIVO
output-not-a-file-name = { $path } no es un nombre de archivo; dé uno con --output ARCHIVO
output-no-folder = la carpeta { $dir } no existe; créela o elija otro --output ARCHIVO
output-cannot-create = no se puede crear un archivo en { $dir } ({ $reason }); elija otro --output ARCHIVO
output-cannot-make-private = no se puede hacer privado { $path } ({ $reason }); elija otro --output ARCHIVO
output-cannot-write-file = no se puede escribir { $path } ({ $reason }); no se escribió nada con ese nombre
output-cannot-write-report = no se puede escribir el informe ({ $reason })
io-too-large = el archivo es demasiado grande para los límites de este sistema
io-not-found = no existe
io-permission-denied = permiso denegado
io-disk-full = el disco está lleno
io-read-only = el disco es de solo lectura
io-exists = ya existe
io-is-a-folder = es una carpeta, no un archivo
io-not-a-folder = una parte de la ruta no es una carpeta
io-not-text = no es un texto válido
store-dir = no se puede guardar en la carpeta de datos { $dir } ({ $reason }), así que el control NO se guardó; elija otra carpeta con --data-dir CARPETA
store-not-saved = el control NO se guardó en { $log } ({ $reason }); libere espacio en el disco, arregle la carpeta de datos o use --data-dir CARPETA
store-read = no se puede leer el registro { $log } ({ $reason }); revise que el archivo exista y sea suyo
store-busy-start = otro sidecheck tuvo ocupado el registro { $log } durante { $secs } s, y todavía no se preguntó ni se guardó nada; cierre el otro sidecheck (un control que quedó abierto, o una copia vieja detenida con Ctrl-Z) y empiece otra vez
store-busy-save = otro sidecheck tuvo ocupado el registro { $log } durante { $secs } s, así que el control todavía NO se guardó; cierre el otro sidecheck (un control que quedó abierto, o una copia vieja detenida con Ctrl-Z)
store-busy-read = otro sidecheck tuvo ocupado el registro { $log } durante { $secs } s, así que no se leyó; cierre el otro sidecheck (un control que quedó abierto, o una copia vieja detenida con Ctrl-Z) e inténtelo otra vez
store-own-data-folder = la carpeta de datos
store-own-log = el registro
store-own-torn-copy = una copia de una línea cortada del registro
store-own-file = un archivo de la carpeta de datos
store-own-rescue = una copia de rescate de un control
store-own-inside = una ruta dentro de la carpeta de datos
store-a-link = { $path } es un enlace simbólico; sidecheck guarda el registro solo en un archivo real y nunca lee ni escribe a través de un enlace: ponga ahí el archivo mismo, o quite el enlace
store-not-a-file = { $path } no es un archivo normal; quítelo de ahí
store-cannot-create-dir = no se puede crear: { $reason }
store-cannot-make-dir-private = no se puede hacer privada: { $reason }
store-cannot-use-dir = no se puede usar: { $reason }
store-dir-not-private = otros usuarios pueden cambiar la carpeta { $dir } (modo { $mode }) y { $why }, así que el registro no es privado ahí; use --data-dir con una carpeta propia
store-dir-shared = es una carpeta compartida
store-dir-not-yours = pertenece a otra persona
store-dir-cannot-be-private = no se puede hacer privada ({ $reason })
store-dir-made-private = otros usuarios podían cambiar la carpeta de datos { $dir } (modo { $mode }); ahora es privada (modo 700)
store-cannot-make-private = no se puede hacer privado { $path }: { $reason }
store-file-made-private = otros usuarios podían leer { $path } (modo { $mode }); ahora es privado (modo 600)
store-cannot-create = no se puede crear { $path }: { $reason }
store-cannot-write = no se puede escribir { $path }: { $reason }
store-record-not-json = el control no se puede escribir como JSON: { $error }
store-record-too-large = el control ocupa más de { $mib } MiB
store-cannot-repair = no se puede reparar el registro: { $error }
store-partial-line-may-remain = puede quedar una línea a medias, que se apartará la próxima vez
store-cannot-lock = no se puede bloquear el registro: { $reason }
store-waiting-start = esperando a que otro sidecheck termine con { $log } antes de la primera pregunta (hasta { $secs } s)…
store-waiting-save = esperando a que otro sidecheck termine con { $log } para guardar (hasta { $secs } s)…
store-waiting-read = esperando a que otro sidecheck termine con { $log } para leer el registro (hasta { $secs } s)…
store-cannot-open = no se puede abrir { $path } para escribir: { $reason }
store-torn-tail-kept = el registro terminaba con una línea sin terminar (la dejó un cierre inesperado); se guardó en { $path } y se reparó el registro
store-profile-unusable = no se pueden usar sus respuestas "sobre usted" de { $path } ({ $why }); arregle o quite el archivo, y luego vuelva a darlas con `sidecheck profile`
store-profile-too-large = es mucho más grande que un perfil
store-not-utf8 = no es texto UTF-8
store-profile-not-saved = sus respuestas "sobre usted" NO se guardaron en { $path } ({ $why })
store-profile-not-json = no se pueden escribir como JSON: { $error }
store-rescue-not-json = no se puede dar formato al control: { $error }
store-rescue-nowhere = no hay una carpeta junto a la carpeta de datos ni una carpeta personal
log-newer = lo escribió un sidecheck más nuevo (versión de registro { $version }); actualice sidecheck para leerlo
log-torn-tail = última línea sin terminar, probablemente la dejó un cierre inesperado
log-line-too-long = ocupa más de { $mib } MiB
log-not-utf8 = no es texto UTF-8
log-bad-line = { $path } línea { $line }: se saltó, no es un control válido ({ $reason })
log-bad-lines-in-all = { $path }: en total se saltaron { $count } líneas que no son controles válidos, de la línea { $first } a la { $last }; arriba solo se nombran las primeras { $named }
profile-not-a-setting = "{ $text }" no es ID=yes ni ID=no; por ejemplo, --set kidney=yes
profile-unknown-item = "{ $id }" no es una pregunta "sobre usted"; use una de: { $items }
profile-not-yes-no = "{ $value }" para { $id } no es yes ni no; escriba { $id }=yes o { $id }=no
profile-not-an-object = "profile" debe ser un objeto que asigne true o false a cada pregunta, como {"{"}"kidney": true{"}"}; preguntas: { $items }
profile-json-unknown-item = "profile": "{ $id }" no es una pregunta "sobre usted"; use una de: { $items }
profile-json-not-bool = "profile": "{ $id }" debe ser true o false, no { $value }
profile-newer = lo escribió un sidecheck más nuevo (versión de perfil { $version }); actualice sidecheck
answer-wrong-type = { $value } no es del tipo de esta pregunta { $kind }; use { $expected }
answer-not-an-option = "{ $value }" no es una opción; use { $expected }
answer-score-out-of-range = la puntuación { $score } está fuera del rango; use { $expected }
answer-out-of-range = { $number } está fuera del rango; use { $expected }
answer-text-too-long = el texto es demasiado largo; use { $expected }
answer-the-number = el número { $value }
answer-the-text = el texto { $value }
answer-a-list = una lista
answer-an-object = un objeto
answer-no-such-question = el banco { $bank } { $version } no tiene esa pregunta
json-place = línea { $line }, columna { $column }
bank-ok = { $file }: bien ({ $questions } preguntas, { $alerts } reglas de alerta)
bank-failed = { $failed } de { $files } archivos de banco tienen problemas; corrija cada uno de los que aparecen arriba
bank-questions-head = { $title } (banco { $bank } { $version }, { $language })
bank-questions-about-you = Sobre usted (se pregunta una sola vez; `sidecheck profile`, o "profile": {"{"}"ID": true{"}"} en un archivo de respuestas):
bank-questions-answers = respuestas: { $expected }
bank-questions-options = opciones: { $options }
bank-questions-when = se pregunta solo cuando: { $condition }
bank-questions-alerts = puede dar: { $alerts }
bank-place-file = archivo
bank-unreadable = no se puede leer ({ $reason }); revise la ruta
bank-too-large = ocupa más de 64 MiB, así que no puede ser un banco de preguntas; revise la ruta
bank-not-utf8 = el archivo no es texto UTF-8 válido; guárdelo como UTF-8
bank-not-an-object = un banco es un solo objeto JSON, que empieza con {"{"}; este archivo no lo es (vea `sidecheck bank schema`)
condition-and = y
condition-or = o
condition-not = no
condition-yes = sí
condition-no = no
condition-one-form = use exactamente uno de "question", "profile", "all", "any" o "not"
condition-not-a-question = prueba una pregunta; "not" solo puede probar preguntas de "profile", porque una pregunta sin responder contaría como "not" antes de hacerse
condition-empty-list = está vacío; ponga al menos una condición
condition-profile-yes-no = una pregunta de "profile" es sí o no; pruébela con "equals": true o false
condition-profile-needs-equals = una pregunta de "profile" necesita "equals": true o false
condition-unknown-profile = "{ $item }" no está en "profile"; use uno de: { $items }
condition-one-test = use exactamente una prueba: "equals", "at_least" o "one_of"
condition-no-question = la pregunta "{ $question }" no existe; use el id de una pregunta anterior
condition-itself = la pregunta "{ $question }" se nombra a sí misma; haga que la pregunta de seguimiento dependa de una pregunta anterior
condition-later = la pregunta "{ $question }" viene después en el banco; ponga esta pregunta después de ella, o haga que dependa de una pregunta anterior
condition-does-not-fit = no sirve para la pregunta { $kind } "{ $question }"; use { $expected }
condition-at-least-kind = solo sirve para preguntas scale o number, y "{ $question }" es { $kind }; use "equals" en su lugar
condition-one-of-kind = solo sirve para preguntas scale, y "{ $question }" es { $kind }; use "equals" en su lugar
condition-not-an-option = "{ $option }" no es una opción de "{ $question }"; use { $expected }
parity-not-set = sin valor
parity-section = sección
parity-option = opción
parity-question = pregunta
parity-profile-item = pregunta "sobre usted"
parity-alert = alerta
parity-bank-differs = es { $here } aquí pero { $there } en el banco "{ $other }"; una traducción cambia solo el texto, así que póngalo igual
parity-differs = { $who }{ $field } es { $here } aquí pero { $there } en el banco "{ $other }"; una traducción cambia solo el texto, así que póngalo igual
parity-no-text = { $who }no tiene { $field }, pero el banco "{ $other }" sí; tradúzcalo
parity-extra-text = { $who }tiene { $field }, pero el banco "{ $other }" no; quítelo, o agréguelo también allí
parity-no-placeholder = { $who }no tiene { $name }, pero su { $field } en el banco "{ $other }" sí; deje cada marcador tal como está
parity-extra-placeholder = { $who }tiene { $name }, pero su { $field } en el banco "{ $other }" no; deje cada marcador tal como está
parity-missing-id = falta { $what } "{ $id }"; el banco "{ $other }" la tiene en { $list }[{ $i }], así que agréguela
parity-extra-id = { $what } "{ $id }" no está en el banco "{ $other }"; quítela, o agréguela también allí
parity-order = es { $what } "{ $here }", pero { $place } es "{ $there }" en el banco "{ $other }"; póngalas en el mismo orden
parity-missing-scale = falta la escala "{ $name }"; el banco "{ $other }" la tiene, así que agréguela
parity-extra-scale = la escala "{ $name }" no está en el banco "{ $other }"; quítela, o agréguela también allí
json-hint-nests = { $text }; revise qué lo generó
json-hint-eof = { $text }: el archivo termina antes de tiempo; revise si falta una {"}"} o un ]
json-hint-syntax = { $text }: corrija aquí la sintaxis JSON
json-hint-missing = { $text }: agréguelo
json-hint-unknown = { $text }: quítelo o corrija cómo está escrito
json-hint-data = { $text }: corrija este valor
json-hint-io = { $text }: no se pudo leer la entrada
# Lo que dice serde_json, como lo expresa json_error.rs: cada texto en inglés se
# busca en el mensaje de serde y se cambia por el de este idioma.
json-nests = el archivo anida [ ] o {"{"} {"}"} en más de 128 niveles: ningún archivo válido lo hace
json-eof = el texto terminó mientras se leía
json-eof-value = el texto terminó mientras se leía un valor
json-eof-list = el texto terminó mientras se leía una lista
json-eof-object = el texto terminó mientras se leía un objeto
json-eof-string = el texto terminó mientras se leía un texto
json-control-character = hay un carácter de control (\u0000-\u001F) dentro de un texto
json-expected-u8 = se esperaba un número entero del 0 al 255
json-expected-whole = se esperaba un número entero
json-expected-number = se esperaba un número
json-expected-list = se esperaba una lista en [ ]
json-expected-object = se esperaba un objeto en {"{"} {"}"}
json-expected-bool = se esperaba true o false
json-expected-string = se esperaba un texto
json-expected-value = se esperaba un valor
json-expected-comma-list = se esperaba `,` o `]`
json-expected-comma-object = se esperaba `,` o `{"}"}`
json-expected-colon = se esperaba `:`
json-expected-ident = se esperaba true, false o null
json-expected-one-of = se esperaba uno de
json-expected = se esperaba
json-found-list = se encontró una lista
json-found-object = se encontró un objeto
json-found-text = se encontró el texto
json-found-number = se encontró el número
json-found-null = se encontró null
json-found = se encontró
json-trailing-characters = sobran caracteres al final
json-trailing-comma = sobra una coma al final
json-invalid-escape = secuencia de escape no válida
json-invalid-number = número no válido
json-number-out-of-range = número fuera del rango
json-key-must-be-a-string = la clave debe ser un texto
json-missing-field = falta el campo
json-unknown-field = campo desconocido
json-duplicate-field = campo repetido
json-unknown-variant = valor desconocido
json-invalid-value = valor no válido
json-invalid-length = largo no válido
json-no-fields = no hay campos
# (end of store and bank messages)

## Command-line help (src/cli.rs, src/command/shell.rs)
# Las palabras que clap escribe por su cuenta (en español las pone src/cli.rs).
cli-heading-usage = Uso:
cli-heading-commands = Comandos
cli-heading-arguments = Argumentos
cli-heading-options = Opciones
cli-possible-values = Valores posibles:
cli-default = [predeterminado: { $value }]
cli-values = [valores posibles: { $values }]
cli-env = [variable de entorno: { $var }]
cli-usage-options = [OPCIONES]
cli-help-flag = Muestra la ayuda
cli-help-flag-more = Muestra la ayuda (más detalles con '--help')
cli-help-flag-summary = Muestra la ayuda (un resumen con '-h')
cli-version-flag = Muestra la versión
cli-help-command = Muestra este mensaje o la ayuda de los comandos indicados
cli-help-command-arg = Muestra la ayuda de los comandos indicados
cli-value-file = ARCHIVO
cli-value-code = CÓDIGO
cli-value-lang = IDIOMA
cli-value-dir = CARPETA
cli-value-date = FECHA
cli-value-format = FORMATO
cli-value-type = TIPO
cli-value-command = COMANDO
# Un error de uso, en una línea.
cli-error = sidecheck: error: { $what }{ $allowed }; vea `sidecheck --help`
cli-error-allowed = ; use uno de estos: { $values }
cli-error-bad = argumentos no válidos
cli-error-invalid-value = valor no válido '{ $value }' para '{ $arg }'
cli-error-invalid-value-why = valor no válido '{ $value }' para '{ $arg }': { $why }
cli-error-unknown-argument = argumento inesperado '{ $arg }'
cli-error-unknown-command = comando desconocido '{ $name }'
cli-error-missing = faltan estos argumentos obligatorios: { $args }
cli-error-conflict = el argumento '{ $arg }' no se puede usar con '{ $other }'
cli-error-repeated = el argumento '{ $arg }' no se puede repetir
cli-error-no-value = '{ $arg }' necesita un valor y no se dio ninguno
cli-error-too-many = valor de más '{ $value }' para '{ $arg }'; no se esperaban más
cli-error-utf8 = un argumento no es texto UTF-8 válido
cli-last-invalid = indique un número entero de controles, 1 o más
# Los títulos de las secciones de la página del manual.
cli-man-name = NOMBRE
cli-man-synopsis = SINOPSIS
cli-man-description = DESCRIPCIÓN
cli-man-options = OPCIONES
cli-man-version = VERSIÓN
cli-man-commands = COMANDOS
cli-man-examples = EJEMPLOS
cli-man-one-of = Uno de estos: { $values }.
cli-completions-not-utf8 = el script de completado no es texto UTF-8; es un error del programa
cli-man-not-utf8 = la página del manual no es texto UTF-8; es un error del programa
cli-man-failed = no se pudo hacer la página del manual: { $error }
# La ayuda (--help) de cada comando y opción.
cli-about = Un autocontrol privado y en lenguaje sencillo de los efectos secundarios, la abstinencia y la dependencia del baclofeno (o de otro medicamento, con --bank)
cli-after =
    Ejemplos:
      sidecheck                              Empieza el control guiado (igual que `sidecheck check`)
      sidecheck check --answers answers.json Hace el control desde un archivo, sin terminal
      sidecheck check --resume               Termina el control que detuvo por última vez
      sidecheck show last                    Muestra el último control guardado
      sidecheck history --last 10            Tendencias y una tabla de sus últimos 10 controles
      sidecheck export --format html --output report.html
                                             Una página para imprimir, para su médico
      sidecheck bank questions               Los id de las preguntas, para un archivo de respuestas
      sidecheck regions                      Lista las regiones y sus números de emergencia
      sidecheck check --baseline             Un control antes de empezar o cambiar la dosis,
                                             para comparar los siguientes con él
      sidecheck baseline last                Marca su último control como ese punto de partida
      sidecheck profile                      Muestra (y cambia) sus respuestas sobre usted
      sidecheck profile --set kidney=yes,older=no
                                             Las cambia sin preguntas
      sidecheck import sidecheck-rescue-ID.json
                                             Agrega al registro un control que no se pudo guardar
      sidecheck completions bash             Completado con Tab para su shell (también zsh, fish,
                                             powershell)
      sidecheck man                          La página del manual, para `man`

    La ayuda (--help) de cada comando tiene sus propios ejemplos (`sidecheck check --help`).

    Si un control no se puede guardar (disco lleno, registro bloqueado, registro que no es un
    archivo normal), sus respuestas se guardan en un sidecheck-rescue-ID.json privado junto a la
    carpeta de datos (o en su carpeta personal); `sidecheck import ARCHIVO` lo agrega al registro
    más tarde, una sola vez.

    Entorno: SIDECHECK_DATA_DIR (igual que --data-dir); SIDECHECK_LOCK_WAIT_SECS, cuánto espera
    un guardado a otro sidecheck que usa el registro (15 de forma predeterminada), y lo dice
    mientras espera.

    Códigos de salida: 0 bien, 1 falla al ejecutar o de E/S, 2 uso o datos incorrectos, 130
    detenido con Ctrl-C, 129 la terminal se cerró, 143 detenido con SIGTERM (las respuestas hasta
    ese momento se guardan).

    Esto es un autocontrol, no un diagnóstico. No reemplaza a su médico ni a su enfermera.
cli-bank = Usa este archivo de banco de preguntas en lugar del banco de baclofeno incluido
cli-region = País o región de los números de emergencia y de crisis (p. ej., US, GB, AU). Predeterminado: el país de LC_ALL, LC_MESSAGES o LANG; si no, US
cli-lang = Idioma de las preguntas y los mensajes: en o es. Predeterminado: SIDECHECK_LANG; si no, español cuando LC_ALL, LC_MESSAGES o LANG es es_*; si no, inglés
cli-data-dir = Carpeta del registro privado. Predeterminado: la carpeta de datos del sistema
cli-check-about = Hace el autocontrol (guiado en una terminal, o desde un archivo de respuestas)
cli-check-after =
    Ejemplos:
      sidecheck check                          El control guiado, una pregunta a la vez
      sidecheck check --answers answers.json   Desde un archivo, sin terminal
      sidecheck check --answers - --json < answers.json
                                               Desde la entrada estándar; muestra el registro guardado
      sidecheck check --resume                 Termina el control que detuvo por última vez
      sidecheck check --baseline               Un control para comparar los siguientes con él
      sidecheck check --for-someone            Para responder por la persona que usted cuida
      sidecheck --region GB check              Muestra los números del Reino Unido en las alertas

    Un archivo de respuestas se ve así: {"{"}"breathing": false, "drowsiness": "mild", ...{"}"};
    `sidecheck bank questions` lista cada id y las respuestas que acepta.
cli-check-answers = Toma las respuestas de un archivo JSON (`-` para la entrada estándar) en lugar de preguntar. El archivo asigna respuestas a los id de las preguntas: true/false, el id de una opción o una puntuación del 0 al 4, un número o un texto. Vea los id con `sidecheck bank questions`. Un objeto "profile" ({"{"}"kidney": true{"}"}) da respuestas "sobre usted" solo para este control, por encima de las guardadas (`sidecheck profile`)
cli-check-resume = Termina el control que detuvo por última vez (Ctrl-C, una ventana cerrada o una parada en una alerta), si empezó en los últimos 7 días con las mismas preguntas: se conservan sus respuestas anteriores y las preguntas siguen desde la primera sin responder. Se guarda como un control nuevo que reemplaza al detenido en el historial y los informes. Con --answers, el archivo responde el resto. Si no hay nada que terminar, dice por qué y empieza un control nuevo
cli-check-json = Muestra el registro guardado como JSON en la salida estándar
cli-check-for-someone = Responda por una persona que usted cuida: cada pregunta y cada alerta hablan de esa persona ("¿la persona que usted cuida ha tenido ...?"), y el control anota que respondió quien la cuida. Sin esta opción, el control guiado pregunta quién responde
cli-check-baseline = Marca este control como su punto de partida: hágalo antes de empezar el medicamento, o antes de un cambio de dosis, para que el historial y los informes muestren qué cambió desde entonces. Un control detenido no se marca (las preguntas a las que no llegó no equivalen a "nada")
cli-show-about = Muestra un control guardado
cli-show-after =
    Ejemplos:
      sidecheck show                   El último control guardado (igual que `show last`)
      sidecheck show 20261130-0815     El control cuyo id empieza así
      sidecheck show last --json       El último control como JSON

    `sidecheck history` lista los controles con sus id.
cli-show-which = El id de un control (o su comienzo), o `last`
cli-show-json = Muestra el control como JSON
cli-bank-about = Trabaja con bancos de preguntas
cli-bank-after =
    Ejemplos:
      sidecheck bank questions                   Cada id de pregunta, para un archivo de respuestas
      sidecheck bank questions --json            Lo mismo como un arreglo JSON
      sidecheck bank validate my-bank.json       Revisa un archivo de banco y lista cada problema
      sidecheck bank schema > bank.schema.json   El esquema JSON de los archivos de banco
      sidecheck --bank my-bank.json check        Hace el control con su propio banco
cli-bank-validate-about = Revisa archivos de banco e informa cada problema que encuentra
cli-bank-validate-after =
    Ejemplos:
      sidecheck bank validate my-bank.json
      sidecheck bank validate questions/*.json
      sidecheck bank validate questions/baclofen.en.json questions/baclofen.es.json

    Un archivo con el mismo id de banco que otro anterior, en otro idioma, es su traducción: se
    informa cada diferencia que no sea de texto (un id, un tipo, una puntuación, una condición, la
    regla o el nivel de una alerta, un marcador).
cli-bank-validate-files = Los archivos de banco que se revisan
cli-bank-schema-about = Muestra el esquema JSON de los archivos de banco
cli-bank-schema-after =
    Ejemplos:
      sidecheck bank schema > bank.schema.json
cli-bank-questions-about = Lista cada pregunta: id, sección, tipo, texto, respuestas aceptadas, condición, alertas
cli-bank-questions-after =
    Ejemplos:
      sidecheck bank questions
      sidecheck --bank my-bank.json bank questions --json
cli-bank-questions-json = Muestra un arreglo JSON
cli-regions-about = Lista las regiones y sus números de emergencia, de crisis y de intoxicaciones
cli-regions-after =
    Ejemplos:
      sidecheck regions                Las regiones y sus números, con sus fuentes
      sidecheck regions --json         La misma tabla como JSON
      sidecheck --region GB check      Usa los números de una región en un control
cli-regions-json = Muestra la tabla como JSON
cli-history-about = Muestra tendencias (un minigráfico por sección y síntoma) y una tabla de los controles anteriores
cli-history-after =
    Ejemplos:
      sidecheck history                         Todos los controles
      sidecheck history --last 10               Los últimos 10 controles
      sidecheck history --since 2026-11-01      Desde el 1 de noviembre (hora local)
      sidecheck history --since 2026-11-01 --until 2026-11-30 --json

    Las fechas son AAAA-MM-DD (un día entero, hora local) u horas RFC 3339; se incluyen los
    dos extremos.
    Los grados van de 0 (nada) a 4 (muy intenso); moderado o peor es grado 2 o más.
    Una celda de sección dice "2 mod+, top 3": 2 síntomas moderados o peores, grado más alto 3.
    Las tendencias usan solo controles completos. ▁ es 0, █ lo más alto del período.
cli-history-since = Solo los controles de este día (AAAA-MM-DD, hora local) o esta hora (RFC 3339) en adelante
cli-history-until = Solo los controles hasta este día (el día entero) o esta hora
cli-history-last = Solo los últimos N controles (del período, si se indica uno)
cli-history-json = Muestra el mismo contenido como JSON
cli-export-about = Exporta controles: un informe JSON, un Bundle HL7 FHIR R4, CSV o una página HTML para imprimir
cli-export-after =
    Ejemplos:
      sidecheck export --format html --output report.html   Una página para imprimir, para su médico
      sidecheck export --format csv --since 2026-11-01      Una fila por respuesta (hoja de cálculo)
      sidecheck export --format json --output report.json   Cada control con un resumen
      sidecheck export --format fhir --output bundle.json   Un Bundle HL7 FHIR R4 (collection)
      sidecheck export --format fhir --bundle transaction   Un Bundle para un servidor FHIR (POST)
      sidecheck export --schema                             El esquema JSON del informe JSON

    Las fechas son AAAA-MM-DD (un día entero, hora local) u horas RFC 3339; se incluyen los
    dos extremos.
    Los archivos se escriben en privado (modo 600) y nunca reemplazan un archivo, salvo que
    agregue --force.
cli-export-format = Qué escribir: json (informe con resumen), fhir (Bundle FHIR R4), csv (una fila por respuesta) o html (una página para imprimir)
cli-export-format-json = Un informe JSON: cada control y un resumen
cli-export-format-fhir = Un Bundle HL7 FHIR R4: las preguntas como un Questionnaire, cada control como una QuestionnaireResponse
cli-export-format-csv = CSV, una fila por respuesta
cli-export-format-html = Una página HTML para imprimir, para un médico
cli-export-since = Solo los controles de este día (AAAA-MM-DD, hora local) o esta hora (RFC 3339) en adelante
cli-export-until = Solo los controles hasta este día (el día entero) o esta hora
cli-export-output = Escribe en este archivo (privado, escrito de una vez) en lugar de la salida estándar
cli-export-force = Reemplaza el archivo de --output si existe
cli-export-bundle = Para --format fhir: el tipo de Bundle. `transaction` agrega una solicitud POST a cada entrada, lista para enviar a un servidor FHIR. Predeterminado: collection
cli-export-bundle-collection = Un conjunto de recursos para guardar o enviar como archivo
cli-export-bundle-transaction = Una transacción: cada entrada es un POST, para la URL base de un servidor FHIR
cli-export-csv-raw = Para --format csv: escribe cada texto tal como es, para herramientas de análisis (pandas, R). De forma predeterminada, un texto que empieza con =, +, -, @, un tabulador o un retorno de carro lleva un apóstrofo delante, para que una hoja de cálculo lo muestre y nunca lo ejecute como fórmula; no abra un archivo sin ese cambio en una hoja de cálculo
cli-export-schema = Muestra el esquema JSON del informe JSON y termina
cli-import-about = Agrega al registro un control guardado en un archivo de rescate (escrito cuando falló un guardado). Un control que ya está en el registro no se agrega otra vez
cli-import-after =
    Ejemplos:
      sidecheck import sidecheck-rescue-20261130-081500-1a2b3c4d5e6f.json
                                      Agrega un control que se guardó aparte cuando falló su guardado
      sidecheck import checkin.json   Cualquier archivo con un registro de control en JSON

    Un control que ya está en el registro no se agrega otra vez, así que importar dos veces no es
    un problema.
cli-import-file = El archivo de rescate (`sidecheck-rescue-<id>.json`), o cualquier archivo con un registro de control en JSON
cli-baseline-about = Marca un control como su punto de partida: cómo estaba antes de empezar el medicamento, o antes de un cambio de dosis. El historial y los informes comparan los controles siguientes con él. Sin ID, muestra qué control es el punto de partida
cli-baseline-after =
    Ejemplos:
      sidecheck baseline                  Qué control es ahora su punto de partida
      sidecheck baseline last             Marca su último control como punto de partida
      sidecheck baseline 20261130-0815    Marca el control cuyo id empieza así
      sidecheck check --baseline          Hace un control nuevo y lo marca
cli-baseline-which = El control que se marca: un id, su comienzo, o `last`. Si no lo indica, ve qué control es ahora el punto de partida
cli-profile-about = Muestra o cambia sus respuestas "sobre usted" (problemas de riñón, 65 años o más, embarazo o lactancia, epilepsia, manejar). Se preguntan una vez, en el primer control guiado, se guardan en profile.json en la carpeta de datos, y pueden bajar el punto en el que una respuesta da una alerta
cli-profile-after =
    Ejemplos:
      sidecheck profile                             Muestra sus respuestas (en una terminal, las cambia)
      sidecheck profile --set kidney=yes,older=no   Las cambia sin preguntas
      sidecheck profile --answers about-me.json     Las toma de un archivo: {"{"}"kidney": true{"}"}
      sidecheck profile --json                      Las muestra como JSON
cli-profile-set = Cambia respuestas sin preguntar: ID=yes o ID=no, separadas por comas o con --set otra vez (p. ej., --set kidney=yes,older=no). Las demás respuestas quedan como están
cli-profile-answers = Toma las respuestas de un archivo JSON (`-` para la entrada estándar) que asigna true o false a los id, como {"{"}"kidney": true, "drives": false{"}"}. Las demás respuestas quedan como están
cli-profile-json = Muestra las respuestas como JSON (después de cualquier cambio); nunca pregunta
cli-completions-about = Muestra un script de completado con Tab para su shell (bash, zsh, fish o powershell)
cli-completions-after =
    Ejemplos:
      sidecheck completions bash > ~/.local/share/bash-completion/completions/sidecheck
      sidecheck completions zsh > ~/.zfunc/_sidecheck
                          (con fpath+=~/.zfunc antes de compinit en ~/.zshrc)
      sidecheck completions fish > ~/.config/fish/completions/sidecheck.fish
      sidecheck completions powershell >> $PROFILE

    Después, abra un shell nuevo; `sidecheck <Tab>` ofrece entonces los comandos y las opciones.
cli-completions-shell = El shell para el que se escribe el script
cli-man-about = Muestra la página del manual (roff, como la lee `man`)
cli-man-after =
    Ejemplos:
      sidecheck man | man -l -      Lee la página del manual sin instalarla
      mkdir -p ~/.local/share/man/man1
      sidecheck man > ~/.local/share/man/man1/sidecheck.1
                                    La instala; después, `man sidecheck`
# (end of help)

## The CSV export (src/export/csv*)

# answered_of_asked: "12 de 31"; cuando no se sabe cuántas se hicieron, "12 de desconocido".
csv-answered-of-asked = { $answered } de { $asked }
csv-asked-unknown = desconocido
# (end of CSV)

## The JSON and HTML exports (src/export/json*, src/export/html*, src/output.rs)

# La página para imprimir (src/export/html*). Cada mensaje es un trozo del HTML
# de la página, tal como se escribe: el código escapa cada argumento (un texto
# del banco o del registro) antes de ponerlo.
html-page-title = { $title } – informe
html-lede = Un informe para el equipo de salud de una persona que toma { $med }, hecho con los controles que respondió esa persona (o alguien que la cuida). Cada control pregunta por { $recall }.
html-report-for = Informe de
html-date-of-birth = Fecha de nacimiento
html-medicine = Medicamento
html-period = Período
html-first-last = (primer control { $first }, último { $last })
html-check-ins = Controles
html-check-ins-counts = { $total } ({ $completed } completos, { $stopped } detenidos antes del final)
html-damaged-lines = { $count ->
    [one] no se pudo leer { $count } línea dañada del registro
   *[other] no se pudieron leer { $count } líneas dañadas del registro
}
html-made = Hecho el
html-no-check-ins = No hay controles en este período.
html-alerts-heading = Alertas urgentes
html-alerts-none = No hay alertas urgentes en este período.
html-alerts-none-standing = Ninguna alerta urgente sigue en pie en este período.
html-alert-count = { $count ->
    [one] { $count } alerta urgente
   *[other] { $count } alertas urgentes
}
html-check-in-count = { $count ->
    [one] { $count } control
   *[other] { $count } controles
}
html-alerts-standing = { $alerts } en { $check_ins }. Cada una le dijo a la persona qué hacer y a quién llamar en ese momento.
html-alerts-below = abajo
html-alerts-after-standing = después de las que siguen en pie
html-alerts-retracted = { $count ->
    [one] A la persona se le mostró { $count } alerta urgente que luego se retiró: volvió atrás y cambió la respuesta en la que se basaba, así que ya no vale. La persona sí dio la primera respuesta y vio la alerta; la respuesta guardada es la cambiada. Aparece { $where }, marcada <b>Retirada</b>.
   *[other] A la persona se le mostraron { $count } alertas urgentes que luego se retiraron: volvió atrás y cambió la respuesta en la que se basaba cada una, así que ya no valen. La persona sí dio la primera respuesta y vio la alerta; la respuesta guardada es la cambiada. Aparecen { $where }, marcadas <b>Retirada</b>.
}
html-alerts-caption = Alertas urgentes: { $standing } en pie, { $retracted } retiradas
html-col-date = Fecha
html-col-level = Nivel
html-col-alert = Alerta
html-col-status = Estado
html-col-check-in = Control
html-col-symptoms = Síntomas y gravedad
html-col-notes = Notas
html-col-scale = Escala
html-col-answers = Respuestas y grados
html-level-emergency = Emergencia
html-level-crisis = Crisis
html-level-prescriber = Llamar hoy a quien le receta
html-level-advice = Consejo
html-retracted-mark = (retirada)
html-retracted-status = Retirada: { $how }
html-standing = En pie
html-baseline-heading = Comparado con el punto de partida
html-baseline-since = Desde el punto de partida, en el último control completo ({ $at }):
html-baseline-none-reported = No se contó ningún síntoma en ninguno de los dos controles.
html-baseline-every-other = Todos los demás síntomas: ninguno (o no) en ambos.
html-baseline-nothing-yet = Todavía no hay nada que comparar: { $why }.
html-symptoms-heading = Síntomas por fecha
html-symptoms-none = No hay controles en este período.
html-symptoms-intro = Los síntomas contados en cada control con su grado (0 ninguno a 4 muy grave) y, por sección, el número de síntomas en moderado o peor (grado 2 o más) y el grado más alto. Las respuestas de ninguno o no se omiten, salvo en un control detenido antes del final: ese muestra todas las respuestas que tiene, para que lo que no se preguntó nunca se lea como ninguno. <b>⚠ urgente</b> marca cada respuesta que causó una alerta urgente que siguió en pie, o que contribuyó a ella.
html-symptoms-caption = { $count ->
    [one] Síntomas en cada control ({ $count } control)
   *[other] Síntomas en cada control ({ $count } controles)
}
html-stopped = Detenido
html-completed = Completo
html-baseline-mark = Punto de partida
html-nothing-answered = No se respondió nada.
html-answers-given = Respuestas dadas:
html-no-symptoms = No contó ningún síntoma
html-urgent-tag = urgente:
html-urgent-item = Urgente ({ $level }): { $title }
html-retracted-item = Alerta urgente retirada ({ $level }): { $title }; { $how }
html-section-graded = { $moderate } de { $graded } en moderado o peor, grado más alto { $highest }
html-section-yes = { $yes } sí
html-grade-of = (grado { $grade } de { $top })
html-yes = Sí
html-no = No
html-scales-heading = Cómo leer los grados
html-scales-grades = Cada síntoma tiene su propio grado, de 0 (ninguno) a 4 (el peor), como en PRO-CTCAE. No hay puntuación total: los grados de síntomas distintos no se suman. Para cada sección, el informe da el número de síntomas en <b>moderado o peor</b> (grado 2 o más) de todas las preguntas con grado de la sección, y el <b>grado más alto</b>. Las preguntas de sí o no (como una convulsión) no tienen grado: un sí aparece por su nombre y se cuenta aparte. Los <b>hallazgos urgentes</b> son las alertas urgentes que seguían en pie al final de un control, cada una contada una vez. Un control detenido antes del final (<i>Detenido después de N de M preguntas</i>) aparece con todas las respuestas que tiene, incluidas las de ninguno y no (las preguntas siguientes no se hicieron), pero nunca se grafica ni se usa para una tendencia.
html-scales-answer-scales = Escalas de respuesta
html-scales-trends-alerts = Tendencias y alertas
html-scales-trends = La tendencia es una línea recta ajustada al número de síntomas en moderado o peor de una sección (o al grado de un síntoma), control completo por control completo. <b>Peor ↑</b> quiere decir que la línea subió al menos medio punto en el período, <b>mejor ↓</b> que bajó lo mismo, y <b>estable →</b> que se movió menos. <b>Emergencia en el último control</b> reemplaza la palabra cuando el último control dio una alerta de emergencia de esa sección o ese síntoma.
html-scales-alerts = Las alertas urgentes se mostraron durante el control. <b>Emergencia</b>: a la persona se le dijo que llamara ya al número de emergencias. <b>Crisis</b>: que contactara ya una línea de crisis. <b>Llamar hoy a quien le receta</b>: que llamara el mismo día a quien le receta. Una alerta <b>Retirada</b> la vio la persona, que luego volvió atrás y cambió la respuesta en la que se basaba; aparece después de las que siguen en pie, con cuándo se mostró y cuándo se cambió la respuesta, y no cuenta como en pie.
html-scales-charted = Secciones con síntomas con grado (en gráficos): { $sections }.
html-scales-caption = Cada respuesta y su grado, por escala
html-scale-severity = gravedad
html-scale-frequency = frecuencia
html-scales-yes-no = sí o no
html-scales-yes-no-grade = Sin grado; un sí se cuenta aparte: { $questions }
html-footer = Hecho por sidecheck { $version } con las respuestas de la propia persona. No es un diagnóstico.
html-trends-heading = Tendencias por sección
html-trends-none = No hay nada que graficar.
html-trends-intro = Cada gráfico muestra, para una sección, cuántos de sus síntomas estaban en moderado o peor (grado 2 o más) en cada control completo, el más antiguo a la izquierda. La parte de arriba de cada gráfico es el número de preguntas con grado de la sección. Los controles detenidos antes del final no se grafican.
html-trends-baseline = La línea de trazos marcada "punto de partida" es el mismo número en el control del punto de partida, del { $at } (cómo estaba la persona antes del medicamento o de un cambio de dosis).
html-chart-caption = { $count ->
    [one] — { $trend }; síntomas en moderado o peor: primero { $first }, último { $last }, máximo { $most } de { $possible }; { $count } control completo
   *[other] — { $trend }; síntomas en moderado o peor: primero { $first }, último { $last }, máximo { $most } de { $possible }; { $count } controles completos
}
html-chart-baseline = ; línea de trazos: el punto de partida, { $value } de { $possible }
html-chart-baseline-missing = ; el control del punto de partida no llegó a esta sección
html-chart-label = { $section }: síntomas en moderado o peor por fecha
html-chart-label-baseline = , línea de trazos en { $value }: el punto de partida
html-chart-axis-count = Moderado+
html-chart-axis-date = Fecha
html-chart-baseline-label = punto de partida
# (end of JSON and HTML)

## The FHIR export (src/export/fhir*)
# Warnings on the terminal, in the language in use.
fhir-condition-not-written = la condición de la pregunta "{ $question }" ({ $condition }) no se puede escribir como enableWhen de FHIR; el Questionnaire muestra esa pregunta sin ella
fhir-other-bank = se dejaron fuera { $count } control(es) hechos con el banco de preguntas "{ $bank }"; para exportarlos, use --bank ARCHIVO con ese banco
fhir-unknown-answers = se dejaron fuera { $count } respuesta(s) a preguntas que el banco { $bank } { $version } no tiene
fhir-caregiver = Persona que la cuida y respondió por ella
fhir-subject = La persona de la que trata el control (sidecheck no guarda su nombre ni ningún otro dato que la identifique)
fhir-author = sidecheck, un programa de autocontrol: una alerta automática que se le mostró a la persona
fhir-description = Autocontrol sobre { $medication }, que pregunta por { $recall }. { $notice }
fhir-alerts-group = Alertas urgentes que se mostraron durante el control
fhir-alerts-standing = Alertas urgentes que se mostraron y todavía valen
fhir-alerts-retracted = Alertas urgentes que se mostraron y luego dejaron de valer porque se cambió la respuesta
# One urgent alert shown, as the response's alerts group lists it; $level is its code.
fhir-alert-line = { $title } ({ $level }, pregunta { $question })
fhir-alert-shown-at = ; se mostró el { $time }
# $shown and $changed are fhir-at, or empty when the time is not known.
fhir-alert-retracted = ; se mostró{ $shown } y luego se cambió la respuesta{ $changed }
fhir-at = {" "}el { $time }
fhir-flag-region = Números que se mostraron para la región { $region }.
fhir-flag-retracted = Retirada: { $words }. { $text }
fhir-stopped-note = El control quedó { $words }; estos números cuentan solo las respuestas que se dieron.
fhir-section-display = { $title }: resultados de la sección
fhir-baseline-ref = El control de punto de partida { $id }
fhir-baseline-ref-absent = El control de punto de partida { $id } (no está en este Bundle)
# (end of FHIR)

## Answering for someone else (caregiver mode)
receipt-moderate-advice-caregiver = { $count ->
    [one] Este síntoma fue moderado o peor: { $names }. Dígaselo a quien le receta a esa persona en su próxima cita, o antes si empeora.
   *[other] Estos síntomas fueron moderados o peores: { $names }. Dígaselo a quien le receta a esa persona en su próxima cita, o antes si empeoran.
}
caregiver-history-mark = (persona cuidadora)
caregiver-who-no-back = Esc no vuelve atrás desde aquí. Elija una opción y luego pulse Enter.
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
