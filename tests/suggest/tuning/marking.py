"""The hand marking of the tuning articles, turned into offsets with the blind set's resolver (see blind/marking.py).

Run: python tests/suggest/tuning/marking.py  -> writes one <name>.json per <name>.txt.
Unlike the blind set, these articles are meant to tune the detectors on and may be extended.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("blind_marking", HERE.parent / "blind" / "marking.py")
blind_marking = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(blind_marking)

MARKS: dict[str, str] = {}

MARKS["fr-slogans-campagne-americaine"] = """
C | Make America Great Again | | | | slogan
C | Build Back Better | | | | programme
D | Nous allons reprendre notre pays | l’ancien président | a lancé | |
C | Lock her up | | | | chant
D | Ce n’est pas un programme, c’est une nostalgie | la porte-parole de la campagne démocrate | a réagi | | time adverbial before the speaker
S | envahi | | | | generic discourse
D | Ceux qui me diront ... voir nos écoles | elle | a-t-elle ajouté | |
S | envahie | | | | hypothetical speaker
S | neutre | | | | mention (le mot)
C | Fair and Balanced | | | | motto
C | #Election2024 | | | bare | hashtag
C | L’Amérique d’abord, encore | | | | video title
D | C’est une campagne de slogans, pas d’idées | le politologue Jean Martin | estime | |
C | La Fabrique des slogans | | | | book title
C | Yes We Can | | | | slogan
D | Nous ne parlerons plus ... de “reconquête” | le directeur de campagne | promettait | | time adverbial before the speaker
S | transition | | | | mention (parler de)
S | reconquête | | | | mention (parler de)
"""

MARKS["fr-festival-theatre-avignon"] = """
C | Les Bruits du port | | | all | play title
D | Je n’avais jamais entendu ... d’une représentation | une spectatrice | a confié | | time adverbial before the speaker
C | Marées basses | | | | novel title
C | Ce qui reste | | | | play title
D | choc | Certains critiques | parlent | |
D | exercice de style | d’autres | | | verb left out
D | On m’a dit que c’était “trop long” ... trop tiède | elle | a-t-elle répondu | |
D | trop long | On | a dit | |
S | théâtre documentaire | | | | mention (le terme)
D | Ceux qui parleront ... la salle pleurer | son producteur | a lancé | | time adverbial before the speaker
S | radicalité | | | | hypothetical speaker
C | Été culturel | | | | programme
D | apaisée | Le directeur du festival | s’est félicité | |
D | La billetterie a progressé ... c’est un record | Paul Girard | a déclaré | | time adverbial before the speaker
D | plus audacieuse depuis dix ans | Il | a qualifié | |
"""

MARKS["fr-tribunal-proces-pollution"] = """
D | Vous saviez que la cuve fuyait depuis des mois | la présidente | a lancé | |
D | Je l’ai appris comme tout le monde, par la presse | Jacques Renaud | a répondu | |
S | négligence | | | | mention (le mot)
D | Il n’y a pas eu de négligence, il y a eu un accident | il | a-t-il plaidé | |
D | faute grave et répétée | Le procureur | a parlé | |
C | Orne vivante | | | | name (bannière)
D | C’est une victoire, mais une petite victoire | leur porte-parole | a réagi | | time adverbial before the speaker
C | Rivière propre 2025 | | | | plan
D | très en retard | elle | | | selon
C | #SauvonsLOrne | | | bare | hashtag
D | symbolique | Les pêcheurs | ont salué | |
S | dérisoire | | | | hypothetical speaker
D | premier pas | Le président de la fédération de pêche | évoquer | |
"""

MARKS["en-campaign-slogans"] = """
C | Make America Great Again | | | | slogan
C | Build Back Better | | | | programme
D | We are going to take our country back | the former president | told | |
C | Lock her up | | | | chant
D | This is not a plan, it is nostalgia | Maria Lopez | said | |
S | invaded. | | | | generic discourse
D | Those who tell me ... visit our schools | she | added | |
S | overrun | | | | generic speaker
S | neutral | | | | mention (the word)
C | America First, Again | | | | video title
C | #Election2024 | | | bare | hashtag
S | rerun. | | | | hypothetical (would call)
D | simpler. | the candidate's aides | said | | after "This time"
D | It is a campaign of slogans, not ideas | Jean Martin | said | |
C | The Slogan Factory. | | | | book title
C | Yes We Can | | | | slogan
S | transition. | | | | mention (talking about)
D | From now on we talk about recovery | he | said | |
"""

MARKS["en-tech-product-launch"] = """
C | Pulse | | | all | product
C | Orbital One | | | | product
D | This is the best thing we have ever made | chief executive Laura Chen | told | |
C | Hear Everything | | | | slogan
D | The hardware is fine, but the price is a problem | Tom Reyes | said | |
D | ambitious. | He | described | |
S | walled garden. | | | | what they call
S | lock-in | | | | so-called
D | Nobody is locked in. People stay because they like it | she | said | |
C | the Rocket | | | | nickname
C | Made for Listening | | | | video title
C | #OrbitalPulse | | | bare | hashtag
S | spatial audio | | | | mention (the term)
D | excellent | Reviewers | called | |
D | disappointing. | Reviewers | called | |
"""

MARKS["en-council-housing-vote"] = """
C | Homes First | | | all | plan
D | Tonight we chose to build | Mayor Rosa Alvarez | said | |
D | reckless. | Opponents | called | |
D | far too much risk. | Councilman Derek Hale | said | |
D | We are spending money ... nobody wanted | Hale | said | |
D | a gamble. | He | described | |
C | Housing Now | | | | sign
C | Taxpayers for Sense | | | | name
D | within weeks. | Their spokesman | said | |
S | affordable | | | | mention (the word)
D | That is not an accident | Ortiz | said | |
S | eyesore. | | | | hypothetical (would call)
S | downtown revival | | | | so-called
D | by next spring. | Alvarez | told | | after "Yesterday"
"""


def main() -> None:
    blind_marking.HERE = HERE
    blind_marking.MARKS = MARKS
    for name in MARKS:
        record = blind_marking.mark(name)
        record["document"] = f"tests/suggest/tuning/{name}.txt"
        (HERE / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{name}: {len(record['items'])} items", file=sys.stderr)


if __name__ == "__main__":
    main()
