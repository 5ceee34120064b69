"""Rules for person names: surname + given name, transliterated names, names fused with a doctrine."""

from __future__ import annotations

from model.suggest.context import Context, all_han, rule_suggestion
from model.suggest.jieba_tags import plausible_person
from model.suggest.lexicons import Lexicons
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import Token

NAME_DOTS = "·•‧・"


# jieba flags a given name (the part after a surname) may carry; function words and punctuation excluded.
_GIVEN_FLAGS_2 = frozenset(
    {"nr", "nrfg", "nrt", "ns", "nz", "n", "ng", "a", "ag", "an", "j", "g", "b", "t", "nt"}
)


_GIVEN_FLAGS_1 = frozenset({"nr", "nrfg", "nrt", "ng", "g", "ag"})


_COMMON_NOUN_FREQ = 300  # a given-name piece that is a dictionary noun this frequent is a noun (冰箱, 鲜花)


def merge_surname_given(ctx: Context) -> list[Suggestion]:
    """A lone surname token that jieba tags ``nr`` plus the given-name piece(s) after it → PER
    (裴/nr 青山/ns → 裴青山; 范/nr 明政/nr → 范明政). Not after a numeral (一张/nr 表格: a measure word),
    not before a title (邓先生) or a frequent common noun (连冰箱, 施化肥)."""
    out: list[Suggestion] = []
    toks = ctx.tokens
    for i, tok in enumerate(toks[:-1]):
        if tok.flag != "nr" or tok.word not in ctx.lex.surnames:
            continue
        if i > 0 and (
            toks[i - 1].flag in ("m", "q") or toks[i - 1].word[-1:] in "0123456789一二三四五六七八九十几每"
        ):
            continue
        nxt = toks[i + 1]
        if not all_han(nxt.word) or nxt.word in ctx.lex.not_names or nxt.word in ctx.lex.titles:
            continue
        if nxt.flag in ("n", "a", "b") and ctx.freq(nxt.word) > _COMMON_NOUN_FREQ:
            continue
        end = None
        if len(nxt.word) == 2 and nxt.flag in _GIVEN_FLAGS_2 and ctx.label_at(i + 1) != "ORG":
            end = nxt.end
        elif len(nxt.word) == 1 and nxt.flag in _GIVEN_FLAGS_1:
            end = nxt.end
            if i + 2 < len(toks) and len(toks[i + 2].word) == 1 and toks[i + 2].flag in _GIVEN_FLAGS_1:
                end = toks[i + 2].end
        if end is not None:
            out.append(rule_suggestion(tok.start, end, "PER", "merge_surname_given", 0.85))
    return out


_FUNCTION_CHARS = frozenset(
    "的了在和与及是等说将对也已于为向同并曾被把从到就都而又还则或之其此该这那年月日时"
)


def _name_piece(ctx: Context, i: int, adjacent: bool) -> bool:
    """Whether token ``i`` can be part of a transliterated name: the token right beside a name dot may be
    any Han word; one more beyond it only a single transliteration character or a short jieba name
    (布/nr 林肯/nr; 达恩·蒂/g 雄/ng; 卡拉/nrt 勒/v)."""
    if not 0 <= i < len(ctx.tokens):
        return False
    tok = ctx.tokens[i]
    if not all_han(tok.word):
        return False
    if adjacent:
        return True
    if len(tok.word) == 1:
        return tok.word not in _FUNCTION_CHARS and (tok.word in ctx.lex.translit or tok.flag.startswith("nr"))
    return len(tok.word) <= 3 and (tok.flag.startswith("nr") or all(c in ctx.lex.translit for c in tok.word))


_MAX_PIECE = 5  # characters on one side of a name dot, extension included


def _transliterated(word: str, lex: Lexicons) -> bool:
    return word not in lex.gazetteer and all(c in lex.translit for c in word)


_JOINERS = frozenset(NAME_DOTS) | {"-"}


