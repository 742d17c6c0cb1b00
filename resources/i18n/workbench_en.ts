<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message numerus="yes">
        <source>Coded %n passage(s) as {0}. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>Coded %n passage as {0}. Ctrl+Z undoes it.</numerusform>
            <numerusform>Coded %n passages as {0}. Ctrl+Z undoes it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
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
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attribute(s)</source>
        <translation>
            <numerusform>%n attribute</numerusform>
            <numerusform>%n attributes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n summary(-ies)</source>
        <translation>
            <numerusform>%n summary</numerusform>
            <numerusform>%n summaries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n coder(s)</source>
        <translation>
            <numerusform>%n coder</numerusform>
            <numerusform>%n coders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sub-code(s)</source>
        <translation>
            <numerusform>%n sub-code</numerusform>
            <numerusform>%n sub-codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
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
            <numerusform>Coding %n passage…</numerusform>
            <numerusform>Coding %n passages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coded %n hit(s) with {0}.</source>
        <translation>
            <numerusform>Coded %n hit with {0}.</numerusform>
            <numerusform>Coded %n hits with {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Coded %n passage(s) with {0}.</source>
        <translation>
            <numerusform>Coded %n passage with {0}.</numerusform>
            <numerusform>Coded %n passages with {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) still open</source>
        <translation>
            <numerusform>%n conflict still open</numerusform>
            <numerusform>%n conflicts still open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synchronised: %n change(s) sent</source>
        <translation>
            <numerusform>Synchronised: %n change sent</numerusform>
            <numerusform>Synchronised: %n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n received</numerusform>
            <numerusform>%n received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s)</source>
        <translation>
            <numerusform>%n new conflict</numerusform>
            <numerusform>%n new conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
</TS>
