"""Team work (``project.team``): the annotators, assigning documents to annotators with overlap, and reading
layers for agreement figures."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from model.agreement import AgreementReport, agreement
from model.reasons import Reason, ReasonKind
from model.roles import Permission, check, last_lead_problem
from model.spans import Annotator, AnnotatorId, DocState, Entity, Layer, Role, Status
from storage.database import Database
from storage.founder import Actor, Founder, acting, found_lead, hold_people, nobody_yet
from storage.orm import AnnotatorRow, AssignmentRow, DocumentRow, EventRow, LabelRow, ProgressRow, SpanRow

NAME_LIMIT = 200  # characters in a person's name: the annotators.name column


class TeamError(ValueError):
    """A team operation that cannot be done as asked; the message says why. ``refusal``: the same as a kind
    and its values (``model.reasons``) where the window words it, else None."""

    def __init__(self, message: str | Reason) -> None:
        self.refusal = message if isinstance(message, Reason) else None
        super().__init__(str(message))


@dataclass(frozen=True, slots=True)
class AssignmentSummary:
    documents: int
    doubly_annotated: int
    per_annotator: dict[str, int]


def _assign(
    project: Database,
    annotators: list[str],
    overlap: float = 0.0,
    *,
    only_unassigned: bool = True,
    seed: int = 0,
    by: Actor = None,
) -> AssignmentSummary:
    """Hand documents to ``annotators``: a share ``overlap`` of them to two annotators (for agreement), the
    rest to one, balancing the load. Documents already assigned are left as they are (``only_unassigned``).
    Everyone named must be in the project already, unless it has nobody yet; then ``by``, a ``Founder``, is
    made its lead first (and the others annotators), in the same transaction."""
    names = list(dict.fromkeys(n.strip() for n in annotators if n.strip()))
    if not names:
        raise TeamError(Reason.of(ReasonKind.ASSIGN_NOBODY))
    if not 0.0 <= overlap <= 1.0:
        raise TeamError(Reason.of(ReasonKind.OVERLAP_RANGE, overlap=overlap))
    if overlap > 0 and len(names) < 2:
        raise TeamError(Reason.of(ReasonKind.OVERLAP_NEEDS_TWO))
    with project.transaction() as s:
        hold_people(s)  # the people read here are the project's until this commits: it may add the first
        known = set(s.scalars(select(AnnotatorRow.name)))
        if known and (unknown := [n for n in names if n not in known]):  # a typo would add someone silently
            raise TeamError(Reason.of(ReasonKind.NO_ANNOTATOR, names=", ".join(unknown)))
        acting(s, by)  # a lead's --as on a project with nobody yet: its lead, in this transaction
        rows_by_name = {r.name: r for r in s.scalars(select(AnnotatorRow))}
        for n in names:  # a project with nobody yet gets its people here (the first is its lead)
            if n not in rows_by_name:
                role = Role.ANNOTATOR if rows_by_name else Role.LEAD
                rows_by_name[n] = AnnotatorRow(name=_checked_name(n), role=str(role))
                s.add(rows_by_name[n])
        s.flush()
        people = {n: _person(rows_by_name[n]) for n in names}
        query = select(DocumentRow.id).order_by(DocumentRow.id)
        if only_unassigned:
            query = query.where(DocumentRow.id.not_in(select(AssignmentRow.document_id)))
        docs = list(s.scalars(query))
        # with ``only_unassigned`` off, a document may be someone's already: never theirs twice (it was a
        # duplicate key, and an unexpected error instead of an assignment)
        holders = {n: people[n].id for n in names}
        has: set[tuple[int, int]] = set()
        if not only_unassigned:
            query_has = select(AssignmentRow.document_id, AssignmentRow.annotator_id).where(
                AssignmentRow.annotator_id.in_(holders.values())
            )
            has = {(doc, who) for doc, who in s.execute(query_has)}
        rng = random.Random(seed)
        rng.shuffle(docs)
        doubled = round(len(docs) * overlap)
        load: Counter[str] = Counter({n: 0 for n in names})
        rows = []
        given = twice = 0
        for i, doc in enumerate(docs):
            wanted = 2 if i < doubled else 1
            free = [n for n in names if (doc, holders[n]) not in has]
            chosen = sorted(free, key=lambda n: (load[n], rng.random()))[:wanted]
            for name in chosen:
                load[name] += 1
                rows.append({"document_id": doc, "annotator_id": holders[name]})
            given += bool(chosen)
            twice += len(chosen) == 2
        if rows:
            s.execute(insert(AssignmentRow), rows)
    return AssignmentSummary(given, twice, dict(load))


def _assigned_counts(project: Database) -> dict[str, int]:
    with project.session_factory() as s:
        rows = s.execute(
            select(AnnotatorRow.name, func.count())
            .join(AssignmentRow, AssignmentRow.annotator_id == AnnotatorRow.id)
            .group_by(AnnotatorRow.name)
        )
        return dict(rows.all())


def _load_layers(
    project: Database,
    annotators: list[str] | None = None,
    done_only: bool = True,
    document: int | None = None,
) -> tuple[dict[str, dict[int, set[Entity]]], dict[int, int]]:
    """Each annotator's accepted spans per document (documents they marked done, unless ``done_only`` is off:
    then every document they touched), and the lengths of those documents; only ``document``'s if given."""
    with project.session_factory() as s:
        people = dict(s.execute(select(AnnotatorRow.name, AnnotatorRow.id)).all())
        names = annotators if annotators is not None else sorted(people)
        unknown = [n for n in names if n not in people]
        if unknown:
            raise TeamError(Reason.of(ReasonKind.NO_ANNOTATOR, names=", ".join(unknown)))
        layers: dict[str, dict[int, set[Entity]]] = {}
        for name in names:
            states = [str(DocState.DONE)] if done_only else [str(DocState.DONE), str(DocState.IN_PROGRESS)]
            progress = select(ProgressRow.document_id).where(
                ProgressRow.annotator_id == people[name], ProgressRow.state.in_(states)
            )
            accepted = select(SpanRow.document_id, SpanRow.start, SpanRow.end, SpanRow.label).where(
                SpanRow.layer == str(Layer.ANNOTATOR),
                SpanRow.annotator_id == people[name],
                SpanRow.status == str(Status.ACCEPTED),
            )
            if document is not None:
                progress = progress.where(ProgressRow.document_id == document)
                accepted = accepted.where(SpanRow.document_id == document)
            layer: dict[int, set[Entity]] = {d: set() for d in s.scalars(progress)}
            for doc, a, b, label in s.execute(accepted):
                if doc in layer:
                    layer[doc].add(Entity(a, b, label))
            layers[name] = layer
        doc_ids = {d for layer in layers.values() for d in layer}
        lengths: dict[int, int] = (
            dict(
                s.execute(
                    select(DocumentRow.id, func.length(DocumentRow.text)).where(DocumentRow.id.in_(doc_ids))
                ).all()
            )
            if doc_ids
            else {}
        )
    return layers, lengths


