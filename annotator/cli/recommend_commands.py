"""The model that learns from the annotations: `train` (learn and store it) and `recommend` (list or apply what it proposes)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import click

from annotator.cli.common import open_project, project_argument, recording_name, reports_errors
from annotator.cli.options import REMEMBERED_NAME, recorded_under, whose_work
from annotator.core.errors import ProjectError
from annotator.core.wording import counted
from annotator.services import recommending
from annotator.services.recommendations import (
    Applied,
    apply_recommendations,
    pending_recommendations,
    stored_models_for,
)
from annotator.store.recommender_models import EVERYONE


def _describe(models: recommending.Recommenders, names: dict[str, str]) -> list[str]:
    lines = []
    if models.spans is not None:
        counts = models.details.get(recommending.SPANS_PART, {}).get("labels", {})
        lines.append(f"  spans: learnt from {counted(models.examples.get(recommending.SPANS_PART, 0), 'article')}, "
                     f"{counted(sum(counts.values()), 'span')}: "
                     + ", ".join(f"{names.get(label, label)} {n}" for label, n in counts.items()))
    for question in sorted(models.questions):
        part = recommending.QUESTION_PART + question
        answers = models.details.get(part, {}).get("answers", {})
        lines.append(f"  question {names.get(question, question)}: "
                     f"learnt from {counted(sum(answers.values()), 'answer')}: "
                     + ", ".join(f"{value} {n}" for value, n in answers.items()))
    return lines


@click.command()
@project_argument
@whose_work
@reports_errors
def train(project: Path, annotators: tuple[str, ...]) -> None:
    """Train the model on PROJECT's annotations and store it in the project file.

    The span model learns from every article an annotator coded (a span in it, or marked done); a
    document question's model from its answers. The app suggests from the stored model and retrains
    it by itself as you annotate; run this after merging packages or importing annotations, or before
    `annotator recommend`. With --annotator, the model learns from that annotator's work only (what
    the app does for annotators under blind coding).
    """
    if len(annotators) > 1:
        raise ProjectError("the model learns from everyone's work or from one annotator's: give one --annotator")
    with open_project(project) as proj:
        scope = annotators[0] if annotators else EVERYONE
        if scope and scope not in proj.team.coders():
            raise ProjectError(f"unknown annotator {scope!r}; this project has: {', '.join(proj.team.coders())}")
        models = recommending.train_project(proj, scope)
        names = {label.id: label.name for label in proj.codebook.labels()}
    whose = f"{scope}'s work" if scope else "everyone's work"
    click.echo(f"Trained on {whose} in {models.seconds:.1f} s and stored in {project.name}:")
    for line in _describe(models, names):
        click.echo(line)
    click.echo(f"How far it agrees with each annotator: annotator agreement {project.name} --with-model")


def _threshold(value: float | None, name: str) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise ProjectError(f"{name} is a probability between 0 and 1, not {value}")


@click.command()
@project_argument
@click.option("--document", "documents", multiple=True, metavar="ID",
              help="Only this document (its id, or the start of it); repeat for several.")
@click.option("--min-confidence", type=float, default=recommending.DEFAULT_MIN_CONFIDENCE, show_default=True,
              help="Leave out what the model is less sure of than this (0 to 1).")
@click.option("--apply-above", type=float, default=None, metavar="P",
              help="Accept every span the model proposes with confidence >= P (origin 'recommender') and record "
                   "its answers of probability >= P where the annotator has none.")
@click.option("--list", "list_them", is_flag=True, help="Print every recommendation, one per line.")
@click.option("--only", type=click.Choice(["spans", "questions"]), default=None,
              help="Only span recommendations, or only answers to document questions.")
@recorded_under(REMEMBERED_NAME)
@reports_errors
def recommend(project: Path, documents: tuple[str, ...], min_confidence: float, apply_above: float | None,
              list_them: bool, only: str | None, annotator_name: str | None) -> None:
    """Show what the trained model proposes in PROJECT, or apply what it is sure of.

    Lists, per label and per question, how many spans and answers the model proposes that the
    annotator has not decided on yet (accepted, rejected, or marked alike), and how sure it is.
    Train the model first with `annotator train PROJECT`. Before applying recommendations to many
    articles, check `annotator agreement PROJECT --with-model`.
    """
    _threshold(min_confidence, "--min-confidence")
    _threshold(apply_above, "--apply-above")
    floor = min(min_confidence, apply_above) if apply_above is not None else min_confidence
    with open_project(project, read_only=apply_above is None) as proj:
        annotator = recording_name(proj, annotator_name)
        models = stored_models_for(proj, annotator)
        if recommending.is_stale(proj, models):
            click.echo(f"Note: the annotations changed since the model was trained ({models.trained[:16]}); "
                       f"`annotator train {project.name}` learns from them.")
        doc_ids = proj.documents.resolve_ids(list(documents)) if documents else proj.documents.ids()
        names = {label.id: label.name for label in proj.codebook.labels()}
        span_confidences: dict[str, list[float]] = defaultdict(list)
        answers: dict[str, Counter[str]] = defaultdict(Counter)
        applied = Applied()
        for found in pending_recommendations(proj, annotator, doc_ids, models, floor,
                                             spans=only != "questions", answers=only != "spans"):
            for s in found.spans:
                span_confidences[s.label_id].append(s.confidence)
                if list_them:
                    click.echo(f"{found.document_id[:12]}  {s.start}-{s.end}  {names.get(s.label_id, s.label_id)}  "
                               f"{s.confidence:.2f}  {' '.join(s.text.split())[:70]}")
            for a in found.answers:
                answers[a.question][a.value] += 1
                if list_them:
                    click.echo(f"{found.document_id[:12]}  question {names.get(a.question, a.question)}: "
                               f"{a.value}  {a.confidence:.2f}")
            if apply_above is not None:
                done = apply_recommendations(proj, annotator, found, apply_above)
                applied.spans += done.spans
                applied.answers += done.answers
                applied.documents += done.documents
    if list_them:
        click.echo("")
    click.echo(f"Recommendations for {annotator} in {counted(len(doc_ids), 'document')}, confidence >= {floor:g}:")
    click.echo(f"{'label':30}{'pending':>9}{'>= 0.7':>9}{'>= 0.9':>9}{'mean':>7}")
    for label, values in sorted(span_confidences.items(), key=lambda item: -len(item[1])):
        click.echo(f"{names.get(label, label)[:29]:30}{len(values):>9}{sum(v >= 0.7 for v in values):>9}"
                   f"{sum(v >= 0.9 for v in values):>9}{sum(values) / len(values):>7.2f}")
    if not span_confidences:
        click.echo("(no span to propose)")
    for question, counts in sorted(answers.items()):
        click.echo(f"Question {names.get(question, question)}, unanswered articles: "
                   + ", ".join(f"{value} {n}" for value, n in counts.most_common()))
    if apply_above is not None:
        click.echo(f"Applied for {annotator}: {counted(applied.spans, 'span')} and "
                   f"{counted(applied.answers, 'answer')} in {counted(applied.documents, 'document')} "
                   f"(confidence >= {apply_above:g}); the spans have origin "
                   "'recommender' in exports and agreement.")
