"""Words that stand in for the last question (qa/followups/substitutes.py): "do it" for its verb phrase, "ones" its noun.

Histories here are hand-written (question, answer) pairs, so these run without a reader."""

from qa.conversation import read_question


def test_which_one_is_the_noun_the_last_question_asked_for():
    history = [("Which town blocks any expansion up the peninsula?", "North Charleston")]
    assert read_question("Which one occupies the land east of the river?", history).question == (
        "Which town occupies the land east of the river?"
    )
    history = [("What kind of climate does Charleston have?", "humid subtropical")]
    assert read_question("Which one is it?", history).question != "Which kind is it?"


def test_which_ones_is_the_plural_noun_the_last_question_asked_for():
    history = [("Which insects can walk on the surface of water?", "water striders")]
    assert read_question("Which ones live in large colonies?", history).question == (
        "Which insects live in large colonies?"
    )
    history = [("Which town blocks any expansion up the peninsula?", "North Charleston")]
    assert read_question("Which ones are older?", history).question == "Which ones are older?"


def test_ones_is_the_plural_noun_of_the_last_question():
    history = [("What do most of the world's airports lack?", "air traffic control presence")]
    assert read_question("What do busy ones have?", history).question == "What do busy airports have?"
    history = [("What do landside areas include?", "parking lots")]
    assert read_question("And airside ones?", history).question == "What do airside areas include?"
    history = [("Who manages the rest of India's airports?", "the Airports Authority of India")]
    assert read_question("And which ones does GMR Group operate?", history).question == (
        "Which airports does GMR Group operate?"
    )


def test_do_it_is_what_the_last_question_asked_was_done():
    history = [("Who revived idealism in 18th-century Europe?", "George Berkeley")]
    assert read_question("How did he do it?", history).question == (
        "How did George Berkeley revive idealism in 18th-century Europe?"
    )
    history = [("Who formally declared an end to the Warsaw Pact?", "Václav Havel")]
    assert read_question("When did he do so?", history).question == (
        "When did Václav Havel formally declare an end to the Warsaw Pact?"
    )
    history = [("What do capitalist firms substitute for labor inputs?", "capital equipment")]
    assert read_question("Why do they do it?", history).question == (
        "Why do capitalist firms substitute capital equipment for labor inputs?"
    )


def test_a_graded_one_is_the_noun_the_last_question_graded():
    history = [("Which party supported a stronger central government?", "the Federalist Party")]
    assert read_question("And who wanted a weaker one?", history).question == "Who wanted a weaker central government?"


def test_which_other_one_is_another_of_the_noun_asked_for_in_the_singular():
    history = [("Which cities are frequently called city-states?", "Berlin and Hamburg")]
    assert read_question("Which other one is?", history).question == "Which other city is?"
    history = [("Which city is called a city-state?", "Berlin")]
    assert read_question("Which other one is?", history).question == "Which other city is?"


def test_a_verbs_bare_one_is_the_last_questions_last_singular_noun():
    history = [("Who argued for the existence of vacuum in the first century BC?", "Lucretius")]
    assert read_question("Who tried to create one in the first century AD?", history).question == (
        "Who tried to create a vacuum in the first century AD?"
    )
