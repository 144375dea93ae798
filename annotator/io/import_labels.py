"""Matching label names of imported files to the codebook, and making the missing ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.core.codebook import SAFE_PALETTE
from annotator.core.model import Label


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _slug(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.:-]+", "-", name.strip()).strip("-")[:72]
    return slug or "imported"


@dataclass
class LabelResolver:
    """Finds the codebook label an imported name means; makes a new imported label when none does."""

    labels: list[Label]
    new: list[Label] = field(default_factory=list)

    def resolve(self, name: str, source: str) -> str:
        """The label id for `name`: an id, name or French name of a span label, ignoring case and punctuation."""
        name = name.strip()
        span_labels = [l for l in self.labels + self.new if l.kind == "span"]
        for exact in (lambda l: l.id == name, lambda l: l.name == name):
            found = next((l for l in span_labels if exact(l)), None)
            if found is not None:
                return found.id
        key = _key(name)
        for label in span_labels:
            if key and key in {_key(label.id), _key(label.name), _key(label.name_fr)}:
                return label.id
        return self._create(name, source).id

    def _create(self, name: str, source: str) -> Label:
        taken = {l.id for l in self.labels + self.new}
        base = _slug(name)
        label_id, n = base, 2
        while label_id in taken:
            label_id, n = f"{base}-{n}", n + 1
        used = {l.color.upper() for l in self.labels + self.new}
        colour = next((c for c in SAFE_PALETTE if c not in used), SAFE_PALETTE[len(self.new) % len(SAFE_PALETTE)])
        label = Label(id=label_id, name=name, kind="span", color=colour, imported=True,
                      description=f"Added by the import of {source}.")
        self.new.append(label)
        return label

    def take_new(self) -> list[Label]:
        """The labels made since the last call (to store with the file that needed them)."""
        made, self.new = self.new, []
        self.labels += made
        return made

    def forget_new(self) -> None:
        """Drop labels made for a file that was refused."""
        self.new = []
