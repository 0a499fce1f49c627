# Wat werkplaats over een toolkit zegt, in het Nederlands.
# Elke id staat ook in en.ftl (een test ziet erop toe).

## Het verslag

# Het label onder de aangewezen plek in een geciteerde regel.
hier = hier

## Suggesties bij een onbekende naam

suggestie-bedoel-je = bedoel je "{ $naam }"?
suggestie-geen = er is nog geen enkele { $wat }
suggestie-bekend = bekende waarden: { $waarden }
wat-pagina = pagina
wat-kop = kop

## Links en koppen (validate/links.rs)

kopattribuut-weggelaten = het kopattribuut {"{"}{ $attribuut }{"}"} wordt weggelaten
kopattribuut-weggelaten-hint = een kop kan alleen {"{"}#id{"}"} en {"{"}.klasse{"}"} krijgen, met letters, cijfers, - en _; haal de rest weg
kop-id-dubbel = de kop-id {"{"}#{ $gewild }{"}"} is al gebruikt door een eerdere kop; deze kop krijgt id "{ $gekregen }"
kop-id-dubbel-hint = geef deze kop een eigen {"{"}#id{"}"}, of de eerdere kop een andere; links naar #id gaan naar de eerste
link-niet-toegestaan = de link "{ $link }" is niet toegestaan
link-niet-toegestaan-hint = links met javascript:, vbscript: of data: kunnen code uitvoeren; gebruik een gewone link
link-nergens = de link "{ $link }" wijst nergens naar
link-relatief = { $afbeelding ->
    [ja] de afbeelding
   *[nee] de link
} "{ $link }" is een gewone relatieve link
link-relatief-hint = schrijf { $schrijf }; een @-link werkt ook in de afdrukversie en in zoekresultaten
link-of = { $code } of { $pad }
link-geen-bestand = { $afbeelding ->
    [ja] de afbeelding
   *[nee] de link
} "{ $link }" wijst naar een bestand dat niet bestaat
link-geen-bestand-hint = link naar inhoud met @/pad.md of @CODE, en naar bestanden in content/bestanden/ met @/bestanden/naam
kop-bestaat-niet = de kop "#{ $kop }" bestaat niet op { $waar }
deze-pagina = deze pagina
pagina-wees = geen enkele pagina linkt hierheen en de pagina staat niet in het menu
pagina-wees-hint = geef de pagina een `volgorde:` of link ernaar met [tekst](@/{ $pad })

## Templates (render/theme/errors.rs)

template-fout = templatefout: { $melding }
template-onbekende-variabele = templatefout: onbekende variabele `{ $var }`
template-variabele = onbekende variabele `{ $var }`
template-bestaat-niet = { $wat ->
    [filter] het filter
    [functie] de functie
    [test] de test
   *[template] de template
} `{ $naam }` bestaat niet
template-bedoel-je = bedoel je `{ $naam }`?
template-niet-in-context = `{ $deel }` staat niet in de context van deze pagina; is het een lusvariabele of het argument van een macro, controleer dan de naam waar die begint
template-heeft = `{ $pad }` heeft: { $sleutels }
template-controleer-naam = controleer de naam van de variabele in de template
template-syntaxis-hint = controleer de Tera-syntaxis en de namen van variabelen in de template

## Afdrukken (validate/print.rs)

kleur-contrast = de kleur { $kleur } van { $code } geeft te weinig contrast met witte tekst ({ $verhouding }:1, minimaal { $minimaal }:1)
kleur-contrast-hint = kies een donkerdere kleur, zodat witte tekst erop goed leesbaar is (WCAG AA)
kaart-past-niet = de tekst op de { $kant ->
    [voor] voorkant
   *[achter] achterkant
} van de kaart "{ $kaart }" past niet op de kaart: naar schatting { $nodig } mm, er is { $ruimte } mm
kaart-past-niet-hint = maak { $aantal ->
    [1] { $veld }
   *[other] { $velden } of { $veld }
} korter (ongeveer { $procent }%); een kaart knipt geen tekst af

## Downloads (validate/assets.rs)

download-weigeren-hint = haal dat deel weg, of lever het bestand aan als pdf of gewone afbeelding; vertrouw je het wel, zet dan `ruwe_html: true` in site.yaml
download-svgz = deze download is een ingepakte SVG (.svgz); die kan code bevatten die in de browser draait en wordt niet nagekeken
download-svgz-hint = pak hem uit tot een .svg (die wordt wel nagekeken), of lever hem aan als png of pdf; vertrouw je hem wel, zet dan `ruwe_html: true` in site.yaml
download-onleesbaar = kan de download niet lezen: { $fout }
download-te-groot = deze download is groter dan { $mb } MB en kan niet worden nagekeken op code die in de browser draait
download-geen-utf8 = deze download is geen UTF-8-tekst en kan niet worden nagekeken op code die in de browser draait
download-bevat-code = deze download bevat { $wat }, dat in de browser code uitvoert
actief-stylesheet = een <?xml-stylesheet?> (een opmaakblad dat script kan maken)
actief-element = <{ $naam }>
actief-attribuut = het attribuut { $naam }=
actief-adres = het adres in { $naam }=

## De voorvertoning (serve)

telling = { $fouten } { $fouten ->
    [one] fout
   *[other] fouten
}, { $waarschuwingen } { $waarschuwingen ->
    [one] waarschuwing
   *[other] waarschuwingen
}
serve-op = voorvertoning op { $url } (stoppen: Ctrl-C)
serve-geen-browser = let op: er kon geen browser worden geopend; open { $url } zelf
serve-gestopt = voorvertoning gestopt
serve-andere-poort = poort { $standaard } is al in gebruik; de voorvertoning gebruikt poort { $poort }
serve-bereikbaar = let op: met --bind { $ip } is de voorvertoning bereikbaar voor andere computers in het netwerk; doe dit alleen op een netwerk dat je vertrouwt
serve-weer-in-orde = weer in orde
serve-bijgewerkt = bijgewerkt in { $ms } ms: { $paden }
serve-kan-niet-volgen = let op: kan { $map }/ niet volgen: { $fout }
serve-volgfout = let op: fout bij het volgen van bestanden ({ $fout }); alles wordt opnieuw gebouwd

## Teksten van het thema (render/theme)

vrager-site = de site
vrager-template = de template { $naam }
tekst-ontbreekt = { $wie } vraagt de tekst "{ $sleutel }", maar die staat niet in de teksten van het thema; de sleutel zelf wordt getoond
tekst-ontbreekt-hint = voeg `{ $sleutel }: …` toe aan { $bestand }
t-zonder-sleutel = t() zonder sleutel
t-zonder-sleutel-hint = geef de sleutel van de tekst mee: {"{{"} t(k="zoeken") {"}}"}
oude-vorm = `{ $oud }` is de oude vorm van een UI-tekst; het thema werkt nog, maar elke pagina krijgt dan de hele tabel met teksten mee (trager), en een ontbrekende tekst wordt niet gemeld
oude-vorm-hint-sleutel = schrijf {"{{"} t(k="{ $sleutel }") {"}}"} in plaats van {"{{"} { $oud } {"}}"}, in elke template van het thema
oude-vorm-hint = schrijf {"{{"} t(k="sleutel") {"}}"}, of {"{{"} t(k=naam) {"}}"} voor een sleutel in een variabele, in elke template van het thema