def _project_agreement(
    project: Database, annotators: list[str] | None = None, label: str | None = None, done_only: bool = True
) -> AgreementReport:
    if label is not None:  # a typo would compare nothing and report perfect agreement
        with project.session_factory() as s:
            if s.scalar(select(LabelRow.name).where(LabelRow.name == label)) is None:
                raise TeamError(Reason.of(ReasonKind.LABEL_UNKNOWN, name=label))
    layers, lengths = _load_layers(project, annotators, done_only)
    names = annotators if annotators is not None else [n for n, docs in layers.items() if docs]
    return agreement(layers, lengths, names, label)


def _layer_entities(
    project: Database, annotator: str | None = None
) -> tuple[dict[int, str], dict[int, list[Entity]]]:
    """Texts and accepted spans of one layer: an annotator's (documents they touched) or, with no
    annotator, the gold layer (documents that have any gold span)."""
    with project.session_factory() as s:
        query = select(SpanRow.document_id, SpanRow.start, SpanRow.end, SpanRow.label).where(
            SpanRow.status == str(Status.ACCEPTED)
        )
        if annotator is None:
            query = query.where(SpanRow.layer == str(Layer.GOLD))
            docs_query = select(SpanRow.document_id).where(SpanRow.layer == str(Layer.GOLD)).distinct()
        else:
            person = s.scalar(select(AnnotatorRow.id).where(AnnotatorRow.name == annotator))
            if person is None:
                raise TeamError(Reason.of(ReasonKind.NO_ANNOTATOR, names=annotator))
            query = query.where(SpanRow.layer == str(Layer.ANNOTATOR), SpanRow.annotator_id == person)
            docs_query = select(ProgressRow.document_id).where(  # documents only read are not theirs yet
                ProgressRow.annotator_id == person, ProgressRow.state != str(DocState.NEW)
            )
        doc_ids = set(s.scalars(docs_query))
        spans: dict[int, list[Entity]] = {d: [] for d in doc_ids}
        for doc, a, b, label in s.execute(query):
            spans.setdefault(doc, []).append(Entity(a, b, label))
        texts = dict(
            s.execute(select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(spans))).all()
        )
    return texts, spans


