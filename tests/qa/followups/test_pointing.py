"""Words that point back without a pronoun (qa/followups/pointing.py): "that program", "the word", "that area", "there".

Histories here are hand-written (question, answer) pairs, so these run without a reader."""

from qa.conversation import read_question
from qa.genders import Genders


def test_that_with_a_noun_is_the_phrase_an_earlier_turn_named_with_it():
    history = [("What did Congress give CAA in 1946?", "federal-aid airport program")]
    assert read_question("What was that program the first of?", history).question == (
        "What was the federal-aid airport program the first of?"
    )
    history = [("What did the company launch?", "a new phone")]  # "this phone" parsed as a modifier of "cost"
    assert read_question("How much did this phone cost?", history).question == "How much did the new phone cost?"
    history = [("When did the strike happen?", "1981")]
    assert read_question("What happened that year?", history).question == "What happened that year?"  # no year named


def test_there_is_the_place_answered_or_named_with_a_preposition_for_the_verb():
    history = [("Where did Popper go for a study visit?", "the United Kingdom")]
    assert read_question("What did he take to go there?", history).question == (
        "What did Popper take to go to the United Kingdom?"
    )
    assert read_question("What did he study there?", history).question == "What did Popper study in the United Kingdom?"
    history = [("Where did Albert go up to in October 1919?", "Trinity College, Cambridge")]
    assert read_question("What did he study there?", history).question == (
        "What did Albert study at Trinity College, Cambridge?"
    )
    history = [("When did Popper move to New Zealand?", "1937")]
    assert read_question("What did he teach there?", history).question == "What did Popper teach in New Zealand?"
    history = [("Where is the museum?", "in Vienna")]
    assert read_question("Is there a cafe?", history).question == "Is there a cafe?"


def test_that_noun_is_the_answer_where_the_last_question_asked_which_one():
    history = [("On which island is Alghero?", "Sardinia")]
    assert read_question("Which country does that island belong to?", history).question == (
        "Which country does Sardinia belong to?"
    )


def test_that_area_after_a_where_and_that_use_of_several_uses():
    history = [("Where do most Egyptians live?", "near the banks of the Nile River")]
    assert read_question("How big is that area?", history).question == (
        "How big is the area near the banks of the Nile River?"
    )
    history = [("What gives rise to one of silicate glasses' primary uses?", "their optical transparency")]
    assert read_question("What is that use?", history).question == "What is one of silicate glasses' primary uses?"


def test_the_word_after_a_question_that_asked_for_a_name_is_the_answer():
    history = [("What are the cues that reset the rhythms each day called?", "zeitgebers")]
    assert read_question("What does the word mean?", history).question == "What does the word zeitgebers mean?"
    history = [("Who wrote the letter?", "John Smith")]
    assert read_question("What does the word mean?", history).question == "What does the word mean?"


def test_the_and_a_bare_noun_that_ends_a_name_the_last_turn_gave_is_that_name():
    history = [("Which group acquired a majority stake in Somtel Network in 2008?", "Dahabshiil Group")]
    assert read_question("Where is the network based?", history).question == "Where is Somtel Network based?"
    history = [("Who built the bridge?", "Acme")]
    assert read_question("When was the bridge built?", history).question == "When was the bridge built?"


def test_there_after_a_which_question_for_a_place_is_in_its_answer():
    genders = Genders(["The area is located in the horse latitudes under the subtropical ridge."])
    history = [("In which latitudes is the Sahara located?", "horse")]
    assert read_question("What does the air there tend to do?", history, genders).question == (
        "What does the air in the horse latitudes tend to do?"
    )


def test_the_word_before_the_word_it_names_points_nowhere():
    history = [("What is the owner of a pub properly known as?", "pub landlord")]
    for word in ("term", "word"):
        question = f"Since when has the {word} publican been in use?"
        assert read_question(question, history).question == question


def test_there_is_on_an_island():
    history = [("Where is the security force stationed?", "on the island")]
    assert read_question("How many policemen are there?", history).question == "How many policemen are there?"  # "there is"
    history = [("Who is responsible for the defence of the island?", "France")]
    assert read_question("How many policemen has it stationed there?", history).question == (
        "How many policemen has France stationed on the island?"
    )
