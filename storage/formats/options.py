"""How files are read: every option of ``newstag import`` that changes what a reader does."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from model.reasons import Reason
from model.reasons import ReasonKind as K
from model.tagging import IPolicy


class Grouping(enum.StrEnum):
    AUTO = "auto"  # -DOCSTART- if the file has it, else one document per sentence
    DOCSTART = "docstart"
    SENTENCE = "sentence"


class Join(enum.StrEnum):
    """How the tokens of a CoNLL sentence become text."""

    AUTO = "auto"  # characters or Chinese words: no space (but between two Latin words); Latin words: a space
    SPACE = "space"
    NONE = "none"


class OffsetUnit(enum.StrEnum):
    """What JSON offsets count: doccano's API counts code points, its front end (and Label Studio's)
    UTF-16 code units."""

    AUTO = "auto"
    CODEPOINTS = "codepoints"
    UTF16 = "utf16"


class Discontinuous(enum.StrEnum):
    """What a brat entity in several fragments becomes (fragments split only by a line break are one span)."""

    SPLIT = "split"
    REFUSE = "refuse"


class Duplicates(enum.StrEnum):
    """A document whose text is stored already: skipped, or kept as its own document if its labels differ."""

    SKIP = "skip"
    KEEP = "keep"


class ColumnsError(ValueError):
    """A ``--columns`` value that cannot be read; ``refusal``: why, as a kind and its values (its English
    is ``str()``)."""

    def __init__(self, refusal: Reason) -> None:
        self.refusal = refusal
        super().__init__(str(refusal))


_COLUMN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


@dataclass(frozen=True, slots=True)
class Columns:
    """Which CoNLL columns hold the token and the tag: 1-based, negative counts from the end.

    Written ``TOKEN,POS,CHUNK,TAG`` (one name per column, ``TOKEN`` and ``TAG`` mark the two that matter) or
    ``TOKEN=2,TAG=10`` (``TAG=-1``: the last column)."""

    token: int = 1
    tag: int = -1
    width: int | None = None  # the number of columns the file must have, when the spec lists them all

    @classmethod
    def parse(cls, spec: str) -> Columns:
        parts = [p.strip() for p in spec.split(",") if p.strip()]
        if parts and all("=" in p for p in parts):
            roles: dict[str, int] = {}
            for part in parts:
                name, _, number = part.partition("=")
                name = name.strip().upper()
                if name not in ("TOKEN", "TAG"):
                    raise ColumnsError(Reason.of(K.COLUMNS_ROLE, name=name))
                try:
                    roles[name] = int(number)
                except ValueError:
                    raise ColumnsError(Reason.of(K.COLUMNS_NUMBER, part=part)) from None
                if roles[name] == 0:
                    raise ColumnsError(Reason.of(K.COLUMNS_ZERO))
            token, tag = roles.get("TOKEN", 1), roles.get("TAG", -1)
            if token == tag:  # TOKEN=1,TAG=1; TOKEN=-1 with the default tag
                raise ColumnsError(Reason.of(K.COLUMNS_SAME, number=token))
            return cls(token, tag)
        upper = [p.upper() for p in parts]
        if (
            upper.count("TOKEN") != 1
            or upper.count("TAG") != 1
            or not all(_COLUMN_NAME.match(p) for p in parts)
        ):
            raise ColumnsError(Reason.of(K.COLUMNS_SPEC, spec=spec))
        return cls(upper.index("TOKEN") + 1, upper.index("TAG") + 1, len(parts))

    def resolve(self, width: int) -> tuple[int, int]:
        """0-based (token, tag) indexes in a row of ``width`` columns; ValueError if out of range."""
        token = self.token - 1 if self.token > 0 else width + self.token
        tag = self.tag - 1 if self.tag > 0 else width + self.tag
        if not (0 <= token < width and 0 <= tag < width) or token == tag:
            raise ValueError(
                f"columns TOKEN={self.token}, TAG={self.tag} do not fit rows of {width} column(s)"
            )
        return token, tag

    def describe(self, width: int) -> str:
        token, tag = self.resolve(width)
        return ",".join("TOKEN" if i == token else "TAG" if i == tag else "_" for i in range(width))


DEFAULT_TAG_MAP = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
# what else a table's text column is commonly called: read without --text-column where a header names one of
# them and no text column (said in a note)
TEXT_NAMES = ("content", "sentence", "正文", "内容", "文本")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    grouping: Grouping = Grouping.AUTO
    policy: IPolicy = IPolicy.REPAIR
    sentences_per_document: int | None = None
    columns: Columns | None = None  # None: the first column and the last (CoNLL-U: FORM and the last)
    join: Join = Join.AUTO
    offsets: OffsetUnit = OffsetUnit.AUTO
    discontinuous: Discontinuous = Discontinuous.SPLIT
    untyped_label: str = "ENT"
    tag_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TAG_MAP))  # word/tag: POS -> label
    webanno_layer: str | None = None  # WebAnno TSV: the span layer holding the labels (full or short name)
    webanno_feature: str | None = None  # and its feature holding them, where it has several
    text_column: str | None = None  # a table of texts: the column holding the texts (default: text)

    def __post_init__(self) -> None:
        """Option values given as strings ("sentence") become their enum members, or raise ValueError."""
        enums = (
            ("grouping", Grouping),
            ("policy", IPolicy),
            ("join", Join),
            ("offsets", OffsetUnit),
            ("discontinuous", Discontinuous),
        )
        for name, kind in enums:
            object.__setattr__(self, name, kind(getattr(self, name)))
