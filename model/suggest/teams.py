"""Teams named in one jieba word with their team word (葡萄牙队/n, 广州 太阳神队/n): news tags a team as an
organisation, and jieba tags many of them as common nouns (its ``nt`` ones, 中国队, are jieba's own tags)."""

from __future__ import annotations

from model.suggest.context import Context, all_han, rule_suggestion
from model.suggest.organisations import place_word
from model.suggest.suggestion import Suggestion

_TEAM = "队"
# Teams of the armed forces, which a place before them does not make a club (边防部队, 人民军队).
_FORCES = ("部队", "军队")
_RARE = 50  # jieba dictionary frequency below which a word ending in 队 is a name, not a kind of team
# A country's or city's squads (印尼 女队, 马来西亚 男队, 智利 国家队): in MSRA's training part the place and
# the squad are one organisation 145 times in 145.
_SQUADS = frozenset({"女队", "男队", "国家队", "青年队", "少年队", "国奥队"})
# What a kind of team does or is (上海 巡逻队, 北京 腰鼓队, 中国 科考队), which jieba's dictionary may
# hardly know as one word with 队: no club's name; nor is a word jieba knows this often (江苏 运输队,
# 上海 工程队; a club's name may be a word: 深圳 平安队, 平安 1,438).
_KINDS = frozenset(
    {
        "巡逻",
        "腰鼓",
        "锣鼓",
        "秧歌",
        "龙舟",
        "科考",
        "考察",
        "勘探",
        "测绘",
        "救援",
        "搜救",
        "抢险",
        "打捞",
        "施工",
    }
    | {"巡防", "护卫", "维和", "志愿", "宣传", "演出", "文工", "军乐", "执法", "安保", "护林", "防疫", "探险"}
)
_COMMON_STEM = 3000


def _rare_team(ctx: Context, w: str) -> bool:
    stem = w[: -len(_TEAM)]
    return len(w) > 2 and ctx.freq(w) < _RARE and stem not in _KINDS and ctx.freq(stem) < _COMMON_STEM


def team_word(ctx: Context) -> list[Suggestion]:
    """A word of a place and 队 (葡萄牙队/n, 智利队/n, 伊朗队/nz) → ORG; a place and a word ending in 队
    that jieba hardly knows (广州 太阳神队/n, 深圳 平安队, 广东 宏远队) or a squad (印尼 女队, 智利 国家队)
    → one ORG. Not a kind of team
    (突击队, 医疗队, 足球队: common words; 巡逻队, 科考队, 运输队: what the team does) nor a force
    (边防部队). In MSRA's training part words of these
    two kinds are the organisation every time (葡萄牙队 8 of 8; 平安队, 万达队, 太阳神队 after their city
    14 of 14)."""
    out: list[Suggestion] = []
    gaz = ctx.lex.gazetteer
    for i, tok in enumerate(ctx.tokens):
        w = tok.word
        if len(w) < 2 or not w.endswith(_TEAM) or not all_han(w) or w.endswith(_FORCES):
            continue
        if len(w) > 2 and gaz.get(w[: -len(_TEAM)]) == "LOC":
            out.append(rule_suggestion(tok.start, tok.end, "ORG", "team_word", 0.8))
        elif i and (w in _SQUADS or _rare_team(ctx, w)) and place_word(ctx, i - 1):
            out.append(rule_suggestion(ctx.tokens[i - 1].start, tok.end, "ORG", "team_word", 0.8))
    return out
