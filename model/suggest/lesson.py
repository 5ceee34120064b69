"""What one decision taught an engine (``Lesson``), kept so that undoing the decision takes exactly that back.

The window learns from each action as it is saved (``SuggestionEngine.learn``, ``ModelAssistedEngine.learn``):
the project dictionary's counts (the strings decided, and a confirmed string left unmarked elsewhere in the
text counted against), and the combiner's acceptance history over the text's suggestions. An undo hands the
lesson to ``unlearn``, a redo to ``relearn``; the strings the action decided are then set to what the database
holds (``SuggestionService.resync``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Lesson:
    text: str = ""
    # (surface, label, accepted, rejected) added to the project dictionary, in order
    dictionary: list[tuple[str, str, int, int]] = field(default_factory=list)
    history: dict[str, tuple[int, int]] = field(default_factory=dict)  # added to the combiner's history
    # the text's suggestions per source that the history counted (and the engine forgot): put back on an undo
    recent: object = None
    recount: tuple[str, ...] = ()  # strings the action set to what the database holds (``Plan.recount``)
    since: int = 0  # the service's count of history changes when it was taught: documents suggested since
    learned: bool = False  # taught (by ``learn``, or ``relearn``), not taken back (by ``unlearn``)
