"""``newstag train``: train the project's CRF on its finished documents and store it with the project."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from gui.cli import user_path

AddDb = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_db: AddDb) -> None:
    from gui.cli import positive_int

    p = sub.add_parser(
        "train",
        help="train the suggestion model on the finished documents (stored in the project)",
        description="Trains a character-level CRF on every document marked done (the gold "
        "layer where one exists, else the accepted spans of its last finisher) and stores it "
        "in the database, where every annotator's window picks it up.",
    )
    p.add_argument(
        "--iterations",
        type=positive_int,
        help="training iterations (default: the project setting, 30; 100 for a base model)",
    )
    p.add_argument(
        "--if-needed",
        action="store_true",
        help="only train if enough documents were finished since the last model",
    )
    p.add_argument(
        "--base-corpus",
        type=user_path,
        metavar="FILE",
        help="instead: train a base model on a labelled corpus (CoNLL/BIO, JSONL or brat, e.g. a "
        "public news NER corpus) and store it; the project's models then build on it",
    )
    p.add_argument(
        "--sentences-per-document",
        type=positive_int,
        default=1,
        metavar="N",
        help="with --base-corpus in CoNLL: N consecutive sentences a document (default 1)",
    )
    p.add_argument(
        "--save",
        type=user_path,
        metavar="FILE",
        help="also write the trained model to FILE (for `newstag evaluate --base-model`); it must not "
        "exist yet",
    )
    p.add_argument("--overwrite", action="store_true", help="with --save: replace FILE if it exists")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--progress-lines",
        action="store_true",
        help="report progress as lines on standard output ('features N TOTAL', "
        "'iteration N TOTAL'), for a program that runs this command",
    )
    add_db(p)
    # the project's own model needs finished documents, so a project must be there; a base model may start one
    p.set_defaults(
        handler=cmd_train, reads_project=lambda args: args.base_corpus is None, starts_project=True
    )


def cmd_train(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    from storage.project import Project
    from storage.types import BASE_ITERATIONS, MODEL_KIND, NothingToTrainOn

    base = args.base_corpus is not None
    if args.save is not None:
        from storage.project import database_files, default_url, file_taken, sqlite_path

        database = sqlite_path(url or default_url())
        read = ([args.base_corpus] if base else []) + (database_files(database) if database else [])
        if (problem := file_taken(args.save, args.overwrite, read)) is not None:
            print(f"newstag train: {problem}", file=sys.stderr)  # before minutes of training, not after
            return 1
    if base:
        from gui.cli.suggest import read_documents
        from storage.types import ImportFormatError

        try:
            corpus = read_documents(args.base_corpus, args.sentences_per_document)
        except (ImportFormatError, OSError) as exc:
            print(f"newstag train: {exc}", file=sys.stderr)
            return 1
        chars = sum(len(d.text) for d in corpus)
        print(f"{args.base_corpus}: {len(corpus):,} documents, {chars:,} characters", file=sys.stderr)
    with Project.open(url) as project:
        if args.if_needed and not base and not project.training.needs_training():
            print(
                "the model is up to date: fewer than "
                f"{project.training.settings().retrain_every} documents finished since it was trained"
            )
            return 0
        default = BASE_ITERATIONS if base else project.training.settings().iterations
        total = args.iterations or default
        quiet = args.quiet or None
        desc = "training base model" if base else "training"
        with (
            tqdm(unit=" doc", desc="building features", disable=quiet, file=sys.stderr) as reading_bar,
            tqdm(total=total, unit=" it", desc=desc, disable=quiet, file=sys.stderr) as bar,
        ):

            def reading(done: int, documents: int) -> None:
                reading_bar.total = documents
                reading_bar.update(done - reading_bar.n)
                if args.progress_lines:
                    print(f"features {done} {documents}", flush=True)

            def progress(done: int, iterations: int) -> None:
                bar.update(done - bar.n)
                if args.progress_lines:
                    print(f"iteration {done} {iterations}", flush=True)

            try:
                if base:
                    documents = [(d.text, d.entities) for d in corpus]
                    result = project.training.train_base_model(documents, total, progress, reading)
                else:
                    result = project.training.train_project_model(args.iterations, progress, reading)
            except NothingToTrainOn as exc:
                print(f"newstag train: {exc}", file=sys.stderr)
                return 1
        if args.save and not _save(args, project.trained_models.data(result.model_id) or b""):
            return 1
        what = "base model" if base else "model"
        print(
            f"trained {what} #{result.model_id} on {result.documents:,} document(s), "
            f"{result.characters:,} characters, in {result.seconds:.1f} s; stored in the project"
            + (f" and written to {args.save}" if args.save else "")
        )
        if base and project.trained_models.latest_info(MODEL_KIND) is not None:
            # the project's own model stacks on the old base (or none): retrain it on the new one now
            own = project.training.train_project_model()
            print(
                f"retrained the project's model #{own.model_id} on the new base model "
                f"({own.documents:,} document(s), {own.seconds:.1f} s)"
            )
    return 0


def _save(args: argparse.Namespace, data: bytes) -> bool:
    """``--save``: the model in its file, written whole or not at all; False (said) if it cannot be."""
    from storage.project import new_file
    from storage.types import ExportError

    try:
        with new_file(args.save, args.overwrite) as temp:
            temp.write_bytes(data)
    except (ExportError, OSError) as exc:
        print(f"newstag train: the model is stored in the project, but {args.save} was not written: {exc}",
              file=sys.stderr)  # fmt: skip
        return False
    return True
