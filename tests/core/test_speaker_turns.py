"""Speaker turns: the shapes transcribers use, and prose that is no transcript."""

from __future__ import annotations

import pytest

from workbench.core.speaker_turns import Turn, detect_turns, milliseconds

SHAPES = {
    "role label": ("Interviewer: Hoe begon het?\n\nGriet: In 2012.\n\nInterviewer: En nu?",
                   ["Interviewer", "Griet", "Interviewer"]),
    "initials": ("I: Hoe begon het?\nR: In 2012.\nI: En nu?\nR: Drie panden.",
                 ["I", "R", "I", "R"]),
    "numbered respondents": ("I: Wie begint?\n\nR1: Ik.\n\nR2: Dan ik.\n\nR1: Nee, ik!",
                             ["I", "R1", "R2", "R1"]),
    "names with particles and roles": (
        "Mevrouw De Smet: Ik woon hier al lang.\n\nJan van den Berg: Ik ook.\n\n"
        "Griet (coördinator): Welkom allebei.\n\nMevrouw De Smet: Dank je.",
        ["Mevrouw De Smet", "Jan van den Berg", "Griet (coördinator)", "Mevrouw De Smet"]),
    "bracketed timestamps": ("[00:12:34] Interviewer: Hoe begon het?\n\n"
                             "[00:12:40] Zoë: Met koffie.\n\n[01:02:03.5] Interviewer: Echt?",
                             ["Interviewer", "Zoë", "Interviewer"]),
    "other timestamp shapes": ("(12:34) I: Hoe begon het?\n00:12:40 R: Met koffie.\n"
                               "I [00:13:02]: Echt?", ["I", "R", "I"]),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_speaker_turns_are_recognised_in_every_common_shape(shape: str) -> None:
    text, speakers = SHAPES[shape]
    assert [turn.speaker for turn in detect_turns(text)] == speakers


def test_timestamps_are_kept_as_written_and_in_milliseconds() -> None:
    text, _ = SHAPES["bracketed timestamps"]
    assert [(t.timestamp, t.milliseconds) for t in detect_turns(text)] == [
        ("00:12:34", 754_000), ("00:12:40", 760_000), ("01:02:03.5", 3_723_500)]
    other, _ = SHAPES["other timestamp shapes"]
    assert [t.milliseconds for t in detect_turns(other)] == [754_000, 760_000, 782_000]
    assert [t.milliseconds for t in detect_turns(SHAPES["initials"][0])] == [None] * 4
    assert milliseconds("1:05") == 65_000


def test_a_turn_covers_what_is_said_up_to_the_next_label_across_paragraphs() -> None:
    text = ("[Transcript, 14 november]\n\n"
            "[00:00:40] Interviewer: Hoe lang woon je hier?\n\n"
            "[00:00:52] Abdoulaye: Bijna twee jaar.\n\nDaarvoor sliep ik overal.  \n\n"
            "Interviewer:\nEn nu?")
    turns = detect_turns(text)
    said = [text[t.start:t.end] for t in turns]
    assert said == ["Hoe lang woon je hier?", "Bijna twee jaar.\n\nDaarvoor sliep ik overal.",
                    "En nu?"]
    assert [text[t.label_start:t.start] for t in turns] == [
        "[00:00:40] Interviewer: ", "[00:00:52] Abdoulaye: ", "Interviewer:\n"]
    assert turns[0] == Turn("Interviewer", 27, 51, 73, "00:00:40", 40_000)


PROSE = {
    "one remark in a fieldnote": (
        "Ik kom om 8u25 aan. Aan de poort staat juf Ngozi.\n\nIn de refter staan de tafels.\n\n"
        "Reflectie: het oudercafé werkt als informele ruimte."),
    "remarks and a header": (
        "Datum: 10 oktober 2015\nPlaats: Gent\nAanwezig: Griet, Jan\n\n"
        "Opmerking: de sfeer was gespannen.\n\nWe begonnen om negen uur.\n\n"
        "Opmerking: Jan bleef stil.\n\nNB: foto's genomen."),
    "sentences with a colon": (
        "Ik dacht: werken, voor wie?\n\nHij zei: kom maar.\n\nDus ja: zo ging het.\n\n"
        "Om 10:30: koffie."),
    "a header of labels each used once": (
        "Naam: Griet\nFunctie: coördinator\nOrganisatie: Tussenruimte\n\n"
        "Het gesprek vond plaats in de keuken."),
    "a table of people and their roles": (
        "Naam\tRol\nZoë\tbewoonster\nÉlodie\tvrijwilligster\nZoë\tkok\nJan\tbuur"),
    "a table of three columns": (
        "Griet\tkoffie\tHet was druk.\nJan\tsoep\tRustig.\nGriet\tthee\tGoed."),
    "a quoted exchange in long prose": (
        "Griet: kom je ook?\n\nJan: straks.\n\n" + "\n\n".join(
            f"Paragraaf {n} van de veldnotitie, zonder sprekers." for n in range(12))),
}


@pytest.mark.parametrize("case", PROSE)
def test_prose_with_colons_is_not_taken_for_a_transcript(case: str) -> None:
    assert detect_turns(PROSE[case]) == []


def test_a_short_exchange_is_a_transcript_when_it_is_all_there_is() -> None:
    turns = detect_turns("Interviewer: Goeiemorgen.\n\nMarleen: Dag!")
    assert [(t.speaker, t.start, t.end) for t in turns] == [("Interviewer", 13, 25),
                                                            ("Marleen", 36, 40)]


NEW_SHAPES = {
    "name alone on its line, in capitals": (
        "Interview met Griet, 14 november 2019\n\nINTERVIEWER\nHoe begon het?\n\nGRIET\n"
        "In 2012, met koffie.\n\nDaarna kwamen de buren.\n\nINTERVIEWER\nEn nu?\n\nGRIET\n"
        "Drie panden.\n\nJAN\nEn een tuin!\n\nINTERVIEWER\nDank jullie.",
        ["INTERVIEWER", "GRIET", "INTERVIEWER", "GRIET", "JAN", "INTERVIEWER"]),
    "name alone on its line, one blank line apart": (
        "Interviewer\n\nHoe begon het?\n\nRespondent\n\nJa\n\nInterviewer\n\nEn nu?\n\n"
        "Respondent\n\nDrie panden.", ["Interviewer", "Respondent", "Interviewer", "Respondent"]),
    "Otter: name and time on their line": (
        "Speaker 1  0:03\nHoe begon het?\n\nSpeaker 2  0:09\nMet koffie.\n\n"
        "Speaker 1  1:02:33\nEn nu?", ["Speaker 1", "Speaker 2", "Speaker 1"]),
    "Teams and Zoom: full names and times": (
        "Griet Peeters   00:03\nHoe begon het?\nEn wanneer?\n\nJan van den Berg   00:12\n"
        "In 2012.\n\nGriet Peeters   01:40\nDank je.",
        ["Griet Peeters", "Jan van den Berg", "Griet Peeters"]),
    "Amberscript and Happy Scribe: time in brackets": (
        "Speaker 1 (00:03)\nHoe begon het?\n\nSpeaker 2 [00:00:09]\nMet koffie.\n\n"
        "Speaker 1 (00:15)\nEn nu?", ["Speaker 1", "Speaker 2", "Speaker 1"]),
    "time before the name": (
        "00:00:03 Speaker 1\nHoe begon het?\n\n[00:00:09] Speaker 2\nMet koffie.\n\n"
        "00:00:15 - Speaker 1\nEn nu?", ["Speaker 1", "Speaker 2", "Speaker 1"]),
    "Teams: a timing line, then the name": (
        "0:0:0.0 --> 0:0:5.120\nGriet Peeters\nWelkom allemaal.\n\n0:0:5.800 --> 0:0:9.0\n"
        "Zoë Janssens\nDank je.\n\n0:1:2.500 --> 0:1:4.0\nGriet Peeters\nEn nu?",
        ["Griet Peeters", "Zoë Janssens", "Griet Peeters"]),
    "[id] tags": ("[id1] Hoe begon het?\n[id2] Met koffie.\n[id1] En nu?\n[id2] Drie panden.",
                  ["id1", "id2", "id1", "id2"]),
    "numbered interviewers": ("Interviewer 1: Hoe begon het?\n\nInterviewer 2: En waar?\n\n"
                              "Respondent: In Gent.", ["Interviewer 1", "Interviewer 2",
                                                       "Respondent"]),
    "label and a tab": ("I\tHoe begon het?\nR\tMet koffie.\nI\tEn nu?\nR\tDrie panden.",
                        ["I", "R", "I", "R"]),
}


@pytest.mark.parametrize("shape", NEW_SHAPES)
def test_speaker_turns_in_the_shapes_of_transcription_tools(shape: str) -> None:
    text, speakers = NEW_SHAPES[shape]
    assert [turn.speaker for turn in detect_turns(text)] == speakers


def test_a_name_alone_on_its_line_opens_a_turn_of_the_paragraphs_below() -> None:
    text, _ = NEW_SHAPES["name alone on its line, in capitals"]
    turns = detect_turns(text)
    assert [text[t.start:t.end] for t in turns[:2]] == [
        "Hoe begon het?", "In 2012, met koffie.\n\nDaarna kwamen de buren."]
    assert [text[t.label_start:t.start] for t in turns[:2]] == ["INTERVIEWER\n", "GRIET\n"]


def test_a_transcription_service_line_keeps_its_time() -> None:
    text, _ = NEW_SHAPES["Otter: name and time on their line"]
    turns = detect_turns(text)
    assert [(t.timestamp, t.milliseconds) for t in turns] == [
        ("0:03", 3_000), ("0:09", 9_000), ("1:02:33", 3_753_000)]
    assert [text[t.start:t.end] for t in turns] == ["Hoe begon het?", "Met koffie.", "En nu?"]
    teams = NEW_SHAPES["Teams: a timing line, then the name"][0]
    turns = detect_turns(teams)
    assert [(t.timestamp, t.milliseconds) for t in turns] == [
        ("0:0:0.0", 0), ("0:0:5.800", 5_800), ("0:1:2.500", 62_500)]
    assert [teams[t.label_start:t.start] for t in turns][1] == (
        "0:0:5.800 --> 0:0:9.0\nZoë Janssens\n")
    tagged = NEW_SHAPES["[id] tags"][0]
    assert [tagged[t.start:t.end] for t in detect_turns(tagged)][:2] == [
        "Hoe begon het?", "Met koffie."]


HEADINGS = {
    "headings in capitals, each once": (
        "VELDNOTITIE BUURTHUIS\n\nCONTEXT\nHet buurthuis ligt aan de Dampoort.\n\n"
        "OBSERVATIE\nOm negen uur komen de eerste bezoekers.\n\nGESPREKKEN\nGriet vertelt over "
        "de tuin.\n\nREFLECTIE\nDe sfeer was open."),
    "headings that recur per visit": (
        "BEZOEK 1\n\nOBSERVATIE\nDrukte aan de bar.\n\nREFLECTIE\nVeel nieuwe gezichten.\n\n"
        "BEZOEK 2\n\nOBSERVATIE\nRustig.\n\nREFLECTIE\nDe vaste kern.\n\nBEZOEK 3\n\n"
        "OBSERVATIE\nFeest.\n\nREFLECTIE\nIedereen doet mee."),
    "day parts that alternate": (
        "OCHTEND\nKoffie.\n\nMIDDAG\nSoep.\n\nOCHTEND\nMarkt.\n\nMIDDAG\nTuin."),
    "title-case headings": (
        "Aankomst\nIk kom om 8u25 aan.\n\nDe Refter\nDe tafels staan in rijen.\n\nSpeelplaats\n"
        "Kinderen spelen tikkertje.\n\nVertrek\nOm 16u ga ik naar huis."),
    "photos and maps in brackets": (
        "[Foto] De refter.\n[Kaart] De wijk.\n[Foto] De poort.\n[Kaart] Het plein."),
    "a heading and an annotation in brackets": (
        "[Lacht] Ja, dat was zo.\n[Stilte] Ik weet het niet.\n[Lacht] Echt niet.\n"
        "[Stilte] Goed dan."),
}


@pytest.mark.parametrize("case", HEADINGS)
def test_fieldnote_headings_are_not_taken_for_speakers(case: str) -> None:
    assert detect_turns(HEADINGS[case]) == []
