"""Rules for places: gazetteer prefixes, chains of places in one word, place heads and abbreviations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from model.suggest.context import Context, all_han, rule_suggestion
from model.suggest.suggestion import Suggestion


def _known_name(ctx: Context, surface: str) -> str | None:
    """The label of a confirmed project entry or a gazetteer place, or None."""
    label = ctx.learned_names.get(surface)
    if label is None and ctx.lex.gazetteer.get(surface) == "LOC":
        label = "LOC"
    return label


def gazetteer_prefix(ctx: Context) -> list[Suggestion]:
    """A jieba word that is a gazetteer place (or a name the project confirmed) followed by an ordinary word
    → that name (德国总理 → 德国; 德国人 → 德国; 芬兰人 → 芬兰); a place followed by a place head → the whole
    word (天津市, 马拉维湖). Organisation words (nt) and words whose rest is an organisation head (中国外交部)
    are left to the other rules."""
    out: list[Suggestion] = []
    starts = ctx.lex.gazetteer_starts
    for tok in ctx.tokens:
        w = tok.word
        if len(w) < 3 or tok.flag == "nt" or w in ctx.lex.gazetteer or w in ctx.learned_names:
            continue
        if w[:2] not in starts and not ctx.learned_names:
            continue
        for n in range(len(w) - 1, 1, -1):
            rest = w[n:]
            label = _known_name(ctx, w[:n])
            if label is None or ctx.lex.org_suffix(rest) is not None:
                continue
            if label == "LOC" and rest in ctx.lex.place_suffixes:  # the whole word is the place
                out.append(rule_suggestion(tok.start, tok.end, "LOC", "gazetteer_prefix", 0.8))
                break
            if ctx.freq(rest) > 0:
                out.append(rule_suggestion(tok.start, tok.start + n, label, "gazetteer_prefix", 0.8))
                break
    return out


def government_place(ctx: Context) -> list[Suggestion]:
    """A place + 政府 in one jieba word → the place (中国政府 → 中国: the government is named by its place,
    政府 itself is a common noun). MSRA's convention (``rules.MSRA_HABITS``); elsewhere 中国政府 is an ORG."""
    gaz = ctx.lex.gazetteer
    return [
        rule_suggestion(tok.start, tok.end - 2, "LOC", "government_place", 0.8)
        for tok in ctx.tokens
        if tok.flag in ("ns", "nt")
        and len(tok.word) >= 3
        and tok.word not in gaz
        and tok.word.endswith("政府")
        and gaz.get(tok.word[:-2]) == "LOC"
    ]


def split_place_chain(ctx: Context) -> list[Suggestion]:
    """One jieba word that is two or more gazetteer places in a row → one LOC each
    (中华人民共和国香港特别行政区 → 中华人民共和国, 香港特别行政区)."""
    out: list[Suggestion] = []
    gaz = ctx.lex.gazetteer
    for tok in ctx.tokens:
        if tok.flag not in ("ns", "nt") or len(tok.word) < 3 or tok.word in gaz:
            continue
        if tok.word.endswith("政府") and gaz.get(tok.word[:-2]) == "LOC":
            continue  # government_place
        parts = _split_places(tok.word, gaz)
        if parts and len(parts) > 1:
            pos = tok.start
            for part in parts:
                out.append(rule_suggestion(pos, pos + len(part), "LOC", "split_place_chain", 0.8))
                pos += len(part)
    return out


def _split_places(word: str, gaz: dict[str, str]) -> list[str] | None:
    """``word`` as a sequence of gazetteer places (longest prefix first), or None."""
    if not word:
        return []
    for n in range(len(word), 1, -1):
        if gaz.get(word[:n]) == "LOC":
            rest = _split_places(word[n:], gaz)
            if rest is not None:
                return [word[:n], *rest]
    return None


def place_suffix(ctx: Context) -> list[Suggestion]:
    """A person or place name directly followed by a place head word → LOC (高尔基 大街, 中山 路). Not a
    place that ends with that head already: there the head starts the next word (九龙城区 | 区议员)."""
    out: list[Suggestion] = []
    for k, tok in enumerate(ctx.tokens):
        if k == 0 or tok.word not in ctx.lex.place_suffixes.words:
            continue
        prev = ctx.tokens[k - 1]
        if ctx.label_at(k - 1) in ("PER", "LOC") and all_han(prev.word) and not prev.word.endswith(tok.word):
            out.append(rule_suggestion(prev.start, tok.end, "LOC", "place_suffix", 0.8))
    return out


