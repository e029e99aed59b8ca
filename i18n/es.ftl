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
store-own-inside = dentro de la carpeta de datos
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
# (end of help)

## The CSV export (src/export/csv*)
# (end of CSV)

## The JSON and HTML exports (src/export/json*, src/export/html*, src/output.rs)
# (end of JSON and HTML)

## The FHIR export (src/export/fhir*)
# (end of FHIR)

## Answering for someone else (caregiver mode)
# (end of caregiver mode)