def _annotator(
    project: Database,
    name: str,
    role: Role = Role.ANNOTATOR,
    *,
    log: bool = False,
    by: AnnotatorId | None = None,
) -> Annotator:
    """The person called ``name``, made with ``role`` if new; the first person of a project is its lead.
    A person added on purpose (``log``, ``by`` whom: None before the project has anyone) is logged in the
    same transaction (``annotator_add``); one made by opening the window under a new name is not."""
    name = _checked_name(name, comma=False)
    with project.session_factory() as s:  # known already: no write (and no wait for the integrity check)
        known = s.scalar(select(AnnotatorRow).where(AnnotatorRow.name == name))
        if known is not None:
            return _person(known)
    name = _checked_name(name)
    with project.transaction() as s:
        first = nobody_yet(s)  # another window or command adding someone waits for this one (hold_people)
        row = None if first else s.scalar(select(AnnotatorRow).where(AnnotatorRow.name == name))
        if row is None:
            row = AnnotatorRow(name=name, role=str(Role.LEAD if first else role))
            s.add(row)
            s.flush()
            if log:
                _log(s, by, "annotator_add", {"name": row.name, "role": row.role, "asked": str(role)})
        return _person(row)


def _checked_name(name: str, comma: bool = True) -> str:
    """``name`` stripped, if a person may have it: ValueError or TeamError otherwise."""
    name = name.strip()
    if not name:
        raise ValueError("an annotator needs a name")
    if len(name) > NAME_LIMIT:  # PostgreSQL refuses a longer one, SQLite would store it
        raise TeamError(
            Reason.of(ReasonKind.PERSON_NAME_TOO_LONG, name=name[:20], length=len(name), limit=NAME_LIMIT)
        )
    if comma and ("," in name or "，" in name):  # every list of names (assign --annotators a,b; agreement;
        # the dialogs) splits at commas, the full-width one of a Chinese input method too
        raise TeamError(Reason.of(ReasonKind.PERSON_NAME_COMMA, name=name))
    return name


def _found(project: Database, lead: str, name: str, role: Role) -> tuple[Annotator, Annotator] | None:
    """A project with nobody in it yet: ``lead`` (who set it up) its lead and ``name`` given ``role``, in one
    transaction, both logged; None (nothing written) once the project has anyone."""
    lead, name = _checked_name(lead), _checked_name(name)
    with project.transaction() as s:
        first = found_lead(s, lead)
        if first is None:
            return None
        row = AnnotatorRow(name=name, role=str(role))
        s.add(row)
        s.flush()
        _log(
            s,
            AnnotatorId(first.id),
            "annotator_add",
            {"name": row.name, "role": row.role, "asked": str(role)},
        )
        return _person(first), _person(row)


def _log(s: Session, by: AnnotatorId | None, action: str, payload: dict[str, str]) -> None:
    """One row of the event log for a change of the team, in the change's transaction."""
    s.add(EventRow(annotator_id=by, document_id=None, action=action, payload=payload))
    s.flush()


def _person(row: AnnotatorRow) -> Annotator:
    return Annotator(AnnotatorId(row.id), row.name, Role(row.role))


