"""Cited names, mention quotes, hypothetical speakers and speakers that can speak (issue 19), sentence by sentence."""

from __future__ import annotations

import pytest

from annotator.suggest import find_hashtags, suggest

NB, NN = "\u00a0", "\u202f"


def kinds(text: str, language: str) -> dict[str, str]:
    """Quoted words -> the kind suggested for them."""
    return {s.text: s.kind for s in suggest(text, language=language)
            if s.kind in ("direct_quote", "scare_quote", "cited_name")}


def quote(text: str, language: str, words: str):
    return next(s for s in suggest(text, language=language)
                if s.text == words and s.kind in ("direct_quote", "scare_quote", "cited_name"))


# -- cited names -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, name", [
    (f"Les casquettes «{NB}Make America Great Again{NB}» étaient partout.", "fr", "Make America Great Again"),
    ("He defended the “Build Back Better” agenda in Congress.", "en", "Build Back Better"),
    (f"Le ministère lance un dispositif baptisé «{NN}Rythmes et réussite{NN}» à la rentrée.", "fr", "Rythmes et réussite"),
    ("The lab released a paper titled “Why cities flood and what to do about it” on Monday.", "en",
     "Why cities flood and what to do about it"),
    ("Orbital unveiled a streaming bundle called “Orbital One” on Tuesday.", "en", "Orbital One"),
    (f"Le candidat a fait campagne sous le slogan «{NB}On avance{NB}».", "fr", "On avance"),
    ("La foule a scandé « Lock her up » pendant de longues minutes.", "fr", "Lock her up"),
    ("The crowd chanted \"Build it now!\" as she left the stage.", "en", "Build it now!"),
    ("Supporters wore T-shirts reading “Housing Is Health” all evening.", "en", "Housing Is Health"),
    (f"Il prépare un livre dont il a déjà le titre{NB}: «{NB}Quarante hivers{NB}».", "fr", "Quarante hivers"),
    ("Buttons reading \"Where's My Money?\" were everywhere.", "en", "Where's My Money?"),
])
def test_titles_slogans_chants_and_programmes_are_cited_names(text, language, name):
    assert kinds(text, language)[name] == "cited_name"


def test_called_names_only_after_a_noun_not_after_its_object():
    assert kinds("The city launched a scheme called “Clean Streets” in May.", "en")["Clean Streets"] == "cited_name"
    found = quote("The mayor called it “a disgrace” on Monday.", "en", "a disgrace")
    assert (found.kind, found.speaker) == ("direct_quote", "The mayor")


def test_a_slogan_credited_by_its_speaker_stays_a_direct_quote_when_it_is_a_statement():
    text = f"«{NB}Nous allons reprendre notre pays{NB}», a lancé l’ancien président devant ses partisans."
    found = quote(text, "fr", "Nous allons reprendre notre pays")
    assert (found.kind, found.speaker, found.verb) == ("direct_quote", "l’ancien président", "a lancé")


def test_a_name_repeated_in_the_text_is_cited_everywhere():
    text = ("Cinéma : « La Nuit longue », le nouveau film de Lou Bernard. Le film « La Nuit longue » sort mercredi.")
    found = [s for s in suggest(text, language="fr") if s.text == "La Nuit longue"]
    assert [s.kind for s in found] == ["cited_name", "cited_name"]


def test_hashtags_quoted_or_not_are_cited_names():
    text = "Fans shared #OrbitalPulse and “#BuyLocal” but not item #1 nor page.html#top."
    assert [text[s:e] for s, e in find_hashtags(text)] == ["#OrbitalPulse", "#BuyLocal"]
    found = [s for s in suggest(text, language="en") if s.kind == "cited_name"]
    assert [(s.text, s.mark) for s in found] == [("#OrbitalPulse", ""), ("#BuyLocal", "curly_double")]


# -- mention quotes are scare quotes ---------------------------------------------------------

@pytest.mark.parametrize("text, language, word", [
    (f"Le mot «{NB}neutre{NB}» revient souvent dans les débats.", "fr", "neutre"),
    ("The word “neutral,” she noted, comes up often.", "en", "neutral"),
    ("Le terme « dette de sommeil » désigne cet écart.", "fr", "dette de sommeil"),
    (f"«{NB}Nous ne parlerons plus de “transition”{NB}», a promis le directeur.", "fr", "transition"),
    ("The campaign has stopped talking about “transition.”", "en", "transition."),
    ("Chen rejected the so-called “lock-in” argument.", "en", "lock-in"),
])
def test_mention_quotes_are_scare_quotes_even_beside_a_reporting_verb(text, language, word):
    assert kinds(text, language)[word] == "scare_quote"


def test_speaking_of_something_is_not_mentioning_a_word():
    found = quote("Le procureur a parlé d’une « faute grave et répétée ».", "fr", "faute grave et répétée")
    assert (found.kind, found.speaker) == ("direct_quote", "Le procureur")


# -- hypothetical or generic speakers --------------------------------------------------------

@pytest.mark.parametrize("text, language, word", [
    (f"«{NB}Ceux qui me diront que l’Amérique est “envahie” devraient venir voir{NB}», dit-elle.", "fr", "envahie"),
    ("Certains diront que l’amende est « dérisoire ».", "fr", "dérisoire"),
    ("Some residents would call the towers an “eyesore.”", "en", "eyesore."),
    ("Those who tell me the city is “overrun” should visit.", "en", "overrun"),
    ("On pourrait qualifier ce budget de « timide ».", "fr", "timide"),
])
def test_short_quotes_in_hypothetical_or_generic_speech_are_scare_quotes(text, language, word):
    found = quote(text, language, word)
    assert found.kind == "scare_quote", found.why


