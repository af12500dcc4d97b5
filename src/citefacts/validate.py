"""Checking an output file for what its JSON Schema cannot say.

The schema checks shapes; this module checks that the document tells the truth about itself and its
source: every span is the source text at its offsets, every citation and suggestion names a footnote
the document has, every check names a mention of its fact, ids are unique and ``schema_version`` was
written, not filled in. Each failure is a :class:`Problem` naming its JSON path
(``facts[12].citations[0].footnote``); nothing here prints.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from citefacts.errors import InputError, ValidationFailed
from citefacts.models import CitationFields, Document, Fact, Footnote, Span
from citefacts.read import decode

SHOWN = 40
"""How many characters of a text a problem quotes."""


@dataclass(frozen=True)
class Problem:
    """One way a document fails: where (a JSON path) and what is wrong."""

    where: str
    message: str

    def line(self, path: Path | str) -> str:
        """The problem as one line naming the file: ``extracted/a.json: facts[3].id: ...``."""
        return f"{path}: {self.where}: {self.message}"


@dataclass
class Validation:
    """What checking one file found: the document (when it fits the schema) and every problem."""

    path: Path
    document: Document | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.document is not None and not self.problems


def read_json(path: Path) -> Any:
    """The JSON value in a file; unreadable, not UTF-8 or malformed is a one-line error naming the place."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationFailed(f"cannot read: {error.strerror}", str(path)) from error
    text = decode(data, str(path), limited=False)  # an output is many times its source: no source limit
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationFailed(
            f"malformed JSON: {error.msg}", str(path), f"line {error.lineno} column {error.colno}"
        ) from error
    except RecursionError as error:
        raise ValidationFailed("malformed JSON: nested too deep", str(path)) from error


def json_path(loc: Iterable[int | str]) -> str:
    """A pydantic location as a JSON path: ``('facts', 12, 'status')`` -> ``facts[12].status``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.isidentifier():
            path += f".{part}" if path else part
        else:  # a key with spaces, quotes or line breaks: quoted and escaped, so the path stays on one line
            path += f"[{json.dumps(part)}]"
    return path or "(root)"


def schema_problem(errors: list[Any]) -> Problem:
    """The first of a document's schema errors, with how many there are in all."""
    more = f" ({len(errors)} errors in all)" if len(errors) > 1 else ""
    return Problem(json_path(errors[0]["loc"]), f"{errors[0]['msg']}{more}")


def validate_file(path: Path) -> Validation:
    """Read and check one output file; raises a one-line error only when it is not JSON at all."""
    data = read_json(path)
    if not isinstance(data, dict):
        return Validation(path, None, [Problem("(root)", f"expected a JSON object, got {type(data).__name__}")])
    try:
        document = Document.model_validate(data)
    except ValidationError as error:
        return Validation(path, None, _schema_failure(data, error))
    problems = []
    if "schema_version" not in data:
        problems.append(Problem("schema_version", "missing (every output records the schema it follows)"))
    problems += document_problems(document)
    return Validation(path, document, problems)


def _schema_failure(data: dict[str, Any], error: ValidationError) -> list[Problem]:
    """The schema's first error; duplicate fact ids (which the model refuses as a whole) named one by one."""
    problems = list(_duplicates(_fact_ids(data), "facts", "fact id", ".id"))
    errors = error.errors()
    if problems:  # the model's own, document-wide error says no more than these
        errors = [e for e in errors if not (e["type"] == "value_error" and not e["loc"])]
    return [*problems, schema_problem(errors)] if errors else problems


def _fact_ids(data: dict[str, Any]) -> list[tuple[int, object]]:
    facts = data.get("facts")
    if not isinstance(facts, list):
        return []
    return [(i, fact.get("id")) for i, fact in enumerate(facts) if isinstance(fact, dict) and "id" in fact]


def source_text(document: Document) -> tuple[str | None, Problem | None]:
    """The source's raw text when the file at ``source.path`` exists and is the one extracted; else why not."""
    path = Path(document.source.path)
    try:
        raw = decode(path.read_bytes(), str(path))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return None, Problem("source.path", f"cannot read {str(path)!r} ({reason}): spans checked only within the file")
    except InputError as error:
        return None, Problem(
            "source.path", f"cannot read {str(path)!r} ({error.message}): spans checked only within the file"
        )
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    if digest != document.source.sha256:
        return None, Problem(
            "source.sha256",
            f"{str(path)!r} has changed since extraction (its sha256 is {digest[:16]}…): "
            "spans checked only within the file; re-extract it",
        )
    if len(raw) != document.source.chars:
        return raw, Problem("source.chars", f"{document.source.chars}, but the source has {len(raw)} characters")
    return raw, None


