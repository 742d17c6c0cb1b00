"""An autocoding keeps the rule that made it when the project travels: to a .qdpx (valid, the
rule in the selection's description) and back, and into another coder's project by a merge."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from lxml import etree
from sqlalchemy import select

from tests.helpers import add_case_with_document, code_id
from workbench.core.autocode import Scope, TextRule
from workbench.core.exchange.qdpx_export import export_project, project_qde
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.exchange.vocabulary import split_rule
from workbench.core.merge.project_merge import merge_project
from workbench.core.model import Coder, Coding
from workbench.core.paths import schema_path
from workbench.core.services.autocoding import autocode
from workbench.core.services.codings import apply_code, set_coding_memo
from workbench.core.storage import Project

TEXT = ("Interviewer: Wat betekent de keuken?\n\n"
        "Fatoumata: Hier kook ik. In de keuken ben ik niet de asielzoeker.\n")
RULE = 'search "keuken" (sentence)'


def codings(project: Project) -> list[tuple[str, int, int, str, str | None]]:
    with project.reading() as session:
        return sorted(tuple(row) for row in session.execute(
            select(Coder.name, Coding.start, Coding.end, Coding.memo, Coding.rule)
            .join(Coder, Coding.coder_id == Coder.id)))


def coded_project(project: Project) -> None:
    _case, document = add_case_with_document(project, TEXT)
    code = code_id(project, "Socialisation")
    autocode(project, TextRule(query="keuken", scope=Scope.SENTENCE), code, coder="Lotte")
    apply_code(project, document, code, 0, 11, coder="Youssef", memo="de vraag")
    with project.reading() as session:
        first = session.scalar(select(Coding.id).where(Coding.rule.is_not(None)).limit(1))
    set_coding_memo(project, first, "nagekeken")


def test_a_qdpx_carries_the_rule_and_reads_it_back(solidarity_project: Project,
                                                  tmp_path: Path) -> None:
    coded_project(solidarity_project)
    schema = etree.XMLSchema(etree.parse(str(schema_path("Project.xsd"))))
    assert schema.validate(etree.fromstring(project_qde(solidarity_project)))
    export_project(solidarity_project, tmp_path / "keuken.qdpx")
    with zipfile.ZipFile(tmp_path / "keuken.qdpx") as package:
        qde = package.read("project.qde").decode()
    assert f"nagekeken\nAutocoded by the rule: {RULE}" in qde

    import_qdpx(tmp_path / "keuken.qdpx", tmp_path / "again.cwb")

    with Project.open(tmp_path / "again.cwb") as again:
        assert codings(again) == codings(solidarity_project)
    assert [rule for *_rest, rule in codings(solidarity_project)].count(RULE) == 2


def test_a_description_without_the_rule_is_a_plain_memo() -> None:
    assert split_rule("Zie ook het andere interview.") == ("Zie ook het andere interview.", None)
    assert split_rule(f"Autocoded by the rule: {RULE}") == ("", RULE)


def test_a_merge_brings_the_other_coders_autocodings_with_their_rule(
        solidarity_project: Project, project_path: Path, tmp_path: Path) -> None:
    add_case_with_document(solidarity_project, TEXT)
    solidarity_project.close()
    theirs = tmp_path / "lotte.cwb"
    shutil.copyfile(project_path, theirs)
    with Project.open(theirs) as other:
        autocode(other, TextRule(query="keuken", scope=Scope.SENTENCE),
                 code_id(other, "Socialisation"), coder="Lotte")
        expected = codings(other)

    with Project.open(project_path) as ours:
        merge_project(ours, theirs)
        assert codings(ours) == expected
