# What werkplaats says about a toolkit, in English.
# Every id is in nl.ftl too (a test sees to it).

## The report

# The label under the place marked in a quoted line.
hier = here

## Suggestions for an unknown name

suggestie-bedoel-je = did you mean "{ $naam }"?
suggestie-geen = there is no { $wat } yet
suggestie-bekend = known values: { $waarden }
wat-pagina = page
wat-kop = heading

## Links and headings (validate/links.rs)

kopattribuut-weggelaten = the heading attribute {"{"}{ $attribuut }{"}"} is left out
kopattribuut-weggelaten-hint = a heading can only get {"{"}#id{"}"} and {"{"}.class{"}"}, with letters, digits, - and _; remove the rest
kop-id-dubbel = the heading id {"{"}#{ $gewild }{"}"} is already used by an earlier heading; this heading gets the id "{ $gekregen }"
kop-id-dubbel-hint = give this heading an {"{"}#id{"}"} of its own, or the earlier heading another one; links to #id go to the first
link-niet-toegestaan = the link "{ $link }" is not allowed
link-niet-toegestaan-hint = links with javascript:, vbscript: or data: can run code; use an ordinary link
link-nergens = the link "{ $link }" points nowhere
link-relatief = { $afbeelding ->
    [ja] the image
   *[nee] the link
} "{ $link }" is a plain relative link
link-relatief-hint = write { $schrijf }; an @ link also works in the print version and in search results
link-of = { $code } or { $pad }
link-geen-bestand = { $afbeelding ->
    [ja] the image
   *[nee] the link
} "{ $link }" points to a file that does not exist
link-geen-bestand-hint = link to content with @/path.md or @CODE, and to files in content/bestanden/ with @/bestanden/name
kop-bestaat-niet = the heading "#{ $kop }" does not exist on { $waar }
deze-pagina = this page
pagina-wees = no page links here and the page is not in the menu
pagina-wees-hint = give the page a `volgorde:` or link to it with [text](@/{ $pad })

## Templates (render/theme/errors.rs)

template-fout = template error: { $melding }
template-onbekende-variabele = template error: unknown variable `{ $var }`
template-variabele = unknown variable `{ $var }`
template-bestaat-niet = { $wat ->
    [filter] the filter
    [functie] the function
    [test] the test
   *[template] the template
} `{ $naam }` does not exist
template-bedoel-je = did you mean `{ $naam }`?
template-niet-in-context = `{ $deel }` is not in this page's context; if it is a loop variable or a macro's argument, check the name where it starts
template-heeft = `{ $pad }` has: { $sleutels }
template-controleer-naam = check the variable's name in the template
template-syntaxis-hint = check the Tera syntax and the names of variables in the template

## Print (validate/print.rs)

kleur-contrast = the colour { $kleur } of { $code } gives too little contrast with white text ({ $verhouding }:1, at least { $minimaal }:1)
kleur-contrast-hint = choose a darker colour, so that white text on it reads well (WCAG AA)
kaart-past-niet = the text on the { $kant ->
    [voor] front
   *[achter] back
} of the card "{ $kaart }" does not fit on the card: an estimated { $nodig } mm, there are { $ruimte } mm
kaart-past-niet-hint = make { $aantal ->
    [1] { $veld }
   *[other] { $velden } or { $veld }
} shorter (by about { $procent }%); a card does not cut text off

## Downloads (validate/assets.rs)

download-weigeren-hint = remove that part, or supply the file as a PDF or a plain image; if you trust it, set `ruwe_html: true` in site.yaml
download-svgz = this download is a packed SVG (.svgz); it can hold code that runs in the browser and is not checked
download-svgz-hint = unpack it to an .svg (which is checked), or supply it as PNG or PDF; if you trust it, set `ruwe_html: true` in site.yaml
download-onleesbaar = cannot read the download: { $fout }
download-te-groot = this download is larger than { $mb } MB and cannot be checked for code that runs in the browser
download-geen-utf8 = this download is not UTF-8 text and cannot be checked for code that runs in the browser
download-bevat-code = this download contains { $wat }, which runs code in the browser
actief-stylesheet = an <?xml-stylesheet?> (a style sheet that can make script)
actief-element = <{ $naam }>
actief-attribuut = the attribute { $naam }=
actief-adres = the address in { $naam }=

## The preview (serve)

telling = { $fouten } { $fouten ->
    [one] error
   *[other] errors
}, { $waarschuwingen } { $waarschuwingen ->
    [one] warning
   *[other] warnings
}
serve-op = preview at { $url } (stop: Ctrl-C)
serve-geen-browser = note: no browser could be opened; open { $url } yourself
serve-gestopt = preview stopped
serve-andere-poort = port { $standaard } is already in use; the preview uses port { $poort }
serve-bereikbaar = note: with --bind { $ip } the preview can be reached by other computers on the network; do this only on a network you trust
serve-weer-in-orde = all fine again
serve-bijgewerkt = updated in { $ms } ms: { $paden }
serve-kan-niet-volgen = note: cannot watch { $map }/: { $fout }
serve-volgfout = note: an error while watching files ({ $fout }); rebuilding everything

## The theme's strings (render/theme)

vrager-site = the site
vrager-template = the template { $naam }
tekst-ontbreekt = { $wie } asks for the string "{ $sleutel }", but the theme's strings lack it; the key itself is shown
tekst-ontbreekt-hint = add `{ $sleutel }: …` to { $bestand }
t-zonder-sleutel = t() without a key
t-zonder-sleutel-hint = give the string's key: {"{{"} t(k="zoeken") {"}}"}
oude-vorm = `{ $oud }` is the old form of a UI string; the theme still works, but every page then gets the whole table of strings (slower), and a missing string is not reported
oude-vorm-hint-sleutel = write {"{{"} t(k="{ $sleutel }") {"}}"} instead of {"{{"} { $oud } {"}}"}, in every template of the theme
oude-vorm-hint = write {"{{"} t(k="key") {"}}"}, or {"{{"} t(k=name) {"}}"} for a key in a variable, in every template of the theme