_RELATION_HEADS = (
    "关系", "两国", "双边", "合作", "会谈", "战略", "伙伴", "友好", "边境", "联合", "建交", "贸易", "峰会",
    "首脑", "外长", "领导人", "对话", "协定", "条约", "双方", "三国", "之间", "经贸", "交流", "友谊",
)  # fmt: skip


_SIDE = "方"


_VISIT_VERBS = frozenset("访来赴抵驻在旅留返离援侨")


_VISIT_TAILS = ("大使馆", "大使", "使馆", "使节", "机构", "部队", "期间", "代表", "记者", "外交官")


def _abbreviation_run(ctx: Context, i: int) -> int:
    """How many tokens from ``i`` on are each made only of place abbreviations, two to three chars in all."""
    chars, j = 0, i
    while j < len(ctx.tokens) and all(c in ctx.abbreviations for c in ctx.tokens[j].word):
        chars += len(ctx.tokens[j].word)
        if chars > 3:
            return 0
        j += 1
    return j - i if chars >= 2 else 0


def split_abbreviation_pair(ctx: Context) -> list[Suggestion]:
    """Paired one-character place abbreviations → one LOC each (中美 两国 → 中, 美; 中/f 美/ns 作为;
    中日韩; 中美关系 as one word). The run must be followed by a relation word (关系, 两国, 双方 ...), or be
    a word jieba knows only as a rare place name (ns/j) or a run of single characters jieba tags as places."""
    out: list[Suggestion] = []
    toks = ctx.tokens
    abbreviations = ctx.abbreviations
    for i, tok in enumerate(toks):
        if tok.word[:1] not in abbreviations:
            continue
        n = _abbreviation_run(ctx, i)
        if n:
            run = toks[i : i + n]
            word = "".join(t.word for t in run)
            nxt = toks[i + n].word if i + n < len(toks) else ""
            rare = n == 1 and tok.flag in ("ns", "j") and ctx.freq(word) < 50
            singles = n > 1 and any(t.flag in ("ns", "j") for t in run)
            ok = nxt.startswith(_RELATION_HEADS) or nxt[:1] == _SIDE or rare or singles
            start = tok.start
        else:
            k = 0
            while k < len(tok.word) and tok.word[k] in ctx.abbreviations:
                k += 1
            word = tok.word[:k]
            ok = 2 <= k <= 3 and tok.word[k:].startswith(_RELATION_HEADS)
            start = tok.start
        if not ok or word in ctx.lex.gazetteer or (i > 0 and toks[i - 1].word[-1:] in ctx.abbreviations):
            continue
        for j in range(len(word)):
            out.append(rule_suggestion(start + j, start + j + 1, "LOC", "split_abbreviation_pair", 0.75))
    return out


def side_abbreviation(ctx: Context) -> list[Suggestion]:
    """A place abbreviation + 方 (side) as one word → the abbreviation as LOC (中方, 美方, 越方)."""
    return [
        rule_suggestion(t.start, t.start + 1, "LOC", "side_abbreviation", 0.7)
        for t in ctx.tokens
        if len(t.word) == 2 and t.word[1] == _SIDE and t.word[0] in ctx.abbreviations and t.word[0] != "老"
    ]


def verb_abbreviation(ctx: Context) -> list[Suggestion]:
    """A visit verb fused with a place abbreviation in one jieba word → the abbreviation as LOC
    (访华, 来京, 赴美, 驻港, 驻华大使)."""
    out: list[Suggestion] = []
    for tok in ctx.tokens:
        w = tok.word
        if len(w) < 2 or w[0] not in _VISIT_VERBS or w[1] not in ctx.abbreviations:
            continue
        if w[1] in "老日新加以":  # 来日, 在新, 参加, 所以: ordinary words far more often than visits
            continue
        if len(w) == 2 or w[2:] in _VISIT_TAILS:
            out.append(rule_suggestion(tok.start + 1, tok.start + 2, "LOC", "verb_abbreviation", 0.7))
    return out


