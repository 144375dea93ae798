"""The model that learns while you annotate: loaded and retrained in the background, its recommendations
shown as suggestions, and "next article" by its uncertainty (active learning).

The controller belongs to one main window. At start it reads the stored models on a worker thread
(its own connection to the file), and trains them there when the annotations changed since; then
it retrains after every `retrain_every` annotation writes (accept, reject, label, answer, undo).
A training reads what it learns from and closes its connection before fitting; the result is
stored in the project file on the GUI thread. One training at a time: a request during a training
makes one more afterwards. Closing the window cancels a training between two labels' fits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from annotator.core.change import Change
from annotator.core.errors import AnnotatorError
from annotator.gui.fitting_label import FittingLabel
from annotator.services import recommending
from annotator.services.recommending import Recommenders
from annotator.store import Project

log = logging.getLogger(__name__)

RETRAIN_EVERY = 5  # annotation writes between two trainings
SHOW_KEY = "reader/show_recommendations"
ORDER_KEY = "go/next_by_uncertainty"
SEPARATOR = "  ·"  # between the status bar's permanent fields


class LearningController(QObject):
    """Keeps the window's model current and hands it to the workspace; ranks articles by uncertainty."""

    def __init__(self, window):
        super().__init__(window)  # the window is reached as parent(): no Python reference cycle keeps it alive
        self.settings = window.settings
        self.project: Project = window.project
        self.annotator: str = window.annotator
        self.tasks = window.tasks
        self.workspace = window.workspace
        q = self.settings.q
        self.enabled = q.value(SHOW_KEY, True, type=bool)
        self.by_uncertainty = q.value(ORDER_KEY, False, type=bool)
        self.retrain_every = RETRAIN_EVERY
        self.scope = recommending.training_scope(self.project, self.annotator)
        self.models: Recommenders | None = None
        self.ranking: list[str] | None = None
        self.writes_since_training = 0
        self.training = False
        self._again = False
        self._cache = None  # prepared texts kept between trainings (used by one training at a time)
        self.status = FittingLabel("", window)  # shortened when the status bar is short of room
        self.status.setObjectName("modelStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.workspace.changed.connect(self.note_change)
        self.workspace.document_shown.connect(lambda _document_id: self._hint_answers())
        QTimer.singleShot(0, self.start)

    # -- training ----------------------------------------------------------------------------

    @property
    def wanted(self) -> bool:
        """True when something uses the model (its recommendations, or the uncertainty order)."""
        return self.enabled or self.by_uncertainty

    def start(self) -> None:
        """Read the stored models in the background; train them there if the annotations changed since."""
        if self.wanted and not self.tasks.closed and not self.project.closed:
            self._train(reuse_stored=True)

    def note_change(self, change: Change) -> None:
        """Count a write that changes what the model learns from; retrain after `retrain_every` of them."""
        if not (change.spans or change.document_labels or change.action.decides_suggestions):
            return
        self.writes_since_training += 1
        if self.writes_since_training >= self.retrain_every and self.wanted:
            self.retrain()

    def retrain(self) -> None:
        """Train the model again from the annotations, in the background (once more if one is running)."""
        if self.training:
            self._again = True
            return
        self._train(reuse_stored=False)

    def _train(self, reuse_stored: bool) -> None:
        source, scope = self.project, self.scope
        if self._cache is None:
            from annotator.recommend.text_features import TextCache

            self._cache = TextCache()
        cache = self._cache

        def work(progress, cancelled):
            # Its own connection, read by the same person (blind coding hides what it hides).
            with source.reopen() as project:
                if reuse_stored:
                    try:
                        stored = recommending.load(project, scope)
                    except AnnotatorError as exc:  # damaged or from a newer app: learn again
                        log.warning("stored model not used: %s", exc)
                        stored = None
                    if stored is not None and not recommending.is_stale(project, stored):
                        return stored, False
                training = recommending.training_set(project, scope)
            return recommending.train(training, cache, cancelled), True

        self.training = True
        self.writes_since_training = 0
        self.status.set_texts(self.tr("Model: learning…") + SEPARATOR)
        self.tasks.start("recommender-training", work, self._trained)

    def _trained(self, result, error: BaseException | None) -> None:
        self.training = False
        if error is not None:
            from annotator.recommend import FitCancelled

            if not isinstance(error, FitCancelled):
                self.status.set_texts(self.tr("Model: could not learn (see the log)") + SEPARATOR,
                                      self.tr("Model: failed") + SEPARATOR)
            return
        models, fresh = result
        if fresh and not models.empty:
            try:
                recommending.save(self.project, models)
            except AnnotatorError as exc:  # another window is writing: kept in memory, stored next time
                log.warning("model not stored: %s", exc)
        self._use(models)
        if self._again:
            self._again = False
            self.retrain()

    def _use(self, models: Recommenders) -> None:
        self.models = None if models.empty else models
        self._show_status()
        self._hand_to_workspace()
        self.ranking = None
        if self.by_uncertainty:
            self._rank()

    def _show_status(self) -> None:
        if self.models is None:
            self.status.set_texts(self.tr("Model: needs spans in %s articles to learn") % recommending.MIN_SPAN_ARTICLES
                                  + SEPARATOR, self.tr("Model: needs spans") + SEPARATOR)
            return
        articles = self.models.examples.get(recommending.SPANS_PART, 0)
        self.status.set_texts(self.tr("Model: learnt from %s articles") % articles + SEPARATOR,
                              self.tr("Model: %s articles") % articles + SEPARATOR)
        self.status.setToolTip(self.tr("Trained %1 in %2 s. Review > Agreement > Model and detectors shows how far "
                                       "it agrees with each annotator.").replace("%1", self.models.trained[:16])
                               .replace("%2", f"{self.models.seconds:.1f}"))

    def _hint_answers(self) -> None:
        """The model's answers to the shown document's questions, in the questions panel (a few ms: here)."""
        document, models = self.workspace.document, self.models if self.enabled else None
        hints = {}
        if document is not None and models is not None and models.questions:
            found = recommending.recommend_answers(document, models, list(self.workspace.labels.values()))
            hints = {r.question: (r.value, r.confidence) for r in found}
        self.workspace.questions_panel.set_hints(hints)

    def _hand_to_workspace(self) -> None:
        self._hint_answers()
        offered = self.models if self.enabled else None
        if self.workspace.recommenders is not offered:
            self.workspace.recommenders = offered
            self.workspace.refresh_suggestions()

    # -- switches ----------------------------------------------------------------------------

    def set_enabled(self, on: bool) -> None:
        """Show the model's recommendations among the suggestions, or not."""
        self.enabled = bool(on)
        self.settings.q.setValue(SHOW_KEY, self.enabled)
        if self.models is None and self.wanted and not self.training:
            self.start()
        self._hand_to_workspace()

    def set_order_by_uncertainty(self, on: bool) -> None:
        """Make "next document not done" go to the article the model is least sure about."""
        self.by_uncertainty = bool(on)
        self.settings.q.setValue(ORDER_KEY, self.by_uncertainty)
        if not on:
            self.tasks.cancel("recommender-ranking")
            return
        if self.models is None and not self.training:
            self.start()
        elif self.ranking is None:
            self._rank()

    # -- active learning ---------------------------------------------------------------------

    def _rank(self) -> None:
        source, annotator, models = self.project, self.annotator, self.models
        if models is None:
            return

        def work(progress, cancelled):
            with source.reopen() as project:
                return recommending.rank_by_model_uncertainty(project, annotator, models, cancelled=cancelled)

        def done(ranking, error) -> None:
            if error is None and ranking is not None:
                self.ranking = ranking

        self.tasks.start("recommender-ranking", work, done)

    def next_document(self, current: str | None) -> str | None:
        """The article the model is least sure about among those not done yet (None when the order is
        off, or the ranking is not ready: the list order applies)."""
        if not self.by_uncertainty or self.models is None:
            return None
        if self.ranking is None:
            self.parent().statusBar().showMessage(
                self.tr("The model is still ranking the articles; the list order is used meanwhile."), 5000)
            return None
        for document_id in self.ranking:
            if document_id != current and self.project.assignments.status(self.annotator, document_id) != "done":
                return document_id
        return None
