"""Subtitle files from video calls and speech-to-text tools: speakers, merged cues, times."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tests.core.importers.conftest import import_one
from workbench.core.analysis.matrix import build_matrix, citation
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.importers.registry import read_source
from workbench.core.queries.documents import describe_documents, speaker_turns
from workbench.core.queries.passages import list_passages
from workbench.core.services.codes import create_code
from workbench.core.services.codings import apply_code
from workbench.core.storage import Project

TEAMS_VTT = """WEBVTT

NOTE Teams export, speaker names in voice spans

STYLE
::cue { color: white }

3f2a-0
00:00:03.120 --> 00:00:05.800 align:start position:10%
<v Griet Peeters>Welkom allemaal.</v>

3f2a-1
00:00:06.000 --> 00:00:08.500
<v Griet Peeters>Fijn dat <i>jullie</i> er zijn.</v>

3f2a-2
00:00:09.000 --> 00:00:12.000
<v.loud Zoë Janssens>Dank je &amp; graag gedaan.</v>

3f2a-3
00:14:05.250 --> 00:14:09.000
<v Griet Peeters><c.yellow>Wat</c> betekent het café voor jou?</v>
"""
TEAMS_TEXT = ("[00:00:03] Griet Peeters: Welkom allemaal. Fijn dat jullie er zijn.\n\n"
              "[00:00:09] Zoë Janssens: Dank je & graag gedaan.\n\n"
              "[00:14:05] Griet Peeters: Wat betekent het café voor jou?")

ZOOM_VTT = """WEBVTT

1
00:00:01.120 --> 00:00:04.560
Griet Peeters: Hoe begon het?

2
00:00:05.000 --> 00:00:07.000
Abdoulaye: In 2012, met koffie.

3
00:00:07.100 --> 00:00:09.000
Abdoulaye: En soep.
"""

OTTER_SRT = """1
00:00:00,500 --> 00:00:02,000
Speaker 1: Hoe begon het?

2
00:00:02,400 --> 00:00:04,000
Speaker 2: Met koffie.

3
00:00:04,100 --> 00:00:06,000
<font color="#ffff00">Daarna soep.</font>

4
01:02:03,000 --> 01:02:05,000
Speaker 1: {\\an8}En nu?
"""

WHISPER_SRT = """1
00:00:00,000 --> 00:00:03,000
Ik kom om half negen aan.

2
00:00:03,000 --> 00:00:05,000
De poort is nog dicht.

3
00:00:09,000 --> 00:00:12,000
Binnen ruikt het naar koffie.
"""

YOUTUBE_VTT = """WEBVTT
Kind: captions
Language: nl

00:00:00.000 --> 00:00:02.000 align:start position:0%
welkom bij deze aflevering over

00:00:02.000 --> 00:00:04.000 align:start position:0%
welkom bij deze aflevering over
<00:00:02.500><c>de</c><00:00:03.000><c> buurt</c>

