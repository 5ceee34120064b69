"""A private, lazily loaded jieba part-of-speech tokenizer that reports code-point offsets.

Nothing here touches jieba's global state: the engine owns one ``jieba.Tokenizer`` and one
``jieba.posseg.POSTokenizer`` built on it. jieba (and its dictionary) is imported and loaded on the first
``load()``, never at import time: ``import jieba.posseg`` alone reads the whole dictionary file.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterable
from typing import Any, NamedTuple

from model.temporaries import cache_folder

logger = logging.getLogger(__name__)

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space map one-to-one onto ASCII, so the translated
# text has exactly the same length and every offset found in it is an offset into the original text.
_HALF_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def to_half_width(text: str) -> str:
    """Full-width Latin letters, digits and punctuation → ASCII; length-preserving (one char for one)."""
    return text.translate(_HALF_WIDTH)


_TEMPLATE_LOCK = threading.Lock()
_template: tuple[dict[str, int], int, dict[str, str]] | None = None


def _jieba_template() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's dictionary (word frequencies, total, POS tags), read once per process and never modified."""
    global _template
    with _TEMPLATE_LOCK:
        if _template is None:
            import jieba  # deferred on purpose: see module docstring
            import jieba.posseg

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            initialize_jieba(tokenizer)
            pos = jieba.posseg.POSTokenizer(tokenizer)
            _template = (tokenizer.FREQ, tokenizer.total, pos.word_tag_tab)
        return _template


def initialize_jieba(tokenizer: Any) -> None:
    """Load a private ``jieba.Tokenizer``'s dictionary (every jieba newstag uses is loaded here), through its
    cache in newstag's per-user cache folder: jieba's own default, the
    shared ``/tmp/jieba.cache``, may be another user's (jieba then loads their file, or fails to replace it).
    Without a cache folder the dictionary is read from its text (a second or two), and no cache is written."""
    try:
        tokenizer.tmp_dir = str(cache_folder())
    except OSError as exc:
        logger.warning("no cache folder for jieba (%s): its dictionary is read without a cache", exc)
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
        tokenizer.initialized = True
        return
    tokenizer.initialize()


def _fresh_jieba() -> tuple[Any, Any]:
    """A private ``jieba.Tokenizer`` and ``POSTokenizer`` on copies of the shared dictionary, so each engine
    can add its own words without re-reading jieba's files (about two seconds) or touching the others.
    Relies on jieba 0.42's attributes (FREQ, total, initialized, word_tag_tab), checked by the tests."""
    import jieba
    import jieba.posseg

    freq, total, tags = _jieba_template()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(freq)
    tokenizer.total = total
    tokenizer.initialized = True
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(tags)
    _memoise_hmm(pos)
    return tokenizer, pos


_HMM_CACHE_SIZE = 50_000


def _memoise_hmm(pos: Any) -> None:
    """Memoise posseg's HMM pass over runs of unknown characters (names, mostly: the same ones recur all
    through a news article). The pass depends only on the run itself, never on the dictionary, so added
    words cannot make a cached result stale."""
    detail = pos._POSTokenizer__cut_detail  # the bound method that __cut_DAG calls for unknown runs

    @functools.lru_cache(maxsize=_HMM_CACHE_SIZE)
    def cached(run: str) -> tuple[Any, ...]:
        return tuple(detail(run))

    pos._POSTokenizer__cut_detail = cached


class Token(NamedTuple):
    """One jieba word: ``text[start:end] == word`` (in the half-width text), with jieba's POS flag.
    A named tuple rather than a frozen dataclass: tens of thousands are made per second."""

    start: int
    end: int
    word: str
    flag: str


def dictionary_flag(word: str, tags: dict[str, str]) -> str:
    """``word``'s part of speech in jieba's dictionary ``tags``, else ``eng``/``m``/``x``/``w`` by its first
    character, or ``oov`` for a Han word the dictionary does not hold."""
    tag = tags.get(word)
    if tag:
        return tag
    ch = word[0]
    if ch.isspace():
        return "w"
    if ch.isascii():
        return "eng" if ch.isalpha() else "m" if ch.isdigit() else "x"
    if word.isdigit():
        return "m"
    return "oov" if ch.isalpha() else "x"


