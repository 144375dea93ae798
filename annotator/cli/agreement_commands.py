"""The `agreement` command: inter-annotator agreement of a project as tables or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.agreement.report import DEFAULT_RESAMPLES, build_report
from annotator.cli.agreement_text import render
from annotator.cli.common import open_as, project_argument, reports_errors
from annotator.cli.model_agreement_text import render_machines
from annotator.cli.options import acting_as, done_only, label_filter, whose_work
from annotator.core.errors import NotPermitted
from annotator.services.model_agreement import machine_agreement

# Bootstrap resamples for each machine-annotator comparison (one report per pair): fewer than the main report's.
MACHINE_RESAMPLES = 200


@click.command()
@project_argument
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON instead of tables.")
@whose_work
@label_filter
@done_only
@click.option("--resamples", type=click.IntRange(min=0), default=DEFAULT_RESAMPLES, show_default=True,
              help="Bootstrap resamples for the 95% intervals (0: no intervals).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap, for reproducible intervals.")
@click.option("--roll-up", is_flag=True,
              help="Count each sub-label's spans as spans of its top-level label (Reporting verb = neutral + "
                   "loaded); a label given with --label brings its sub-labels.")
@click.option("--with-model", is_flag=True,
              help="Also score the model trained on the annotations against each annotator, per label, on articles "
                   "it did not train on (k-fold; trains the model k times).")
@click.option("--with-detectors", is_flag=True, help="Also score the app's detectors against each annotator, per label.")
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True,
              help="With --with-model: how many parts the articles are split into for cross-validation.")
@acting_as
@reports_errors
def agreement(project: Path, as_json: bool, annotators: tuple[str, ...], labels: tuple[str, ...],
              done_only: bool, resamples: int, seed: int, roll_up: bool, with_model: bool, with_detectors: bool,
              folds: int, acting_as: str | None) -> None:
    """Measure how far PROJECT's annotators agree, on questions and on spans.

    Questions: Krippendorff's alpha at the question's level, Fleiss' kappa, percent agreement and
    Cohen's kappa for each pair. Spans: unitizing alpha, exact and overlap F1 and character kappa,
    overall, per label and per document, with a table of overlapping spans given different labels.
    A figure that is not defined for the data is shown as n/a (null in JSON) with the reason.

    The coders compared are, unless named with --annotator, the annotators with assignments (every
    annotator when nothing is assigned). Under blind coding only the lead compares annotators.
    With --with-model and --with-detectors, the machines are scored as coders against each
    annotator, beside the annotators' agreement among themselves.
    """
    machines = None
    with open_as(project, acting_as) as proj:
        visibility = proj.team.visibility()
        if not visibility.sees_everyone:
            raise NotPermitted(visibility.refusal() + "; agreement compares annotators, which only the lead does")
        data = proj.agreement.data(annotators=list(annotators) or None, labels=list(labels) or None,
                                   done_only=done_only, roll_up=roll_up)
        name = proj.name
        if with_model or with_detectors:
            machines = machine_agreement(proj, list(annotators), list(labels), done_only, with_model=with_model,
                                         with_detectors=with_detectors, folds=folds, seed=seed,
                                         resamples=min(resamples, MACHINE_RESAMPLES))
    report = build_report(data, resamples=resamples, seed=seed)
    if as_json:
        payload = {"project": name, **report.to_dict()}
        if machines is not None:
            payload["machines"] = machines.to_dict()
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        click.echo(render(report, name) + (render_machines(machines) if machines is not None else ""))
