"""Property tests over the import formats, small and deterministic enough for CI.

Round trip: random documents, their text drawn to hold what breaks readers (𠮷, emoji with ZWJ sequences and
skin tones, ``\\r\\n``, a lone ``\\r``, U+3000, U+2028/2029, U+FEFF, combining marks, direction marks, NUL and
other controls, full-width forms), with random spans, written here by a small writer of each format that knows
nothing of the readers, then read: the text and spans must come back exactly (line endings made ``\\n``, the
offsets following, and nothing else changed), or the file must be refused by its line for what the text holds
(a NUL, a BOM inside it), never for anything else. The expectation is computed here, not read back.

Mutation (``test_import_fuzz_mutations.py``): valid files of every format, damaged."""

from __future__ import annotations

import json
import os
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from model.reasons import ReasonKind as K
from storage.formats import ImportFormatError, ReadInfo
from storage.formats.checks import checked
from storage.formats.detect import Format
from storage.import_types import ImportOptions
from storage.importer import read_documents

Spans = list[tuple[int, int, str]]
Read = list[tuple[str, Spans]]

COMMON = list("新华社北京电李强会见古特雷斯。，、“”abcZ019 ")
SPECIAL = [
    "𠮷",
    "👩🏽\u200d💻",
    "👨\u200d👩\u200d👧",
    "🇨🇳",
    "\r\n",
    "\r",
    "\n",
    "\u3000",
    "\u2028",
    "\u2029",
    "\ufeff",
]
SPECIAL += [
    "e\u0301",
    "\u0301",
    "\u200f",
    "\u202e",
    "\u200b",
    "\x00",
    "\x01",
    "\x85",
    "\xa0",
    "Ａ",
    "１",
    "\t",
]
EXAMPLES = int(
    os.environ.get("NEWSTAG_FUZZ_EXAMPLES", "0")
)  # a longer, random run: NEWSTAG_FUZZ_EXAMPLES=2000
FUZZ = settings(
    derandomize=not EXAMPLES,
    max_examples=EXAMPLES or 40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# what a text may be refused for, and the refusals that name no line (the whole file is at fault)
EXCUSES = {
    "\x00": {K.NUL_CHARACTER, K.NUL_IN, K.BINARY_NUL},
    "\ufeff": {K.INNER_BOM_LINE, K.INNER_BOM_TEXT, K.INNER_BOM_BRAT},
    "\x01": {K.BINARY_CONTROLS},
}
WHOLE_FILE = {K.BINARY_NUL, K.BINARY_CONTROLS, K.NO_DOCUMENT, K.BRAT_EMPTY, K.EMPTY_ARTICLE, K.NO_ROWS}


def read(path: Path, fmt: str, info: ReadInfo | None = None) -> Read | ImportFormatError:
    """The documents of ``path`` (text, sorted spans), or the refusal; any other exception is a bug."""
    try:
        docs = checked(read_documents(path, ImportOptions(format=Format(fmt)), info or ReadInfo()), path)
        return [(d.text, sorted((e.start, e.end, e.label) for e in d.entities)) for d in docs]
    except ImportFormatError as error:
        kind = error.refusal.kind if error.refusal is not None else None
        assert error.line is not None or kind in WHOLE_FILE, f"refused without a line: {error}"
        assert Path(error.path).parent == path.parent, error  # the file, or its brat pair
        return error


def normalised(text: str, spans: Spans) -> tuple[str, Spans]:
    """``\\r\\n`` and ``\\r`` as ``\\n``; a span over half a ``\\r\\n`` covers the ``\\n`` it becomes."""
    out: list[str] = []
    at: list[int] = []  # at[i]: where character i of ``text`` is in the result
    i = 0
    while i < len(text):
        at.append(len(out))
        if text.startswith("\r\n", i):
            at.append(len(out))
            i += 1
        out.append("\n" if text[i] in "\r\n" else text[i])
        i += 1
    at.append(len(out))
    return "".join(out), sorted((at[s], at[e - 1] + 1, label) for s, e, label in spans)


def expect(text: str, spans: Spans, got: Read | ImportFormatError, refusable: str = "") -> None:
    """``got`` is the document written, or a refusal ``text`` gives a reason for."""
    if isinstance(got, ImportFormatError):
        kind = got.refusal.kind if got.refusal is not None else None
        excused = set().union(*(EXCUSES.get(ch, set()) for ch in set(text) | set(refusable)))
        if not text.strip() or not normalised(text, [])[0].strip():
            excused |= WHOLE_FILE | {K.EMPTY_TEXT, K.BOSON_EMPTY}
        assert kind in excused, f"{text!r} refused: {got}"
        return
    assert got == [normalised(text, spans)], f"{text!r} {spans}"


@st.composite
def documents(draw: st.DrawFn, leave_out: str = "", nested: bool = True) -> tuple[str, Spans]:
    """A text and up to five spans over it (overlapping and nested where ``nested``)."""
    alphabet = [c for c in COMMON * 3 + SPECIAL if not set(c) & set(leave_out)]
    text = "".join(draw(st.lists(st.sampled_from(alphabet), min_size=5, max_size=30)))
    # one NUL at most, in five characters or more: a few bytes with NULs may be UTF-16 too ("aaa\x00" is 慡a)
    if (nul := text.find("\x00")) >= 0:
        text = text[: nul + 1] + text[nul + 1 :].replace("\x00", "")
    if text.startswith("\ufeff"):  # at the start of a file it is a byte-order mark, not text
        text = "新" + text
    spans: Spans = []
    for _ in range(draw(st.integers(0, 5)) if text else 0):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 8)))
        if nested or all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, draw(st.sampled_from(["PER", "LOC", "ORG"]))))
    return text, sorted(set(spans))


