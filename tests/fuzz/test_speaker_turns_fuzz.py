"""Speaker turns in texts mixing every label shape with prose and headings, and subtitle files
of random cues: turns always lie in order inside the text, each after its own label."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.hostile import fuzz_settings
from workbench.core.importers.subtitle_cues import read_cues
from workbench.core.importers.subtitle_reader import transcript
from workbench.core.queries.document_view import _label
from workbench.core.speaker_turns import detect_turns

PIECES = st.sampled_from([
    "Interviewer: Hoe begon het?", "Griet: Met koffie.", "[00:12:34] Zoë: Ja.", "I\tEn nu?",
    "R1\tDrie panden.", "[id1] Goed.", "INTERVIEWER", "GRIET", "Speaker 1  0:03",
    "00:00:09 Speaker 2", "Speaker 1 (00:15)", "0:0:3.0 --> 0:0:5.1", "Griet Peeters",
    "Datum: 10 oktober", "CONTEXT", "Opmerking: stil.", "Ja", "Dank u.", "   ", "",
    "Ik kom om 8u25 aan, de poort is dicht.", "Om 10:30: koffie.", "[Lacht] Echt.",
    "Naam\tRol", "Zoë\tbewoonster", "🙂 Élodie: ça va?",
])


@fuzz_settings()
@given(lines=st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=30),
       separator=st.sampled_from(["\n", "\n\n"]))
def test_turns_lie_in_order_inside_the_text_after_their_labels(lines: list[str],
                                                               separator: str) -> None:
    text = separator.join(lines)
    turns = detect_turns(text)
    end = 0
    for turn in turns:
        assert end <= turn.label_start <= turn.start <= turn.end <= len(text)
        assert turn.speaker and turn.speaker == " ".join(turn.speaker.split())
        said = text[turn.start:turn.end]
        assert said == said.strip() or not said.strip()
        shown = _label(text, turn.speaker, turn.timestamp, turn.label_start, turn.start)
        assert turn.label_start <= shown.speaker_start <= shown.speaker_end <= turn.start
        assert turn.label_start <= shown.time_start <= shown.time_end <= turn.start
        end = turn.end


CUE_TEXT = st.one_of(st.sampled_from([
    "<v Griet>Hoe begon het?</v>", "Zoë: Met koffie.", "<i>Daarna</i> soep.", ">> Dag!",
    "[SPEAKER_00]: Ja.", "{\\an8}Goed", "&amp; verder", "", "NOTE niet dit", "<v.x Amine>Oké"]),
    st.text(max_size=30))


@fuzz_settings()
@given(cues=st.lists(st.tuples(st.integers(0, 10_000_000), CUE_TEXT), max_size=20),
       srt=st.booleans())
def test_subtitle_turns_point_at_their_own_labels(cues: list[tuple[int, str]], srt: bool) -> None:
    def stamp(ms: int) -> str:
        comma = "," if srt else "."
        hours, minutes, seconds = ms // 3600000, ms // 60000 % 60, ms // 1000 % 60
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}{comma}{ms % 1000:03d}"

    blocks = [f"{number}\n{stamp(ms)} --> {stamp(ms + 1500)}\n{said}"
              for number, (ms, said) in enumerate(sorted(cues), start=1)]
    source = ("" if srt else "WEBVTT\n\n") + "\n\n".join(blocks)
    text, turns = transcript(read_cues(source))
    for turn in turns:
        assert text[turn.label_start:turn.start] == f"[{turn.timestamp}] {turn.speaker}: "
        assert turn.end <= len(text) and "\n" not in text[turn.start:turn.end]
