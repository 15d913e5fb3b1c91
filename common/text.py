"""Swedish text helpers for the pages, the services' messages and the protocol's prose."""

import datetime


def genitive(name: str) -> str:
    """'Kommunstyrelsens', 'Annika Krutzéns' — Swedish adds no s after s, x or z."""
    name = name.strip()
    return name if name.endswith(("s", "x", "z")) else f"{name}s"


def in_sentence(name: str) -> str:
    """'kommunstyrelsen': a body's name inside running text, where Swedish writes it lowercase."""
    return name[:1].lower() + name[1:]


def iso_day(day: datetime.date) -> str:
    """'2022-03-08': how a date stands in a message, as on the protocol's pages."""
    return f"{day:%Y-%m-%d}"
