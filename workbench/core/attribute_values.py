"""Typed case attributes: parsing what a researcher typed into a canonical stored value."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from workbench.core.errors import DomainError
from workbench.core.model import AttributeType
from workbench.core.text import fold

_TRUE = {"true", "yes", "ja", "oui", "1", "y", "j", "waar"}
_FALSE = {"false", "no", "nee", "non", "0", "n", "onwaar"}
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")

AttributeValue = str | int | float | bool | date | Decimal


def infer_type(value: AttributeValue) -> AttributeType:
    """The type a new attribute gets from its first value (the researcher can change it)."""
    if isinstance(value, bool):
        return AttributeType.BOOLEAN
    if isinstance(value, (int, float, Decimal)):
        return AttributeType.NUMBER
    if isinstance(value, date):
        return AttributeType.DATE
    text = str(value).strip()
    for kind in (AttributeType.NUMBER, AttributeType.DATE):
        try:
            canonical_value(kind, text, ())
        except DomainError:
            continue
        return kind
    if text.lower() in {"true", "false"}:
        return AttributeType.BOOLEAN
    return AttributeType.TEXT


def canonical_value(kind: AttributeType, value: AttributeValue, choices: tuple[str, ...],
                    attribute: str = "") -> str:
    """Return the value as stored (numbers plain, dates ISO, booleans true/false)."""
    where = f" (attribute '{attribute}')" if attribute else ""
    if kind is AttributeType.TEXT:
        return str(value).strip()
    if kind is AttributeType.NUMBER:
        return _number(value, where)
    if kind is AttributeType.DATE:
        return _date(value, where)
    if kind is AttributeType.BOOLEAN:
        return _boolean(value, where)
    return _choice(value, choices, where)


def python_value(kind: AttributeType, stored: str) -> AttributeValue:
    """The stored text as a Python value of the attribute's type."""
    if kind is AttributeType.NUMBER:
        number = Decimal(stored)
        return int(number) if number == number.to_integral_value() else float(number)
    if kind is AttributeType.DATE:
        return date.fromisoformat(stored)
    if kind is AttributeType.BOOLEAN:
        return stored == "true"
    return stored


def _number(value: AttributeValue, where: str) -> str:
    if isinstance(value, bool):
        raise DomainError(f"'{value}' is not a number{where}.")
    text = str(value).strip().replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # Dutch and French decimal comma
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise DomainError(f"'{value}' is not a number{where}.") from None
    if not number.is_finite():
        raise DomainError(f"'{value}' is not a number{where}.")
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _date(value: AttributeValue, where: str) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            pass
    raise DomainError(f"'{value}' is not a date{where}; write it as YYYY-MM-DD or DD-MM-YYYY.")


def _boolean(value: AttributeValue, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value).strip().lower()
    if text in _TRUE:
        return "true"
    if text in _FALSE:
        return "false"
    raise DomainError(f"'{value}' is not yes or no{where}.")


def _choice(value: AttributeValue, choices: tuple[str, ...], where: str) -> str:
    wanted = fold(str(value))
    for choice in choices:
        if fold(choice) == wanted:
            return choice
    allowed = ", ".join(choices) or "none defined"
    raise DomainError(f"'{value}' is not one of the choices{where}: {allowed}.")