def document_problems(document: Document) -> list[Problem]:
    """Everything a schema-valid document gets wrong: ids, references, and spans against its source."""
    raw, source_problem = source_text(document)
    problems = [source_problem] if source_problem else []
    problems += _duplicates(((i, n.id) for i, n in enumerate(document.footnotes)), "footnotes", "id", ".id")
    problems += _duplicates(((i, n.number) for i, n in enumerate(document.footnotes)), "footnotes", "number", ".number")
    notes = {note.number: note for note in document.footnotes}
    for i, note in enumerate(document.footnotes):
        problems += _footnote_spans(f"footnotes[{i}]", note, raw)
    for i, fact in enumerate(document.facts):
        problems += fact_problems(f"facts[{i}]", fact, notes, raw)
    return problems


def fact_problems(where: str, fact: Fact, notes: dict[int, Footnote], raw: str | None) -> list[Problem]:
    """A fact's own ids, spans, footnote references and checks."""
    problems = list(_duplicates(((j, m.id) for j, m in enumerate(fact.mentions)), f"{where}.mentions", "id", ".id"))
    problems += _span(f"{where}.sentence", fact.sentence, raw, None)
    for j, mention in enumerate(fact.mentions):
        span = Span(start=mention.start, end=mention.end, text=mention.text)
        problems += _span(f"{where}.mentions[{j}]", span, raw, fact.sentence)
    mentions = {mention.id for mention in fact.mentions}
    for j, citation in enumerate(fact.citations):
        at = f"{where}.citations[{j}]"
        note = notes.get(citation.footnote)
        if note is None:
            problems.append(Problem(f"{at}.footnote", f"no footnote {citation.footnote}"))
        for k, check in enumerate(citation.checks):
            if check.mention not in mentions:
                problems.append(Problem(f"{at}.checks[{k}].mention", f"no mention {check.mention!r} in this fact"))
            if check.evidence is not None:
                within = _as_span(note) if note else None
                problems += _span(f"{at}.checks[{k}].evidence", check.evidence, raw, within)
    for j, suggestion in enumerate(fact.suggestions):
        if suggestion.footnote not in notes:
            problems.append(Problem(f"{where}.suggestions[{j}].footnote", f"no footnote {suggestion.footnote}"))
    return problems


def _footnote_spans(where: str, note: Footnote, raw: str | None) -> Iterator[Problem]:
    yield from _span(where, _as_span(note), raw, None)
    for k, fields in enumerate(note.citations):
        yield from _citation_spans(f"{where}.citations[{k}]", fields, note, raw)


def _citation_spans(where: str, fields: CitationFields, note: Footnote, raw: str | None) -> Iterator[Problem]:
    for name, span in (("span", fields.span), ("quote", fields.quote)):
        if span is not None:
            yield from _span(f"{where}.{name}", span, raw, _as_span(note))


def _as_span(note: Footnote) -> Span:
    return Span(start=note.start, end=note.end, text=note.text)


def _span(where: str, span: Span, raw: str | None, within: Span | None) -> list[Problem]:
    """Whether a span is the raw text at its offsets (lying within its sentence or footnote).

    Without the source, a span is checked against the text of the sentence or footnote it lies in.
    """
    if within is not None and not (within.start <= span.start and span.end <= within.end):
        return [Problem(where, f"[{span.start}:{span.end}] lies outside [{within.start}:{within.end}]")]
    if raw is not None:
        if span.end > len(raw):
            return [Problem(where, f"[{span.start}:{span.end}] runs past the source's end ({len(raw)} characters)")]
        found = raw[span.start : span.end]
    elif within is not None:
        found = within.text[span.start - within.start : span.end - within.start]
    else:
        return []
    if found == span.text:
        return []
    at = next((i for i, (a, b) in enumerate(zip(span.text, found, strict=False)) if a != b), None)
    at = min(len(span.text), len(found)) if at is None else at
    differs = f"from character {at}: " if at else ""
    return [
        Problem(
            where,
            f"text is not the source's at [{span.start}:{span.end}]: {differs}"
            f"{_show(span.text, at)} where the source has {_show(found, at)}",
        )
    ]


def _duplicates(items: Iterable[tuple[int, object]], where: str, what: str, field_path: str = "") -> Iterator[Problem]:
    """A problem for each item whose key an earlier item already has."""
    seen: dict[object, int] = {}
    for i, key in items:
        if key in seen:
            yield Problem(f"{where}[{i}]{field_path}", f"duplicate {what} {key!r} (also {where}[{seen[key]}])")
        else:
            seen[key] = i


def _show(text: str, at: int = 0) -> str:
    """A short, printable quotation of untrusted text from ``at`` (repr escapes control characters)."""
    start = max(0, at - 10)
    shown = text[start : start + SHOWN]
    return ("…" if start else "") + repr(shown) + ("…" if start + SHOWN < len(text) else "")
