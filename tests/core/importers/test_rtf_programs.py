r"""RTF as Word, WordPad, LibreOffice and macOS TextEdit write it, stored exactly.

Each file is written by hand in the shape its program writes: the same paragraph and line
breaks, tables, code pages, Unicode escapes with their fallbacks, hidden text and fields."""

from __future__ import annotations

from pathlib import Path

from tests.core.importers.conftest import import_one
from workbench.core.importers.registry import read_source
from workbench.core.model import Document
from workbench.core.storage import Project

WORD = r"""{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff31507\deff0\stshfdbch31505\deflang2067
{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}
{\f38\fbidi \fswiss\fcharset238\fprq2 Calibri CE;}}{\colortbl;\red0\green0\blue0;}
{\*\defchp \f31506\fs22 }{\stylesheet{\ql \li0\ri0\sa160 \f31506\fs22 \snext0 Normal;}}
{\*\rsidtbl \rsid1234}{\info{\title Veldnota De Linde}{\author Lotte Peeters}
{\creatim\yr2023\mo4\dy12\hr9\min5}}{\*\xmlnstbl {\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}}
\paperw11906\paperh16838\margl1417\margr1417\ltrsect \widowctrl\ftnbj\aenddoc
\ltrpar \sectd \ltrsect\linex0\headery708\footery708\endnhere\sectlinegrid360\sectdefaultcl
{\header \ltrpar \pard\plain \ltrpar\qc Koptekst van elke pagina\par}
{\footer \ltrpar \pard\plain \ltrpar\qr {\field{\*\fldinst { PAGE }}{\fldrslt {1}}}\par}
\pard\plain \ltrpar\ql \li0\ri0\sa160\sl259\slmult1\widctlpar\itap0 \rtlch\fcs1 \af31507\afs22
\ltrch\fcs0 \f31506\fs22\lang2067 {\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid1234 Eerste alinea:
 \'e9\'e9n keer per week \u8364\'80 5 en een }{\rtlch\fcs1 \ltrch\fcs0 \f38\insrsid1234
\'9a\'e8}{\rtlch\fcs1 \ltrch\fcs0 \insrsid1234 \line Tweede regel\tab na een tab. }{\rtlch
\insrsid1234 {\v Verborgen notitie }zichtbaar }{\field{\*\fldinst {\rtlch\fcs1 \insrsid1234
 HYPERLINK "https://example.org/linde" }}{\fldrslt {\rtlch\fcs1 \ul\cf2\insrsid1234
website}}}{\rtlch \insrsid1234 \u-10179\'3f\u-8638\'3f.\par }
\trowd \irow0\irowband0\ltrrow\ts11\trgaph108\trleft-108\trftsWidth1\clvertalt\clbrdrt\brdrs
\cellx4531\clvertalt\clbrdrt\brdrs \cellx9062\pard\plain \ltrpar\ql \li0\ri0\widctlpar\intbl
\wrapdefault\aspalpha {\rtlch\fcs1 \af31507 \ltrch\fcs0 \insrsid1234 Naam}{\rtlch\fcs1
\insrsid1234 \cell }{\rtlch\fcs1 \insrsid1234 Rol\par en taak\cell }\pard\plain \ltrpar\ql
\widctlpar\intbl\wrapdefault {\rtlch\fcs1 \insrsid1234 \trowd \irow0\irowband0\ltrrow\ts11
\cellx4531\clvertalt \cellx9062\row }\pard\plain \ltrpar\ql \widctlpar\intbl\wrapdefault
{\rtlch \insrsid1234 Zo\'eb\cell }{\rtlch \insrsid1234 bewoonster\cell }\pard\plain \ltrpar
\widctlpar\intbl {\rtlch \insrsid1234 \trowd \irow1\irowband1\lastrow \ltrrow\cellx4531
\cellx9062\row }\pard\plain \ltrpar\ql \li0\ri0\sa160\widctlpar\itap0 {\rtlch \insrsid1234
Na de tabel.{\deleted\revauth1 Geschrapt.}\par }{\rtlch \insrsid1234 \page }{\rtlch
\insrsid1234 Pagina twee.}{\rtlch \insrsid1234 \par }\sect \sectd \ltrsect\sbknone
\pard\plain {\rtlch Nieuwe sectie.\par }{\*\themedata 504b030414000600}}
"""

WORDPAD = r"""{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang1043{\fonttbl{\f0\fnil\fcharset0 Calibri;}
{\f1\fnil\fcharset238 Calibri;}}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1 
\pard\sa200\sl276\slmult1\f0\fs22\lang19 Veldnotitie zaterdag\par
Caf\'e9 met \f1 Dvo\'f8\'e1k\f0  en koffie.\line Tweede regel.\par
\pard\sa200\sl276\slmult1\tab Ingesprongen\u8230? alinea met \u8220?aanhalingen\u8221?.\par
\trowd\trgaph108\trleft-108\cellx4680\cellx9468\pard\intbl\sa200\sl276\slmult1 Wie\cell Wat\cell\row
\trowd\trgaph108\trleft-108\cellx4680\cellx9468\pard\intbl\sa200\sl276\slmult1 Griet\cell kookt\cell\row
\pard\sa200\sl276\slmult1 Einde.\par
}
"""

