"""The document list's order (``project.ordering``): by document (default) or most uncertain first
(``model.active``).

The order is a project setting (``document_order``: ``{"order": "sequential" | "uncertainty"}``). The
uncertainty ranking is computed in the background after each retraining (``refresh_ranking``) for the
documents nobody has finished yet (the first ``RANKED_DOCUMENTS`` of them) and kept in the settings table
(``uncertainty``: the model it was computed with and the document ids, most uncertain first), so every
annotator's window reads the same order without recomputing it. Documents outside the ranking follow it in
document order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import not_, select

from model.spans import DocState, DocumentId
from storage.database import Database
from storage.documents import DocumentStore
from storage.orm import DocumentRow, ProgressRow
from storage.settings import Settings

if TYPE_CHECKING:
    from storage.suggestions import SuggestionService

logger = logging.getLogger(__name__)

ORDER_KEY = "document_order"
RANKING_KEY = "uncertainty"
ORDERS = ("sequential", "uncertainty")
RANKED_DOCUMENTS = 2000  # unfinished documents scored per refresh (about 0.1 s each with a model)


class Ordering:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._settings = Settings(db)
        self._documents = DocumentStore(db)

    def document_order(self) -> str:
        order = self._settings.get(ORDER_KEY).get("order", "sequential")
        return order if order in ORDERS else "sequential"

    def set_document_order(self, order: str) -> None:
        if order not in ORDERS:
            raise ValueError(f"unknown document order {order!r} (sequential or uncertainty)")
        self._settings.set(ORDER_KEY, {"order": order})

    def ranking(self) -> list[DocumentId]:
        """The stored uncertainty ranking (most uncertain first); empty when none was computed."""
        return [DocumentId(int(i)) for i in self._settings.get(RANKING_KEY).get("documents", [])]

    def listing_order(self) -> list[DocumentId]:
        """The ranking the document list follows: the stored one when the order is ``uncertainty``, else
        none."""
        return self.ranking() if self.document_order() == "uncertainty" else []

    def refresh_ranking(
        self, service: SuggestionService, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Score the unfinished documents with the service's engine and store the ranking; returns how many
        were ranked. Slow (it suggests for every document): run it off the UI thread."""
        done = select(ProgressRow.document_id).where(ProgressRow.state == str(DocState.DONE))
        with self._db.session_factory() as s:
            ids = [
                DocumentId(i)
                for i in s.scalars(
                    select(DocumentRow.id)
                    .where(not_(DocumentRow.id.in_(done)))
                    .order_by(DocumentRow.id)
                    .limit(RANKED_DOCUMENTS)
                )
            ]
        scores: dict[DocumentId, float] = {}
        for first in range(0, len(ids), 100):
            chunk = ids[first : first + 100]
            found = service.uncertainties(dict(self._documents.texts(chunk)))
            if found is None:  # the rules alone: nothing to be unsure with
                return 0
            scores.update(found)
            if progress is not None:
                progress(min(first + 100, len(ids)), len(ids))
        ranked = sorted(scores, key=lambda i: -scores[i])  # stable: ties keep document order
        self._settings.set(
            RANKING_KEY,
            {
                "model_id": service.model_id,
                "computed_at": datetime.now(UTC).isoformat(),
                "documents": [int(i) for i in ranked],
            },
        )
        logger.info("ranked %d unfinished documents by uncertainty", len(ranked))
        return len(ranked)