class JiebaTokenizer:
    """Thread-safe lazy wrapper: ``load()`` once (from any thread), then ``tokens(text)`` at will.

    ``pos_hmm``: words unknown to the dictionary found by ``jieba.posseg``'s HMM, which also guesses their
    part of speech (``nr`` for a name) character by character: four fifths of the rules' time. Without it
    (beside a pretrained tagger, which finds unknown names far better) they come from jieba's segmentation
    HMM and carry the flag ``oov``; dictionary words keep their part of speech either way."""

    def __init__(self) -> None:
        self.pos_hmm = True
        self._lock = threading.Lock()
        self._tokenizer: Any = None
        self._pos: Any = None
        self._pending: list[tuple[str, str | None]] = []
        # jieba's own frequency (None: not in its table) and tag of added words
        self._original: dict[str, tuple[int | None, str | None]] = {}
        self._added: dict[str, int] = {}  # what adding each word added to jieba's total of frequencies

    @property
    def loaded(self) -> bool:
        return self._pos is not None

    def load(self) -> None:
        with self._lock:
            if self._pos is not None:
                return
            self._tokenizer, self._pos = _fresh_jieba()
            pending, self._pending = self._pending, []
            self._add_now(pending)
            logger.debug("jieba loaded with %d extra words", len(pending))

    def add_words(self, words: Iterable[tuple[str, str | None]]) -> None:
        """Make jieba keep each word whole (and tag it, when a tag is given). Deferred until ``load()``."""
        with self._lock:
            if self._pos is None:
                self._pending.extend(words)
                return
            self._add_now(list(words))

    def remove_words(self, words: Iterable[str]) -> None:
        """Take back ``add_words`` for these words: jieba's own frequency and tag return (a word jieba did not
        know is forgotten, not forced apart as ``del_word`` would), and so does its total of frequencies,
        which weighs every word: undoing a confirmation leaves the segmentation as if it had never been."""
        with self._lock:
            drop = set(words)
            if self._pos is None:
                self._pending = [(w, t) for w, t in self._pending if w not in drop]
                return
            self._pos.makesure_userdict_loaded()  # tags of earlier additions first, so none comes back later
            for word in drop:
                original = self._original.pop(word, None)
                if original is None:
                    continue
                freq, tag = original
                if freq is None:
                    self._tokenizer.FREQ.pop(word, None)
                else:
                    self._tokenizer.FREQ[word] = freq
                self._tokenizer.total -= self._added.pop(word, 0)
                if tag is None:
                    self._pos.word_tag_tab.pop(word, None)
                else:
                    self._pos.word_tag_tab[word] = tag

    def _add_now(self, words: list[tuple[str, str | None]]) -> None:
        tokenizer = self._tokenizer
        for word, tag in words:
            if len(word) < 2:
                continue
            if word not in self._original:
                known = tokenizer.FREQ.get(word)
                self._original[word] = (
                    None if known is None else int(known),
                    self._pos.word_tag_tab.get(word),
                )
            freq = tokenizer.FREQ.get(word) or 0
            if freq <= 0:
                freq = tokenizer.suggest_freq(word, False)
            freq = max(int(freq), 1)
            tokenizer.add_word(word, freq, tag)
            self._added[word] = self._added.get(word, 0) + freq

    def tokens(self, text: str) -> list[Token]:
        """jieba POS tokens of ``text`` (which should already be half-width) with their offsets."""
        if self._pos is None:
            self.load()
        out: list[Token] = []
        append = out.append
        # a Token made as the tuple it is, without the named tuple's __new__ (a Python call per word)
        make = tuple.__new__
        pos = 0
        if not self.pos_hmm:
            self._pos.makesure_userdict_loaded()  # the tags of words added since
            tags = self._pos.word_tag_tab
            get = tags.get
            for word in self._tokenizer.cut(text, HMM=True):
                end = pos + len(word)
                append(make(Token, (pos, end, word, get(word) or dictionary_flag(word, tags))))
                pos = end
            return out
        for pair in self._pos.cut(text, HMM=True):
            word = pair.word
            end = pos + len(word)
            append(make(Token, (pos, end, word, pair.flag)))
            pos = end
        return out
