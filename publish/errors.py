"""Diagnostics: problems found in input, with file, line and what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Diagnostic:
    """One problem in the input. ``rule`` is a stable id such as ``M003``."""

    severity: str  # "error" or "warning"
    message: str
    path: str | None = None
    line: int | None = None
    hint: str | None = None
    rule: str | None = None

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line:
            where += f":{self.line}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.rule:
            text += f" [{self.rule}]"
        if self.hint:
            text += f" — {self.hint}"
        return text


@dataclass
class Report:
    """Collects diagnostics while a source is read and checked."""

    path: str | None = None
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, message, line=None, hint=None, rule=None, path=None):
        self.items.append(Diagnostic("error", message, path or self.path, line, hint, rule))

    def warning(self, message, line=None, hint=None, rule=None, path=None):
        self.items.append(Diagnostic("warning", message, path or self.path, line, hint, rule))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def escalate(self) -> None:
        """--strict: every warning becomes an error."""
        self.items = [
            Diagnostic("error", d.message, d.path, d.line, d.hint, d.rule) for d in self.items
        ]


class PublishError(Exception):
    """An error the user can act on; the CLI prints it and exits 1, never a traceback."""

    exit_code = 1

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 hint: str | None = None, report: Report | None = None):
        super().__init__(message)
        self.diagnostic = Diagnostic("error", message, str(path) if path else None, line, hint)
        self.report = report

    def lines(self) -> list[str]:
        if self.report and self.report.items:
            return [str(d) for d in self.report.items]
        return [str(self.diagnostic)]


class InputError(PublishError):
    """The source could not be read or does not make a valid article."""

    @classmethod
    def from_report(cls, report: Report) -> "InputError":
        first = report.errors[0]
        err = cls(first.message, first.path, first.line, first.hint, report=report)
        return err


class UsageError(PublishError):
    """The command was called wrongly (unknown format or backend, bad option)."""

    exit_code = 2