def _is_joiner(tok: Token) -> bool:
    return tok.word in _JOINERS


def join_transliterated(ctx: Context) -> list[Suggestion]:
    """Transliterated name parts joined by a name dot (·, •, ‧, ・) or a hyphen → one PER
    (安东尼·布林肯, 乔·拜登, 米格尔·迪亚斯-卡内尔). The words beside each dot belong to the name; further
    words only if they look like name pieces. A hyphen joins only transliterations that are not known
    places or organisations (迪亚斯-卡内尔 does; 东盟-美国 and 吉灵-河东 stay apart)."""
    out: list[Suggestion] = []
    toks = ctx.tokens
    i = 0
    if not any(c in ctx.text for c in _JOINERS):
        return out
    while i < len(toks):
        if not _is_joiner(toks[i]) or not _name_piece(ctx, i - 1, True) or not _name_piece(ctx, i + 1, True):
            i += 1
            continue
        first = i - 1
        if _name_piece(ctx, first - 1, False) and toks[i - 1].end - toks[first - 1].start <= _MAX_PIECE:
            first -= 1
        last, j = i + 1, i + 1  # extend over further "dot piece" pairs, then over trailing name pieces
        while j + 2 < len(toks) and _is_joiner(toks[j + 1]) and _name_piece(ctx, j + 2, True):
            last = j = j + 2
        if _name_piece(ctx, last + 1, False) and toks[last + 1].end - toks[last].start <= _MAX_PIECE:
            last += 1
        pieces = [t.word for t in toks[first : last + 1] if not _is_joiner(t)]
        hyphen = any(t.word == "-" for t in toks[first : last + 1])
        if not hyphen or all(_transliterated(p, ctx.lex) for p in pieces):
            out.append(rule_suggestion(toks[first].start, toks[last].end, "PER", "join_transliterated", 0.9))
        i = last + 1
    return out


def _extends_name(tok: Token, lex: Lexicons) -> bool:
    return (
        tok.word in lex.translit
        and tok.word not in _FUNCTION_CHARS
        and tok.word not in lex.surnames
        and tok.flag in ("nr", "nrt", "ng", "g", "v")
    )


def extend_transliteration(ctx: Context) -> list[Suggestion]:
    """A transliterated name jieba cut short by one character → the whole name as PER
    (扎/v 琳娜/nrt → 扎琳娜; 瓦西里/nrt 斯/nr → 瓦西里斯; 奥/nr 纳西斯/nr → 奥纳西斯)."""
    out: list[Suggestion] = []
    toks, lex = ctx.tokens, ctx.lex
    for i, tok in enumerate(toks):
        if not tok.flag.startswith("nr") or len(tok.word) < 2 or not all(c in lex.translit for c in tok.word):
            continue
        first, last = i, i
        for j in (i - 1, i + 1):
            if 0 <= j < len(toks) and _extends_name(toks[j], lex):
                first, last = min(first, j), max(last, j)
        if (first, last) != (i, i):
            out.append(
                rule_suggestion(toks[first].start, toks[last].end, "PER", "extend_transliteration", 0.75)
            )
    return out


_DOCTRINE = frozenset({"理论", "思想", "主义", "路线", "同志"})


def strip_doctrine_suffix(ctx: Context) -> list[Suggestion]:
    """A person's name fused with 理论/思想/主义/同志 into one jieba word → the name as PER
    (邓小平理论 → 邓小平, 马克思主义 → 马克思)."""
    out: list[Suggestion] = []
    for tok in ctx.tokens:
        if len(tok.word) < 4 or tok.word[-2:] not in _DOCTRINE:
            continue
        stem = tok.word[:-2]
        if plausible_person(stem, "nr", ctx) and ctx.lex.gazetteer.get(stem) is None:
            out.append(rule_suggestion(tok.start, tok.start + len(stem), "PER", "strip_doctrine_suffix", 0.8))
    return out