def _file(folder: str, name: str, body: str | bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return path


@FUZZ
@given(documents(), st.booleans(), st.sampled_from(["doccano", "label-studio", "cluener"]))
def test_json_formats_round_trip(doc: tuple[str, Spans], ascii_only: bool, shape: str) -> None:
    text, spans = doc
    if shape == "doccano":
        body = json.dumps({"text": text, "label": [list(s) for s in spans]}, ensure_ascii=ascii_only) + "\n"
        name, fmt = "a.jsonl", "jsonl"
    elif shape == "cluener":  # inclusive ends, grouped by label and mention
        labels: dict[str, dict[str, list[list[int]]]] = {}
        for s, e, label in spans:
            labels.setdefault(label, {}).setdefault(text[s:e], []).append([s, e - 1])
        body = json.dumps({"text": text, "label": labels}, ensure_ascii=ascii_only) + "\n"
        name, fmt = "a.jsonl", "jsonl"
    else:  # Label Studio counts UTF-16 code units
        u16 = [len(text[:i].encode("utf-16-le")) // 2 for i in range(len(text) + 1)]
        result = [
            {
                "type": "labels",
                "value": {"start": u16[s], "end": u16[e], "text": text[s:e], "labels": [label]},
            }
            for s, e, label in spans
        ]
        body = json.dumps(
            [{"data": {"text": text}, "annotations": [{"result": result}]}], ensure_ascii=ascii_only
        )
        name, fmt = "a.json", "json"
    with TemporaryDirectory() as folder:
        info = ReadInfo()
        got = read(_file(folder, name, body), fmt, info)
        # the span's text found at its UTF-16 offsets and at the same numbers in code points (a ZWJ of
        # 👨‍👩‍👧 and one after it): read as code points, with a warning that names --offsets
        if not any("--offsets" in str(warning) for warning in info.warnings):
            expect(text, spans, got)


@FUZZ
@given(documents())
def test_brat_round_trip(doc: tuple[str, Spans]) -> None:
    text, spans = doc
    ann = "".join(f"T{i}\t{label} {s} {e}\n" for i, (s, e, label) in enumerate(spans, 1))
    with TemporaryDirectory() as folder:
        _file(folder, "a.txt", text)
        got = read(_file(folder, "a.ann", ann), "brat")
        if isinstance(got, list) and "\r" in text:  # brat's title is the first line: only the spans matter
            got = [(t, s) for t, s in got]
        expect(text, spans, got)


@FUZZ
@given(documents(leave_out="\r\n\u2028\u2029\x85[]@$#*"))
def test_inline_formats_round_trip(doc: tuple[str, Spans]) -> None:
    """YEDDA's ``[@text#Label*]`` and BosonNLP's ``{{type:text}}``, on one line (flat spans only)."""
    text, spans = doc
    flat: Spans = []
    for s, e, label in spans:
        if not flat or s >= flat[-1][1]:
            flat.append((s, e, label))
    boson_types = {"PER": "person_name", "LOC": "location", "ORG": "org_name"}
    yedda, boson, pos = [], [], 0
    for s, e, label in flat:
        yedda += [text[pos:s], f"[@{text[s:e]}#{label}*]"]
        boson += [text[pos:s], "{{" + boson_types[label] + ":" + text[s:e] + "}}"]
        pos = e
    with TemporaryDirectory() as folder:
        got = read(_file(folder, "a.txt.ann", "".join([*yedda, text[pos:]])), "yedda")
        expect(text, flat, got)
        # BosonNLP: a space after the colon is the markup's, and its names have no edge spaces
        kept = [(s, e, boson_types[label]) for s, e, label in flat]
        if all(text[s:e].strip() == text[s:e] for s, e, _ in kept) and "{" not in text and "}" not in text:
            got = read(_file(folder, "b.txt", "".join([*boson, text[pos:]])), "boson")
            expect(text, kept, got)


@FUZZ
@given(documents(leave_out=" \t\r\n\u3000\u2028\u2029\x85\xa0\ufeff#", nested=False))
def test_conll_round_trip(doc: tuple[str, Spans]) -> None:
    """One character a row, BIO and BIOES tags (a token is no whitespace: CoNLL cannot say one)."""
    text, spans = doc
    for scheme in ("bio", "bioes"):
        tags = ["O"] * len(text)
        for s, e, label in spans:
            for i in range(s, e):
                inside = "I" if i > s else "B"
                if scheme == "bioes":
                    inside = "S" if e - s == 1 else "B" if i == s else "E" if i == e - 1 else "I"
                tags[i] = f"{inside}-{label}"
        rows = "".join(f"{ch}\t{tag}\n" for ch, tag in zip(text, tags, strict=True))
        with TemporaryDirectory() as folder:
            expect(text, spans, read(_file(folder, f"a.{scheme}", rows), "conll"))


@FUZZ
@given(documents(leave_out="\r\n\t\u2028\u2029\x85", nested=False))
def test_webanno_round_trip(doc: tuple[str, Spans]) -> None:
    """One sentence, a token per non-space character, offsets in UTF-16 code units, ``PER[n]`` spans."""
    text, spans = doc
    assume(not text[0].isspace() and not text[-1].isspace())  # a sentence starts and ends on a token
    u16 = [len(text[:i].encode("utf-16-le")) // 2 for i in range(len(text) + 1)]
    spans = [(s, e, label) for s, e, label in spans if not text[s].isspace() and not text[e - 1].isspace()]
    rows = []
    for n, i in enumerate((i for i, ch in enumerate(text) if not ch.isspace()), 1):
        values = [f"{label}[{k}]" for k, (s, e, label) in enumerate(spans, 1) if s <= i < e]
        rows.append(f"1-{n}\t{u16[i]}-{u16[i + 1]}\t{text[i]}\t{'|'.join(values) or '_'}\n")
    if not rows:
        return
    ner = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value"
    body = f"#FORMAT=WebAnno TSV 3.3\n#T_SP={ner}\n\n\n#Text={text.replace(chr(92), chr(92) * 2)}\n"
    with TemporaryDirectory() as folder:
        expect(text, spans, read(_file(folder, "a.tsv", body + "".join(rows)), "webanno"))
