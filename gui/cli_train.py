"""``newstag train``: train the project's CRF on its finished documents and store it with the project."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

AddDb = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser("train",
                       help="train the suggestion model on the finished documents (stored in the project)",
                       description="Trains a character-level CRF on every document marked done (the gold "
                       "layer where one exists, else the accepted spans of its last finisher) and stores it "
                       "in the database, where every annotator's window picks it up.")
    p.add_argument("--iterations", type=int, help="training iterations (default: the project setting, 100)")
    p.add_argument("--if-needed", action="store_true",
                   help="only train if enough documents were finished since the last model")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_db(p)
    p.set_defaults(handler=cmd_train)


def cmd_train(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    from storage.project import Project
    from storage.training import NothingToTrainOn, model_settings, needs_training, train_project_model

    with Project.open(url) as project:
        if args.if_needed and not needs_training(project):
            print("the model is up to date: fewer than "
                  f"{model_settings(project)['retrain_every']} documents finished since it was trained")
            return 0
        total = args.iterations or int(model_settings(project)["iterations"])  # type: ignore[call-overload]
        with tqdm(total=total, unit=" it", desc="training", disable=args.quiet or None,
                  file=sys.stderr) as bar:
            def progress(done: int, _total: int) -> None:
                bar.update(done - bar.n)

            try:
                result = train_project_model(project, args.iterations, progress)
            except NothingToTrainOn as exc:
                print(f"newstag train: {exc}", file=sys.stderr)
                return 1
    print(f"trained model #{result.model_id} on {result.documents} document(s), "
          f"{result.characters:,} characters, in {result.seconds:.1f} s; stored in the project")
    return 0
