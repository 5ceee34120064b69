"""Companies of the bundled list (``companies.tsv``) inside a person's name: jieba, which the list taught the
company as one word, cuts 王华为 as 王/nr 华为/nt and 丰田章一郎 as 丰田/nt 章一郎/nr, and the company
would replace the person (or stand beside its given name)."""

from __future__ import annotations

from model.suggest.lexicons import Lexicons
from model.suggest.tokenizer import Token

_COMPANIES = "companies"  # the gazetteer file of companies (``lexicons.GAZETTEER_FILES``)
# jieba's tags of a one-character surname before a given name (王/nr, 刘/zg, 张/q); not 向/p, 将/d, 和/c
_SURNAME_FLAGS = frozenset({"nr", "nrfg", "nrt", "zg", "ng", "q"})
_NUMERAL = "m"  # 一/m 张/q: a measure word, not a surname
_PERSON = "nr"


def _surname_before(tokens: list[Token], i: int, lex: Lexicons) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1]
    if len(prev.word) != 1 or prev.word not in lex.surnames or prev.flag not in _SURNAME_FLAGS:
        return False
    return prev.flag != "q" or i < 2 or tokens[i - 2].flag != _NUMERAL


def join_persons_names(tokens: list[Token], lex: Lexicons) -> list[Token]:
    """``tokens`` with a listed company joined into a person's name where it is one: after a one-character
    surname (王/nr 华为, 陈 华为, 刘/zg 顺丰 → 王华为/nr …). After a preposition or an adverb it stays the
    company (向/p 华为, 将/d 华为)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if lex.sources.get(tok.word) == _COMPANIES and _surname_before(tokens, i, lex):
            prev = out.pop()
            tok = Token(prev.start, tok.end, prev.word + tok.word, _PERSON)
        out.append(tok)
    return out


def before_a_person(tokens: list[Token], i: int, lex: Lexicons) -> bool:
    """Whether word ``i`` is a listed company that a person's name (a word jieba tags ``nr`` that starts
    with a surname; not 星巴克 喝咖啡/nr) follows (丰田/nt 章一郎/nr): a surname
    (丰田章一郎), not the company; it is not suggested. Also 华为 任正非/nr, which is the company: a miss
    there rather than a wrong span in 丰田章一郎."""
    return (
        lex.sources.get(tokens[i].word) == _COMPANIES
        and i + 1 < len(tokens)
        and tokens[i + 1].flag == _PERSON
        and tokens[i + 1].word[0] in lex.surnames
    )
