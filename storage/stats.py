"""Corpus figures for ``newstag stats``: documents, spans by layer, label and status, progress per
annotator."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, func, select

from model.text import pad
from storage.database import Database
from storage.orm import AnnotatorRow, AssignmentRow, DocumentRow, ProgressRow, SpanRow


@dataclass(slots=True)
class CorpusStats:
    documents: int
    characters: int
    spans: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (layer, label, status) -> n
    progress: dict[str, dict[str, float]] = field(default_factory=dict)  # annotator -> state -> n, seconds,
    # done_seconds (spent on the documents now done), assigned
    states: dict[str, int] = field(default_factory=dict)  # document state (the furthest anyone got) -> n

    def render(self) -> str:
        lines = [f"documents: {self.documents:,} ({self.characters:,} characters)"]
        if self.documents:
            lines.append(
                f"documents by state: {self.states.get('done', 0):,} done, "
                f"{self.states.get('in_progress', 0):,} in progress, {self.states.get('new', 0):,} new "
                "(done: by at least one annotator)"
            )
        if self.spans:
            lines.append("spans (layer / label / status: count):")
            for (layer, label, status), n in sorted(self.spans.items()):
                lines.append(f"  {layer:<10} {pad(label, 8)} {status:<9} {n:>9,}")
        else:
            lines.append("spans: none")
        if self.progress:
            lines.append("progress per annotator (done / in progress / time spent):")
            for name, p in sorted(self.progress.items()):
                assigned = int(p.get("assigned", 0))
                lines.append(
                    f"  {pad(name, 20)} {int(p.get('done', 0)):>6} done"
                    f"  {int(p.get('in_progress', 0)):>6} in progress"
                    f"  {p.get('seconds', 0.0) / 60:8.1f} min"
                    + (f"  (of {assigned:,} assigned)" if assigned else "")
                )
        return "\n".join(lines)


def corpus_stats(project: Database) -> CorpusStats:
    with project.session_factory() as s:
        docs, chars = s.execute(
            select(func.count(DocumentRow.id), func.coalesce(func.sum(func.length(DocumentRow.text)), 0))
        ).one()
        stats = CorpusStats(documents=docs, characters=int(chars))
        for layer, label, status, n in s.execute(
            select(SpanRow.layer, SpanRow.label, SpanRow.status, func.count()).group_by(
                SpanRow.layer, SpanRow.label, SpanRow.status
            )
        ):
            stats.spans[(layer, label, status)] = n
        for name, state, n, seconds in s.execute(
            select(AnnotatorRow.name, ProgressRow.state, func.count(), func.sum(ProgressRow.seconds_spent))
            .join(ProgressRow, ProgressRow.annotator_id == AnnotatorRow.id)
            .group_by(AnnotatorRow.name, ProgressRow.state)
        ):
            entry = stats.progress.setdefault(name, {})
            entry[state] = n
            entry["seconds"] = entry.get("seconds", 0.0) + float(seconds or 0)
            if state == "done":  # what the finished documents took, for the time per finished document
                entry["done_seconds"] = float(seconds or 0)
        # someone handed documents who has not opened one yet is listed too, with what they were given
        for name, n in s.execute(
            select(AnnotatorRow.name, func.count())
            .join(AssignmentRow, AssignmentRow.annotator_id == AnnotatorRow.id)
            .group_by(AnnotatorRow.name)
        ):
            stats.progress.setdefault(name, {})["assigned"] = n
        furthest = (
            select(
                func.max(
                    case((ProgressRow.state == "done", 2), (ProgressRow.state == "in_progress", 1), else_=0)
                ).label("furthest")
            )
            .group_by(ProgressRow.document_id)
            .subquery()
        )
        counts: dict[int, int] = dict(
            s.execute(select(furthest.c.furthest, func.count()).group_by(furthest.c.furthest)).all()
        )
        done, started = int(counts.get(2, 0)), int(counts.get(1, 0))
        stats.states = {"done": done, "in_progress": started, "new": docs - done - started}
        return stats
