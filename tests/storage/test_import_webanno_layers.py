"""WebAnno TSV 3.x as INCEpTION projects export it beyond the standard named-entity layer: entities in a
custom span layer (``--layer``/``--feature``), zero-width annotations (skipped with a warning), chain and
relation columns skipped, CRLF line ends, a value ending in an escaped backslash,
``#Text=`` over several lines.

The fixtures follow INCEpTION's ``WebannoTsv3XWriter`` output: ``#T_SP=webanno.custom.Entity|label`` for a
custom layer, ``#T_CH=…CoreferenceLink|referenceType|referenceRelation`` (cells ``*->1-1``),
``#T_RL=webanno.custom.Relation|label|BT_webanno.custom.Entity`` (cells ``1-1``, ``1-1[1_2]``), a trailing tab
after the last column, zero-width annotations on a sub-token row ``1-2.1`` with equal offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.importer import Format
from storage.project import Project
from tests.conftest import snapshot
from tests.storage.test_import import texts
from tests.storage.test_import_formats import ok, surfaces, write

COREF = "de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink"
NER = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
CUSTOM = (
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue\n"
    "#T_SP=webanno.custom.Entity|label\n"
    f"#T_CH={COREF}|referenceType|referenceRelation\n"
    "#T_RL=webanno.custom.Relation|label|BT_webanno.custom.Entity\n"
    "\n\n"
    "#Text=张三在北京，\n#Text=他很好。\n"
    # id, offsets, token, POS, Entity label, chain (2), relation (2), trailing tab
    "1-1\t0-2\t张三\tNR\tPER[1]\t*->1-1\t*->1\t_\t_\t\n"
    "1-2\t2-3\t在\tP\t_\t_\t_\t_\t_\t\n"
    "1-3\t3-5\t北京\tNR\tLOC\t_\t_\tlives\t1-1[1_0]\t\n"
    "1-4\t5-6\t，\tPU\t_\t_\t_\t_\t_\t\n"
    "1-5\t7-8\t他\tPN\t_\t*->1-2\t*\t_\t_\t\n"
    "1-6\t8-10\t很好\tVA\t_\t_\t_\t_\t_\t\n"
    "1-7\t10-11\t。\tPU\t_\t_\t_\t_\t_\t\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_single_custom_span_layer_is_read_with_a_note(
    project: Project, tmp_path: Path, newline: str
) -> None:
    path = write(tmp_path / "inception.tsv", CUSTOM.replace("\n", newline))
    preview = ok(project.importer.preview_file(path))
    notes = " ".join(preview.notes)
    assert "custom layer webanno.custom.Entity, its feature label" in notes and "--layer" in notes
    assert "CoreferenceLink" in notes and "Relation" in notes and "POS" in notes
    ok(project.importer.import_file(path))
    assert texts(project) == ["张三在北京，\n他很好。"]
    assert sorted(surfaces(project)) == [("北京", "LOC"), ("张三", "PER")]


def test_slot_features_and_a_layer_without_features_take_their_columns(
    project: Project, tmp_path: Path
) -> None:
    """A span layer with a slot feature (``ROLE_…`` and its link type: two columns) and a custom layer
    declared without a feature (``Quote|``: one column of ``*``), as in real exports; the one layer with a
    label feature is read."""
    body = (
        "#FORMAT=WebAnno TSV 3.2\n"
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS|PosValue\n"
        "#T_SP=webanno.custom.AspectRating|Aspect|ROLE_webanno.custom.AspectRating:OwnAspect_webanno.custom."
        "AspectRatingOwnAspectLink|webanno.custom.AspectRating\n"
        "#T_SP=webanno.custom.Quote|\n"
        "#T_RL=webanno.custom.Valence|ValenceRating|BT_webanno.custom.AspectRating\n"
        "\n\n#Text=菜很好吃。\n"
        "1-1\t0-1\t菜\tNN\tFOOD[1]\t_\t_\t*\t_\t_\t\n"
        "1-2\t1-2\t很\tAD\t_\t_\t_\t_\t_\t_\t\n"
        "1-3\t2-4\t好吃\tVA\tPOSITIVE[2]\t*[1]\t1-1[1_0]\t*\tgood\t1-1[2_1]\t\n"
        "1-4\t4-5\t。\tPU\t_\t_\t_\t_\t_\t_\t\n"
    )
    report = ok(project.importer.import_file(write(tmp_path / "a.tsv", body)))
    assert "custom layer webanno.custom.AspectRating, its feature Aspect" in " ".join(report.notes)
    assert sorted(surfaces(project)) == [("好吃", "POSITIVE"), ("菜", "FOOD")]
    # the featureless layer chosen: nothing in it names a label (it said "has several features (none)")
    before = snapshot(project)
    path = write(
        tmp_path / "b.tsv", body.replace("菜很好吃", "汤很好喝").replace("菜", "汤").replace("好吃", "好喝")
    )
    refused = project.importer.import_file(path, Format.WEBANNO, webanno_layer="Quote")
    assert refused.failed and refused.error.line == 4, refused.error
    assert "the layer Quote has no feature, so nothing in it names a label: choose another layer" in str(
        refused.error
    )
    assert snapshot(project) == before


HEADER_TWO = (
    "#FORMAT=WebAnno TSV 3.3\n"
    f"#T_SP={NER}|identifier|value\n"
    "#T_SP=webanno.custom.NER|value|certainty\n"
    "\n\n#Text=李四访问上海。\n"
)
TWO = HEADER_TWO + (
    "1-1\t0-2\t李四\t_\tPER\tPERSON\thigh\t\n"
    "1-2\t2-4\t访问\t_\t_\t_\t_\t\n"
    "1-3\t4-6\t上海\t_\tLOC\tGPE\tlow\t\n"
    "1-4\t6-7\t。\t_\t_\t_\t_\t\n"
)


@pytest.mark.parametrize(
    ("layer", "feature", "expected"),
    [
        (None, None, [("上海", "LOC"), ("李四", "PER")]),  # NamedEntity when the file has it
        ("NER", "value", [("上海", "GPE"), ("李四", "PERSON")]),  # the short name: the custom layer's
        ("webanno.custom.NER", "certainty", [("上海", "low"), ("李四", "high")]),
        ("ner", "value", [("上海", "GPE"), ("李四", "PERSON")]),  # any case when one layer is so named
        (NER, None, [("上海", "LOC"), ("李四", "PER")]),
    ],
)
def test_layer_and_feature_choose_the_labels(
    project: Project, tmp_path: Path, layer: str | None, feature: str | None, expected: list[tuple[str, str]]
) -> None:
    path = write(tmp_path / "a.tsv", TWO)
    report = ok(project.importer.import_file(path, webanno_layer=layer, webanno_feature=feature))
    assert sorted(surfaces(project)) == expected
    assert not any("custom layer" in n for n in report.notes)


@pytest.mark.parametrize(
    ("body", "options", "line", "words"),
    [
        # two custom layers and no named-entity layer: which one is not guessed
        (
            TWO.replace(f"{NER}|identifier|value", "webanno.custom.Topic|name|score"),
            {},
            4,
            "its span layers: Topic (name|score), NER (value|certainty); choose the one that holds the "
            "labels with --layer NAME",
        ),
        (TWO, {"webanno_layer": "Entity"}, 4, "has no span layer 'Entity' (--layer)"),
        (TWO, {"webanno_layer": "NER"}, 3, "has several features (value, certainty): choose"),
        (TWO, {"webanno_layer": "NER", "webanno_feature": "kind"}, 3, "no feature 'kind' (--feature)"),
    ],
)
def test_a_layer_that_cannot_be_chosen_is_refused_naming_the_option(
    project: Project, tmp_path: Path, body: str, options: dict[str, str], line: int, words: str
) -> None:
    before = snapshot(project)
    report = project.importer.import_file(write(tmp_path / "a.tsv", body), Format.WEBANNO, **options)
    assert report.failed and report.error.line == line and words in str(report.error), report.error
    assert snapshot(project) == before


def test_zero_width_annotations_are_skipped_with_a_warning(project: Project, tmp_path: Path) -> None:
    """INCEpTION writes a zero-width annotation on a sub-token row whose offsets are equal."""
    body = TWO.replace(
        "1-2\t2-4\t访问\t_\t_\t_\t_\t\n", "1-2\t2-4\t访问\t_\t_\t_\t_\t\n1-2.1\t4-4\t\t*\tMISC\t_\t_\t\n"
    )
    body = body.replace(
        "1-4\t6-7\t。\t_\t_\t_\t_\t\n", "1-4\t6-7\t。\t_\t_\t_\t_\t\n1-4.1\t7-7\t\t*\tX\t_\t_\t\n"
    )
    report = ok(project.importer.import_file(write(tmp_path / "a.tsv", body)))
    assert report.warnings == [
        "2 annotation(s) of no width (first at line 9) were skipped: a span covers at least one character"
    ]
    assert sorted(surfaces(project)) == [("上海", "LOC"), ("李四", "PER")]


def test_escaped_values_and_a_sentence_over_several_text_lines(project: Project, tmp_path: Path) -> None:
    """A value ending in an escaped backslash (``A\\\\``) before ``|`` or ``[1]``; an escaped ``|`` inside a
    value; a 3.2 file whose sentence holds line breaks, written as several ``#Text=`` lines."""
    body = (
        "#FORMAT=WebAnno TSV 3.2\n"
        f"#T_SP={NER}|value\n"
        f"#T_CH={COREF}|referenceType|referenceRelation\n"
        "\n\n#Text=王五\n#Text=在\\\\北京\n"
        "1-1\t0-2\t王五\tA\\\\|B\\|C\t*->1-1\t*->1\t\n"
        "1-2\t3-4\t在\t_\t_\t_\t\n"
        "1-3\t4-5\t\\\tD\\\\[1]\t_\t_\t\n"
        "1-4\t5-7\t北京\tD\\\\[1]\t_\t_\t\n"
    )
    ok(project.importer.import_file(write(tmp_path / "a.tsv", body)))
    assert texts(project) == ["王五\n在\\北京"]
    assert sorted(surfaces(project)) == [("\\北京", "D\\"), ("王五", "A\\"), ("王五", "B|C")]
