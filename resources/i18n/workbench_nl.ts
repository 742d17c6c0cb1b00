<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
<context>
    <name></name>
    <message>
        <source>Inter-coder agreement</source>
        <translation>Overeenstemming tussen codeerders</translation>
    </message>
    <message>
        <source>Coders (two or more)</source>
        <translation>Codeerders (twee of meer)</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>interview</translation>
    </message>
    <message>
        <source>fieldnote</source>
        <translation>veldnotitie</translation>
    </message>
    <message>
        <source>other</source>
        <translation>ander</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <source>Words coded</source>
        <translation>Gecodeerde woorden</translation>
    </message>
    <message>
        <source>Share of words coded</source>
        <translation>Aandeel gecodeerde woorden</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>Samenvattingen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Geheel</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Code, theme or case</source>
        <translation>Code, thema of casus</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Tekens</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Overeenstemming</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Kappa 95% CI</source>
        <translation>Kappa 95%-BI</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <source>Alpha 95% CI</source>
        <translation>Alfa 95%-BI</translation>
    </message>
    <message>
        <source>keep ours</source>
        <translation>onze behouden</translation>
    </message>
    <message>
        <source>take theirs</source>
        <translation>hun versie nemen</translation>
    </message>
    <message>
        <source>keep both</source>
        <translation>beide behouden</translation>
    </message>
    <message>
        <source>pair with</source>
        <translation>koppelen aan</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gelijk</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>enkel hier</translation>
    </message>
    <message>
        <source>only there</source>
        <translation>enkel daar</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>hernoemd</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verplaatst</translation>
    </message>
    <message>
        <source>definition changed</source>
        <translation>definitie gewijzigd</translation>
    </message>
    <message>
        <source>colour changed</source>
        <translation>kleur gewijzigd</translation>
    </message>
    <message>
        <source>Their code</source>
        <translation>Hun code</translation>
    </message>
    <message>
        <source>Our code</source>
        <translation>Onze code</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Keuze</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Hit in context</source>
        <translation>Treffer in context</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Getal</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Ja / nee</translation>
    </message>
    <message>
        <source>REFI-QDA codebooks (*.qdc);;Projects and REFI-QDA projects (*.cwb *.qdpx);;All files (*)</source>
        <translation>REFI-QDA-codeboeken (*.qdc);;Projecten en REFI-QDA-projecten (*.cwb *.qdpx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Projects and REFI-QDA projects (*.cwb *.qdpx);;All files (*)</source>
        <translation>Projecten en REFI-QDA-projecten (*.cwb *.qdpx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx);;All files (*)</source>
        <translation>REFI-QDA-projecten (*.qdpx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx *.qde);;All files (*)</source>
        <translation>REFI-QDA-projecten (*.qdpx *.qde);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>A segment counts as matched when another coder coded at least this share of it with the same code.</source>
        <translation>Een segment telt als overeenkomend wanneer een andere codeerder minstens dit deel ervan met dezelfde code codeerde.</translation>
    </message>
    <message>
        <source>random</source>
        <translation>willekeurig</translation>
    </message>
    <message>
        <source>Fix the seed to get the same intervals every time.</source>
        <translation>Leg het startgetal vast om telkens dezelfde intervallen te krijgen.</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berekenen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Segment overlap:</source>
        <translation>Overlap van segmenten:</translation>
    </message>
    <message>
        <source>Bootstrap seed:</source>
        <translation>Startgetal bootstrap:</translation>
    </message>
    <message>
        <source>Leave out autocodings (hand coding only)</source>
        <translation>Autocoderingen weglaten (alleen handmatig coderen)</translation>
    </message>
    <message>
        <source>Passages the coders disagree on</source>
        <translation>Passages waarover de codeerders het oneens zijn</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporteren naar Excel…</translation>
    </message>
    <message>
        <source>Export to Word…</source>
        <translation>Exporteren naar Word…</translation>
    </message>
    <message>
        <source>Choose two or more coders.</source>
        <translation>Kies twee of meer codeerders.</translation>
    </message>
    <message>
        <source>Choose at least one code and one document.</source>
        <translation>Kies minstens één code en één document.</translation>
    </message>
    <message>
        <source>Comparing the coders…</source>
        <translation>De codeerders vergelijken…</translation>
    </message>
    <message>
        <source>Comparing the coders in {document}…</source>
        <translation>De codeerders vergelijken in {document}…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>{documents} documents compared, {all} coded by every coder; {disagreements} passages disagreed on.</source>
        <translation>{documents} documenten vergeleken, {all} door elke codeerder gecodeerd; onenigheid over {disagreements} passages.</translation>
    </message>
    <message>
        <source>{count} documents coded by only one coder are left out.</source>
        <translation>{count} documenten die door slechts één codeerder gecodeerd zijn, blijven buiten beschouwing.</translation>
    </message>
    <message>
        <source>Passages the coders disagree on: {count}</source>
        <translation>Passages waarover de codeerders het oneens zijn: {count}</translation>
    </message>
    <message>
        <source>Passages the coders disagree on in {label}: {count}</source>
        <translation>Passages waarover de codeerders het oneens zijn in {label}: {count}</translation>
    </message>
    <message>
        <source>Export agreement</source>
        <translation>Overeenstemming exporteren</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>{path} geschreven.</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>Andere kleur…</translation>
    </message>
    <message>
        <source>Add coder</source>
        <translation>Codeerder toevoegen</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Document toevoegen</translation>
    </message>
    <message>
        <source>Clear matrix summary</source>
        <translation>Matrixsamenvatting wissen</translation>
    </message>
    <message>
        <source>Code passage</source>
        <translation>Passage coderen</translation>
    </message>
    <message>
        <source>Code passages</source>
        <translation>Passages coderen</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>Casus aanmaken</translation>
    </message>
    <message>
        <source>Create code</source>
        <translation>Code aanmaken</translation>
    </message>
    <message>
        <source>Define attribute</source>
        <translation>Kenmerk definiëren</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Code bewerken</translation>
    </message>
    <message>
        <source>Edit case description</source>
        <translation>Beschrijving van de casus bewerken</translation>
    </message>
    <message>
        <source>Edit coding memo</source>
        <translation>Memo bij de codering bewerken</translation>
    </message>
    <message>
        <source>Edit document details</source>
        <translation>Documentgegevens bewerken</translation>
    </message>
    <message>
        <source>Edit memo</source>
        <translation>Memo bewerken</translation>
    </message>
    <message>
        <source>Edit project details</source>
        <translation>Projectgegevens bewerken</translation>
    </message>
    <message>
        <source>Import REFI-QDA project</source>
        <translation>REFI-QDA-project importeren</translation>
    </message>
    <message>
        <source>Join a team project</source>
        <translation>Aansluiten bij een teamproject</translation>
    </message>
    <message>
        <source>Load codebook</source>
        <translation>Codeboek laden</translation>
    </message>
    <message>
        <source>Merge codebook</source>
        <translation>Codeboek samenvoegen</translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Codes samenvoegen</translation>
    </message>
    <message>
        <source>Merge project</source>
        <translation>Project samenvoegen</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Code verplaatsen</translation>
    </message>
    <message>
        <source>Move document</source>
        <translation>Document verplaatsen</translation>
    </message>
    <message>
        <source>Publish to a team server</source>
        <translation>Publiceren op een teamserver</translation>
    </message>
    <message>
        <source>Recode passage</source>
        <translation>Passage hercoderen</translation>
    </message>
    <message>
        <source>Remove coding</source>
        <translation>Codering verwijderen</translation>
    </message>
    <message>
        <source>Rename coder</source>
        <translation>Codeerder hernoemen</translation>
    </message>
    <message>
        <source>Repair project</source>
        <translation>Project herstellen</translation>
    </message>
    <message>
        <source>Resize coding</source>
        <translation>Codering aanpassen</translation>
    </message>
    <message>
        <source>Set attribute</source>
        <translation>Kenmerk instellen</translation>
    </message>
    <message>
        <source>Synchronise</source>
        <translation>Synchroniseren</translation>
    </message>
    <message>
        <source>Take the other value of a conflict</source>
        <translation>De andere waarde van een conflict nemen</translation>
    </message>
    <message>
        <source>Write matrix summary</source>
        <translation>Matrixsamenvatting schrijven</translation>
    </message>
    <message>
        <source>Write memo</source>
        <translation>Memo schrijven</translation>
    </message>
    <message>
        <source>Autocode: {0}</source>
        <translation>Autocoderen: {0}</translation>
    </message>
    <message>
        <source>Can be applied to passages</source>
        <translation>Kan op passages toegepast worden</translation>
    </message>
    <message>
        <source>Untick for a theme that only groups its sub-codes.</source>
        <translation>Vink uit voor een thema dat enkel zijn subcodes groepeert.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Kleur:</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>Definitie:</translation>
    </message>
    <message>
        <source>When to use:</source>
        <translation>Wanneer gebruiken:</translation>
    </message>
    <message>
        <source>When not to use:</source>
        <translation>Wanneer niet gebruiken:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Voorbeeld:</translation>
    </message>
    <message>
        <source>Export as a REFI-QDA project</source>
        <translation>Exporteren als REFI-QDA-project</translation>
    </message>
    <message>
        <source>Exporting the project</source>
        <translation>Het project exporteren</translation>
    </message>
    <message>
        <source>Exported with remarks</source>
        <translation>Geëxporteerd met opmerkingen</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project</source>
        <translation>Een REFI-QDA-project importeren</translation>
    </message>
    <message>
        <source>Save the imported project as</source>
        <translation>Het geïmporteerde project bewaren als</translation>
    </message>
    <message>
        <source>Importing the REFI-QDA project</source>
        <translation>Het REFI-QDA-project importeren</translation>
    </message>
    <message>
        <source>Imported with remarks</source>
        <translation>Geïmporteerd met opmerkingen</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… en nog {count}.</translation>
    </message>
    <message>
        <source>Transcripts and fieldnotes ({patterns});;All files (*)</source>
        <translation>Transcripten en veldnotities ({patterns});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Documenten importeren</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Bestanden toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>A case, or the name of a new case</source>
        <translation>Een casus, of de naam van een nieuwe casus</translation>
    </message>
    <message>
        <source>Interview transcript</source>
        <translation>Interviewtranscript</translation>
    </message>
    <message>
        <source>Fieldnote</source>
        <translation>Veldnotitie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Ander</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <source>nothing yet (reading the file…)</source>
        <translation>nog niets (het bestand wordt gelezen…)</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>uit het bestand</translation>
    </message>
    <message>
        <source>Guessed from {reason}</source>
        <translation>Afgeleid uit {reason}</translation>
    </message>
    <message>
        <source>{name}: &apos;{date}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>{name}: &apos;{date}&apos; is geen datum (JJJJ-MM-DD).</translation>
    </message>
    <message>
        <source>Into case:</source>
        <translation>In casus:</translation>
    </message>
    <message>
        <source>Add transcripts and fieldnotes ({suffixes}), or drop files and folders here. Each file becomes one document of the case. Check each file&apos;s kind (guessed from its name and text); an empty date or interviewer is taken from the file itself.</source>
        <translation>Voeg transcripties en veldnotities toe ({suffixes}), of sleep bestanden en mappen hierheen. Elk bestand wordt één document van de casus. Controleer per bestand de soort (afgeleid uit de naam en de tekst); een lege datum of interviewer wordt uit het bestand zelf gehaald.</translation>
    </message>
    <message>
        <source>Each file&apos;s own (guessed)</source>
        <translation>Per bestand (afgeleid)</translation>
    </message>
    <message>
        <source>Kind of all files:</source>
        <translation>Soort van alle bestanden:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Add the files to import first.</source>
        <translation>Voeg eerst de bestanden toe die je wilt importeren.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Bezig met starten…</translation>
    </message>
    <message>
        <source>Choose the case the documents belong to.</source>
        <translation>Kies de casus waartoe de documenten behoren.</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>Annuleren na het huidige bestand…</translation>
    </message>
    <message>
        <source>Importing {name} ({number} of {total})…</source>
        <translation>{name} importeren ({number} van {total})…</translation>
    </message>
    <message>
        <source>The import stopped: {message}</source>
        <translation>Het importeren is gestopt: {message}</translation>
    </message>
    <message>
        <source>Not imported: the import was cancelled.</source>
        <translation>Niet geïmporteerd: het importeren werd geannuleerd.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>geïmporteerd</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>overgeslagen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>niet geïmporteerd</translation>
    </message>
    <message>
        <source>{imported} imported, {skipped} skipped, {failed} failed.</source>
        <translation>{imported} geïmporteerd, {skipped} overgeslagen, {failed} mislukt.</translation>
    </message>
    <message>
        <source>The import was cancelled; the files imported before stay.</source>
        <translation>Het importeren werd geannuleerd; de bestanden die al geïmporteerd waren, blijven.</translation>
    </message>
    <message>
        <source>The import is not one undo step: Undo takes back one document at a time; delete documents to remove them.</source>
        <translation>Importeren is niet één stap: Ongedaan maken neemt telkens één document terug; verwijder documenten om ze weg te halen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message numerus="yes">
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n codering</numerusform>
            <numerusform>%n coderingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memo(s)</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memo&apos;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attribute(s)</source>
        <translation>
            <numerusform>%n kenmerk</numerusform>
            <numerusform>%n kenmerken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n summary(-ies)</source>
        <translation>
            <numerusform>%n samenvatting</numerusform>
            <numerusform>%n samenvattingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coder(s)</source>
        <translation>
            <numerusform>%n codeerder</numerusform>
            <numerusform>%n codeerders</numerusform>
        </translation>
    </message>
    <message>
        <source>Added: {0}.</source>
        <translation>Toegevoegd: {0}.</translation>
    </message>
    <message>
        <source>Changed: {0}.</source>
        <translation>Gewijzigd: {0}.</translation>
    </message>
    <message>
        <source>Removed: {0}.</source>
        <translation>Verwijderd: {0}.</translation>
    </message>
    <message numerus="yes">
        <source>%n sub-code(s)</source>
        <translation>
            <numerusform>%n subcode</numerusform>
            <numerusform>%n subcodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge code</source>
        <translation>Code samenvoegen</translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation>“{name}” samenvoegen met:</translation>
    </message>
    <message>
        <source>Filter codes…</source>
        <translation>Codes filteren…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <source>Merge “{source}” into “{target}”? {codings} move to “{target}” and “{source}” is deleted.</source>
        <translation>“{source}” samenvoegen met “{target}”? {codings} gaan naar “{target}” en “{source}” wordt verwijderd.</translation>
    </message>
    <message>
        <source>Its {subs} (with {codings}) go along.</source>
        <translation>De {subs} (met {codings}) gaan mee.</translation>
    </message>
    <message>
        <source>Show codes that are the same on both sides</source>
        <translation>Codes tonen die aan beide kanten gelijk zijn</translation>
    </message>
    <message>
        <source>Choice for the selected row:</source>
        <translation>Keuze voor de geselecteerde rij:</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Bezig met samenvoegen…</translation>
    </message>
    <message>
        <source>Merging {what} ({done} of {total})…</source>
        <translation>{what} samenvoegen ({done} van {total})…</translation>
    </message>
    <message>
        <source>{0} Undo (Ctrl+Z) takes the whole merge back.</source>
        <translation>{0} Ongedaan maken (Ctrl+Z) draait de hele samenvoeging terug.</translation>
    </message>
    <message>
        <source>Codes: {parts}. Nothing of ours is overwritten unless you choose “take theirs”.</source>
        <translation>Codes: {parts}. Niets van ons wordt overschreven, tenzij je “hun versie nemen” kiest.</translation>
    </message>
    <message>
        <source>Merge a codebook</source>
        <translation>Een codeboek samenvoegen</translation>
    </message>
    <message>
        <source>Merge codebook {name}</source>
        <translation>Codeboek {name} samenvoegen</translation>
    </message>
    <message>
        <source>Merge another project</source>
        <translation>Een ander project samenvoegen</translation>
    </message>
    <message>
        <source>Merge project {name}</source>
        <translation>Project {name} samenvoegen</translation>
    </message>
    <message>
        <source>Code the selection with…</source>
        <translation>De selectie coderen met…</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to code the selection · Esc to close</source>
        <translation>↑↓ om te kiezen · Enter om de selectie te coderen · Esc om te sluiten</translation>
    </message>
    <message>
        <source>Used recently</source>
        <translation>Onlangs gebruikt</translation>
    </message>
    <message>
        <source>Open a document from the cases on the left.</source>
        <translation>Open een document uit de casussen links.</translation>
    </message>
    <message>
        <source>Code selection with</source>
        <translation>Selectie coderen met</translation>
    </message>
    <message>
        <source>words</source>
        <translation>woorden</translation>
    </message>
    <message>
        <source>Speaker turn: {0}</source>
        <translation>Spreekbeurt: {0}</translation>
    </message>
    <message>
        <source>Remove coding: {0} ({1})</source>
        <translation>Codering verwijderen: {0} ({1})</translation>
    </message>
    <message>
        <source>Fit coding to the selection: {0}</source>
        <translation>Codering aanpassen aan de selectie: {0}</translation>
    </message>
    <message>
        <source>Recode as…: {0}</source>
        <translation>Hercoderen als…: {0}</translation>
    </message>
    <message>
        <source>Recode this passage as:</source>
        <translation>Deze passage hercoderen als:</translation>
    </message>
    <message>
        <source>Recode</source>
        <translation>Hercoderen</translation>
    </message>
    <message>
        <source>Memo on coding: {0}…</source>
        <translation>Memo bij codering: {0}…</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Memo on this coding</source>
        <translation>Memo bij deze codering</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>elke waarde</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>Coding Workbench</source>
        <translation>Coding Workbench</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memo&apos;s</translation>
    </message>
    <message>
        <source>Cases and documents</source>
        <translation>Casussen en documenten</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Codeboek</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafieken</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nieuw project</translation>
    </message>
    <message>
        <source>With the “{0}” codebook…</source>
        <translation>Met het codeboek “{0}”…</translation>
    </message>
    <message>
        <source>Empty…</source>
        <translation>Leeg…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Project &amp;openen…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Recent openen</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>Het &amp;voorbeeldproject openen</translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation>Documenten &amp;importeren…</translation>
    </message>
    <message>
        <source>Export the &amp;codebook (.qdc)…</source>
        <translation>Het &amp;codeboek exporteren (.qdc)…</translation>
    </message>
    <message>
        <source>Export the codebook as a &amp;Word appendix…</source>
        <translation>Het codeboek exporteren als &amp;Word-bijlage…</translation>
    </message>
    <message>
        <source>Export as REFI-QDA &amp;project (.qdpx)…</source>
        <translation>Exporteren als REFI-QDA-&amp;project (.qdpx)…</translation>
    </message>
    <message>
        <source>New project from a REFI-QDA project (.&amp;qdpx)…</source>
        <translation>Nieuw project uit een REFI-QDA-project (.&amp;qdpx)…</translation>
    </message>
    <message>
        <source>Keep &amp;backups…</source>
        <translation>&amp;Back-ups bewaren…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Project &amp;sluiten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opn&amp;ieuw</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Geschiedenis…</translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation>&amp;Snel coderen…</translation>
    </message>
    <message>
        <source>&amp;Search the project</source>
        <translation>In het project &amp;zoeken</translation>
    </message>
    <message>
        <source>&amp;Codes</source>
        <translation>&amp;Codes</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Merge a &amp;codebook (.qdc or project)…</source>
        <translation>Een &amp;codeboek samenvoegen (.qdc of project)…</translation>
    </message>
    <message>
        <source>Merge another &amp;project (coder&apos;s file or .qdpx)…</source>
        <translation>Een ander &amp;project samenvoegen (bestand van een codeerder of .qdpx)…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <source>Cross-case &amp;matrix</source>
        <translation>Casusoverschrijdende &amp;matrix</translation>
    </message>
    <message>
        <source>Inter-coder &amp;agreement…</source>
        <translation>&amp;Overeenstemming tussen codeerders…</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>&amp;Grafieken</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Rapport…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>B&amp;eeld</translation>
    </message>
    <message>
        <source>{0} [read-only]</source>
        <translation>{0} [alleen-lezen]</translation>
    </message>
    <message>
        <source>{0} — Coding Workbench</source>
        <translation>{0} — Coding Workbench</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Project openen</translation>
    </message>
    <message>
        <source>Export the codebook</source>
        <translation>Het codeboek exporteren</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA-codeboek (*.qdc)</translation>
    </message>
    <message>
        <source>Codebook report</source>
        <translation>Codeboekrapport</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-document (*.docx)</translation>
    </message>
    <message>
        <source>{coder}: matched</source>
        <translation>{coder}: overeenkomend</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Verwijzing</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>(did not code this document)</source>
        <translation>(codeerde dit document niet)</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Woorden</translation>
    </message>
    <message>
        <source>Imported from {name}</source>
        <translation>Geïmporteerd uit {name}</translation>
    </message>
    <message>
        <source>Typed or pasted text</source>
        <translation>Getypte of geplakte tekst</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Coderingen</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definitie</translation>
    </message>
    <message>
        <source>Groups other codes; not applied to passages.</source>
        <translation>Groepeert andere codes; wordt niet op passages toegepast.</translation>
    </message>
    <message>
        <source>When to use</source>
        <translation>Wanneer gebruiken</translation>
    </message>
    <message>
        <source>When not to use</source>
        <translation>Wanneer niet gebruiken</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source> (+{0} more)</source>
        <translation> (+{0} meer)</translation>
    </message>
    <message>
        <source>nothing coded</source>
        <translation>niets gecodeerd</translation>
    </message>
    <message>
        <source>Click to list the passages</source>
        <translation>Klik om de passages te tonen</translation>
    </message>
    <message>
        <source>add</source>
        <translation>toevoegen</translation>
    </message>
    <message>
        <source>leave out</source>
        <translation>weglaten</translation>
    </message>
    <message>
        <source>(like “{name}”?)</source>
        <translation>(zoals “{name}”?)</translation>
    </message>
    <message>
        <source>pair with {code}</source>
        <translation>koppelen aan {code}</translation>
    </message>
    <message>
        <source>Likely the same as: {names}</source>
        <translation>Wellicht hetzelfde als: {names}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>niet ingevuld</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>De datum wissen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>New attribute…</source>
        <translation>Nieuw kenmerk…</translation>
    </message>
    <message>
        <source>Define a case attribute (text, number, date, yes/no or choice)</source>
        <translation>Een kenmerk van casussen bepalen (tekst, getal, datum, ja/nee of keuze)</translation>
    </message>
    <message>
        <source>What this case is: site, period, people…</source>
        <translation>Wat deze casus is: plek, periode, mensen…</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschrijving:</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Kenmerken</translation>
    </message>
    <message>
        <source>Select a case to see and edit its attributes.</source>
        <translation>Selecteer een casus om de kenmerken te zien en te bewerken.</translation>
    </message>
    <message>
        <source>No attributes yet: add one, e.g. place or city.</source>
        <translation>Nog geen kenmerken: voeg er een toe, bv. plaats of stad.</translation>
    </message>
    <message>
        <source>New attribute</source>
        <translation>Nieuw kenmerk</translation>
    </message>
    <message>
        <source>e.g. city</source>
        <translation>bv. stad</translation>
    </message>
    <message>
        <source>comma-separated: work, living, school, leisure</source>
        <translation>gescheiden door komma’s: werk, wonen, school, vrije tijd</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Kenmerk toevoegen</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Choices:</source>
        <translation>Keuzes:</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nieuwe casus…</translation>
    </message>
    <message>
        <source>Import documents…</source>
        <translation>Documenten importeren…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Hernoemen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Move to case</source>
        <translation>Verplaatsen naar casus</translation>
    </message>
    <message>
        <source>Add a case (a fieldwork site)</source>
        <translation>Een casus toevoegen (een onderzoekssite)</translation>
    </message>
    <message>
        <source>Import transcripts and fieldnotes into the selected case</source>
        <translation>Transcripten en veldnotities importeren in de geselecteerde casus</translation>
    </message>
    <message>
        <source>Filter cases and documents</source>
        <translation>Casussen en documenten filteren</translation>
    </message>
    <message>
        <source>Name of the new case (a fieldwork site):</source>
        <translation>Naam van de nieuwe casus (een onderzoekssite):</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nieuwe casus</translation>
    </message>
    <message>
        <source>New name of the case:</source>
        <translation>Nieuwe naam van de casus:</translation>
    </message>
    <message>
        <source>Rename case</source>
        <translation>Casus hernoemen</translation>
    </message>
    <message>
        <source>New title of the document:</source>
        <translation>Nieuwe titel van het document:</translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation>Document hernoemen</translation>
    </message>
    <message>
        <source>Delete the case &apos;{name}&apos;?</source>
        <translation>De casus &apos;{name}&apos; verwijderen?</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Casus verwijderen</translation>
    </message>
    <message>
        <source>The case &apos;{name}&apos; holds {documents} with {codings}.
Delete the case together with its documents?</source>
        <translation>De casus &apos;{name}&apos; bevat {documents} met {codings}.
De casus samen met de documenten verwijderen?</translation>
    </message>
    <message>
        <source>Delete the document &apos;{title}&apos; with its {codings} and its memos?</source>
        <translation>Het document &apos;{title}&apos; verwijderen, met {codings} en de memo&apos;s?</translation>
    </message>
    <message>
        <source>Delete case and documents</source>
        <translation>Casus en documenten verwijderen</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Document verwijderen</translation>
    </message>
    <message>
        <source>New code…</source>
        <translation>Nieuwe code…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Add a code at the top of the codebook</source>
        <translation>Een code bovenaan in het codeboek toevoegen</translation>
    </message>
    <message>
        <source>New sub-code…</source>
        <translation>Nieuwe subcode…</translation>
    </message>
    <message>
        <source>Sub-code</source>
        <translation>Subcode</translation>
    </message>
    <message>
        <source>Add a code under the selected code</source>
        <translation>Een code onder de geselecteerde code toevoegen</translation>
    </message>
    <message>
        <source>Code in vivo</source>
        <translation>In vivo coderen</translation>
    </message>
    <message>
        <source>In vivo</source>
        <translation>In vivo</translation>
    </message>
    <message>
        <source>Make a code named after the selected text (under the selected code) and code the text with it</source>
        <translation>Een code maken met de geselecteerde tekst als naam (onder de geselecteerde code) en de tekst ermee coderen</translation>
    </message>
    <message>
        <source>Code selection</source>
        <translation>Selectie coderen</translation>
    </message>
    <message>
        <source>Apply this code to the selected passage (Enter)</source>
        <translation>Deze code op de geselecteerde passage toepassen (Enter)</translation>
    </message>
    <message>
        <source>Edit definition and colour…</source>
        <translation>Definitie en kleur bewerken…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <source>Edit the code&apos;s definition and colour</source>
        <translation>De definitie en kleur van de code bewerken</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Samenvoegen met…</translation>
    </message>
    <message>
        <source>Move this code&apos;s codings into another code</source>
        <translation>De coderingen van deze code naar een andere code verplaatsen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete the code with its sub-codes and codings</source>
        <translation>De code verwijderen, met subcodes en coderingen</translation>
    </message>
    <message>
        <source>Quick code…</source>
        <translation>Snel coderen…</translation>
    </message>
    <message>
        <source>Code the selection with a code you type</source>
        <translation>De selectie coderen met een code die je intypt</translation>
    </message>
    <message>
        <source>Autocode…</source>
        <translation>Autocoderen…</translation>
    </message>
    <message>
        <source>Code every turn of some speakers, every hit of a search or every section under a heading with this code, after a preview (one undo step)</source>
        <translation>Codeer elke spreekbeurt van bepaalde sprekers, elke treffer van een zoekopdracht of elke sectie onder een kop met deze code, na een voorbeeld (één stap ongedaan te maken)</translation>
    </message>
    <message>
        <source>Type to filter the codes…</source>
        <translation>Typ om de codes te filteren…</translation>
    </message>
    <message>
        <source>In vivo (name a new code after the selection)</source>
        <translation>In vivo (een nieuwe code naar de selectie noemen)</translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation>Naam van de nieuwe code:</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nieuwe code</translation>
    </message>
    <message>
        <source>Name of the new sub-code of “{name}”:</source>
        <translation>Naam van de nieuwe subcode van “{name}”:</translation>
    </message>
    <message>
        <source>New sub-code</source>
        <translation>Nieuwe subcode</translation>
    </message>
    <message>
        <source>Your name as a coder (every coding records it):</source>
        <translation>Je naam als codeerder (elke codering houdt die bij):</translation>
    </message>
    <message>
        <source>Who is coding?</source>
        <translation>Wie codeert er?</translation>
    </message>
    <message>
        <source>{0} Ctrl+Z undoes it.</source>
        <translation>{0} Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>Select a passage of the document first.</source>
        <translation>Selecteer eerst een passage in het document.</translation>
    </message>
    <message numerus="yes">
        <source>Coded %n passage(s) as {0}. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>%n passage gecodeerd als {0}. Ctrl+Z maakt het ongedaan.</numerusform>
            <numerusform>%n passages gecodeerd als {0}. Ctrl+Z maakt het ongedaan.</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected passage holds no words to name a code.</source>
        <translation>De geselecteerde passage bevat geen woorden om een code naar te noemen.</translation>
    </message>
    <message>
        <source>New name of the code:</source>
        <translation>Nieuwe naam van de code:</translation>
    </message>
    <message>
        <source>Rename code</source>
        <translation>Code hernoemen</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Code verwijderen</translation>
    </message>
    <message>
        <source>Delete the code “{name}”? It has no codings and no sub-codes.</source>
        <translation>De code “{name}” verwijderen? Ze heeft geen coderingen en geen subcodes.</translation>
    </message>
    <message>
        <source>{subs} and {codings}</source>
        <translation>{subs} en {codings}</translation>
    </message>
    <message>
        <source>Delete the code “{name}” with its {goes}? Undo can bring them back.</source>
        <translation>De code “{name}” verwijderen, met {goes}? Ongedaan maken kan ze terugbrengen.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casussen</translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation>Gestapelde staven</translation>
    </message>
    <message>
        <source>Pairs across coders</source>
        <translation>Paren over codeerders heen</translation>
    </message>
    <message>
        <source>Also count one coder&apos;s code beside another coder&apos;s (that is disagreement more than co-occurrence)</source>
        <translation>Tel ook de code van de ene codeerder naast die van een andere mee (dat is eerder onenigheid dan samen voorkomen)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafiek</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save this chart</source>
        <translation>Deze grafiek bewaren</translation>
    </message>
    <message>
        <source>Open a project to see its charts.</source>
        <translation>Open een project om de grafieken ervan te zien.</translation>
    </message>
    <message>
        <source>Drawing the chart</source>
        <translation>De grafiek tekenen</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>De grafiek bewaren</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Project name: coding report</source>
        <translation>Projectnaam: codeerrapport</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>Matrix columns</source>
        <translation>Kolommen van de matrix</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Matrices (numbered tables)</source>
        <translation>Matrices (genummerde tabellen)</translation>
    </message>
    <message>
        <source>Charts (numbered figures)</source>
        <translation>Grafieken (genummerde figuren)</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>Ook</translation>
    </message>
    <message>
        <source>Code co-occurrence table</source>
        <translation>Tabel van samen voorkomende codes</translation>
    </message>
    <message>
        <source>Inter-coder agreement (all coders)</source>
        <translation>Overeenstemming tussen codeerders (alle codeerders)</translation>
    </message>
    <message>
        <source>Codebook appendix</source>
        <translation>Codeboek als bijlage</translation>
    </message>
    <message>
        <source>One quotation for a passage several coders coded alike</source>
        <translation>Eén citaat voor een passage die meerdere codeerders gelijk codeerden</translation>
    </message>
    <message>
        <source>Write report…</source>
        <translation>Rapport schrijven…</translation>
    </message>
    <message>
        <source>Write the report</source>
        <translation>Het rapport schrijven</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} geschreven</translation>
    </message>
    <message>
        <source>Report cancelled.</source>
        <translation>Rapport geannuleerd.</translation>
    </message>
    <message>
        <source>The report was not written.</source>
        <translation>Het rapport werd niet geschreven.</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Cellen</translation>
    </message>
    <message>
        <source>Group cases by</source>
        <translation>Casussen groeperen volgens</translation>
    </message>
    <message>
        <source>{0} × {1}: {2}</source>
        <translation>{0} × {1}: {2}</translation>
    </message>
    <message>
        <source>Autocode</source>
        <translation>Autocoderen</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>The documents of chosen cases</source>
        <translation>De documenten van gekozen casussen</translation>
    </message>
    <message>
        <source>Chosen documents</source>
        <translation>Gekozen documenten</translation>
    </message>
    <message>
        <source>Code with:</source>
        <translation>Coderen met:</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Zoeken:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Zoeken in:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Tick the cases or documents to look in.</source>
        <translation>Vink de casussen of documenten aan waarin gezocht wordt.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tellen…</translation>
    </message>
    <message>
        <source>{0} in {1} of {2} would be coded ({3}).</source>
        <translation>{0} in {1} van {2} zou(den) gecodeerd worden ({3}).</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coding %n passage(s)…</source>
        <translation>
            <numerusform>%n passage coderen…</numerusform>
            <numerusform>%n passages coderen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeerder</translation>
    </message>
    <message>
        <source>Only cases with this attribute value</source>
        <translation>Enkel casussen met deze waarde van het kenmerk</translation>
    </message>
    <message>
        <source>The attribute&apos;s value</source>
        <translation>De waarde van het kenmerk</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Groeperen</translation>
    </message>
    <message>
        <source>Export this matrix</source>
        <translation>Deze matrix exporteren</translation>
    </message>
    <message>
        <source>Click a cell to list its passages.</source>
        <translation>Klik op een cel om de passages te tonen.</translation>
    </message>
    <message>
        <source>Building the matrix</source>
        <translation>De matrix opbouwen</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>De matrix exporteren</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>{0} geschreven</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exporteren geannuleerd.</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>Exporteren mislukt.</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Geen groepering</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Alle codeerders</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alle casussen</translation>
    </message>
    <message>
        <source>Memos on the project &apos;{name}&apos;</source>
        <translation>Memo&apos;s bij het project &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Memos on case &apos;{name}&apos;</source>
        <translation>Memo&apos;s bij casus &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Memos on document &apos;{name}&apos;</source>
        <translation>Memo&apos;s bij document &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Memos on code &apos;{name}&apos;</source>
        <translation>Memo&apos;s bij code &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Memos on a coding in &apos;{name}&apos;</source>
        <translation>Memo&apos;s bij een codering in &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>New memo…</source>
        <translation>Nieuwe memo…</translation>
    </message>
    <message>
        <source>Save memo</source>
        <translation>Memo bewaren</translation>
    </message>
    <message>
        <source>Delete memo…</source>
        <translation>Memo verwijderen…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Memo title</source>
        <translation>Titel van de memo</translation>
    </message>
    <message>
        <source>Select a memo, or write a new one.</source>
        <translation>Selecteer een memo of schrijf een nieuwe.</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Geen project open</translation>
    </message>
    <message>
        <source>Title of the new memo:</source>
        <translation>Titel van de nieuwe memo:</translation>
    </message>
    <message>
        <source>New memo</source>
        <translation>Nieuwe memo</translation>
    </message>
    <message>
        <source>Delete the memo &apos;{title}&apos;?</source>
        <translation>De memo &apos;{title}&apos; verwijderen?</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Memo verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n casus</numerusform>
            <numerusform>%n casussen</numerusform>
        </translation>
    </message>
    <message>
        <source>Go to passage</source>
        <translation>Naar de passage</translation>
    </message>
    <message>
        <source>Open the document at the selected passage</source>
        <translation>Het document openen bij de geselecteerde passage</translation>
    </message>
    <message>
        <source>Copy passages with references</source>
        <translation>Passages met verwijzingen kopiëren</translation>
    </message>
    <message>
        <source>Include sub-codes</source>
        <translation>Subcodes meerekenen</translation>
    </message>
    <message>
        <source>Filter by case</source>
        <translation>Filteren op casus</translation>
    </message>
    <message>
        <source>Filter by coder</source>
        <translation>Filteren op codeerder</translation>
    </message>
    <message>
        <source>Filter by document kind</source>
        <translation>Filteren op soort document</translation>
    </message>
    <message>
        <source>Filter by a case attribute</source>
        <translation>Filteren op een kenmerk van de casus</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Casus</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Select one or more codes in the codebook to see their passages.</source>
        <translation>Selecteer een of meer codes in het codeboek om hun passages te zien.</translation>
    </message>
    <message>
        <source> and {0} more</source>
        <translation> en nog {0}</translation>
    </message>
    <message>
        <source>Coded {0}</source>
        <translation>Gecodeerd: {0}</translation>
    </message>
    <message>
        <source>Any attribute</source>
        <translation>Elk kenmerk</translation>
    </message>
    <message>
        <source>Go to hit</source>
        <translation>Naar de treffer</translation>
    </message>
    <message>
        <source>Code all hits</source>
        <translation>Alle treffers coderen</translation>
    </message>
    <message>
        <source>Apply the chosen code to every hit listed (one undo step)</source>
        <translation>De gekozen code toepassen op elke getoonde treffer (één stap ongedaan te maken)</translation>
    </message>
    <message>
        <source>Code selected hits</source>
        <translation>Geselecteerde treffers coderen</translation>
    </message>
    <message>
        <source>Apply the chosen code to the selected hits</source>
        <translation>De gekozen code toepassen op de geselecteerde treffers</translation>
    </message>
    <message>
        <source>Search the documents: words, &quot;a phrase&quot;, prefix*, OR, NOT (accents optional)</source>
        <translation>Zoeken in de documenten: woorden, &quot;een zinsdeel&quot;, begin*, OR, NOT (accenten niet nodig)</translation>
    </message>
    <message>
        <source>The code to apply to the hits</source>
        <translation>De code om op de treffers toe te passen</translation>
    </message>
    <message>
        <source>Code with</source>
        <translation>Coderen met</translation>
    </message>
    <message>
        <source>Code each hit, or its sentence, paragraph or speaker turn</source>
        <translation>Codeer elke treffer, of de zin, alinea of spreekbeurt waarin hij staat</translation>
    </message>
    <message>
        <source>Type something to search for.</source>
        <translation>Typ iets om naar te zoeken.</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>Geen treffers.</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n treffer</numerusform>
            <numerusform>%n treffers</numerusform>
        </translation>
    </message>
    <message>
        <source>Code {0} in {1} with “{2}” ({3})? One undo takes them all back.</source>
        <translation>{0} in {1} coderen met “{2}” ({3})? Eén keer ongedaan maken neemt ze allemaal terug.</translation>
    </message>
    <message numerus="yes">
        <source>Coded %n hit(s) with {0}.</source>
        <translation>
            <numerusform>%n treffer gecodeerd met {0}.</numerusform>
            <numerusform>%n treffers gecodeerd met {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coded %n passage(s) with {0}.</source>
        <translation>
            <numerusform>%n passage gecodeerd met {0}.</numerusform>
            <numerusform>%n passages gecodeerd met {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} in {1}</source>
        <translation>{0} in {1}</translation>
    </message>
    <message>
        <source> (the first {0}; refine the search to see the rest)</source>
        <translation> (de eerste {0}; verfijn de zoekopdracht om de rest te zien)</translation>
    </message>
    <message>
        <source>How many backups of each project to keep (one is taken each time you open it; 0 turns backups off):</source>
        <translation>Hoeveel back-ups van elk project bewaren (er wordt er een gemaakt telkens je het opent; 0 zet back-ups uit):</translation>
    </message>
    <message>
        <source>Keep backups</source>
        <translation>Back-ups bewaren</translation>
    </message>
    <message>
        <source>Give a whole number from 0 to {0}.</source>
        <translation>Geef een geheel getal van 0 tot {0}.</translation>
    </message>
    <message>
        <source>Try editing again</source>
        <translation>Opnieuw proberen te bewerken</translation>
    </message>
    <message>
        <source>Open the project for editing, if the other window or program has closed it</source>
        <translation>Het project openen om te bewerken, als het andere venster of programma het gesloten heeft</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only&lt;/b&gt; because {0}. You can read, search and export; changes are disabled.</source>
        <translation>&lt;b&gt;Alleen-lezen&lt;/b&gt; omdat {0}. Je kunt lezen, zoeken en exporteren; wijzigen is uitgeschakeld.</translation>
    </message>
    <message>
        <source>Code interviews and fieldnotes, compare cases, work as a team.</source>
        <translation>Interviews en veldnotities coderen, casussen vergelijken, als team werken.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>New project with the “{0}” codebook…</source>
        <translation>Nieuw project met het codeboek “{0}”…</translation>
    </message>
    <message>
        <source>New empty project…</source>
        <translation>Nieuw leeg project…</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>Een project openen…</translation>
    </message>
    <message>
        <source>Open the sample project (invented data)</source>
        <translation>Het voorbeeldproject openen (verzonnen gegevens)</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>Eerste stappen</translation>
    </message>
    <message>
        <source>Start a project from a codebook (or open the sample to look around).</source>
        <translation>Begin een project vanuit een codeboek (of open het voorbeeld om rond te kijken).</translation>
    </message>
    <message>
        <source>Add a case per fieldwork site, then import its transcripts and fieldnotes (Ctrl+I, or drop files).</source>
        <translation>Maak een casus per onderzoekssite en importeer de transcripten en veldnotities (Ctrl+I, of sleep bestanden).</translation>
    </message>
    <message>
        <source>Open a document, select a passage and press Ctrl+E to code it; Ctrl+Z undoes.</source>
        <translation>Open een document, selecteer een passage en druk op Ctrl+E om ze te coderen; Ctrl+Z maakt ongedaan.</translation>
    </message>
    <message>
        <source>Compare cases in the matrix (Ctrl+M).</source>
        <translation>Vergelijk casussen in de matrix (Ctrl+M).</translation>
    </message>
    <message>
        <source>Help › User guide (F1) tells more.</source>
        <translation>Help › Handleiding (F1) vertelt meer.</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Recente projecten</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Het systeem volgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>Follow the system ({0})</source>
        <translation>Het systeem volgen ({0})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>&amp;Backups to keep of each project:</source>
        <translation>&amp;Back-ups om van elk project te bewaren:</translation>
    </message>
    <message>
        <source>The language changes the next time Coding Workbench starts.</source>
        <translation>De taal verandert de volgende keer dat Coding Workbench start.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Handleiding</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About Coding Workbench</source>
        <translation>&amp;Over Coding Workbench</translation>
    </message>
    <message>
        <source>About Coding Workbench</source>
        <translation>Over Coding Workbench</translation>
    </message>
    <message>
        <source>Select exact characters (not whole words)</source>
        <translation>Exacte tekens selecteren (geen hele woorden)</translation>
    </message>
    <message>
        <source>Alt + drag</source>
        <translation>Alt + slepen</translation>
    </message>
    <message>
        <source>Code the selection with a code</source>
        <translation>De selectie coderen met een code</translation>
    </message>
    <message>
        <source>Double-click the code, or drag onto it</source>
        <translation>Dubbelklik op de code, of sleep ernaartoe</translation>
    </message>
    <message>
        <source>Filter the codes in the context menu</source>
        <translation>De codes in het contextmenu filteren</translation>
    </message>
    <message>
        <source>Type in its top line</source>
        <translation>Typ in de bovenste regel</translation>
    </message>
    <message>
        <source>Offline qualitative coding of interviews and fieldnotes.</source>
        <translation>Offline kwalitatief coderen van interviews en veldnotities.</translation>
    </message>
    <message>
        <source>Project file format version: {0}</source>
        <translation>Versie van het projectbestandsformaat: {0}</translation>
    </message>
    <message>
        <source>Exchange: REFI-QDA 1.5 (.qdc codebooks, .qdpx projects)</source>
        <translation>Uitwisseling: REFI-QDA 1.5 (.qdc-codeboeken, .qdpx-projecten)</translation>
    </message>
    <message>
        <source>Licence: MIT</source>
        <translation>Licentie: MIT</translation>
    </message>
    <message>
        <source>Bundled libraries and their licences</source>
        <translation>Meegeleverde bibliotheken en hun licenties</translation>
    </message>
    <message>
        <source>&amp;Enlarge the current panel</source>
        <translation>Huidig paneel &amp;vergroten</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>&amp;Indeling herstellen</translation>
    </message>
    <message>
        <source>{0} fills the window; Ctrl+Shift+F brings the other panels back.</source>
        <translation>{0} vult het venster; Ctrl+Shift+F brengt de andere panelen terug.</translation>
    </message>
    <message>
        <source>the share of characters on which the coders made the same choice (both coded them with the code, or both left them out).</source>
        <translation>het aandeel tekens waarover de codeerders dezelfde keuze maakten (allebei gecodeerd met de code, of allebei niet).</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ: agreement corrected for chance, from each coder&apos;s own rate of coding; 1 is perfect, 0 is no better than chance, below 0 worse.</source>
        <translation>Cohens κ: overeenstemming gecorrigeerd voor toeval, op basis van hoeveel elke codeerder codeert; 1 is perfect, 0 is niet beter dan toeval, onder 0 slechter.</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α: chance-corrected like kappa, for two or more coders; 0.80 or more is usually taken as reliable, 0.667 as the lowest acceptable for tentative conclusions.</source>
        <translation>Krippendorffs α: net als kappa gecorrigeerd voor toeval, voor twee of meer codeerders; 0,80 of meer geldt doorgaans als betrouwbaar, 0,667 als de ondergrens voor voorlopige conclusies.</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95%-BI</translation>
    </message>
    <message>
        <source>the range the measure would likely fall in with other passages of the same kind (bootstrap); a wide range means little material.</source>
        <translation>het bereik waarin de maat waarschijnlijk zou vallen met andere passages van dezelfde soort (bootstrap); een breed bereik wijst op weinig materiaal.</translation>
    </message>
    <message>
        <source>Why {percent} agreement but κ {kappa}? Most of the text was coded by neither coder, so they agree on it almost by default. Kappa leaves out the agreement that the coders&apos; own coding rates would give by chance and looks at the passages they did code: there they seldom coded the same characters. Read the disagreements below.</source>
        <translation>Waarom {percent} overeenstemming maar κ {kappa}? Het grootste deel van de tekst werd door geen van beide codeerders gecodeerd, dus daarover zijn ze het bijna vanzelf eens. Kappa trekt de overeenstemming af die je bij toeval zou verwachten op basis van hoeveel elke codeerder codeert, en kijkt naar de passages die ze wel codeerden: daar codeerden ze zelden dezelfde tekens. Lees hieronder waarover ze het oneens zijn.</translation>
    </message>
    <message>
        <source>Select a code to see its definition here.</source>
        <translation>Selecteer een code om hier de definitie te zien.</translation>
    </message>
    <message>
        <source>No definition yet: Codes › Edit adds one.</source>
        <translation>Nog geen definitie: Codes › Bewerken voegt er een toe.</translation>
    </message>
    <message>
        <source>Coding Workbench projects (*{0});;All files (*)</source>
        <translation>Coding Workbench-projecten (*{0});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>the hit only</source>
        <translation>alleen de treffer</translation>
    </message>
    <message>
        <source>its sentence</source>
        <translation>de zin</translation>
    </message>
    <message>
        <source>its paragraph</source>
        <translation>de alinea</translation>
    </message>
    <message>
        <source>its speaker turn</source>
        <translation>de spreekbeurt</translation>
    </message>
    <message>
        <source>Every turn of some speakers</source>
        <translation>Elke spreekbeurt van bepaalde sprekers</translation>
    </message>
    <message>
        <source>Every hit of a search or pattern</source>
        <translation>Elke treffer van een zoekopdracht of patroon</translation>
    </message>
    <message>
        <source>Every section under a heading</source>
        <translation>Elke sectie onder een kop</translation>
    </message>
    <message>
        <source>or a pattern for their names, e.g. R\d+</source>
        <translation>of een patroon voor hun namen, bv. R\d+</translation>
    </message>
    <message>
        <source>words, &quot;a phrase&quot;, prefix*, OR, NOT (accents optional)</source>
        <translation>woorden, &quot;een zinsdeel&quot;, begin*, OR, NOT (accenten mogen ontbreken)</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Reguliere expressie</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>a pattern the heading holds, e.g. method|werkwijze</source>
        <translation>een patroon dat in de kop staat, bv. method|werkwijze</translation>
    </message>
    <message>
        <source>Headings are those the Word, OpenDocument or web page marked; elsewhere a short line standing alone that does not end like a sentence. A section runs to the next heading of the same or a higher level.</source>
        <translation>Koppen zijn die welke het Word-, OpenDocument- of webdocument als kop markeerde; elders een korte losse regel die niet als een zin eindigt. Een sectie loopt tot de volgende kop van hetzelfde of een hoger niveau.</translation>
    </message>
    <message>
        <source>… and {0} more: click to list them all</source>
        <translation>… en nog {0}: klik om ze allemaal te tonen</translation>
    </message>
    <message>
        <source>{0} more codings here</source>
        <translation>hier nog {0} coderingen</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;coded by {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;gecodeerd door {1}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>Coding Workbench ran into an unexpected problem and stopped what it was doing:
{summary}

Your project is still open. The unfinished action changed nothing, so your work up to it is safe.</source>
        <translation>Coding Workbench stuitte op een onverwacht probleem en stopte wat het aan het doen was:
{summary}

Je project is nog open. De onafgewerkte handeling heeft niets gewijzigd, dus je werk tot dan is veilig.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>De details staan in het logbestand:
{path}</translation>
    </message>
    <message>
        <source>No log file could be written; copy the details below instead.</source>
        <translation>Er kon geen logbestand geschreven worden; kopieer in plaats daarvan de details hieronder.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopiëren</translation>
    </message>
    <message>
        <source>Save what this window holds as a new project file now?</source>
        <translation>Wat dit venster bevat nu als een nieuw projectbestand bewaren?</translation>
    </message>
    <message>
        <source>The project file was replaced</source>
        <translation>Het projectbestand werd vervangen</translation>
    </message>
    <message>
        <source>Save as a new project file</source>
        <translation>Bewaren als een nieuw projectbestand</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Everything done in this project, newest first: who did it, when, and what it added, changed and removed. Undo and redo are actions too; nothing is ever taken out of this history. Select an action to see each thing it changed.</source>
        <translation>Alles wat in dit project gebeurde, nieuwste eerst: wie het deed, wanneer, en wat het toevoegde, veranderde en verwijderde. Ongedaan maken en opnieuw doen zijn ook handelingen; niets wordt ooit uit deze geschiedenis weggenomen. Selecteer een handeling om alles te zien wat ze veranderde.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Wat veranderde</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijziging</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Showing the newest {0} actions; choose a coder, a kind or dates to see older ones.</source>
        <translation>De nieuwste {0} handelingen staan hier; kies een codeerder, een soort of datums om oudere te zien.</translation>
    </message>
    <message>
        <source>No action matches these filters.</source>
        <translation>Geen enkele handeling past bij deze filters.</translation>
    </message>
    <message>
        <source>Nothing has been done in this project yet.</source>
        <translation>In dit project is nog niets gedaan.</translation>
    </message>
    <message>
        <source>Actions in italics were recorded before project format 6: only the last 200 actions before the project was upgraded are known, and an undone action only by its undo.</source>
        <translation>Handelingen in cursief werden vastgelegd vóór projectformaat 6: alleen de laatste 200 handelingen van vóór de omzetting van het project zijn bekend, en een ongedaan gemaakte handeling alleen als het ongedaan maken ervan.</translation>
    </message>
    <message>
        <source>added</source>
        <translation>toegevoegd</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>(no longer in the project)</source>
        <translation>(niet meer in het project)</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… en nog {0}</translation>
    </message>
    <message>
        <source>Undo: {0}</source>
        <translation>Ongedaan maken: {0}</translation>
    </message>
    <message>
        <source>Redo: {0}</source>
        <translation>Opnieuw doen: {0}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>kleur</translation>
    </message>
    <message>
        <source>definition</source>
        <translation>definitie</translation>
    </message>
    <message>
        <source>when to use</source>
        <translation>wanneer gebruiken</translation>
    </message>
    <message>
        <source>when not to use</source>
        <translation>wanneer niet gebruiken</translation>
    </message>
    <message>
        <source>example</source>
        <translation>voorbeeld</translation>
    </message>
    <message>
        <source>place in the tree</source>
        <translation>plaats in de boom</translation>
    </message>
    <message>
        <source>order</source>
        <translation>volgorde</translation>
    </message>
    <message>
        <source>codable</source>
        <translation>codeerbaar</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beschrijving</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>value of {0}</source>
        <translation>waarde van {0}</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(hoogste niveau)</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Codering</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>Behouden waarde</translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation>Behouden van</translation>
    </message>
    <message>
        <source>Lost value</source>
        <translation>Verloren waarde</translation>
    </message>
    <message>
        <source>Lost by</source>
        <translation>Verloren van</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Toestand</translation>
    </message>
    <message>
        <source>(a deletion)</source>
        <translation>(een verwijdering)</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>omgedraaid</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Conflicts in the team project</source>
        <translation>Conflicten in het teamproject</translation>
    </message>
    <message>
        <source>Two coders changed the same field since they last synchronised. Every copy kept the same value; the other is listed here. Flip takes the lost value instead (and synchronises).</source>
        <translation>Twee codeurs wijzigden hetzelfde veld sinds hun laatste synchronisatie. Elke kopie hield dezelfde waarde; de andere staat hier. Omdraaien neemt in de plaats de verloren waarde (en synchroniseert).</translation>
    </message>
    <message>
        <source>&amp;Flip: take the lost value</source>
        <translation>&amp;Omdraaien: de verloren waarde nemen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Reading the conflicts…</source>
        <translation>De conflicten lezen…</translation>
    </message>
    <message>
        <source>Another team task is running; Refresh when it ends.</source>
        <translation>Er loopt nog een teamtaak; klik op Vernieuwen wanneer die klaar is.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) still open</source>
        <translation>
            <numerusform>%n conflict staat nog open</numerusform>
            <numerusform>%n conflicten staan nog open</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, as of the last sync ({1}).</source>
        <translation>{0}, volgens de laatste synchronisatie ({1}).</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>A lost deletion or whole row cannot be flipped back: re-enter its value by hand.</source>
        <translation>Een verloren verwijdering of een hele rij kan niet worden omgedraaid: voer de waarde opnieuw met de hand in.</translation>
    </message>
    <message>
        <source>Taking the lost value…</source>
        <translation>De verloren waarde nemen…</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Gebruiker:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>The password is never written to the project file; the window keeps it until you quit. TLS: add ?sslmode=verify-full to the address.</source>
        <translation>Het wachtwoord wordt nooit in het projectbestand opgeslagen; het venster onthoudt het tot u afsluit. TLS: voeg ?sslmode=verify-full aan het adres toe.</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Verbinden met de server…</translation>
    </message>
    <message>
        <source>Another team task is still running; try again when it has finished.</source>
        <translation>Er loopt nog een teamtaak; probeer het opnieuw wanneer die klaar is.</translation>
    </message>
    <message>
        <source>Connect to a team project</source>
        <translation>Verbinden met een teamproject</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Where your own copy will be kept</source>
        <translation>Waar uw eigen kopie bewaard wordt</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Local &amp;file:</source>
        <translation>Lokaal &amp;bestand:</translation>
    </message>
    <message>
        <source>Keep your copy of the team project as</source>
        <translation>Uw kopie van het teamproject bewaren als</translation>
    </message>
    <message>
        <source>{0} already exists: choose a new file for your copy.</source>
        <translation>{0} bestaat al: kies een nieuw bestand voor uw kopie.</translation>
    </message>
    <message>
        <source>Publish this project to a team server</source>
        <translation>Dit project op een teamserver publiceren</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publiceren</translation>
    </message>
    <message>
        <source>Publishing makes a new database on the server hold this project; the user must be allowed to create databases and roles (the team&apos;s lead or the server&apos;s administrator).</source>
        <translation>Publiceren maakt op de server een nieuwe database met dit project; de gebruiker moet databases en rollen mogen aanmaken (de teamleider of de beheerder van de server).</translation>
    </message>
    <message>
        <source>Published: {0}</source>
        <translation>Gepubliceerd: {0}</translation>
    </message>
    <message>
        <source>C&amp;onnect to a team project…</source>
        <translation>&amp;Verbinden met een teamproject…</translation>
    </message>
    <message>
        <source>P&amp;ublish this project to a team server…</source>
        <translation>Dit project op een teamserver p&amp;ubliceren…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>Con&amp;flicts…</source>
        <translation>Con&amp;flicten…</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Not synchronised.</source>
        <translation>Niet gesynchroniseerd.</translation>
    </message>
    <message>
        <source>{0}

Password for {1}:</source>
        <translation>{0}

Wachtwoord voor {1}:</translation>
    </message>
    <message>
        <source>Team server password</source>
        <translation>Wachtwoord voor de teamserver</translation>
    </message>
    <message>
        <source>Not synchronised</source>
        <translation>Niet gesynchroniseerd</translation>
    </message>
    <message numerus="yes">
        <source>Synchronised: %n change(s) sent</source>
        <translation>
            <numerusform>Gesynchroniseerd: %n wijziging verstuurd</numerusform>
            <numerusform>Gesynchroniseerd: %n wijzigingen verstuurd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n ontvangen</numerusform>
            <numerusform>%n ontvangen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s)</source>
        <translation>
            <numerusform>%n nieuw conflict</numerusform>
            <numerusform>%n nieuwe conflicten</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Wijzigingen versturen</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Wijzigingen ontvangen</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publiceren</translation>
    </message>
    <message>
        <source>Synchronising</source>
        <translation>Synchroniseren</translation>
    </message>
    <message>
        <source>Synchronised</source>
        <translation>Gesynchroniseerd</translation>
    </message>
    <message>
        <source>Took the lost value</source>
        <translation>De verloren waarde genomen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n wijziging te versturen</numerusform>
            <numerusform>%n wijzigingen te versturen</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Wachtwoord nodig</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicten</numerusform>
        </translation>
    </message>
    <message>
        <source>Team project: {0} as {1}</source>
        <translation>Teamproject: {0} als {1}</translation>
    </message>
    <message>
        <source>Last synchronised: {0}</source>
        <translation>Laatst gesynchroniseerd: {0}</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Click to review the conflicts.</source>
        <translation>Klik om de conflicten te bekijken.</translation>
    </message>
    <message>
        <source>Click to synchronise now.</source>
        <translation>Klik om nu te synchroniseren.</translation>
    </message>
    <message>
        <source>case</source>
        <translation>casus</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>kenmerk</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>coding</source>
        <translation>codering</translation>
    </message>
    <message>
        <source>memo</source>
        <translation>memo</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>codeerder</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>samenvatting</translation>
    </message>
    <message>
        <source>merge record</source>
        <translation>samenvoegverslag</translation>
    </message>
    <message>
        <source>anything</source>
        <translation>om het even wat</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles tonen</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Codeerder:</translation>
    </message>
    <message>
        <source>Changed:</source>
        <translation>Veranderde:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Van:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Tot en met:</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>iedereen</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>elke dag</translation>
    </message>
</context>
</TS>
