"""`workbench import` takes files and folders in every format; `workbench documents` lists them."""

from __future__ import annotations

from pathlib import Path

from tests.core.importers.writers import (
    SAMPLE,
    write_docx,
    write_html,
    write_odt,
    write_pdf,
    write_rtf,
)


def _fieldwork(folder: Path) -> Path:
    """A case folder as researchers bring it: every format, a sub-folder, one broken file."""
    (folder / "transcripties").mkdir(parents=True)
    write_docx(folder / "transcripties" / "zoe.docx")
    write_odt(folder / "transcripties" / "zoe-kopie.odt")  # same text: skipped as a duplicate
    write_pdf(folder / "zoe-export.pdf")
    note = "Opmerking: café gesloten, één uur gewacht."
    (folder / "notitie.txt").write_bytes(note.encode("cp1252"))
    (folder / "rapport.docx").write_bytes(b"%PDF-1.7 not really")
    (folder / "audio.mp3").write_bytes(b"ID3")  # not a text format: not picked up from a folder
    return folder


def test_importing_a_folder_reports_each_file_and_fails_on_any_failure(workbench,
                                                                      tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project)
    workbench("case", "add", project, "Tussenruimte")
    rtf = write_rtf(tmp_path / "los.rtf")
    html = write_html(tmp_path / "los.html")

    result = workbench("import", project, "--case", "tussenruimte", "--kind", "interview",
                       "--date", "2016-03-05", _fieldwork(tmp_path / "veldwerk"), rtf, html)

    assert result.code == 1
    lines = result.out.splitlines()
    folder = tmp_path / "veldwerk"
    assert lines[0].startswith(f"imported  {folder / 'notitie.txt'}: Added document 'notitie' to "
                               "case 'Tussenruimte'; read as Windows-1252, not UTF-8.")
    assert lines[1] == (f"failed    {folder / 'rapport.docx'}: looks like a PDF, not a Word "
                        "document; rename it to .pdf to import it.")
    assert lines[2].startswith(f"imported  {folder / 'transcripties' / 'zoe-kopie.odt'}: ")
    assert lines[3].startswith(f"skipped   {folder / 'transcripties' / 'zoe.docx'}: ")
    assert lines[4].startswith(f"skipped   {folder / 'zoe-export.pdf'}: ")
    assert lines[5].startswith(f"skipped   {rtf}: ") and lines[6].startswith(f"skipped   {html}: ")
    assert lines[7] == "Summary: 2 imported, 4 skipped, 1 failed."


def test_documents_lists_what_was_imported(workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project)
    workbench("case", "add", project, "Tussenruimte")
    workbench("case", "add", project, "Buurthuis")
    workbench("import", project, "--case", "Tussenruimte", write_docx(tmp_path / "zoe.docx"))
    notes = tmp_path / "notitie.txt"
    notes.write_bytes("Opmerking: café gesloten.".encode("cp1252"))
    assert workbench("import", project, "--case", "Buurthuis", "--kind", "fieldnote",
                     "--interviewer", "Youssef", "--participant", "Rosa", notes).code == 0

    listed = workbench("documents", project, "--json").json()
    table = workbench("documents", project, "--case", "buurthuis")
    with_text = workbench("documents", project, "--case", "Tussenruimte", "--text")

    shown = ("case", "kind", "title", "source", "encoding", "words", "speaker_turns", "interviewer",
             "participants")
    assert [{key: d[key] for key in shown} for d in listed] == [
        {"case": "Tussenruimte", "kind": "interview", "title": "Gesprek met Zoë",
         "source": "zoe.docx", "encoding": "", "words": 44, "speaker_turns": 3,
         "interviewer": "Lotte", "participants": []},
        {"case": "Buurthuis", "kind": "fieldnote", "title": "notitie", "source": "notitie.txt",
         "encoding": "Windows-1252", "words": 3, "speaker_turns": 0, "interviewer": "Youssef",
         "participants": ["Rosa"]}]
    assert listed[0]["recorded_on"] == "2016-03-05" and "text" not in listed[0]
    assert table.out.splitlines()[0].split() == ["id", "case", "kind", "title", "source",
                                                 "encoding", "words", "turns"]
    assert table.out.splitlines()[1].split() == ["2", "Buurthuis", "fieldnote", "notitie",
                                                 "notitie.txt", "Windows-1252", "3", "0"]
    assert with_text.out == (f"== 1  Tussenruimte / Gesprek met Zoë  (zoe.docx, interview, "
                             f"44 words, 3 speaker turns)\n{SAMPLE}\n\n")


def test_import_usage_mistakes_are_one_line(workbench, tmp_path: Path) -> None:
    project = tmp_path / "p.cwb"
    workbench("new", project)
    workbench("case", "add", project, "Tussenruimte")
    result = workbench("import", project, "--case", "Tussenruimte", "--date", "5 maart",
                       tmp_path)
    assert result.code == 2
    assert result.err == ("workbench: error: --date expects YYYY-MM-DD, got '5 maart' "
                          "(see 'workbench --help')\n")