def test_a_conditional_with_a_named_speaker_still_reports_a_statement():
    found = quote("Selon la presse, le ministre qualifierait le projet de « ruineux ».", "fr", "ruineux")
    assert found.kind == "direct_quote"


def test_a_full_sentence_put_in_generic_mouths_stays_a_direct_quote():
    found = quote(f"«{NB}Ils sont une chance pour le pays{NB}», dit-on parfois.", "fr",
                  "Ils sont une chance pour le pays")
    assert (found.kind, found.speaker) == ("direct_quote", "on")


# -- speakers are noun phrases that can speak ------------------------------------------------

@pytest.mark.parametrize("text, speaker", [
    (f"«{NB}Ce n’est pas un programme{NB}», a répondu cette fois la porte-parole de la campagne.",
     "la porte-parole de la campagne"),
    (f"«{NB}La billetterie progresse{NB}», a déclaré mercredi soir Paul Girard.", "Paul Girard"),
    (f"«{NB}Là-bas, ce sera une autre guerre{NB}», prévient déjà le capitaine.", "le capitaine"),
    (f"«{NB}Nous tiendrons les délais{NB}», a déclaré au Monde la ministre.", "la ministre"),
    (f"«{NB}Le budget est tenu{NB}», nous confiait le maire en juin.", "le maire"),
])
def test_time_adverbials_and_addressees_are_not_speakers(text, speaker):
    (found,) = [s for s in suggest(text, language="fr") if s.kind == "direct_quote"]
    assert found.speaker == speaker
    assert text[found.speaker_start:found.speaker_end] == speaker


def test_a_time_adverbial_alone_is_no_speaker():
    found = suggest(f"«{NB}Nous verrons bien{NB}», a répondu cette fois.", language="fr")
    assert all(s.speaker == "" for s in found)


def test_a_clause_is_no_speaker():
    text = "Calloway, who has described her squad as ‘the best in years’, insisted there was no need to panic."
    found = quote(text, "en", "the best in years")
    assert found.speaker.startswith("Calloway") and found.verb == "has described"
    assert not any(s.speaker.startswith("there") for s in suggest(text, language="en"))


def test_semi_auxiliary_and_adverb_between_speaker_and_verb():
    text = f"Le président de la fédération, Alain Morel, préfère évoquer un «{NB}premier pas{NB}»."
    found = quote(text, "fr", "premier pas")
    assert (found.kind, found.verb) == ("direct_quote", "préfère évoquer")
    assert found.speaker == "Le président de la fédération"
    later = quote("Hale said so. He later described the vote as “a gamble.”", "en", "a gamble.")
    assert later.speaker == "He"


def test_coordinated_verbs_share_their_subject():
    text = "Northvale admitted the breaches but said the fine was \"disproportionate\" given its plans."
    found = quote(text, "en", "disproportionate")
    assert (found.speaker, found.verb) == ("Northvale", "said")


def test_passive_participle_takes_its_agent_as_speaker():
    fr = quote(f"Un plan jugé «{NB}irréaliste{NB}» par l’opposition.", "fr", "irréaliste")
    assert (fr.kind, fr.speaker, fr.verb) == ("direct_quote", "l’opposition", "jugé")
    bare = quote(f"Un dispositif jugé «{NB}trop timide{NB}» et vite oublié.", "fr", "trop timide")
    assert bare.speaker == ""  # the thing judged does not speak
    en = quote("The Senate passed a budget described as “reckless” by the opposition.", "en", "reckless")
    assert (en.speaker, en.verb) == ("the opposition", "described")


def test_a_quote_after_a_colon_is_credited_to_the_verb_before_it():
    found = quote("Asked about the future, he added: ‘Ask me in May.’", "en", "Ask me in May.")
    assert (found.kind, found.speaker, found.verb) == ("direct_quote", "he", "added")


def test_a_quote_that_ends_its_sentence_is_not_credited_by_the_next_one():
    found = quote("Raman has called it \"our biggest change yet.\" The company will charge $30 a month.", "en",
                  "our biggest change yet.")
    assert (found.speaker, found.verb) == ("Raman", "has called")


def test_a_relative_clause_after_a_quote_does_not_credit_it():
    text = f"Elle a décrit un chantier «{NB}interminable{NB}», qui lui rappelait son enfance."
    found = quote(text, "fr", "interminable")
    assert (found.speaker, found.verb) == ("Elle", "a décrit")


def test_a_short_quote_inside_a_sentence_is_credited_only_by_an_attribution_closing_it():
    assert quote("Sales were “solid,” the chief executive said.", "en", "solid").speaker == "the chief executive"
    found = quote("When we call it “dead,” we are telling people to stay away.", "en", "dead")
    assert found.speaker != "we" or found.verb != "are telling"


def test_the_speaker_of_a_relative_clause_is_its_antecedent():
    text = "Campaigners were unimpressed, said Tom Bryce of Clean Esk, who called the plan a \"PR exercise\"."
    assert quote(text, "en", "PR exercise").speaker == "Tom Bryce of Clean Esk"
