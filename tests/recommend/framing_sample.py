"""A labelled sample of synthetic framing articles (French and English) for the recommender's tests and benchmark.

Each article is built from templates and word pools: a headline, then paragraphs mixing plain
reporting, hedged claims, loaded terms, scare quotes, direct quotes with reporting verbs (neutral or
loaded), and a few traps (a loaded word used neutrally, a scare-quoted word used plainly, « régime »
as a pension scheme). Every span the generator writes is recorded in code points, and a "human"
misses a few of them (5%). Each article has a primary frame (the topic of most of its sentences,
with mixed-in sentences from another frame) and a tone (towards the main actor), both with some
coder noise.

Held-out vocabulary: every pool of span words is split into a *seen* part and an *unseen* part.
`training_articles` draw only seen words; `evaluation_articles` draw half of their words from the unseen
part, so a recommender scores on loaded terms, hedges, verbs and scare-quoted phrases it never saw
labelled. Some pool words are in the lexicons the app ships and some are not, so the benchmark can
tell generalisation by lexicon from generalisation by context.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

NBSP = "\u00a0"
FRAMES = ("economic", "legal", "security", "health", "environment")
TONES = ("negative", "neutral", "positive")
SPAN_LABELS = ("loaded_term", "hedge", "scare_quote", "direct_quote", "reporting_verb.neutral",
               "reporting_verb.loaded")

# Span word pools: (language, label) -> (seen words, unseen words). Unseen words never appear in a
# training article; each unseen list mixes words of the shipped lexicons with words absent from them.
POOLS: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("en", "loaded_term"): (
        ("regime", "thugs", "bloodbath", "propaganda", "gravy train", "elites", "cronies", "power grab", "fat cats",
         "draconian", "shambles", "fiasco", "stitch-up", "extremists", "zealots"),
        ("crackdown", "cabal", "witch hunt", "debacle", "hoax", "censorship", "scandal", "nanny state", "racketeers",
         "fearmongering", "jackboots", "carnage", "hatchet job")),
    ("fr", "loaded_term"): (
        ("régime", "casseurs", "usine à gaz", "propagande", "magouilles", "oligarques", "copinage", "mainmise",
         "enfumage", "gabegie", "mascarade", "fiasco", "caste", "taxe déguisée", "voyous"),
        ("matraquage", "diktat", "pillage", "trahison", "censure", "chasse aux sorcières", "scandale", "saignée",
         "bureaucratie tatillonne", "rouleau compresseur", "carnage", "passe-droit", "fumisterie")),
    ("en", "hedge"): (
        ("may", "could", "possibly", "perhaps", "reportedly", "appears to", "probably", "conceivably",
         "on the face of it", "seemingly"),
        ("might", "apparently", "arguably", "presumably", "potentially", "in all likelihood", "it would seem",
         "by all accounts")),
    ("fr", "hedge"): (
        ("pourrait", "semble", "sans doute", "peut-être", "probablement", "aurait", "visiblement",
         "selon toute apparence", "éventuellement", "a priori"),
        ("pourraient", "semblerait", "vraisemblablement", "apparemment", "serait", "devrait", "il se pourrait que",
         "manifestement", "à ce qu’il semble")),
    ("en", "scare_quote"): (
        ("flexibility", "partners", "efficiency savings", "dialogue", "common sense", "freedom", "temporary",
         "independent", "streamlining", "green growth", "innovation", "security measures"),
        ("modernisation", "reform", "voluntary", "consultation", "fair share", "rebalancing")),
    ("fr", "scare_quote"): (
        ("transition verte", "dialogue social", "bon sens", "souplesse", "partenaires", "sobriété", "simplification",
         "liberté d’expression", "apaisement", "sécurité globale", "territoires", "concertation"),
        ("modernisation", "réforme", "compétitivité", "responsabilité", "écologie de terrain", "efficacité")),
    ("en", "reporting_verb.neutral"): (
        ("said", "told reporters", "stated", "explained", "added", "relayed", "announced", "pointed out"),
        ("noted", "confirmed", "clarified", "specified")),
    ("fr", "reporting_verb.neutral"): (
        ("a déclaré", "a indiqué", "a expliqué", "a ajouté", "a complété", "a souligné", "a annoncé", "a rappelé"),
        ("a précisé", "a confirmé", "a signifié", "a relaté")),
    ("en", "reporting_verb.loaded"): (
        ("claimed", "insisted", "admitted", "alleged", "denied", "boasted", "warned", "slammed", "thundered",
         "crowed"),
        ("conceded", "complained", "lamented", "contended", "scoffed", "bristled", "seethed", "fulminated")),
    ("fr", "reporting_verb.loaded"): (
        ("a dénoncé", "a reconnu", "a admis", "a martelé", "a fustigé", "a nié", "a vitupéré", "a tonné"),
        ("a déploré", "a concédé", "a ironisé", "a clamé", "a asséné", "a persiflé", "a grincé", "a pesté")),
}

# Topic words per frame: (subjects, verb phrases, objects).
TOPICS: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    ("en", "economic"): (("the Treasury", "the central bank", "investors", "small businesses", "the finance ministry"),
                         ("raised", "cut", "reviewed", "froze", "announced"),
                         ("interest rates", "the budget deficit", "corporate taxes", "wages", "pension contributions",
                          "public spending")),
    ("en", "legal"): (("the court", "the judge", "the prosecutors", "the appeals tribunal", "defence lawyers"),
                      ("examined", "upheld", "overturned", "challenged", "suspended"),
                      ("the ruling", "the contract", "the indictment", "the statute", "the appeal", "the evidence")),
    ("en", "security"): (("the police", "the army", "the interior ministry", "border guards", "intelligence services"),
                         ("deployed", "reinforced", "monitored", "arrested", "patrolled"),
                         ("the border", "the protesters", "the suspects", "the checkpoints", "the surveillance cameras",
                          "the city centre")),
    ("en", "health"): (("the hospital", "doctors", "the health ministry", "nurses", "the regional health agency"),
                       ("treated", "vaccinated", "closed", "reopened", "screened"),
                       ("the patients", "the emergency ward", "the clinics", "the waiting lists", "the vaccine",
                        "the infection rate")),
    ("en", "environment"): (("the environment agency", "farmers", "climate scientists", "the water company",
                             "campaigners"),
                            ("polluted", "protected", "measured", "restored", "drained"),
                            ("the river", "carbon emissions", "the wetlands", "the forest", "air quality",
                             "the coastline")),
    ("fr", "economic"): (("le Trésor", "la Banque centrale", "les investisseurs", "les PME", "Bercy"),
                         ("a relevé", "a réduit", "a revu", "a gelé", "a présenté"),
                         ("les taux d’intérêt", "le déficit budgétaire", "l’impôt sur les sociétés", "les salaires",
                          "les cotisations retraite", "la dépense publique")),
    ("fr", "legal"): (("le tribunal", "la juge", "le parquet", "la cour d’appel", "les avocats de la défense"),
                      ("a examiné", "a confirmé", "a annulé", "a contesté", "a suspendu"),
                      ("le jugement", "le contrat", "l’acte d’accusation", "la loi", "l’appel", "les preuves")),
    ("fr", "security"): (("la police", "l’armée", "le ministère de l’Intérieur", "les gendarmes", "les services de renseignement"),
                         ("a déployé", "a renforcé", "a surveillé", "a interpellé", "a patrouillé"),
                         ("la frontière", "les manifestants", "les suspects", "les points de contrôle",
                          "les caméras de surveillance", "le centre-ville")),
    ("fr", "health"): (("l’hôpital", "les médecins", "le ministère de la Santé", "les infirmières", "l’agence régionale de santé"),
                       ("a soigné", "a vacciné", "a fermé", "a rouvert", "a dépisté"),
                       ("les patients", "les urgences", "les cliniques", "les listes d’attente", "le vaccin",
                        "le taux d’infection")),
    ("fr", "environment"): (("l’Office de l’eau", "les agriculteurs", "les climatologues", "la compagnie des eaux",
                             "les associations"),
                            ("a pollué", "a protégé", "a mesuré", "a restauré", "a asséché"),
                            ("la rivière", "les émissions de carbone", "les zones humides", "la forêt", "la qualité de l’air",
                             "le littoral")),
}

SPEAKERS = {"en": ("Judge Margaret Hollis", "the minister", "a spokesman", "Tomasz Wrobel", "Dr Amina Osei",
                   "the mayor", "a union leader", "Sarah Kline", "the chief executive", "an opposition MP"),
            "fr": ("la ministre", "un porte-parole", "Hélène Marchal", "le maire", "Karim Benali", "la préfète",
                   "un syndicaliste", "le PDG", "une députée de l’opposition", "Jean-Luc Moreau")}
TIMES = {"en": ("on Tuesday", "last week", "this morning", "in March", "on Friday", "after months of talks"),
         "fr": ("mardi", "la semaine dernière", "ce matin", "en mars", "vendredi", "après des mois de discussions")}
TONE_WORDS = {("en", "negative"): ("disastrous", "chaotic", "alarming", "costly", "failed"),
              ("en", "positive"): ("successful", "welcome", "promising", "effective", "praised"),
              ("fr", "negative"): ("désastreux", "chaotique", "alarmant", "coûteux", "raté"),
              ("fr", "positive"): ("réussi", "bienvenu", "prometteur", "efficace", "salué")}
QUOTE_MARKS = {"en": ("\u201c", "\u201d"), "fr": ("«" + NBSP, NBSP + "»")}


def seen_words(language: str, label: str) -> tuple[str, ...]:
    """Pool words that training articles may use."""
    return POOLS[(language, label)][0]


def unseen_words(language: str, label: str) -> tuple[str, ...]:
    """Pool words that only test articles use (never in a training article)."""
    return POOLS[(language, label)][1]


@dataclass
class SampleArticle:
    """A generated article with its spans (start, end, label) in code points and its document answers."""

    id: str
    language: str
    text: str
    spans: list[tuple[int, int, str]]
    frame: str
    tone: str
    unseen_spans: list[tuple[int, int, str]] = field(default_factory=list)  # spans whose words are held out


class _Builder:
    """Concatenates text pieces and records the spans opened and closed around them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[tuple[int, int, str]] = []
        self.unseen: list[tuple[int, int, str]] = []
        self._open: list[tuple[str, int, bool]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def open(self, label: str, unseen: bool = False) -> None:
        self._open.append((label, self.length, unseen))

    def close(self) -> None:
        label, start, unseen = self._open.pop()
        self.spans.append((start, self.length, label))
        if unseen:
            self.unseen.append((start, self.length, label))

    def labelled(self, text: str, label: str, unseen: bool = False) -> None:
        self.open(label, unseen)
        self.add(text)
        self.close()

    def text(self) -> str:
        return "".join(self.parts)


class _ArticleWriter:
    """Writes one article; `pick` draws pool words (seen only, or partly unseen for evaluation articles)."""

    def __init__(self, rng: random.Random, language: str, frame: str, tone: str, unseen_share: float):
        self.rng, self.lang, self.frame, self.tone = rng, language, frame, tone
        self.unseen_share = unseen_share
        self.b = _Builder()
        self.other_frame = rng.choice([f for f in FRAMES if f != frame])

    def pick(self, label: str) -> tuple[str, bool]:
        if self.unseen_share and self.rng.random() < self.unseen_share:
            return self.rng.choice(unseen_words(self.lang, label)), True
        return self.rng.choice(seen_words(self.lang, label)), False

    def put(self, label: str) -> None:
        word, unseen = self.pick(label)
        self.b.labelled(word, label, unseen)

    def topic(self) -> tuple[str, str, str]:
        frame = self.frame if self.rng.random() < 0.7 else self.other_frame
        subjects, verbs, objects = TOPICS[(self.lang, frame)]
        subject, verb = self.rng.choice(subjects), self.rng.choice(verbs)
        if self.lang == "fr" and subject.startswith("les "):
            verb = "ont" + verb[1:]  # « les médecins ont soigné »
        return subject, verb, self.rng.choice(objects)

    def speaker(self) -> str:
        return self.rng.choice(SPEAKERS[self.lang])

    def quote(self, content) -> None:
        opening, closing = QUOTE_MARKS[self.lang]
        self.b.add(opening)
        content()
        self.b.add(closing)

    # -- sentences ------------------------------------------------------------------------------

    def plain(self) -> None:
        s, v, o = self.topic()
        self.b.add(f"{s[0].upper()}{s[1:]} {v} {o} {self.rng.choice(TIMES[self.lang])}. ")

    def hedged(self) -> None:
        s, v, o = self.topic()
        word, unseen = self.pick("hedge")
        first = {"en": ("in all likelihood", "on the face of it", "it would seem", "perhaps", "apparently"),
                 "fr": ("selon toute apparence", "il se pourrait que", "peut-être", "à ce qu’il semble")}[self.lang]
        if word in first:  # a sentence adverbial: it opens the sentence, capitalised
            self.b.labelled(word[0].upper() + word[1:], "hedge", unseen)
            if word == "il se pourrait que":
                self.b.add(f" {s} {'aient' if s.startswith('les ') else 'ait'} {v.split(' ', 1)[1]} {o}. ")
            else:
                self.b.add(f", {s} {v} {o}. ")
            return
        self.b.add(f"{s[0].upper()}{s[1:]} ")
        if self.lang == "en":
            if word in ("may", "might", "could"):
                self.b.labelled(word, "hedge", unseen)
                self.b.add(f" have {v} {o}. ")
            elif word == "appears to":
                self.b.labelled(word, "hedge", unseen)
                self.b.add(f" have {v} {o}. ")
            else:
                self.b.labelled(word, "hedge", unseen)
                self.b.add(f" {v} {o}. ")
            return
        auxiliary, participle = v.split(" ", 1)
        if word in ("aurait",):
            self.b.labelled(word, "hedge", unseen)
            self.b.add(f" {participle} {o}. ")
        elif word == "serait":
            self.b.labelled(word, "hedge", unseen)
            self.b.add(f" sur le point de revoir {o}. ")
        elif word in ("pourrait", "pourraient", "semble", "semblerait", "sembleraient", "devrait"):
            self.b.labelled(word, "hedge", unseen)
            self.b.add(f" avoir {participle} {o}. ")
        else:  # an adverb between auxiliary and participle: « a sans doute annulé »
            self.b.add(f"{auxiliary} ")
            self.b.labelled(word, "hedge", unseen)
            self.b.add(f" {participle} {o}. ")

    def loaded(self) -> None:
        s, _, o = self.topic()
        fr = self.lang == "fr"
        speaker = self.speaker()
        if self.rng.random() < 0.5:
            self.b.add(f"{speaker[0].upper()}{speaker[1:]} " + ("a comparé " if fr else "compared ") + o
                       + (" à un véritable " if fr else " to a ") )
            self.put("loaded_term")
            self.b.add(". ")
        else:
            self.b.add(("Pour les critiques, il s’agit d’un " if fr else "Critics described it as a "))
            self.put("loaded_term")
            self.b.add((" orchestré par " if fr else " orchestrated by ") + s + ". ")

    def scare(self) -> None:
        fr = self.lang == "fr"
        s, v, o = self.topic()
        word, unseen = self.pick("scare_quote")
        speaker = self.speaker()
        roll = self.rng.random()
        if roll < 0.25:
            self.b.add(f"{s[0].upper()}{s[1:]} {v} {o} " + ("au nom de la " if fr else "in the name of "))
            tail = f", selon {speaker}. " if fr else f", according to {speaker}. "
        elif roll < 0.5:
            self.b.add("La soi-disant " if fr else "The so-called ")
            tail = f" cache mal la réalité, selon {speaker}. " if fr else f" hides another reality, according to {speaker}. "
        elif roll < 0.75:
            self.b.add(f"Ce que {s} appelle la " if fr else f"What {s} calls ")
            tail = f" cache mal la réalité, selon {speaker}. " if fr else f" hides another reality, according to {speaker}. "
        else:
            self.b.add("Derrière la " if fr else "Behind the ")
            tail = f" promise par {s}, rien n’a changé. " if fr else f" promised by {s}, little has changed. "
        self.quote(lambda: self.b.labelled(word, "scare_quote", unseen))
        self.b.add(tail)

    def direct(self) -> None:
        fr = self.lang == "fr"
        s, v, o = self.topic()
        kind = "reporting_verb.loaded" if self.rng.random() < (0.6 if self.tone == "negative" else 0.3) \
            else "reporting_verb.neutral"
        speaker = self.speaker()

        def content() -> None:
            self.b.open("direct_quote")
            if self.rng.random() < 0.08:
                self.b.add("\U0001F6A8 ")
            if fr:
                self.b.add(f"{s[0].upper()}{s[1:]} {v} {o}, et c’est un ")
            else:
                self.b.add(f"{s[0].upper()}{s[1:]} {v} {o}, and that is a ")
            if self.rng.random() < 0.5:
                self.put("loaded_term")
            else:
                self.b.add("choix" if fr else "choice")
            self.b.add(".")
            self.b.close()

        if self.rng.random() < 0.5:  # speaker, verb, colon, quote
            self.b.add(f"{speaker[0].upper()}{speaker[1:]} ")
            self.put(kind)
            self.b.add(f"{NBSP}: " if fr else ": ")
            self.quote(content)
            self.b.add(" ")
        else:  # quote, comma, verb, speaker
            opening, closing = QUOTE_MARKS[self.lang]
            self.b.add(opening)
            self.b.open("direct_quote")
            self.b.add(f"{s[0].upper()}{s[1:]} {v} {o}")
            self.b.close()
            self.b.add(f",{closing} " if not fr else f"{closing}, ")
            self.put(kind)
            self.b.add(f" {speaker}. ")

    def indirect(self) -> None:
        fr = self.lang == "fr"
        s, v, o = self.topic()
        kind = "reporting_verb.loaded" if self.rng.random() < 0.4 else "reporting_verb.neutral"
        speaker = self.speaker()
        self.b.add(f"{speaker[0].upper()}{speaker[1:]} ")
        self.put(kind)
        self.b.add(f" que {s} {v} {o}. " if fr else f" that {s} {v} {o}. ")

    def toned(self) -> None:
        fr = self.lang == "fr"
        s, v, o = self.topic()
        if self.tone == "neutral":
            self.b.add(f"Le bilan de {o} sera connu {self.rng.choice(TIMES['fr'])}. " if fr
                       else f"The results for {o} will be known {self.rng.choice(TIMES['en'])}. ")
            return
        word = self.rng.choice(TONE_WORDS[(self.lang, self.tone)])
        self.b.add(f"Le bilan de {s} est jugé {word}. " if fr else f"The record of {s} is judged {word}. ")

    def trap(self) -> None:
        """Words that the string baseline will wrongly flag: no span here."""
        fr = self.lang == "fr"
        roll = self.rng.random()
        if roll < 0.4:
            self.b.add("Le régime de retraite des fonctionnaires reste inchangé. " if fr
                       else "The tax regime for small firms stays unchanged. ")
        else:
            word = self.rng.choice(seen_words(self.lang, "scare_quote"))
            self.b.add(f"Le mot {word} revient souvent dans les débats. " if fr
                       else f"The word {word} comes up often in the debate. ")

    def headline(self) -> None:
        s, v, o = self.topic()
        self.b.add(f"{s[0].upper()}{s[1:]} {v} {o}\n\n")

    def article(self) -> None:
        self.headline()
        loaded_weight = {"negative": 0.2, "neutral": 0.06, "positive": 0.04}[self.tone]
        kinds = (self.plain, self.hedged, self.loaded, self.scare, self.direct, self.indirect, self.toned, self.trap)
        weights = (0.3, 0.12, loaded_weight, 0.08, 0.14, 0.1, 0.1, 0.05)
        paragraphs = self.rng.randint(5, 9)
        for p in range(paragraphs):
            for _ in range(self.rng.randint(3, 6)):
                self.rng.choices(kinds, weights)[0]()
            if self.b.parts and self.b.parts[-1].endswith(" "):
                self.b.parts[-1] = self.b.parts[-1][:-1]
                self.b.length -= 1
            if p < paragraphs - 1:
                self.b.add("\n\n")


def make_article(n: int, seed: int, unseen_share: float = 0.0, miss_rate: float = 0.05,
                 answer_noise: float = 0.1) -> SampleArticle:
    """Article number `n` of the sample drawn with `seed` (deterministic)."""
    rng = random.Random(f"{seed}-{n}")
    language = "fr" if rng.random() < 0.5 else "en"
    frame, tone = rng.choice(FRAMES), rng.choices(TONES, (0.4, 0.35, 0.25))[0]
    writer = _ArticleWriter(rng, language, frame, tone, unseen_share)
    writer.article()
    text = writer.b.text()
    spans = sorted(s for s in writer.b.spans if rng.random() >= miss_rate)
    answer_frame = writer.other_frame if rng.random() < answer_noise else frame
    answer_tone = rng.choice([t for t in TONES if t != tone]) if rng.random() < answer_noise else tone
    kept = set(spans)
    return SampleArticle(f"{seed}-{n:05d}", language, text, spans, answer_frame, answer_tone,
                         sorted(s for s in writer.b.unseen if s in kept))


def training_articles(count: int, seed: int = 1) -> list[SampleArticle]:
    """`count` articles using only the seen words (what annotators have labelled so far)."""
    return [make_article(n, seed) for n in range(count)]


def evaluation_articles(count: int, seed: int = 99, unseen_share: float = 0.5) -> list[SampleArticle]:
    """`count` articles where half of the span words are held out of every training article."""
    return [make_article(n, seed, unseen_share=unseen_share) for n in range(count)]
