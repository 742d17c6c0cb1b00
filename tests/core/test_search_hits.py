"""Where a search hits: exact code-point positions in the stored texts, with context."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import add_case_with_document, document_id, open_prepared
from workbench.core.errors import DomainError
from workbench.core.queries.search_hits import fold_text, hit_spans, query_terms, search_hits
from workbench.core.storage import Project

KEUKEN = (
    "Interviewer: Hoe is de keuken begonnen? 🍲🙂\n\n"
    "Zoë: We kookten samen, élke zondag. De Keukenploeg had ideeën; het werd ónze KEUKEN."
)
ECOLE = "Élève 👩‍🎓: « L’école, c’est notre maison ». Les élèves cuisinent — Samen-koken!"


def _fill(project: Project) -> None:
    add_case_with_document(project, KEUKEN, case="Solidaire keuken", title="Interview met Zoë")
    add_case_with_document(project, ECOLE, case="École du quartier", title="Gesprek met Amina")


@pytest.fixture
def project(project_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """A project holding the two documents: a copy of one built once per test process."""
    yield from open_prepared(tmp_path_factory, "search-hits", _fill, project_path,
                             codebook="none")


@pytest.fixture
def documents(project: Project) -> tuple[int, int]:
    return document_id(project, "Interview met Zoë"), document_id(project, "Gesprek met Amina")


def _hits(project: Project, query: str) -> list[tuple[int, str, int, int]]:
    with project.reading() as session:
        return [(hit.document_id, hit.text, hit.start, hit.end)
                for hit in search_hits(session, query).hits]


def test_a_word_after_emoji_is_found_at_its_code_point_positions(project: Project,
                                                                 documents) -> None:
    keuken, _ecole = documents
    hits = _hits(project, "keuken")

    assert [(doc, found) for doc, found, _s, _e in hits] == [(keuken, "keuken"), (keuken, "KEUKEN")]
    for _doc, found, start, end in hits:
        assert KEUKEN[start:end] == found
    assert hits[1][2] == KEUKEN.rindex("KEUKEN")  # after 🍲🙂: two code points, not four


def test_accents_and_case_fold_as_the_index_folds_them(project: Project, documents) -> None:
    keuken, ecole = documents
    assert [found for _d, found, _s, _e in _hits(project, "ideeen")] == ["ideeën"]
    assert [found for _d, found, _s, _e in _hits(project, "ELKE onze")] == ["élke", "ónze"]
    assert [(d, found) for d, found, _s, _e in _hits(project, "eleve")] == [
        (ecole, "Élève")]  # "élèves" is another word
    assert [found for _d, found, _s, _e in _hits(project, "ecole")] == ["école"]


def test_prefixes_phrases_and_or(project: Project, documents) -> None:
    starred = [found for _d, found, _s, _e in _hits(project, "keuken*")]
    assert starred == ["keuken", "Keukenploeg", "KEUKEN"]
    assert [found for _d, found, _s, _e in _hits(project, '"kookten samen élke"')] == [
        "kookten samen, élke"]  # punctuation between the words of a phrase
    assert [found for _d, found, _s, _e in _hits(project, '"samen koken"')] == ["Samen-koken"]
    assert [found for _d, found, _s, _e in _hits(project, "zondag OR maison")] == [
        "zondag", "maison"]


def test_terms_after_not_and_title_only_terms_are_not_hits(project: Project,
                                                           documents) -> None:
    assert [found for _d, found, _s, _e in _hits(project, "keuken NOT maison")] == [
        "keuken", "KEUKEN"]
    assert _hits(project, "title: zoë") == []  # the title matches; the text holds no hit
    assert [found for _d, found, _s, _e in _hits(project, "text: zoë")] == ["Zoë"]


def test_each_hit_carries_its_context_on_one_line(project: Project, documents) -> None:
    with project.reading() as session:
        first = search_hits(session, "kookten", context_chars=20).hits[0]
    assert first.before.endswith("Zoë: We ")
    assert first.before.startswith("…")
    assert "\n" not in first.before
    assert first.after.startswith(" samen, élke") and first.after.endswith("…")
    assert (first.document, first.case) == ("Interview met Zoë", "Solidaire keuken")
    assert first.snippet == first.before + "kookten" + first.after


def test_a_stray_quote_is_searched_as_plain_words(project: Project, documents) -> None:
    with project.reading() as session:
        result = search_hits(session, '"keuken')
        assert result.query == '"keuken"'
        assert [hit.text for hit in result.hits] == ["keuken", "KEUKEN"]
        with pytest.raises(DomainError):
            search_hits(session, '"')
        with pytest.raises(DomainError):
            search_hits(session, "   ")


def test_many_hits_stop_at_the_limit_and_say_so(project: Project, documents) -> None:
    with project.reading() as session:
        result = search_hits(session, "keuken* OR samen*", max_hits=2)
    assert result.truncated and len(result.hits) == 2 and result.documents == 1


def test_query_reading_follows_fts5_grammar() -> None:
    def read(query: str) -> list[tuple]:
        return [tuple(token for token, _prefix in term.tokens) for term in query_terms(query)]

    assert read('"a b" + c* NEAR(d e, 3)') == [("a", "b", "c"), ("d",), ("e",)]
    assert read("(a OR b) NOT (c d) e") == [("a",), ("b",), ("e",)]
    assert read("{title text}: f -text: g -title: h") == [("f",), ("h",)]
    assert query_terms("^zoë")[0].initial and query_terms("ideeën*")[0].tokens == (
        ("ideeen", True),
    )


def test_folding_agrees_with_the_full_text_index(project: Project, documents) -> None:
    """For each word of the texts, FTS5 finds a document exactly when hit_spans finds a hit."""
    with project.reading() as session:
        texts = dict(session.execute(text("SELECT id, text FROM document")).all())
        words = {word for value in texts.values() for word in fold_text(value).split()}
        for word in sorted(words):
            matched = set(session.scalars(
                text("SELECT rowid FROM document_fts WHERE document_fts MATCH :q"),
                {"q": f'text : "{word}"'}))
            found = {
                doc for doc, value in texts.items() if hit_spans(value, query_terms(f'"{word}"'))
            }
            assert found == matched, word
    assert len(fold_text(ECOLE)) == len(ECOLE)
