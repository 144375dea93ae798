"""Synthetic news corpora of realistic shape for the benchmarks: French and English articles of 2-20 kB.

Articles are built from a pool of generated sentences (so that 100,000 of them take seconds, not
minutes): a headline, then paragraphs of 2-6 sentences until the article reaches a size drawn
log-uniformly between 2 and 20 kB, with quotes, guillemets, accents and the odd emoji. Spans for
several annotators are laid on stored texts with `spans_for`: a share of documents is coded by
everyone (the agreement sample, where coders mostly agree), the rest by one annotator each.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Iterator

FRENCH = ("le gouvernement a annoncé mardi une réforme des retraites qui suscite la colère des syndicats "
          "selon le ministre de l'Économie les mesures sont indispensables pour l'équilibre des comptes "
          "les manifestants se sont rassemblés place de la République à Paris et dans plusieurs villes "
          "d'après l'AFP la police a dénombré des milliers de personnes tandis que la CGT avance un chiffre "
          "bien plus élevé l'opposition dénonce un passage en force et réclame un référendum sur le texte "
          "les experts interrogés jugent la situation préoccupante mais pas encore critique pour l'économie "
          "la Première ministre a répété que le projet irait jusqu'au bout malgré la grève").split()
ENGLISH = ("the government announced on Tuesday a pension reform that angered unions across the country "
           "according to the finance minister the measures are essential to balance the public accounts "
           "protesters gathered in central London and in several other cities despite the heavy rain "
           "police said thousands of people had joined the march while organisers claimed far more "
           "the opposition denounced what it called a power grab and demanded a vote in parliament "
           "experts interviewed by the newspaper described the situation as worrying but not yet critical "
           "the prime minister reportedly insisted that the plan would go ahead despite the strikes").split()
QUOTES = {"fr": ("« ", " »"), "en": ("\u201c", "\u201d")}
REPORTING = {"fr": ("a déclaré", "affirme", "a dénoncé", "estime"), "en": ("said", "claimed", "warned", "insisted")}


def _sentence(rng: random.Random, words: list[str], language: str) -> str:
    body = " ".join(rng.choice(words) for _ in range(rng.randint(8, 26)))
    roll = rng.random()
    if roll < 0.2:
        opening, closing = QUOTES[language]
        speaker = rng.choice(("le ministre", "un porte-parole", "Mme Dupont") if language == "fr"
                             else ("the minister", "a spokesperson", "Ms Smith"))
        return f"{opening}{body.capitalize()}{closing}, {rng.choice(REPORTING[language])} {speaker}."
    if roll < 0.23:
        return f"{body.capitalize()} \U0001F44D\U0001F3FD."
    return body.capitalize() + "."


class ArticleMaker:
    """Makes articles from pools of sentences in French and English."""

    def __init__(self, seed: int = 0, pool: int = 3000):
        rng = random.Random(seed)
        self.rng = random.Random(seed + 1)
        self.pools = {"fr": [_sentence(rng, FRENCH, "fr") for _ in range(pool)],
                      "en": [_sentence(rng, ENGLISH, "en") for _ in range(pool)]}

    def article(self, n: int) -> dict[str, str]:
        """Article number `n` as a corpus record: title, text, outlet, date, language, url."""
        rng = self.rng
        language = "fr" if rng.random() < 0.5 else "en"
        target = int(math.exp(rng.uniform(math.log(2_000), math.log(20_000))))  # bytes of UTF-8
        pool = self.pools[language]
        title = f"{rng.choice(pool)[:-1]} ({n})"
        paragraphs, size = [], len(title)
        while size < target:
            paragraph = " ".join(rng.choices(pool, k=rng.randint(2, 6)))
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        outlet = rng.choice(("Le Monde", "Libération", "Le Figaro") if language == "fr"
                            else ("The Guardian", "The Times", "Reuters"))
        return {"title": title, "text": "\n\n".join(paragraphs), "outlet": outlet, "language": language,
                "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "url": f"https://news.example/{language}/{n}"}


def write_corpus(folder: Path, documents: int, per_file: int = 1000, seed: int = 0) -> list[Path]:
    """JSON Lines files of `per_file` articles each (the way news databases export), in `folder`."""
    maker = ArticleMaker(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for first in range(0, documents, per_file):
        path = folder / f"corpus-{first // per_file:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n in range(first, min(documents, first + per_file)):
                out.write(json.dumps(maker.article(n), ensure_ascii=False) + "\n")
        files.append(path)
    return files


def spans_for(text: str, coders: list[str], per_coder: int, labels: list[str],
              rng: random.Random) -> Iterator[tuple[str, str, int, int]]:
    """(annotator, label, start, end) spans for `coders` on one text; several coders mostly agree."""
    length = len(text)
    if length < 100:
        return
    base = []
    for _ in range(per_coder):
        start = rng.randrange(0, length - 90)
        base.append((rng.choice(labels), start, start + rng.randint(4, 80)))
    for coder in coders:
        for label, start, end in base:
            if len(coders) > 1 and rng.random() < 0.25:  # disagreement: another place or label
                start = rng.randrange(0, length - 90)
                end = start + rng.randint(4, 80)
                label = rng.choice(labels)
            elif len(coders) > 1:
                start = max(0, start + rng.randint(-3, 3))
                end = min(length, max(start + 1, end + rng.randint(-3, 3)))
            yield coder, label, start, end