def learned_abbreviation(ctx: Context) -> list[Suggestion]:
    """A one-character place the project has confirmed, standing as its own jieba word tagged as an
    abbreviation (港/j, 皖/j) → LOC. Not a lone 美/ns: jieba tags 美 (beautiful) so too. Plain matching
    never propagates single characters."""
    return [
        rule_suggestion(t.start, t.end, "LOC", "learned_abbreviation", 0.7)
        for t in ctx.tokens
        if len(t.word) == 1 and t.word in ctx.learned_abbreviations and t.flag == "j"
    ]


_LIST_MARK = "、"


def learned_abbreviation_run(ctx: Context) -> list[Suggestion]:
    """Place abbreviations the project has confirmed one by one, read together: a word of two or three
    characters each confirmed as a one-character place (巴以 谈判, 奥意 接壤, when 巴, 以, 奥 and 意 are), or
    a list of three or more one-character words between enumeration commas (美、法、英、德), each a place
    abbreviation and two of them confirmed. Why: on the learning curve with LAC, a quarter of the entities
    the development set's second half still missed were such characters, which no source proposed
    (``tests/bench/curve_errors.py``). Not one of MSRA's habits: only a project that tags these characters
    alone confirms them, so in any other the rule stays silent."""
    learned = ctx.learned_abbreviations
    if len(learned) < 2:
        return []
    out: list[Suggestion] = []
    toks = ctx.tokens
    for t in toks:
        w = t.word
        if 2 <= len(w) <= 3 and all(c in learned for c in w) and w not in ctx.lex.gazetteer:
            out.extend(
                rule_suggestion(t.start + j, t.start + j + 1, "LOC", "learned_abbreviation_run", 0.7)
                for j in range(len(w))
            )
    i = 0
    while i < len(toks):
        j = i
        members = []
        while j < len(toks) and len(toks[j].word) == 1 and toks[j].word in ctx.abbreviations:
            members.append(toks[j])
            if j + 1 < len(toks) and toks[j + 1].word == _LIST_MARK:
                j += 2
            else:
                j += 1
                break
        if len(members) >= 3 and sum(m.word in learned for m in members) >= 2:
            out.extend(
                rule_suggestion(m.start, m.end, "LOC", "learned_abbreviation_run", 0.7) for m in members
            )
        i = max(j, i + 1)
    return out


# What MSRA writes after a name for its government (中国政府, 北京市人民政府, 以色列联合政府), longest first.
GOVERNMENT_WORDS = ("人民政府", "联合政府", "自治政府", "地方政府", "临时政府", "军政府", "政府")
_ADMINISTRATIVE = frozenset("省市县区州乡镇")


def governments_as_names(
    text: str,
    found: Sequence[Suggestion],
    others: Sequence[Suggestion] = (),
    *,
    org: str = "ORG",
    loc: str = "LOC",
) -> list[Suggestion]:
    """MSRA's habit of naming a government by its place or its leader, as ``government_place`` does for a
    jieba word, for every source's organisations (the pretrained tagger's, the model's, the merging rules'):
    an ORG ending in 政府 becomes the name before it (韩国政府 → 韩国, 湖北省人民政府 → 湖北省,
    克林顿政府 → 克林顿), labelled as a reading in ``found`` or ``others`` of exactly that span has it, else
    LOC; a bare government (市政府, 县政府) is no entity (``org``, ``loc``: the project's labels for them).
    In train_variant 792 entities stand before 政府 (LOC 717, PER 40, ORG 25) and 10 end with it."""
    labels = {
        (s.start, s.end): s.label for s in (*found, *others) if not text.endswith("政府", s.start, s.end)
    }
    out = []
    for s in found:
        word = next((w for w in GOVERNMENT_WORDS if text.endswith(w, s.start, s.end)), None)
        if s.label != org or word is None:
            out.append(s)
            continue
        end = s.end - len(word)
        if end == s.start or (end == s.start + 1 and text[s.start] in _ADMINISTRATIVE):
            continue
        out.append(replace(s, end=end, label=labels.get((s.start, end), loc)))
    return out
