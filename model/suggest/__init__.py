"""Entity suggestions for Chinese news: jieba plus repair rules, a gazetteer and the project's own memory.

Importing this package does not load jieba's dictionary; that happens on ``SuggestionEngine.warm_up()``
or the first ``suggest()``.
"""

from model.suggest.dictionary import ProjectDictionary
from model.suggest.engine import ENGINE_LABELS, SuggestionEngine
from model.suggest.suggestion import Suggestion

__all__ = ["ENGINE_LABELS", "ProjectDictionary", "Suggestion", "SuggestionEngine"]
