"""The hand marking of the blind set, written as quoted words and turned into offsets (never by the detectors).

Run once: python tests/suggest/blind/marking.py  -> writes one <name>.json per <name>.txt.

Each line of a MARKS table is `kind | quote | speaker | verb | which | note`:
- kind: D direct_quote, S scare_quote, C cited_name;
- quote: the quoted words exactly as in the text (a space matches any space, NBSP or narrow NBSP;
  ' and ’ match each other); "first words ... last words" stands for a long quote;
- speaker, verb (direct quotes only, may be empty): the words naming who speaks and the verb group;
  the verb is the occurrence nearest the quote in its paragraph, the speaker the one nearest the verb;
- which: empty (the quote occurs once between quotation marks), "all", a 1-based number,
  or "bare" for a hashtag written without quotation marks;
- note: the sub-kind (mention, hypothetical, title, slogan...), for reading the errors.
This script imports nothing from annotator: the offsets come from the text alone.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"D": "direct_quote", "S": "scare_quote", "C": "cited_name"}
OPENERS = "«‹“„‘\"'"
CLOSERS = "»›”“’\"'"
SPACES = " \u00a0\u202f\t\n"

MARKS: dict[str, str] = {}

MARKS["fr-clermont-municipales"] = """
D | qui respire | Sophie Marchal | promet | | title partial quote
C | Clermont, ensemble et maintenant | | | | slogan
D | sobre mais ambitieux | | | | no reporting verb
D | Nous avons laissé la voiture ... à ceux qui y vivent | elle | a-t-elle lancé | |
C | Mille arbres pour Clermont | | | | programme
D | abandonné les quartiers nord | elle | accuse | |
D | Depuis six ans ... juge sur pièces | Sophie Marchal | a insisté | |
C | Clermont Propre | | | | programme
D | très maigre | elle | | | selon
D | Mme Marchal découvre ... depuis le premier jour | Jean-Paul Vidal | a répliqué | |
C | Clermont avance | | | | slogan
D | catalogue de promesses | Son entourage | qualifie | |
S | intenable | | | | echo, no source
D | Ceux qui me diront ... depuis 2018 | elle | a-t-elle répondu | |
S | irréaliste | | | | hypothetical speaker
S | gratuité | | | | mention (le mot)
D | coûteuse et mal ciblée | Un élu écologiste | juge | |
D | On ne fera pas campagne sur un slogan | il | prévient-il | |
C | #ClermontRespire | | | bare | hashtag
D | campagne Instagram | on | ironiser | | on = the mayor's team
D | Je serai là, et je viendrai avec des chiffres | Sophie Marchal | a promis | |
"""

MARKS["fr-rennes-proces-escroquerie"] = """
C | Livret Horizon 8 % | | | | product
D | Vous leur promettiez ... pour un livret ? | la présidente | a demandé | |
D | Je pensais pouvoir rembourser ... me refaire | le prévenu | a répondu | |
D | toute une vie de travail à la ferme | | | | no reporting verb
D | Il venait prendre le café ... de la famille | elle | a-t-elle raconté | |
D | charmant, toujours disponible | Un autre retraité | a décrit | |
D | le dimanche soir s’il le fallait | Un autre retraité | a décrit | |
D | Mon client n’a pas mené ... pas un plan | il | a-t-il plaidé | |
S | escroc | | | | mention (le mot)
D | ne dit rien de la honte qui l’habite depuis quatre ans | il | a-t-il insisté | |
D | Ce dossier n’est pas ... les plus confiantes | il | a-t-il martelé | |
D | défaillances | Il | a également pointé | |
D | Nos procédures ont été ... les contourner | son avocate | a fait valoir | |
D | Je ne demande pas ... me laisse rembourser | il | a-t-il dit | |
"""

MARKS["fr-pau-rugby"] = """
D | On savait qu’on avait ... à toute la France | le capitaine Mathieu Lacoste | a savouré | |
C | Allez Section, allez ! | | | | chant
D | On a pris deux claques ... comme ça | Etcheverry | a raconté | |
D | C’est notre ADN ... pousse avec nous | l’entraîneur des avants | a résumé | |
D | Je n’ai toujours pas compris ... calmement | le manager Laurent Mignot | a glissé | |
S | exploit | | | | mention (parler d'« exploit »)
D | Le mot est trop fort ... Point | l’entraîneur principal | a tranché | |
D | étape | Sébastien Darrigrand | évoquer | | relative clause
C | Pau, la crise de confiance | | | | headline
C | Ici c’est Pau | | | | chant
C | Paquito | | | | song title
D | Je viens depuis trente ans ... contre Toulouse | Jean-Marc | confiait | |
D | Là-bas, ce sera une autre guerre | Lacoste | prévient | |
"""

MARKS["fr-heures-claires-critique"] = """
C | Les Heures claires | | | all | film title
D | respectueux mais perplexe | la critique anglo-saxonne | avait qualifié | |
D | Je voulais filmer le temps ... des événements | Inès Ferrand | expliquait | |
D | Le cinéma a peur de l'ennui ... une forme d'attention. | | | | follows an attribution
S | attention | | | | echo of the quote
C | Sous la glycine | | | | film title
D | Au début, je croyais ... sur le maïs | il | s'amuse-t-il | |
C | le Parisien | | | | nickname
C | Tant que durent les blés | | | | song title
D | plus beau somnifère de l'année | certains spectateurs | ont déjà qualifié | |
D | On me dit que c'est lent ... la vie à la campagne | elle | sourit-elle | |
C | L'Hiver des bêtes | | | | book title
"""

MARKS["fr-sommeil-adolescents"] = """
D | Nous observons une dette ... pendant les vacances | la neurobiologiste Hélène Vasseur | résume | |
S | dette de sommeil | | | | mention (le terme)
S | coupable | | | | generic discourse
D | Les horaires scolaires ... à 6 heures | Karim Ait-Saïd | explique | |
D | Attention à ne pas inverser la causalité | Hélène Vasseur | prévient | |
D | Un élève anxieux ... pas une flèche. | | | | follows an attribution
C | Rythmes et réussite | | | | programme
D | intéressant mais bien trop timide | la Fédération des conseils de parents d’élèves | jugé | | passive
D | On ne va pas résoudre ... par semaine | sa présidente | a réagi | |
D | impossibles à construire | Les syndicats d’enseignants | s’inquiètent | |
C | Dors, t’es au top ! | | | | guide title
D | Les adolescents écoutent ... ne marche pas | Karim Ait-Saïd | sourit | |
S | c’est pour ton bien | | | | mention (le ton)
"""

MARKS["fr-tribune-village-accueil"] = """
D | Notre village n’a pas été submergé, il a été réveillé | | | | title, the author's words
D | catastrophe | D’autres | promettaient | |
D | l’invasion | Un habitant | a écrit | |
S | submergées | | | | hypothetical speaker
S | intégration | | | | generic (on parle de), mention
D | réussite exemplaire | il | a parlé | |
D | Ils sont une chance pour la France | on | entend-on | | generic speaker, full sentence
D | Ils coûtent trop cher | d’autres | répondent | |
C | Territoires d’accueil | | | | programme
"""

MARKS["fr-velio-levee-fonds"] = """
D | Nous avons prouvé ... ouverte longtemps | sa cofondatrice et directrice générale | a déclaré | |
C | Vélio Flex | | | | product
C | Vélio Cargo | | | | product
D | à l’équilibre opérationnel | La société | affirme | |
D | Beaucoup d’entreprises ... des investisseurs | Olivier Ternant | analyse | |
D | plus robuste | lui | | | selon
D | très dépendant du coût de la maintenance | lui | | | selon
S | licorne | | | | mention (le mot)
D | On ne parle plus de valorisation ... bonne nouvelle | Camille Rostand | estime | |
C | #VélioPartout | | | bare | hashtag
D | interminables | plusieurs utilisateurs | se plaignent | |
D | difficultés ponctuelles | l’entreprise | reconnaît | |
D | Dans cinq ans ... comme Frigidaire | elle | lance-t-elle | |
"""

MARKS["fr-plouvien-medecin-portrait"] = """
D | Je pars sans successeur | | | | title
C | Viens soigner chez nous | | | | campaign
D | J’ai tout essayé ... Je ne leur en veux pas | il | confie-t-il | |
C | zone d’intervention prioritaire | | | | official designation
D | On a inventé des primes ... Je ne le souhaite à personne. | | | | two paragraphs
C | Merci docteur | | | | sign
D | Il a soigné mon père ... d’ordonnance | Annick Le Roux | s’inquiète | |
D | désert médical qui avance d’un village par an | Le maire | parle | |
D | d’ici dix-huit mois | Le maire | promet | |
C | Quarante hivers | | | | book title
D | Ce ne sera pas un roman ... ce que j’ai vu | il | précise-t-il | |
"""

MARKS["en-whitfield-housing-plan"] = """
C | Fresh Start | | | | programme
D | the most ambitious in a generation | she | called | |
D | a wish list. | Republican leaders | have already dismissed | |
C | Fresh Start Pennsylvania | | | | programme
D | predatory | Whitfield | described | |
D | Every family in this state ... or the deed | Whitfield | told | |
D | That used to be the deal ... the deal again. | | | | follows an attribution
C | A Home for Every Family | | | | slogan
C | Housing Is Health | | | | slogan
C | Build it now! | | | | chant
D | not serious | Senate Majority Leader Tom Kessler | said | |
D | We all want more housing ... can’t cash | Kessler | said | |
S | affordable | | | all | mention (the word)
D | If ‘affordable’ means ... the people we serve | Renee Alvarez | said | |
D | This is a framework, not a finished product | Marcus Bell | said | |
D | We expect to negotiate. | | | | follows an attribution
S | builder’s remedy | | | | so-called
C | Montana Miracle | | | | programme
D | If the Senate won’t move ... in the state | she | said | |
"""

MARKS["en-okafor-fraud-trial"] = """
D | a family, not a scheme | Crypto founder | tells | | title
D | I believed in what we were building every single day | Daniel Okafor | said | |
D | When I told people ... believed that too. | | | | follows an attribution
C | Lumen Earn | | | | product
D | the float | Okafor | referred | |
D | keep the music playing. | Okafor | told | |
D | a joke, a bad one | Okafor | said | |
D | Mr. Okafor, you used ... forty-one times? | she | asked | |
S | float | | | | mention (the word)
D | No | Okafor | replied | |
D | It was a habit. | | | | follows an attribution
C | Why Lumen Will Never Freeze Withdrawals | | | | video title
D | more than enough | he | assured | |
D | a family | He | described | |
D | This is the worst thing ... lost their savings | he | said | |
C | Where's My Money? | | | | slogan
D | He keeps talking about ... That's the problem | she | said | |
D | Let's take it one day at a time | Whitcomb | told | |
"""

MARKS["en-harbridge-football"] = """
D | perfect night | | | | headline partial quote
D | complacency | their manager | had spoken | |
D | We talked about it all week ... we said we wouldn’t | Calloway | said | |
D | We were sloppy ... what we deserved. | | | | follows an attribution
D | soft, really soft | Calloway | described | |
C | We’re staying up | | | | chant
D | It was a perfect night. I just closed my eyes and jumped | Osei | said | |
D | My mum was in the stand ... that one’s for her. | | | | follows an attribution
D | Score one for me. | She | told | |
D | People will say we got lucky ... in this league | he | said | |
D | Ask me in May. | he | added | |
C | Pike Out | | | | banner slogan
C | In Pike We Trust | | | | banner slogan
D | the most resilient I’ve ever worked with | Calloway | has described | |
D | One bad night doesn’t make a bad season | she | said | |
D | We’ll be back on the training pitch ... we’ll be fine. | | | | follows an attribution
C | #BackOnMonday | | | bare | hashtag
C | Mill Lane magic | | | | caption
"""

MARKS["en-holt-album-review"] = """
C | Low Tide Hymns | | | all | album title
C | Salt | | | | song title
C | Neon Chapel | | | all | album title
D | People hear an acoustic guitar and they say it’s folk | she | told | |
D | But I was listening ... more than anything. | | | | follows an attribution
S | night | | | | mention (the word)
C | Harbour Lights | | | | song title
D | I kept the porch light on for a ship that never came. | | | | lyric after a colon
C | Tuesday Girl | | | | song title
C | Everything After | | | | song title
D | stubborn hope. | Holt | calls | |
C | Driftwood | | | | song title
C | Letters | | | | song title
D | I cut four songs ... if I chose right | she | said | |
D | amicable | Her former label | described | |
D | They wanted another ‘Neon Chapel’ and I wanted to make this | she | said | |
D | I think we were both right ... the same record. | | | | follows an attribution
C | #HoltAtHighTide | | | bare | hashtag
"""

MARKS["en-brightwell-layoffs"] = """
C | Atlas | | | all | product
D | the hardest decision I have made in this job | chief executive Priya Raman | said | |
D | right-sizing | chief executive Priya Raman | described | |
D | We grew faster than our customers did. That is on me | Raman | wrote | |
D | The people leaving us ... nothing wrong. | | | | follows an attribution
D | the biggest change to our product since we moved to the cloud. | Raman | has called | |
D | Every software company ... more AI | Gabriel Moss | said | |
D | The question is whether ... the evidence is thin. | | | | follows an attribution
D | a genuine differentiator | Janet Liu of Harwood Partners | calling | |
C | An update on your role. | | | | email subject line
D | It was 7:02 in the morning. I hadn't even had coffee | one engineer | said | |
C | #BrightwellLayoffs | | | bare | hashtag
C | Build Bright | | | | motto
D | hollow | many | describing | |
"""

MARKS["en-tasmania-kelp-study"] = """
D | a narrow window of hope. | researchers | called | |
C | Thermal tolerance and the persistence ... in a warming hotspot | | | | paper title
D | We used to dive ... see the surface | Dr. Imogen Carter | said | |
D | Now you can swim ... a handful of plants. | | | | follows an attribution
S | marine heatwave | | | | mention (the term)
S | collapse | | | | hypothetical (would call)
D | A collapse implies it’s over. It isn’t | she | said | |
C | Project Sea Forest | | | | programme
D | encouraging | Carter | said | |
D | Planting kelp is valuable ... not a solution | Professor Martin Oyelaran | said | |
D | If we don’t cut emissions ... every five years. | | | | follows an attribution
S | urchin barrens | | | | term (what divers call)
C | Tassie Uni | | | | brand
D | deeply concerned | A spokeswoman for the environment minister | said | |
D | consider the study’s recommendations carefully. | A spokeswoman for the environment minister | said | |
D | I have a daughter who is six ... not in a photograph | she | said | |
"""

MARKS["en-millbrook-downtown-opinion"] = """
S | dead | | | | mention in the headline
S | dead. | | | all | generic source; mention (retire the word)
C | Bringing Millbrook Back. | | | | headline
D | a ghost town with parking meters. | Councilmember Greg Tilley | told | |
S | overrun | | | | hypothetical speaker
S | finished | | | | hypothetical speaker
S | death of downtown. | | | | so-called
C | Millbrook Forward | | | | programme
D | I don’t need another garage ... after 6 p.m. | Dana Kowalski | said | |
D | there’s nothing open at night. | | | | survey answer
C | Live Above the Shop. | | | | campaign
S | dying | | | | generic speaker
S | unfinished. | | | | mention
"""

MARKS["en-nwosu-conductor-interview"] = """
D | I still get stage fright | | | | headline
D | I still get stage fright. Every single concert | she | says | |
D | I think the day I stop ... stop doing this. | | | | follows an attribution
D | listened to Fela Kuti and Mahler in the same afternoon. | she | says | |
D | a debut that felt like a homecoming. | one critic | called | |
C | Symphony on the Block | | | | programme
D | People told me it was a gimmick. Maybe it was, at first | she | says | |
D | But you go into a laundromat ... Making people know it’s for them. | | | | two paragraphs, follows an attribution
D | I didn’t know this was for me. | he | said | |
D | chasing headlines instead of excellence | A 2019 review in the Lakeshore Tribune | accused | |
D | Strauss is wonderful ... to be a curator. | | | | no attribution in its sentence
D | The rehearsals. Concerts are ... the friendship happens. | she | answers | |
C | The Loudest Room | | | | book title
D | Eleven years of eating dinner at 11 p.m. after concerts | she | says | |
D | My doctor is very happy about this decision. | | | | follows an attribution
"""


def _pattern(words: str) -> str:
    out = []
    for ch in words:
        if ch == " ":
            out.append(f"[{SPACES}]+")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _word_pattern(words: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + _pattern(words) + r"(?!\w)")


def _opened(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in SPACES:
        k -= 1
    return k >= 0 and text[k] in OPENERS


def _closed(text: str, end: int) -> bool:
    k = end
    while k < len(text) and text[k] in SPACES:
        k += 1
    if k < len(text) and text[k] == ",":
        k += 1
        while k < len(text) and text[k] in SPACES:
            k += 1
    return k < len(text) and text[k] in CLOSERS


def _quote_spans(text: str, quote: str, bare: bool) -> list[tuple[int, int]]:
    """Every place `quote` ("a ... b" for a long one) stands between quotation marks."""
    if bare:
        return [m.span() for m in re.finditer(r"(?<![\w#])" + re.escape(quote) + r"(?!\w)", text)]
    head, _, tail = quote.partition(" ... ")
    spans = []
    for m in re.finditer(_pattern(head), text):
        if not _opened(text, m.start()):
            continue
        if not tail:
            if _closed(text, m.end()):
                spans.append(m.span())
            continue
        for t in re.finditer(_pattern(tail), text[m.end():]):
            end = m.end() + t.end()
            if _closed(text, end):
                spans.append((m.start(), end))
                break
    return spans


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
    start = max(s for s in starts if s <= pos)
    nxt = re.compile(r"\n[ \t]*\n").search(text, pos)
    return start, nxt.start() if nxt else len(text)


def _nearest(text: str, words: str, target: tuple[int, int], avoid: tuple[int, int]) -> dict:
    lo, hi = _paragraph(text, target[0])
    best = None
    for m in _word_pattern(words).finditer(text, lo, hi):
        s, e = m.span()
        if s < avoid[1] and avoid[0] < e:
            continue  # inside the quote itself
        distance = max(0, target[0] - e, s - target[1])
        if best is None or distance < best[0]:
            best = (distance, s, e)
    if best is None:
        raise SystemExit(f"{words!r} not found near {text[target[0]:target[1]][:40]!r}")
    return {"start": best[1], "end": best[2], "text": text[best[1]:best[2]]}


def mark(name: str) -> dict:
    """The blind-set record of one article: its text's checksum and every hand-marked quotation."""
    path = HERE / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    items = []
    for line in MARKS[name].strip().splitlines():
        kind, quote, speaker, verb, which, note = (field.strip() for field in line.split("|"))
        spans = _quote_spans(text, quote, which == "bare")
        if which in ("", "bare"):
            if len(spans) != 1:
                raise SystemExit(f"{name}: {quote!r} found {len(spans)} times between marks")
        elif which.isdigit():
            spans = [spans[int(which) - 1]]
        elif which != "all" or not spans:
            raise SystemExit(f"{name}: {quote!r}: bad 'which' {which!r} or not found")
        for start, end in spans:
            item = {"kind": KINDS[kind], "start": start, "end": end, "text": text[start:end],
                    "speaker": None, "verb": None, "note": note}
            if verb:
                item["verb"] = _nearest(text, verb, (start, end), (start, end))
            if speaker:
                anchor = item["verb"] or {"start": start, "end": end}
                item["speaker"] = _nearest(text, speaker, (anchor["start"], anchor["end"]), (start, end))
            items.append(item)
    items.sort(key=lambda i: (i["start"], -i["end"]))
    return {"document": f"tests/suggest/blind/{name}.txt", "language": name[:2],
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "items": items}


def main() -> None:
    for name in MARKS:
        record = mark(name)
        (HERE / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: {len(record['items'])} items", file=sys.stderr)


if __name__ == "__main__":
    main()
