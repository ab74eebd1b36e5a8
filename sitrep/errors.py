"""Errors raised by sitrep. Every message says what to do next; the CLI prints them as one line."""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: catch this to handle any failure sitrep anticipates."""


class InputError(SitrepError):
    """An input file is unreadable, empty, binary, wrongly encoded or malformed."""


class ModelError(SitrepError):
    """The spaCy model is missing or unusable."""


class StoreError(SitrepError):
    """The database cannot be opened or written (locked, corrupt, wrong schema)."""


class GoldError(SitrepError):
    """A gold file for a scorer is missing or malformed."""


class UsageError(SitrepError):
    """An argument has the wrong form or is out of range (the CLI exits 2, the HTTP API answers 400)."""
