"""Character-level CoNLL: one ``char<TAB>tag`` per line, a blank line between sentences, optional
``-DOCSTART-`` lines between documents. BIO (IOB2), BIOES (IOBES) and BMES are detected from the tags."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from model.labels import label_problem
from model.spans import Entity
from model.tagging import IPolicy, Scheme, TagSequenceError, detect_scheme, split_tag, tags_to_entities
from model.text import first_line_title
from storage.formats import ImportFormatError, ParsedDocument
from storage.formats.decoding import read_text_file


class Grouping(enum.StrEnum):
    AUTO = "auto"  # -DOCSTART- if the file has it, else one document per sentence
    DOCSTART = "docstart"
    SENTENCE = "sentence"


@dataclass(slots=True)
class _Sentence:
    first_line: int
    chars: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def _split_line(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        token, _, tag = line.rpartition("\t")
    else:
        parts = line.rsplit(None, 1)
        if len(parts) != 2:
            return None
        token, tag = parts
    if not token or not tag.strip():
        return None
    return token, tag.strip()


def _scan_scheme(path: Path, lines: list[str]) -> Scheme:
    """Check every token line's shape and tag (naming the line of the first bad one); detect the scheme."""
    tags: set[str] = set()
    first_seen: dict[str, int] = {}  # prefix -> first line
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("-DOCSTART-"):
            continue
        parsed = _split_line(line)
        if parsed is None:
            raise ImportFormatError(path, f"expected a character, a tab and a tag, got {line!r}", number)
        if parsed[1] not in tags:
            try:
                split_tag(parsed[1])
            except TagSequenceError:
                raise ImportFormatError(
                    path, f"{parsed[1]!r} is not a tag (O, or B-/I-/E-/S-/M- and a label)", number
                ) from None
            tags.add(parsed[1])
            prefix, label = split_tag(parsed[1])
            if label is not None and (problem := label_problem(label)) is not None:
                raise ImportFormatError(path, problem, number)
            first_seen.setdefault(prefix, number)
            if "I" in first_seen and "M" in first_seen:
                raise ImportFormatError(
                    path,
                    f"mixes tag schemes: I- tags (BIO/BIOES, first at line {first_seen['I']}) "
                    f"and M- tags (BMES, first at line {first_seen['M']})",
                    number,
                )
    return detect_scheme(tags)


def _documents(lines: list[str]) -> Iterator[tuple[bool, list[_Sentence]]]:
    """Yield ``(after_docstart, sentences)`` groups as the file lays them out."""
    doc: list[_Sentence] = []
    sentence: _Sentence | None = None
    saw_docstart = False
    for number, line in enumerate(lines, start=1):
        if line.startswith("-DOCSTART-"):
            if sentence:
                doc.append(sentence)
                sentence = None
            if doc:
                yield saw_docstart, doc
            doc, saw_docstart = [], True
            continue
        if not line.strip():
            if sentence:
                doc.append(sentence)
                sentence = None
            continue
        token, tag = _split_line(line) or ("", "")  # shapes were checked by _scan_scheme
        if sentence is None:
            sentence = _Sentence(number)
        sentence.chars.append(token)
        sentence.tags.append(tag)
    if sentence:
        doc.append(sentence)
    if doc:
        yield saw_docstart, doc


def read_conll(
    path: Path,
    grouping: Grouping = Grouping.AUTO,
    policy: IPolicy = IPolicy.REPAIR,
    warnings: list[str] | None = None,
    sentences_per_document: int | None = None,
) -> Iterator[ParsedDocument]:
    """Documents by -DOCSTART- (``grouping``), one per sentence, or ``sentences_per_document`` consecutive
    sentences (within each -DOCSTART- section). Sentences of one document are joined by a newline."""
    if sentences_per_document is not None and sentences_per_document < 1:
        raise ValueError("sentences_per_document must be at least 1")
    text, encoding = read_text_file(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    has_docstart = any(line.startswith("-DOCSTART-") for line in lines)
    by_docstart = grouping is Grouping.DOCSTART or (grouping is Grouping.AUTO and has_docstart)
    scheme = _scan_scheme(path, lines)
    repaired: list[int] = []

    def decode(sentence: _Sentence) -> list[Entity]:
        try:
            entities = tags_to_entities(sentence.tags, scheme, policy)
        except TagSequenceError as exc:
            raise ImportFormatError(path, f"{exc} ({scheme.upper()} scheme)",
                                    sentence.first_line + exc.index) from None
        if policy is IPolicy.REPAIR:
            starts = {e.start for e in entities}
            for i, tag in enumerate(sentence.tags):
                if i in starts and split_tag(tag)[0] in ("I", "M", "E"):
                    repaired.append(sentence.first_line + i)
        return entities

    def build(sentences: list[_Sentence]) -> ParsedDocument:
        parts: list[str] = []
        entities: list[Entity] = []
        offset = 0
        for sentence in sentences:
            if parts:
                parts.append("\n")
                offset += 1
            sentence_text = "".join(sentence.chars)
            # token offsets: characters of multi-character tokens share their token's tag span
            starts = [offset]
            for token in sentence.chars:
                starts.append(starts[-1] + len(token))
            entities.extend(Entity(starts[e.start], starts[e.end], e.label) for e in decode(sentence))
            parts.append(sentence_text)
            offset += len(sentence_text)
        body = "".join(parts)
        return ParsedDocument(
            title=first_line_title(body, limit=40),
            text=body,
            source=f"{path}:{sentences[0].first_line}",
            meta={"format": "conll", "encoding": encoding, "scheme": str(scheme),
                  "sentences": len(sentences)},
            entities=entities,
        )

    for _, sentences in _documents(lines):
        if sentences_per_document:
            for i in range(0, len(sentences), sentences_per_document):
                yield build(sentences[i : i + sentences_per_document])
        elif by_docstart:
            yield build(sentences)
        else:
            for sentence in sentences:
                yield build([sentence])
    if repaired and warnings is not None:
        warnings.append(
            f"{path}: {len(repaired)} inside tag(s) with no entity to continue were read as entity starts "
            f"(first at line {repaired[0]})"
        )
