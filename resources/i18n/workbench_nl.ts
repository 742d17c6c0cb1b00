<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
<context>
    <name></name>
    <message>
        <source>Inter-coder agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coders (two or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fieldnote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words coded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of words coded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code, theme or case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kappa 95% CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha 95% CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pair with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>definition changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hit in context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A segment counts as matched when another coder coded at least this share of it with the same code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the seed to get the same intervals every time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment overlap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bootstrap seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages the coders disagree on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two or more coders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one code and one document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the coders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the coders in {document}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{documents} documents compared, {all} coded by every coder; {disagreements} passages disagreed on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} documents coded by only one coder are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages the coders disagree on: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages the coders disagree on in {label}: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be applied to passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick for a theme that only groups its sub-codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When not to use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as a REFI-QDA project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported with remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a REFI-QDA project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the imported project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the REFI-QDA project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported with remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcripts and fieldnotes ({patterns});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add transcripts and fieldnotes ({suffixes}), or drop files and folders here. Each file becomes one document of the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case, or the name of a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fieldnote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the files to import first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the case the documents belong to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name} ({number} of {total})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: the import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{imported} imported, {skipped} skipped, {failed} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; the files imported before stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import is not one undo step: Undo takes back one document at a time; delete documents to remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n coding(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sub-code(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Merge code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter codes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “{source}” into “{target}”? {codings} move to “{target}” and “{source}” is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its {subs} (with {codings}) go along.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show codes that are the same on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice for the selected row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging {what} ({done} of {total})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Undo (Ctrl+Z) takes the whole merge back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes: {parts}. Nothing of ours is overwritten unless you choose “take theirs”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge a codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge codebook {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge another project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge project {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code the selection with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to code the selection · Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used recently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a document from the cases on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code selection with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove coding: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit coding to the selection: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recode as…: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recode this passage as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo on coding: {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo on this coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases and documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the “{0}” codebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the &amp;codebook (.qdc)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the codebook as a &amp;Word appendix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as REFI-QDA &amp;project (.qdpx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project from a REFI-QDA project (.&amp;qdpx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge a &amp;codebook (.qdc or project)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge another &amp;project (coder&apos;s file or .qdpx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-case &amp;matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter-coder &amp;agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} [read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — Coding Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebook report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{coder}: matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(did not code this document)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed or pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups other codes; not applied to passages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When not to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (+{0} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing coded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to list the passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(like “{name}”?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pair with {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely the same as: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New attribute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Define a case attribute (text, number, date, yes/no or choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this case is: site, period, people…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a case to see and edit its attributes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attributes yet: add one, e.g. place or city.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated: work, living, school, leisure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a case (a fieldwork site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import transcripts and fieldnotes into the selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter cases and documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new case (a fieldwork site):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name of the case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New title of the document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the case &apos;{name}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case &apos;{name}&apos; holds {documents} with {codings}.
Delete the case together with its documents?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the document &apos;{title}&apos; with its {codings} and its memos?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete case and documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a code at the top of the codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sub-code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a code under the selected code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code in vivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In vivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a code named after the selected text (under the selected code) and code the text with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply this code to the selected passage (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit definition and colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the code&apos;s definition and colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this code&apos;s codings into another code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the code with its sub-codes and codings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code the selection with a code you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter the codes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In vivo (name a new code after the selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new sub-code of “{name}”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sub-code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as a coder (every coding records it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is coding?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a passage of the document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Coded %n passage(s) as {0}. Ctrl+Z undoes it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The selected passage holds no words to name a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name of the code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the code “{name}”? It has no codings and no sub-codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subs} and {codings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the code “{name}” with its {goes}? Undo can bring them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes: overlapping passages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes: passages in one paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group cases by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} × {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cases with this attribute value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attribute&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cell to list its passages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memos on the project &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memos on case &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memos on document &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memos on code &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memos on a coding in &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New memo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete memo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memo title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a memo, or write a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title of the new memo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the memo &apos;{title}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Go to passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the document at the selected passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy passages with references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include sub-codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by document kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by a case attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more codes in the codebook to see their passages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coded {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code all hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the chosen code to every hit listed (one undo step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code selected hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the chosen code to the selected hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the documents: words, &quot;a phrase&quot;, prefix*, OR, NOT (accents optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code to apply to the hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type something to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coded %n hit(s) with {0}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{0} in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the first {0}; refine the search to see the rest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many backups of each project to keep (one is taken each time you open it; 0 turns backups off):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a whole number from 0 to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try editing again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the project for editing, if the other window or program has closed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only&lt;/b&gt; because {0}. You can read, search and export; changes are disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code interviews and fieldnotes, compare cases, work as a team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project with the “{0}” codebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New empty project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample project (invented data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a project from a codebook (or open the sample to look around).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a case per fieldwork site, then import its transcripts and fieldnotes (Ctrl+I, or drop files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a document, select a passage and press Ctrl+E to code it; Ctrl+Z undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare cases in the matrix (Ctrl+M).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help › User guide (F1) tells more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups to keep of each project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time Coding Workbench starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Coding Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Coding Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select exact characters (not whole words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt + drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code the selection with a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click the code, or drag onto it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the codes in the context menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type in its top line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline qualitative coding of interviews and fieldnotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project file format version: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange: REFI-QDA 1.5 (.qdc codebooks, .qdpx projects)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: MIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled libraries and their licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enlarge the current panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} fills the window; Ctrl+Shift+F brings the other panels back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the share of characters on which the coders made the same choice (both coded them with the code, or both left them out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohen&apos;s κ: agreement corrected for chance, from each coder&apos;s own rate of coding; 1 is perfect, 0 is no better than chance, below 0 worse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α: chance-corrected like kappa, for two or more coders; 0.80 or more is usually taken as reliable, 0.667 as the lowest acceptable for tentative conclusions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range the measure would likely fall in with other passages of the same kind (bootstrap); a wide range means little material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why {percent} agreement but κ {kappa}? Most of the text was coded by neither coder, so they agree on it almost by default. Kappa leaves out the agreement that the coders&apos; own coding rates would give by chance and looks at the passages they did code: there they seldom coded the same characters. Read the disagreements below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a code to see its definition here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No definition yet: Codes › Edit adds one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
