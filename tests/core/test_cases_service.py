"""Cases and typed attributes, as a researcher defines the fieldwork sites."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers import add_case_with_document
from workbench.core.errors import DomainError
from workbench.core.model import AttributeType
from workbench.core.queries.listing import list_cases
from workbench.core.services.cases import (
    create_case,
    define_attribute,
    delete_case,
    rename_case,
    set_case_attribute,
)
from workbench.core.storage import Project


def test_a_case_is_created_with_typed_attributes_inferred_from_values(project: Project) -> None:
    changes = create_case(project, "  Jeugdbeweging   De Vlinder ", "Een chirogroep in Brussel.",
                          {"city": "Brussel", "members": "85", "start": date(2014, 9, 1),
                           "ongoing": True})

    assert changes.subject.kind == "case"
    assert changes.count("attribute") == 4
    with project.reading() as session:
        [case] = list_cases(session)
    assert case.name == "Jeugdbeweging De Vlinder"
    assert case.attributes == {"city": "Brussel", "members": 85, "start": date(2014, 9, 1),
                               "ongoing": True}


def test_choice_attributes_accept_only_their_choices(project: Project) -> None:
    define_attribute(project, "place", AttributeType.CHOICE, ["work", "living", "school"])
    case = create_case(project, "Autoparts Genk").subject.id

    set_case_attribute(project, case, "Place", "WORK")
    with pytest.raises(
        DomainError, match="not one of the choices .attribute 'place'.: work, living"
    ):
        set_case_attribute(project, case, "place", "garden")
    with project.reading() as session:
        assert list_cases(session)[0].attributes == {"place": "work"}


def test_numbers_and_dates_are_checked_and_written_canonically(project: Project) -> None:
    define_attribute(project, "members", "number")
    define_attribute(project, "fieldwork start", "date")
    case = create_case(project, "Wijk Zwartberg").subject.id

    set_case_attribute(project, case, "members", "12,5")
    set_case_attribute(project, case, "fieldwork start", "02-03-2015")
    with pytest.raises(DomainError, match="'veel' is not a number"):
        set_case_attribute(project, case, "members", "veel")
    with pytest.raises(DomainError, match="is not a date"):
        set_case_attribute(project, case, "fieldwork start", "31-02-2015")
    with project.reading() as session:
        assert list_cases(session)[0].attributes == {"members": 12.5,
                                                     "fieldwork start": date(2015, 3, 2)}


def test_clearing_an_attribute_value(project: Project) -> None:
    case = create_case(project, "Soepkeuken", attributes={"city": "Brussel"}).subject.id
    set_case_attribute(project, case, "city", None)
    with project.reading() as session:
        assert list_cases(session)[0].attributes == {}


def test_case_names_are_unique_whatever_their_case(project: Project) -> None:
    create_case(project, "École Saint-Luc")
    with pytest.raises(DomainError, match="already a case named 'École Saint-Luc'"):
        create_case(project, "école saint-luc")
    other = create_case(project, "Wijkcentrum").subject.id
    with pytest.raises(DomainError, match="already a case"):
        rename_case(project, other, "ÉCOLE SAINT-LUC")
    with pytest.raises(DomainError, match="needs a name"):
        create_case(project, "   ")


def test_deleting_a_case_with_documents_needs_an_explicit_choice(project: Project) -> None:
    case, _document = add_case_with_document(project, "Tekst van het interview.")
    with pytest.raises(DomainError, match="still holds 1 document"):
        delete_case(project, case)

    changes = delete_case(project, case, with_documents=True)
    assert {ref.kind for ref in changes.deleted} == {"case", "document"}
    with project.reading() as session:
        assert list_cases(session) == []