LIBREOFFICE = r"""{\rtf1\ansi\deff3\adeflang1025
{\fonttbl{\f0\froman\fprq2\fcharset0 Times New Roman;}{\f1\froman\fprq2\fcharset2 Symbol;}{\f3\froman\fprq2\fcharset0 Liberation Serif{\*\falt Times New Roman};}{\f4\fswiss\fprq2\fcharset204 Liberation Sans;}{\f5\fnil\fprq2\fcharset128 Noto Sans CJK JP;}}
{\colortbl;\red0\green0\blue0;\red0\green0\blue255;}
{\stylesheet{\s0\snext0\hich\af5\dbch\af6\afs24\alang1081\loch\f3\fs24\lang1043 Standaard;}
}{\*\generator LibreOffice/7.3.7.2$Linux_X86_64 LibreOffice_project/30$Build-2}{\info{\title Observatie buurthuis}{\author Youssef}{\creatim\yr2022\mo11\dy3\hr14\min2}{\revtim\yr2022\mo11\dy3\hr14\min9}{\printim\yr0\mo0\dy0\hr0\min0}}{\*\userprops}\deftab709
\hyphauto1\viewscale100
{\*\pgdsctbl
{\pgdsc0\pgdscuse451\pgwsxn11906\pghsxn16838\marglsxn1134\margrsxn1134\pgdscnxt0 Default Page Style;}}
\formshade\paperh16838\paperw11906\margl1134\margr1134\sectd\sbknone\sftnnar\saftnnrlc\sectunlocked1\pgwsxn11906\pghsxn16838\ftnbj\ftnstart1\ftnrstcont\ftnnar\aenddoc\aftnrstcont\aftnstart1\aftnnrlc
{\*\ftnsep\chftnsep}\pgndec\pard\plain \s0\hich\af5\dbch\af6\afs24\alang1081\loch\f3\fs24\lang1043{\rtlch \ltrch\loch
De buurt \u8220\'93samen\u8221\'94 maken}
\par \pard\plain \s0\hich\af5\dbch\af6\afs24\alang1081\loch\f3\fs24\lang1043{\rtlch \ltrch\loch
Verborgen: }{\v\rtlch \ltrch\loch
niet te zien}{\rtlch \ltrch\loch
 zichtbaar, }{\field{\*\fldinst {\rtlch \ltrch\loch
 HYPERLINK "https://example.org" }}{\fldrslt {\rtlch \ltrch\loch\cf2\ul
link}}}{\rtlch \ltrch\loch
.}
\par \trowd\trql\trleft0\ltrrow\trpaddft3\trpaddt0\trpaddfl3\trpaddl0\clbrdrl\brdrs\brdrw10\brdrcf1\cellx4819\clbrdrl\brdrs\brdrw10\brdrcf1\cellx9638\pgndec\pard\plain \s19\intbl{\rtlch \ltrch\loch
Wie}\cell\pard\plain \s19\intbl{\rtlch \ltrch\loch
Wat}\cell\row\pard\trowd\trql\trleft0\ltrrow\cellx4819\cellx9638\pard\plain \s19\intbl{\rtlch \ltrch\loch
Youssef}\cell\pard\plain \s19\intbl{\rtlch \ltrch\loch
kookte }{\rtlch \ltrch\loch\f4\loch
\'e1\'ee\'f0\'f9}\cell\row\pard\pard\plain \s0\hich\af5\dbch\af6\afs24\alang1081\loch\f3\fs24\lang1043{\rtlch \ltrch\loch
Na de tabel }{\rtlch \ltrch\loch\f5\uc2 \u26376\'8c\'8e\u26332\'93\'fa}{\uc0\u8212 einde}
\par \pard\plain \s0\pagebb\loch\f3 {\rtlch \ltrch\loch
Tweede pagina.}
\par }"""

