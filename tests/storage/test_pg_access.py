"""The README's PostgreSQL access control for an annotator account, run as written: with row-level security
on ``spans`` and the grants below, an annotator's own database account annotates through newstag as usual,
reads no other annotator's layer, cannot write gold or another's layer, and cannot give itself a role."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from model.commands import AddSpans, Context, SetDocumentState
from model.spans import DocState, Entity, Layer, Role
from storage.project import Project
from tests.storage.test_team import docs

pytestmark = pytest.mark.postgres

# Once, as the database's owner (the README shows these lines).
POLICY = """
ALTER TABLE spans ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_layer ON spans
  USING (layer <> 'annotator' OR annotator_id = (SELECT id FROM annotators WHERE name = current_user))
  WITH CHECK (layer = 'suggestion' OR (layer = 'annotator'
              AND annotator_id = (SELECT id FROM annotators WHERE name = current_user)));
"""
# Per annotator, whose database role is named as in newstag ({who}).
GRANTS = """
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {who};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {who};
REVOKE INSERT, UPDATE, DELETE ON annotators, labels, assignments, reviews FROM {who};
"""


@pytest.fixture
def annotator_account(pg_project: Project) -> Iterator[tuple[Project, str, str]]:
    who = f"wang_{uuid.uuid4().hex[:8]}"
    with pg_project.engine.begin() as conn:
        conn.execute(text(f"CREATE ROLE {who} LOGIN"))
    url = pg_project.engine.url.set(username=who).render_as_string(hide_password=False)
    yield pg_project, who, url
    with pg_project.engine.begin() as conn:
        conn.execute(text("DROP POLICY IF EXISTS own_layer ON spans"))
        conn.execute(text("ALTER TABLE spans DISABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"DROP OWNED BY {who}"))
        conn.execute(text(f"DROP ROLE {who}"))


def test_an_annotator_account_sees_and_writes_only_its_own_layer(
    annotator_account: tuple[Project, str, str],
) -> None:
    owner, who, url = annotator_account
    (doc,) = docs(owner, 1)
    owner.annotator("li")  # the lead
    zhao, wang = owner.team.add("zhao", Role.ANNOTATOR), owner.team.add(who, Role.ANNOTATOR)
    AddSpans(Context(doc, zhao.id), [Entity(4, 7, "PER")]).do(owner.annotations)
    with owner.engine.begin() as conn:
        conn.execute(text(POLICY))
        conn.execute(text(GRANTS.format(who=who)))

    with Project.open(url) as mine:
        me = mine.annotator(who)
        assert me == wang
        ctx = Context(doc, me.id)
        AddSpans(ctx, [Entity(9, 11, "LOC")]).do(mine.annotations)
        SetDocumentState(ctx, DocState.DONE, DocState.IN_PROGRESS).do(mine.annotations)
        assert [s.label for s in mine.annotations.spans(doc, Layer.ANNOTATOR, me.id)] == ["LOC"]
        assert mine.annotations.spans(doc, Layer.ANNOTATOR, zhao.id) == []  # zhao's layer is not readable
        engine = create_engine(url)
        gold = (
            'INSERT INTO spans (document_id, layer, start, "end", label, origin, status, version, '
            "created_at, updated_at) VALUES (:doc, 'gold', 0, 2, 'LOC', 'human', 'accepted', 1, now(), now())"
        )
        for statement in (gold, f"UPDATE annotators SET role = 'lead' WHERE name = '{who}'"):
            with pytest.raises(DBAPIError), engine.begin() as conn:
                conn.execute(text(statement), {"doc": doc})
        with engine.begin() as conn:  # zhao's span cannot be touched: it is not even there
            touched = conn.execute(
                text("UPDATE spans SET label = 'ORG' WHERE annotator_id = :z"), {"z": zhao.id}
            )
            assert touched.rowcount == 0
        engine.dispose()
    assert [s.label for s in owner.annotations.spans(doc, Layer.ANNOTATOR, zhao.id)] == ["PER"]
    assert [s.label for s in owner.annotations.spans(doc, Layer.ANNOTATOR, wang.id)] == ["LOC"]
