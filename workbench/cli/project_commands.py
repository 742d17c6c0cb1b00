"""Commands on a project as a whole: new, info, case add, cases, sample."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.opening import add_backup_option, open_for_reading, open_for_writing
from workbench.cli.output import print_json, print_table
from workbench.cli.usage import UsageError
from workbench.core.codebooks.builtin import BUILTIN_CODEBOOKS
from workbench.core.errors import ProjectFileError
from workbench.core.queries.listing import list_cases
from workbench.core.queries.summary import project_summary
from workbench.core.services.cases import create_case
from workbench.core.storage import Project
from workbench.core.storage.file_header import read_header


def register(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser("new", help="create a project file")
    new.add_argument("project", type=Path, help="the new project file (any name, e.g. study.cwb)")
    new.add_argument("--codebook", default="none",
                     choices=[c.key for c in BUILTIN_CODEBOOKS] + ["none"],
                     help="start from a built-in codebook (default: none)")
    new.add_argument("--name", help="project name (default: the file name)")
    new.set_defaults(run=run_new)

    info = commands.add_parser("info", help="counts of cases, documents, codes, codings, coders")
    info.add_argument("project", type=Path)
    info.add_argument("--json", action="store_true", help="print JSON (keys in the README)")
    info.set_defaults(run=run_info)

    case = commands.add_parser("case", help="work with cases")
    case_commands = case.add_subparsers(metavar="ACTION", parser_class=type(case))
    add = case_commands.add_parser("add", help="add a case")
    add.add_argument("project", type=Path)
    add.add_argument("name")
    add.add_argument("--attr", action="append", default=[], metavar="KEY=VALUE",
                     help="attribute value; repeat for several (type taken from the first value)")
    add.add_argument("--description", default="")
    add_backup_option(add)
    add.set_defaults(run=run_case_add)

    cases = commands.add_parser("cases", help="list the cases with their attributes")
    cases.add_argument("project", type=Path)
    cases.add_argument("--json", action="store_true")
    cases.set_defaults(run=run_cases)

    sample = commands.add_parser("sample", help="build the bundled sample project (invented data)")
    sample.add_argument("project", type=Path)
    sample.add_argument("--replace", action="store_true",
                        help="replace the file if it is an existing Coding Workbench project")
    sample.set_defaults(run=run_sample)


def run_new(arguments: argparse.Namespace) -> int:
    from workbench.core.services.codebook import create_project  # reads .qdc files: lxml

    with create_project(
        arguments.project, name=arguments.name, codebook=arguments.codebook
    ) as project:
        with project.reading() as session:
            summary = project_summary(session)
    print(f"Created {arguments.project} with {summary['codes']} code(s).")
    return 0


def run_info(arguments: argparse.Namespace) -> int:
    with open_for_reading(arguments.project) as project, project.reading() as session:
        summary = project_summary(session)
    if arguments.json:
        print_json(summary)
    else:
        width = max(len(key) for key in summary)
        for key, value in summary.items():
            print(f"{key.replace('_', ' ').ljust(width)}  {value}")
    return 0


def run_case_add(arguments: argparse.Namespace) -> int:
    attributes = {}
    for pair in arguments.attr:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--attr expects KEY=VALUE, got '{pair}'")
        attributes[key.strip()] = value.strip()
    with open_for_writing(arguments) as project:
        changes = create_case(project, arguments.name, arguments.description, attributes)
    print(changes.message)
    return 0


def run_cases(arguments: argparse.Namespace) -> int:
    with open_for_reading(arguments.project) as project, project.reading() as session:
        cases = list_cases(session)
    if arguments.json:
        print_json(cases)
        return 0
    print_table(["id", "case", "documents", "attributes"],
                [(c.id, c.name, c.documents, "; ".join(f"{k}={v}" for k, v in c.attributes.items()))
                 for c in cases])
    return 0


def run_sample(arguments: argparse.Namespace) -> int:
    from workbench.core.sample.builder import build_sample_project

    path: Path = arguments.project
    if path.exists():
        if not arguments.replace:
            raise ProjectFileError(f"{path} already exists; choose another name or pass --replace.")
        read_header(path)  # refuses to delete anything that is not a database file
        # ... or a database that is not one of our projects, or one open in a window
        Project.open(path).close()
        path.unlink()
    with build_sample_project(path) as project, project.reading() as session:
        summary = project_summary(session)
    print(f"Built the sample project (invented data) in {path}:")
    for key in ("cases", "documents", "words", "codes", "codings", "coders"):
        print(f"  {key:<10} {summary[key]}")
    return 0
