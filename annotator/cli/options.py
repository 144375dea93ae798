"""Options several commands share, each with one meaning wherever it appears (as sqlite-utils' cli.py does).

Four things an annotator name can mean on a command line, four options:
- `recorded_under`: whose name new work is recorded under (suggest, import);
- `whose_work`: a selection of annotators whose work a report or an export reads (agreement, export, progress);
- `assignee` / `assignees`: who documents go to (package, assign);
- `acting_as`: who is running the command (--as), which decides what a reading command may show under
  blind coding (a coder their own work, the lead everyone's).
"""

from __future__ import annotations

from typing import Callable

import click


# What `recorded_under` applies without the option (never the computer's login name).
REMEMBERED_NAME = "the name remembered for this project on this computer"
FILE_THEN_REMEMBERED_NAME = "the annotator the file names, else the name remembered for this project"


def recorded_under(default: str) -> Callable[[Callable], Callable]:
    """--annotator/-a NAME: the annotator the new work is recorded under; `default` says what applies
    without it (REMEMBERED_NAME or FILE_THEN_REMEMBERED_NAME)."""
    return click.option("--annotator", "-a", "annotator_name", default=None, metavar="NAME",
                        help=f"Record the work under this annotator's name (default: {default}).")


def whose_work(func: Callable) -> Callable:
    """--annotator/-a NAME, repeatable: only these annotators' work is read."""
    return click.option("--annotator", "-a", "annotators", multiple=True, metavar="NAME",
                        help="Only this annotator's work (repeat for several; default: everyone's).")(func)


def assignee(func: Callable) -> Callable:
    """--annotator/-a NAME, required: the one annotator the documents go to."""
    return click.option("--annotator", "-a", "annotator_name", required=True, metavar="NAME",
                        help="The annotator the documents go to.")(func)


def assignees(func: Callable) -> Callable:
    """--annotator/-a NAME, repeatable: the annotators documents go to."""
    return click.option("--annotator", "-a", "annotators", multiple=True, metavar="NAME",
                        help="An annotator the documents go to (one, or several with --auto; default with --auto: "
                             "every annotator whose role is 'annotator').")(func)


def label_family(func: Callable) -> Callable:
    """--label/-l LABEL, repeatable: these labels (id or name), each with its sub-labels."""
    return click.option("--label", "-l", "labels", multiple=True, metavar="LABEL",
                        help="Only this label (id or name) and its sub-labels; repeat for several.")(func)


def label_filter(func: Callable) -> Callable:
    """--label/-l ID, repeatable: exactly these span labels or document questions."""
    return click.option("--label", "-l", "labels", multiple=True, metavar="ID",
                        help="Only this span label or document question (its id); repeat for several.")(func)


def with_gold(func: Callable) -> Callable:
    """--gold: the adjudicated gold standard is read too, under the annotator name 'gold'."""
    return click.option("--gold", is_flag=True,
                        help="Include the adjudicated gold standard as annotator 'gold'; alone, gold only.")(func)


def done_only(func: Callable) -> Callable:
    """--done-only: an annotator's work on a document counts once they marked it done."""
    return click.option("--done-only", is_flag=True,
                        help="Count an annotator's work on a document only once they marked it done.")(func)


def acting_as(func: Callable) -> Callable:
    """--as NAME: the person running the command (default: the name remembered for this project on this machine)."""
    return click.option("--as", "acting_as", default=None, metavar="NAME",
                        help="Who is running the command (default: the name remembered for this project on "
                             "this machine). Under blind coding a coder sees only their own work; the lead, "
                             "everyone's.")(func)