00:00:04.000 --> 00:00:05.000
>> Dag!
"""


def _write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n",
           bom: bytes = b"") -> Path:
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    return path


def test_a_teams_transcript_merges_one_speakers_cues_into_one_turn_with_its_start_time(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    path = _write(tmp_path / "Interview Griet.vtt", TEAMS_VTT, newline="\r\n",
                  bom=codecs.BOM_UTF8)

    outcome = import_one(project, case, path)

    assert outcome.status == "imported", outcome.message
    with project.reading() as session:
        [document] = describe_documents(session, with_text=True)
        turns = speaker_turns(session, document.id)
    assert document.text == TEAMS_TEXT
    assert [(t.speaker, t.timestamp, t.milliseconds) for t in turns] == [
        ("Griet Peeters", "00:00:03", 3_120), ("Zoë Janssens", "00:00:09", 9_000),
        ("Griet Peeters", "00:14:05", 845_250)]
    assert [TEAMS_TEXT[t.start:t.end] for t in turns] == [
        "Welkom allemaal. Fijn dat jullie er zijn.", "Dank je & graag gedaan.",
        "Wat betekent het café voor jou?"]
    assert document.participants == ["Griet Peeters", "Zoë Janssens"]
    assert "4 cues read" in outcome.message


def test_the_time_of_a_turn_is_shown_in_the_references_of_its_passages(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    document_id = import_one(project, case, _write(tmp_path / "Interview 3.vtt", TEAMS_VTT)
                             ).document_id
    code = create_code(project, "Informele ruimte").subject.id
    start = TEAMS_TEXT.index("het café")
    apply_code(project, document_id, code, start, start + len("het café"), coder="Lotte")
    before = TEAMS_TEXT.index("Welkom")
    apply_code(project, document_id, code, before, before + len("Welkom"), coder="Lotte")

    with project.reading() as session:
        passages = list_passages(session, [code])
        matrix = build_matrix(session, MatrixSpec(columns="codes", cell="passages"))
    assert [p.reference for p in passages] == [
        "Woonkollektief Tussenruimte · Interview 3 · ¶1, 00:00:03",
        "Woonkollektief Tussenruimte · Interview 3 · ¶3, 00:14:05"]
    assert citation(passages[1]) == (
        "Woonkollektief Tussenruimte · Interview 3 · ¶3, 00:14:05, Griet Peeters")
    assert [citation(p) for p in matrix.value(case, code)] == [citation(p) for p in passages]


@pytest.mark.parametrize(("name", "content", "text", "speakers"), [
    ("zoom.vtt", ZOOM_VTT,
     "[00:00:01] Griet Peeters: Hoe begon het?\n\n[00:00:05] Abdoulaye: In 2012, met koffie. "
     "En soep.", [("Griet Peeters", 1_120), ("Abdoulaye", 5_000)]),
    ("otter.srt", OTTER_SRT,
     "[00:00:00] Speaker 1: Hoe begon het?\n\n[00:00:02] Speaker 2: Met koffie. Daarna soep."
     "\n\n[01:02:03] Speaker 1: En nu?",
     [("Speaker 1", 500), ("Speaker 2", 2_400), ("Speaker 1", 3_723_000)]),
    ("whisper.srt", WHISPER_SRT,
     "[00:00:00] Ik kom om half negen aan. De poort is nog dicht.\n\n"
     "[00:00:09] Binnen ruikt het naar koffie.", []),
    ("youtube.vtt", YOUTUBE_VTT,
     "[00:00:00] welkom bij deze aflevering over de buurt\n\n[00:00:04] Dag!", []),
])
def test_subtitles_of_each_tool_are_stored_exactly(
        project_with_case: tuple[Project, int], tmp_path: Path, name: str, content: str,
        text: str, speakers: list[tuple[str, int]]) -> None:
    project, case = project_with_case
    outcome = import_one(project, case, _write(tmp_path / name, content))
    assert outcome.status == "imported", outcome.message
    with project.reading() as session:
        [document] = describe_documents(session, with_text=True)
        turns = speaker_turns(session, document.id)
    assert document.text == text
    assert [(t.speaker, t.milliseconds) for t in turns] == speakers


def test_utf16_and_windows_1252_subtitles_are_read(tmp_path: Path) -> None:
    utf16 = read_source(_write(tmp_path / "a.srt", OTTER_SRT.replace("Met", "Mét"), "utf-16",
                               newline="\r\n"))
    assert "Mét koffie" in utf16.text and len(utf16.turns or []) == 3
    legacy = read_source(_write(tmp_path / "b.vtt", ZOOM_VTT.replace("En soep", "En paté"),
                                "cp1252"))
    assert legacy.text.endswith("En paté.") and "read as Windows-1252, not UTF-8" in legacy.notes


def test_a_file_that_is_no_subtitle_file_is_named_for_what_it_is(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    plain = import_one(project, case, _write(tmp_path / "notes.vtt", "Gewoon wat tekst.\n"))
    assert plain.status == "failed"
    assert plain.message == ("notes.vtt: looks like a plain text file, not a WebVTT subtitle "
                             "file.")
    srt_named_vtt = import_one(project, case, _write(tmp_path / "otter.vtt", OTTER_SRT))
    assert srt_named_vtt.status == "imported"
    empty = import_one(project, case, _write(tmp_path / "leeg.srt", "WEBVTT\n\nNOTE niets\n"))
    assert (empty.status, empty.message) == (
        "failed",
        "leeg.srt: holds no subtitle cues with text.",
    )


def test_a_subtitle_file_with_the_wrong_extension_is_named_for_what_it_is(
        project_with_case: tuple[Project, int], tmp_path: Path) -> None:
    project, case = project_with_case
    vtt = import_one(project, case, _write(tmp_path / "gesprek.docx", ZOOM_VTT))
    srt = import_one(project, case, _write(tmp_path / "gesprek.pdf", OTTER_SRT, "utf-16"))
    assert vtt.message == ("gesprek.docx: looks like a WebVTT subtitle file, not a Word document; "
                           "rename it to .vtt to import it.")
    assert srt.message == ("gesprek.pdf: looks like a SubRip subtitle file, not a PDF; rename it "
                           "to .srt to import it.")
    as_text = import_one(project, case, _write(tmp_path / "gesprek.txt", ZOOM_VTT))
    assert as_text.status == "imported"  # a .txt is read as the text it is


def test_a_sentence_or_a_sound_before_a_colon_is_no_speaker(tmp_path: Path) -> None:
    cues = ["Ik kom om half negen aan.", "Kijk: de poort is nog dicht.", "[Music] welkom",
            "Binnen ruikt het naar koffie.", "Er zijn al tien mensen.", "Iedereen praat."]
    source = "\n\n".join(f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n{said}"
                         for n, said in enumerate(cues, start=1))
    extracted = read_source(_write(tmp_path / "whisper.srt", source))
    assert extracted.turns == []
    assert extracted.text == "[00:00:01] " + " ".join(cues)