def _set_role(project: Database, name: str, role: Role, by: AnnotatorId | None = None) -> Annotator:
    """``name`` given ``role``, logged with who gave it (``role_set``); nothing is written when it is their
    role already."""
    with project.transaction() as s:
        rows = list(s.scalars(select(AnnotatorRow).with_for_update()))
        row = next((r for r in rows if r.name == name), None)
        if row is None:
            raise TeamError(Reason.of(ReasonKind.NO_SUCH_PERSON, name=name))
        if last_lead_problem([_person(r) for r in rows], name, role):
            raise TeamError(Reason.of(ReasonKind.ONLY_LEAD, name=name))
        if row.role != str(role):
            _log(s, by, "role_set", {"name": row.name, "role": str(role), "was": row.role})
            row.role = str(role)
            s.flush()
        return _person(row)


class Team:
    """The people of a project and how the documents are shared among them."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def annotator(self, name: str, role: Role = Role.ANNOTATOR) -> Annotator:
        """The annotator called ``name``, created on first use."""
        return _annotator(self._db, name, role)

    def annotators(self) -> list[Annotator]:
        with self._db.session_factory() as s:
            rows = s.scalars(select(AnnotatorRow).order_by(AnnotatorRow.name))
            return [_person(r) for r in rows]

    def find(self, name: str) -> Annotator | None:
        """The person called ``name``, or None (nobody is made)."""
        with self._db.session_factory() as s:
            row = s.scalar(select(AnnotatorRow).where(AnnotatorRow.name == name.strip()))
            return None if row is None else _person(row)

    def add(self, name: str, role: Role, by: AnnotatorId | None = None) -> Annotator:
        """A new person with ``role`` (the first of a project is its lead whatever is asked), added ``by``
        someone (logged, ``annotator_add``); TeamError if the name is taken."""
        if self.find(name) is not None:
            raise TeamError(Reason.of(ReasonKind.PERSON_EXISTS, name=name.strip()))
        return _annotator(self._db, name, role, log=True, by=by)

    def found(self, lead: str, name: str, role: Role) -> tuple[Annotator, Annotator] | None:
        """A project with nobody in it yet gets ``lead`` as its lead and ``name`` with ``role`` (one
        transaction); None, writing nothing, once it has anyone."""
        return _found(self._db, lead, name, role)

    def set_role(self, name: str, role: Role, by: AnnotatorId | None = None) -> Annotator:
        """Give ``name`` a new role, ``by`` someone (logged, ``role_set``); a project keeps at least one
        lead (TeamError)."""
        return _set_role(self._db, name, role, by)

    def require(self, person: Annotator | str | None, permission: Permission) -> Annotator | None:
        """``person`` as stored now if they may do ``permission``; RoleRefused (naming who may) otherwise.
        Roles are read again, so a role changed since a window opened counts. A project with nobody in it
        refuses nothing (its first person sets it up)."""
        name = person if isinstance(person, str) or person is None else person.name
        team = self.annotators()
        current = next((p for p in team if p.name == name), None)
        if name is not None and current is None and team:
            raise TeamError(Reason.of(ReasonKind.NO_SUCH_PERSON_LIST, name=name))
        check(current, permission, team)
        return current

    def assign(
        self,
        annotators: list[str],
        overlap: float = 0.0,
        *,
        only_unassigned: bool = True,
        seed: int = 0,
        by: Actor = None,
    ) -> AssignmentSummary:
        return _assign(self._db, annotators, overlap, only_unassigned=only_unassigned, seed=seed, by=by)

    def founder(self, name: str, permission: Permission) -> Founder:
        """``name`` (checked: ValueError or TeamError) as the one who sets up a project with nobody in it
        yet by running a lead's command (``permission``): the command makes them its lead (``acting``)."""
        return Founder(_checked_name(name), permission)

    def assigned_counts(self) -> dict[str, int]:
        return _assigned_counts(self._db)

    def load_layers(
        self, annotators: list[str] | None = None, done_only: bool = True, document: int | None = None
    ) -> tuple[dict[str, dict[int, set[Entity]]], dict[int, int]]:
        return _load_layers(self._db, annotators, done_only, document)

    def agreement(
        self, annotators: list[str] | None = None, label: str | None = None, done_only: bool = True
    ) -> AgreementReport:
        return _project_agreement(self._db, annotators, label, done_only)

    def layer_entities(self, annotator: str | None = None) -> tuple[dict[int, str], dict[int, list[Entity]]]:
        return _layer_entities(self._db, annotator)
