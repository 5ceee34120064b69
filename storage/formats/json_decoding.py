"""Python's JSON decoder made strict: what JSON does not allow, or what no database column can hold, raises
instead of being read into a value that differs from the file (``refusal`` says which), for
``storage.formats.jsonl``."""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

from model.reasons import Reason
from model.reasons import ReasonKind as K


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _Constant(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _constant(name: str) -> NoReturn:
    """NaN, Infinity and -Infinity: Python's json reads them, JSON has no such values (and PostgreSQL's
    json columns refuse them)."""
    raise _Constant(name)


class _TooLarge(ValueError):
    def __init__(self, number: str) -> None:
        super().__init__(number)
        self.number = number


def _float(text: str) -> float:
    """A JSON number with a fraction or an exponent; refused where it is too large for a float (1e400 would
    be read as infinity, which no JSON column stores)."""
    value = float(text)
    if math.isinf(value):
        raise _TooLarge(text)
    return value


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return obj


def refusal(exc: BaseException) -> Reason:
    """What a value the decoder's hooks (or Python) refused was: a key named twice, NaN, a number too large
    for a float, nesting deeper than Python's stack, an integer of more digits than Python reads."""
    if isinstance(exc, _DuplicateKey):
        return Reason.of(K.JSON_DUPLICATE_KEY, key=exc.key)
    if isinstance(exc, _Constant):
        return Reason.of(K.JSON_CONSTANT, name=exc.name)
    if isinstance(exc, _TooLarge):
        return Reason.of(K.JSON_NUMBER_TOO_LARGE, number=exc.number[:40])
    if isinstance(exc, RecursionError):
        return Reason.of(K.JSON_TOO_DEEP)
    return Reason.of(K.JSON_NUMBER_TOO_LONG)  # sys.get_int_max_str_digits()


DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_constant=_constant, parse_float=_float)