TEXTEDIT = r"""{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fswiss\fcharset0 Helvetica-Bold;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
{\*\listtable{\list\listtemplateid1\listhybrid{\listlevel\levelnfc23\levelnfcn23\leveljc0\leveljcn0\levelfollow0\levelstartat1\levelspace360\levelindent0{\*\levelmarker \{disc\}}{\leveltext\leveltemplateid1\'01\uc0\u8226 ;}{\levelnumbers;}\fi-360\li720\lin720 }{\listname ;}\listid1}}
{\*\listoverridetable{\listoverride\listid1\listoverridecount0\ls1}}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx566\tx1133\tx1700\tx2267\tx2834\tx3401\pardirnatural\partightenfactor0

\f1\b\fs24 \cf0 REVIEW TYPE AND GOAL\
\f0\b0 Subsequent review - the board met on 3 March.\
\
Attendees: Mar\'eda, Jos\'e9 and Ay\uc0\u351 e\
\pard\tx220\tx720\pardeftab720\li720\fi-720\pardirnatural\partightenfactor0
\ls1\ilvl0\cf0 {\listtext<TAB>\uc0\u8226 <TAB>}coffee\
{\listtext<TAB>\uc0\u8226 <TAB>}tea\
\pard\pardirnatural\partightenfactor0
\cf0 \
\itap1\trowd \taflags1 \trgaph108\trleft-108 \trbrdrt\brdrnil \trbrdrl\brdrnil 
\clvertalc \clshdrawnil \clwWidth2000\clftsWidth3 \clpadl100 \clpadr100 \gaph\cellx4320
\clvertalc \clshdrawnil \clwWidth2000\clftsWidth3 \clpadl100 \clpadr100 \gaph\cellx8640
\pard\intbl\itap1\pardeftab720\partightenfactor0

\f0\fs24 \cf0 Name\cell 
\pard\intbl\itap1\pardeftab720\partightenfactor0

\cf0 Role\cell \row

\itap1\trowd \taflags1 \trgaph108\trleft-108 \cellx4320
\clvertalc \cellx8640
\pard\intbl\itap1\pardeftab720\partightenfactor0

\cf0 Annie\
(new)\cell 
\pard\intbl\itap1\pardeftab720\partightenfactor0

\cf0 chair\cell \lastrow\row
\pard\pardirnatural\partightenfactor0
\cf0 Don\uc0\u8217 t forget the \'93keys\'94.}""".replace("<TAB>", "\t")


def read(tmp_path: Path, name: str, rtf: str) -> str:
    path = tmp_path / name
    path.write_bytes(rtf.encode("ascii"))
    return read_source(path).text


def test_word_paragraphs_lines_tables_fields_hidden_text_and_sections(tmp_path: Path) -> None:
    assert read(tmp_path, "veldnota.rtf", WORD) == (
        "Eerste alinea: één keer per week € 5 en een šč\nTweede regel\tna een tab. zichtbaar "
        "website🙂.\n\n"
        "Naam\tRol en taak\nZoë\tbewoonster\n\n"
        "Na de tabel.\n\nPagina twee.\n\nNieuwe sectie.")


def test_wordpad_lines_font_code_pages_and_unicode_fallbacks(tmp_path: Path) -> None:
    assert read(tmp_path, "zaterdag.rtf", WORDPAD) == (
        "Veldnotitie zaterdag\n\nCafé met Dvořák en koffie.\nTweede regel.\n\n"
        "Ingesprongen… alinea met “aanhalingen”.\n\nWie\tWat\nGriet\tkookt\n\nEinde.")


def test_libreoffice_wrapped_lines_uc2_fallbacks_and_cyrillic_font(tmp_path: Path) -> None:
    assert read(tmp_path, "observatie.rtf", LIBREOFFICE) == (
        "De buurt “samen” maken\n\nVerborgen:  zichtbaar, link.\n\n"
        "Wie\tWat\nYoussef\tkookte борщ\n\nNa de tabel 月曜—einde\n\nTweede pagina.")


def test_textedit_backslash_line_ends_are_paragraph_breaks(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    path = tmp_path / "board review.rtf"
    path.write_bytes(TEXTEDIT.encode("ascii"))

    outcome = import_one(project, case, path, kind="fieldnote")

    with project.reading() as session:
        text = session.get(Document, outcome.document_id).text  # type: ignore[union-attr]
    assert text == (
        "REVIEW TYPE AND GOAL\n\nSubsequent review - the board met on 3 March.\n\n"
        "Attendees: María, José and Ayşe\n\n• coffee\n\n• tea\n\n"
        "Name\tRole\nAnnie (new)\tchair\n\nDon’t forget the “keys”.")


def test_a_windows_line_end_after_the_backslash_counts_once(tmp_path: Path) -> None:
    rtf = "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\r\n\\f0 Een\\\r\nTwee\\\r\n\\\r\nDrie}"
    assert read(tmp_path, "crlf.rtf", rtf) == "Een\n\nTwee\n\nDrie"


def test_unicode_fallbacks_of_every_length_are_skipped(tmp_path: Path) -> None:
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}"
        "\\pard{\\uc0\\u233 }t\\'e9 {\\uc2\\u8364 EU ro} {\\uc1\\u-4064 ?} \\u8220\\'93x\\u8221\\'94"
        " {\\uc3 \\u-10179 abc\\u-8638 def}\\par}"
    )
    assert read(tmp_path, "uc.rtf", rtf) == "été € ro \uf020 “x” 🙂"


def test_the_unicode_twin_of_an_upr_group_is_read_instead_of_its_ansi_text(tmp_path: Path) -> None:
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1252\\uc1{\\info{\\upr{\\title Gesprek met ???}"
        "{\\*\\ud{\\title Gesprek met \\u1044\\'3f\\u1072\\'3f\\u1085\\'3f}}}{\\author Lotte}}"
        "\\pard {\\upr{Zo\\'eb ?}{\\*\\ud{Zo\\u235\\'3f \\u-10179\\'3f\\u-8638\\'3f}}} kookt.\\par}"
    )
    path = tmp_path / "upr.rtf"
    path.write_bytes(rtf.encode("ascii"))

    extracted = read_source(path)

    assert (extracted.title, extracted.interviewer, extracted.text) == (
        "Gesprek met Дан", "Lotte", "Zoë 🙂 kookt.")
