"""The suggestion engine: jieba, repair rules, the gazetteer and the project dictionary, resolved into one
sorted list of non-overlapping suggestions.

Pipeline for one text:

1. full-width ASCII is mapped to half-width, one character for one (offsets stay valid);
2. a private jieba POS tokenizer (with the gazetteer's and the project's words added) cuts the text;
3. base entities: jieba's name tags, filtered (``jieba_tags``), and gazetteer matches on word boundaries;
   the project's confirmed strings on word boundaries (PROPAGATED) also become anchors;
4. the repair rules (``rules.TOKEN_RULES``) add candidates: merges, splits, abbreviations, 《》 titles;
   so does the in-word memory (``in_word``): a character the team confirmed inside the same jieba word;
5. candidates mapped out of the project's label set or mostly rejected by the team are dropped; the rest
   are resolved (below); Latin aliases in brackets after a chosen entity, and the short names of the
   companies and clubs chosen under their full names (``organisations.short_names``), are added last.

Resolution is greedy over candidates sorted by tier, then length, then score:

* tier 2: the project dictionary (what annotators confirmed) and the merging rules (surname + given name,
  transliterated names, place + organisation head, name + place head);
* tier 1: the bundled gazetteer and the other rules (abbreviation pairs, 《》 titles);
* tier 0: jieba's own tags.

So a confirmed string beats jieba's mistaken longer word (邓小平 over 邓小平理论), a merged organisation beats
its place (越南外交部 over 越南), and the gazetteer relabels jieba (马拉维: LOC, not PER). Any candidate whose
``(surface, label)`` the project dictionary has mostly rejected is dropped before resolution.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import cast

from model.spans import Entity, Origin
from model.suggest import lexicons, rules
from model.suggest.dictionary import Matcher, ProjectDictionary
from model.suggest.in_word import InWordMemory, StoredSpan
from model.suggest.lesson import Lesson
from model.suggest.suggestion import Suggestion
from model.suggest.tokenizer import JiebaTokenizer, Token, to_half_width

logger = logging.getLogger(__name__)

ENGINE_LABELS = ("PER", "LOC", "ORG", "MISC")
_JIEBA_TAG = {"PER": "nr", "LOC": "ns", "ORG": "nt"}
_TOP_TIER_RULES = frozenset(
    {
        "merge_surname_given",
        "join_transliterated",
        "merge_place_org",
        "place_facility",
        "state_body",
        "place_suffix",
        "ordinal_org",
    }
)


def _tier(s: Suggestion) -> int:
    if s.origin is Origin.PROPAGATED or (s.origin is Origin.RULE and s.detail in _TOP_TIER_RULES):
        return 2
    return 0 if s.origin is Origin.JIEBA else 1


def resolve(candidates: Iterable[Suggestion]) -> list[Suggestion]:
    """Greedy non-overlapping selection (see the module docstring), returned sorted by start."""
    ranked = sorted(candidates, key=lambda s: (-_tier(s), -(s.end - s.start), -s.score, s.start))
    taken = bytearray()
    chosen: list[Suggestion] = []
    for s in ranked:
        if len(taken) < s.end:
            taken.extend(b"\0" * (s.end - len(taken)))
        if any(taken[s.start : s.end]):
            continue
        taken[s.start : s.end] = b"\1" * (s.end - s.start)
        chosen.append(s)
    chosen.sort(key=lambda s: s.start)
    return chosen


class SuggestionEngine:
    """Suggests entities for a text. Cheap to construct; jieba loads on ``warm_up()`` or the first call.

    ``label_map`` maps engine labels (PER/LOC/ORG/MISC) to project labels; a label mapped to None, or to a
    label outside ``labels``, is never suggested. Labels absent from the map are kept as they are.
    ``conventions``: ``msra`` runs MSRA's habits (``rules.MSRA_HABITS``), ``general`` those of news in general
    (``rules.GENERAL_HABITS``) instead.
    """

    def __init__(
        self,
        *,
        project_dictionary: ProjectDictionary | None = None,
        label_map: Mapping[str, str | None] | None = None,
        labels: Collection[str] = ENGINE_LABELS,
        conventions: str = "msra",
    ) -> None:
        self.set_conventions(conventions)
        self.project_dictionary = (
            project_dictionary if project_dictionary is not None else ProjectDictionary()
        )
        self._labels = frozenset(labels)
        self._label_map = dict(label_map or {})
        self._tokenizer = JiebaTokenizer()
        self._lock = threading.RLock()
        self._gazetteer: Matcher | None = None
        self._project: Matcher | None = None
        self._project_version = -1
        self._added_to_jieba: set[str] = set()
        self._abbreviations: frozenset[str] = frozenset()
        self._last_cut: tuple[str, list[Token]] = ("", [])  # the words of the text suggested last
        self._learned_names: dict[str, str] = {}
        self.in_word = InWordMemory()  # entities confirmed inside a longer jieba word (台 in 台商)
        self._engine_labels: dict[str, str] = {}  # project label → engine label, for the rules
        for engine_label in reversed(ENGINE_LABELS):
            project = self.project_label(engine_label)
            if project is not None:
                self._engine_labels[project] = engine_label

    # -- set-up -------------------------------------------------------------------------------------------

    def set_conventions(self, conventions: str) -> None:
        """Run MSRA's habits (``msra``) or those of news in general (``general``) from the next ``suggest``
        on."""
        if conventions not in rules.CONVENTIONS:
            raise ValueError(f"unknown conventions {conventions!r} (msra or general)")
        self.conventions = conventions
        self._rules = rules.rules_for(conventions)

    def project_label(self, engine_label: str) -> str | None:
        label = self._label_map.get(engine_label, engine_label)
        return label if label in self._labels else None

    def warm_up(self) -> None:
        """Load jieba, the lexicons and the matchers. Safe to call from a worker thread; idempotent.
        (One engine serves one thread at a time: ``suggest`` and ``learn`` must not run concurrently.)"""
        with self._lock:
            lex = lexicons.load()
            if self._gazetteer is None:
                self._gazetteer = Matcher((s, lab) for s, lab in lex.gazetteer.items())
                self._tokenizer.add_words((s, _JIEBA_TAG.get(lab)) for s, lab in lex.gazetteer.items())
            self._tokenizer.load()
            self._sync_project()

    def _sync_project(self) -> None:
        if self._project_version == self.project_dictionary.version:
            return
        loc = self.project_label("LOC")
        self._abbreviations = frozenset(s for s, lab in self.project_dictionary.abbreviations() if lab == loc)
        entries = list(self.project_dictionary.propagated())
        self._learned_names = {
            s: self._engine_labels[lab] for s, lab, _ in entries if lab in self._engine_labels
        }
        self._project = Matcher((s, (lab, rate)) for s, lab, rate in entries)
        new_words = [(s, _JIEBA_TAG.get(lab)) for s, lab, _ in entries if s not in self._added_to_jieba]
        self._tokenizer.add_words(new_words)
        self._added_to_jieba.update(s for s, _ in new_words)
        # a word nobody confirms any more (the confirmation was undone) leaves jieba's dictionary again
        stale = [s for s in self._added_to_jieba if not self.project_dictionary.confirmed(s)]
        if stale:
            self._tokenizer.remove_words(stale)
            self._added_to_jieba.difference_update(stale)
        self._project_version = self.project_dictionary.version

    @property
    def pos_hmm(self) -> bool:
        """Whether jieba guesses unknown words' parts of speech (``JiebaTokenizer.pos_hmm``): on alone, off
        beside a pretrained tagger (``model.crf.ModelAssistedEngine`` turns it off)."""
        return self._tokenizer.pos_hmm

    @pos_hmm.setter
    def pos_hmm(self, on: bool) -> None:
        self._tokenizer.pos_hmm = on

    def _freq(self, word: str) -> int:
        return int(self._tokenizer._tokenizer.FREQ.get(word) or 0)

    def tokens(self, text: str) -> list[Token]:
        """The engine's jieba words for ``text`` (half-width normalised; offsets into ``text`` as given)."""
        self.warm_up()
        return self._tokenizer.tokens(to_half_width(text))

    # -- suggesting ---------------------------------------------------------------------------------------

    def suggest_many(self, texts: Sequence[str]) -> list[list[Suggestion]]:
        """``suggest`` for each text (the model-assisted engine runs its pretrained tagger beside this)."""
        return [self.suggest(text) for text in texts]

    def suggest(self, text: str) -> list[Suggestion]:
        """Sorted, non-overlapping suggestions with offsets into ``text`` exactly as given."""
        if not text:
            return []
        self.warm_up()
        norm = to_half_width(text)
        lex = lexicons.load()
        tokens = rules.join_persons_names(
            rules.split_conjunctions(norm, self._tokenizer.tokens(norm), lex), lex
        )
        self._last_cut = (norm, tokens)
        ctx = rules.Context(
            norm,
            tokens,
            lex,
            self._freq,
            learned_abbreviations=self._abbreviations,
            learned_names=self._learned_names,
        )
        candidates = self._base_entities(ctx)
        propagated = self._propagated(norm, tokens)
        self._anchor_propagated(ctx, propagated)
        for rule in self._rules:
            candidates.extend(rule(ctx))
        candidates.extend(propagated)
        candidates.extend(self._in_word(tokens))
        chosen = resolve(self.admissible(norm, candidates))
        aliases = self.admissible(norm, [*rules.bracket_alias(norm, chosen), *rules.short_names(ctx, chosen)])
        if aliases:
            chosen = resolve([*chosen, *aliases])
        return chosen

    def short_names(self, text: str, organisations: Sequence[Suggestion]) -> list[Suggestion]:
        """The short names in ``text`` (``rules.short_names``) of ``organisations`` that another source found
        under their full names (a pretrained tagger's 蔚来汽车 … 蔚来), admissible in this project."""
        norm = to_half_width(text)
        cut_text, tokens = (
            self._last_cut
        )  # the text just suggested (ModelAssistedEngine.suggest): not cut again
        ctx = rules.Context(
            norm, tokens if cut_text == norm else self.tokens(norm), lexicons.load(), self._freq
        )
        return self.admissible(norm, rules.short_names(ctx, list(organisations)))

    def _base_entities(self, ctx: rules.Context) -> list[Suggestion]:
        """jieba's filtered tags and the gazetteer's token-aligned matches; single-token ones go into
        ``ctx.base`` for the merging rules, the gazetteer's winning over jieba's."""
        by_start = {t.start: i for i, t in enumerate(ctx.tokens)}
        ends = {t.end for t in ctx.tokens}
        found = rules.jieba_entities(ctx)
        assert self._gazetteer is not None
        for start, end, label in self._gazetteer.find(ctx.text):
            if start in by_start and end in ends:
                surface = ctx.text[start:end]
                if rules.a_department(ctx.tokens, by_start[start], surface):
                    continue  # 公司 商务部: a company's department, not the ministry
                reading = rules.company_reading(ctx.tokens, by_start[start], ctx.lex)
                if reading != rules.ORG:  # 丰田 章一郎, 网上 淘宝: not the company; 他 叫 高通: a person
                    if reading is not None:
                        found.append(rules.rule_suggestion(start, end, reading, "named_person", 0.8))
                    continue
                name = ctx.lex.sources.get(surface)
                found.append(Suggestion(start, end, str(label), Origin.DICTIONARY, name, 0.9))
        for s in found:  # jieba first, so the gazetteer overwrites it
            i = by_start.get(s.start)
            if i is not None and ctx.tokens[i].end == s.end:
                ctx.base[i] = s
        return found

    def _propagated(self, text: str, tokens: list[Token]) -> list[Suggestion]:
        """Confirmed project strings standing on jieba word boundaries (already in project labels)."""
        if self._project is None or not self._project.size:
            return []
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        out = []
        for start, end, payload in self._project.find(text):
            if start in starts and end in ends:
                label, rate = cast(tuple[str, float], payload)
                out.append(Suggestion(start, end, label, Origin.PROPAGATED, "project", 0.5 + 0.45 * rate))
        return out

    def _in_word(self, tokens: list[Token]) -> list[Suggestion]:
        """What the team confirmed inside these jieba words before (``in_word``), in engine labels."""
        out = []
        for s in self.in_word.entities(tokens):
            label = self._engine_labels.get(s.label)
            if label is not None:
                out.append(Suggestion(s.start, s.end, label, s.origin, s.detail, s.score))
        return out

    def remember_in_word(
        self, text: str, accepted: Iterable[Entity], rejected: Iterable[Entity] = ()
    ) -> None:
        """Count a finished text's decisions in the in-word memory, with the jieba words as the engine cuts
        ``text`` now: what ``learn`` does, and what rebuilds the memory from stored documents."""
        self.warm_up()
        self.in_word.remember(self._tokenizer.tokens(to_half_width(text)), accepted, rejected)

    def recall_in_word(self, spans: Iterable[StoredSpan], forget: Iterable[str] = ()) -> None:
        """Rebuild the in-word memory from stored decisions on single characters (``in_word.StoredSpan``):
        the parts that are one of ``forget`` are dropped first (all of them when ``forget`` is empty)."""
        self.warm_up()
        forget = set(forget)
        if forget:
            self.in_word.forget(forget)
        else:
            self.in_word = InWordMemory()
        # each text cut once (the annotators' and the gold layer's decisions on one character share the text
        # around it), and only the words of the text at hand kept: the decisions come grouped by their text
        last: str | None = None
        tokens: list[Token] = []
        for context, offset, label, accepted in sorted(spans, key=lambda span: span[0]):
            e = Entity(offset, offset + 1, label)
            if context != last:
                last, tokens = context, self._tokenizer.tokens(to_half_width(context))
            self.in_word.remember(tokens, [e] if accepted else [], [] if accepted else [e])

    def _anchor_propagated(self, ctx: rules.Context, propagated: list[Suggestion]) -> None:
        """Let the merging rules anchor on confirmed single-word entities too (闻韶 + 派出所 → ORG)."""
        by_start = {t.start: i for i, t in enumerate(ctx.tokens)}
        for s in propagated:
            i = by_start.get(s.start)
            label = self._engine_labels.get(s.label)
            if i is not None and label is not None and ctx.tokens[i].end == s.end:
                ctx.base[i] = Suggestion(s.start, s.end, label, s.origin, s.detail, s.score)

    def admissible(self, text: str, candidates: Iterable[Suggestion]) -> list[Suggestion]:
        """Candidates in project labels, minus those mapped away and those the team has rejected (``text``
        half-width; engine labels are mapped to project labels, PROPAGATED ones are project labels)."""
        out = []
        pd = self.project_dictionary
        for s in candidates:
            label = s.label if s.origin is Origin.PROPAGATED else self.project_label(s.label)
            if label is None or pd.suppresses(text[s.start : s.end], label):
                continue
            if label != s.label:
                s = Suggestion(s.start, s.end, label, s.origin, s.detail, s.score)
            out.append(s)
        return out

    # -- learning -----------------------------------------------------------------------------------------

    def learn(
        self,
        text: str,
        accepted: Iterable[Entity],
        rejected: Iterable[Entity] = (),
        lesson: Lesson | None = None,
    ) -> None:
        """``_learn``; with ``lesson``, what it changed in the project dictionary is recorded there."""
        pd = self.project_dictionary
        pd.journal = [] if lesson is not None else None
        try:
            self._learn(text, accepted, rejected)
        finally:
            if lesson is not None and pd.journal is not None:
                lesson.dictionary.extend(pd.journal)
            pd.journal = None

    def unlearn(self, lesson: Lesson, sign: int = -1) -> None:
        """Take back the project dictionary's counts ``learn`` added for ``lesson`` (an undo)."""
        for surface, label, accepted, rejected in lesson.dictionary:
            self.project_dictionary.add_counts(surface, label, sign * accepted, sign * rejected)

    def relearn(self, lesson: Lesson) -> None:
        """Add ``lesson``'s counts again (a redo)."""
        self.unlearn(lesson, sign=1)

    def _learn(self, text: str, accepted: Iterable[Entity], rejected: Iterable[Entity] = ()) -> None:
        """Record a finished document: ``accepted`` are its final entities (project labels), ``rejected`` the
        suggestions the annotator turned down. Surfaces are stored in half-width form (ＡＢＣ → ABC).
        A rejection whose span overlaps a different accepted span was a boundary fix and is not held against
        the string. A confirmed string left unmarked elsewhere in the same text
        (on word boundaries, outside every accepted entity) counts as rejected there too."""
        norm = to_half_width(text)  # surfaces are stored half-width, as they are matched
        accepted = list(accepted)
        rejected = list(rejected)
        self.remember_in_word(norm, accepted, rejected)  # words cut as suggest cut them, before this learning
        pd = self.project_dictionary
        for e in accepted:
            pd.confirm(norm[e.start : e.end], e.label)
        explicit = {(e.start, e.end, e.label) for e in rejected}
        spans = {(e.start, e.end) for e in accepted}
        for e in rejected:
            # A rejection that only fixed boundaries (the span overlaps a different accepted span: 希腊 inside
            # 希腊共产党) says nothing against the string; a relabel (same span) or a plain rejection does.
            if (e.start, e.end) in spans or not any(e.overlaps(a) for a in accepted):
                pd.reject(norm[e.start : e.end], e.label)
        self._implicit_rejections(norm, accepted, explicit)

    def _implicit_rejections(
        self, text: str, accepted: list[Entity], explicit: set[tuple[int, int, str]]
    ) -> None:
        entries = {(text[e.start : e.end], e.label) for e in accepted if e.end - e.start >= 2}
        entries.update((s, lab) for s, lab, _ in self.project_dictionary.propagated())
        if not entries:
            return
        self.warm_up()
        tokens = self._tokenizer.tokens(text)
        starts = {t.start for t in tokens}
        ends = {t.end for t in tokens}
        covered = bytearray(len(text))
        for e in accepted:
            covered[e.start : e.end] = b"\1" * (e.end - e.start)
        matcher = Matcher(entries)
        for start, end, label in matcher.find(text):
            if start not in starts or end not in ends or any(covered[start:end]):
                continue
            if (start, end, label) not in explicit:
                self.project_dictionary.reject(text[start:end], str(label))
