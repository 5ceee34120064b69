"""jieba's own name tags (nr*/ns/nt) turned into entities, with the filters that make them usable."""

from __future__ import annotations

from model.spans import Origin
from model.suggest.companies import ORG, company_reading
from model.suggest.context import Context, a_department, all_han, rare_place_word
from model.suggest.lexicons import Lexicons
from model.suggest.suggestion import Suggestion

JIEBA_LABELS = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}


def surname_of(word: str, lex: Lexicons) -> str | None:
    """The surname ``word`` starts with (compound surnames first), or None."""
    if word[:2] in lex.surnames and len(word) > 2:
        return word[:2]
    return word[0] if word[:1] in lex.surnames else None


_KNOWN_NAME_FREQ = 1000  # a dictionary word tagged as a name more frequent than this is an ordinary word


def plausible_person(word: str, flag: str, ctx: Context) -> bool:
    """Whether a token jieba tags as a name looks like a person.

    Three characters: a surname first (江泽民) or transliteration characters only (克林顿); not 世锦赛.
    Four or more: a transliteration (拉夫罗夫) or a compound surname with a given name (欧阳中石); not
    idioms (广泛开展). Two characters: a word jieba's dictionary does not hold (its own guess) with a
    surname or of transliteration characters; a dictionary word only with a common surname or of
    transliteration characters, and a modest frequency (李鹏, 琼斯 — but not 文明/nr, 宁静/nr, 高峰/nr:
    jieba's name tags on known two-character words are mostly wrong).
    """
    lex = ctx.lex
    if not all_han(word) or word in lex.not_names or not 2 <= len(word) <= 6:
        return False
    foreign = all(c in lex.translit for c in word)
    if len(word) == 3:
        return foreign or surname_of(word, lex) is not None
    if len(word) >= 4:
        return foreign or (word[:2] in lex.surnames and len(word) == 4)
    freq = ctx.freq(word)
    if freq == 0:
        return word[0] in lex.surnames or foreign
    return (word[0] in lex.common_surnames or foreign) and freq <= _KNOWN_NAME_FREQ


_PLACE_BAND = (10, 1000)  # jieba dictionary frequencies of two-character ns words worth trusting


def _place_word_frequency(freq: int) -> bool:
    return freq == 0 or _PLACE_BAND[0] <= freq < _PLACE_BAND[1]


def jieba_entities(ctx: Context) -> list[Suggestion]:
    """jieba's own name tags (nr*/ns/nt), filtered.

    Dropped: implausible persons, known ordinary words, and two-character dictionary words tagged ``ns``
    outside a middle frequency band: frequent ones are ordinary words (美丽, 青春, 上山), the rarest are
    dictionary noise; the band keeps real places the gazetteer lacks (敦煌, 延安, 沛县); a ministry of the
    gazetteer after a company or a school (公司 商务部: its department; 报社 文艺部/nt stays). An ``nt`` word
    ending in an administrative place head (特别行政区, 自治区) is read as a place."""
    out: list[Suggestion] = []
    for i, tok in enumerate(ctx.tokens):
        label = JIEBA_LABELS.get(tok.flag)
        if label is None or tok.word in ctx.lex.not_names or len(tok.word) < 2:
            continue
        if label == "ORG" and tok.word in ctx.lex.gazetteer and a_department(ctx.tokens, i, tok.word):
            continue  # 公司 商务部/nt: the company's department, not the ministry the gazetteer taught jieba
        if label == ORG and company_reading(ctx.tokens, i, ctx.lex) != ORG:
            continue  # 丰田/nt 章一郎/nr, 网上 淘宝/nt: the list taught jieba the company; here it is not
        if label == "LOC" and len(tok.word) == 2 and not _place_word_frequency(ctx.freq(tok.word)):
            continue
        end = tok.end
        if label != "LOC" and rare_place_word(tok.word, ctx, _DISTRICTS):
            label = "LOC"  # 岳麓区/nr, 渝中区/nt: a district jieba does not know as one
        elif label == "PER":
            end -= _title_length(tok.word, ctx.lex)  # 刘女士/nr → 刘, as news tags the name alone
            if end == tok.end and not plausible_person(tok.word, tok.flag, ctx):
                continue
        if label == "ORG" and tok.word.endswith(("特别行政区", "自治区", "自治州")):
            label = "LOC"
        out.append(Suggestion(tok.start, end, label, Origin.JIEBA, tok.flag, 0.55))
    return out


_DISTRICTS = frozenset("区县")  # the heads of a district or county jieba tags as a person or organisation


def _title_length(word: str, lex: Lexicons) -> int:
    """The length of the title or form of address a person token ends with (刘女士 → 2), if a surname
    stands before it; else 0."""
    for n in (3, 2):
        if len(word) > n and word[-n:] in lex.titles and word[:-n] in lex.surnames:
            return n
    return 0
