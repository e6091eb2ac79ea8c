"""A lone question word (qa/followups/question_words.py): "Why?", "In which year?" ask the previous question again.

Its answer goes where the old question word asked for it. Histories here are hand-written (question, answer) pairs,
so these run without a reader."""

import pytest

from qa.conversation import read_question


def test_the_answer_to_whom_goes_after_the_verb_however_whom_is_parsed():
    history = [("Whom did Napoleon declare King of Spain?", "Joseph")]
    assert read_question("When?", history).question == "When did Napoleon declare Joseph King of Spain?"
    history = [("How much did the FAA propose to fine Southwest in 2008?", "$10.2 million")]
    assert "  " not in read_question("Why?", history).question


def test_which_phrase_parsed_apart_from_which_is_still_the_subject_asked_for():
    history = [("Which Spanish explorer sighted an atoll in 1526?", "Alonso de Salazar")]
    assert read_question("In which month?", history).question == (
        "In which month did Alonso de Salazar sight an atoll in 1526?"
    )
    history = [("What store did Ray West open in 2006?", "Good Water Store")]  # "open" read as an adjective
    assert read_question("Where?", history).question == "Where did Ray West open Good Water Store in 2006?"
    history = [("Where was West's mother teaching in China?", "Nanjing University")]
    assert read_question("As part of what?", history).question == "As part of what was West's mother teaching in China?"


def test_according_to_whom_asks_the_previous_question_again_with_its_answer():
    history = [("How much has Madonna earned from her concerts since 1990?", "US $1.31 billion")]
    assert read_question("According to whom?", history).question == (
        "According to whom has Madonna earned US $1.31 billion from her concerts since 1990?"
    )


def test_why_after_call_puts_the_answer_after_the_one_called():
    history = [("What did family members call Madonna?", "Little Nonni")]
    assert read_question("Why?", history).question == "Why did family members call Madonna Little Nonni?"


def test_and_which_asks_for_another_of_a_new_kind_whatever_the_verb():
    history = [("Which ship is Southampton associated with?", "RMS Titanic")]
    assert read_question("And which aircraft?", history).question == "Which aircraft is Southampton associated with?"


def test_how_many_alone_counts_what_the_last_answer_named():
    history = [("What did Germany send to Japan?", "three Eurofighter jets")]
    assert read_question("How many?", history).question == "How many Eurofighter jets did Germany send to Japan?"
    # after "When?", what is counted is the numbered phrase of the question, not the date that answered it
    history += [("When?", "September")]
    assert read_question("How many?", history).question == "How many Eurofighter jets did Germany send to Japan?"
    history = [("What did Germany send to Japan?", "three")]
    assert read_question("And how many?", history).question == "How many did Germany send to Japan?"


@pytest.mark.parametrize(
    ("previous", "ellipsis", "expected"),
    [
        ("When did Japan and Germany agree to enhance their defense cooperation?", "Why?",
         "Why did Japan and Germany agree to enhance their defense cooperation?"),
        ("Where did the foreign ministers hold talks?", "When?", "When did the foreign ministers hold talks?"),
        ("When were the first talks held?", "And how?", "How were the first talks held?"),
        ("Which country sent three jets to Japan?", "When?", "When did Germany send three jets to Japan?"),
        ("What did the college build?", "When?", "When did the college build a new library?"),
        ("In which battle was he defeated?", "When?", "When was he defeated in the Battle of Hastings?"),
        ("In what language were the classes held?", "Why?", "Why were the classes held in German?"),
        ("What is Japan concerned about?", "Why?", "Why is Japan concerned about China's clout?"),  # a stranded "about"
        ("What are the Doctor's companions usually?", "Why?", "Why are the Doctor's companions usually humans?"),
        ("Which country is poised to conduct a nuclear test?", "Why?", "Why is North Korea poised to conduct a nuclear test?"),
        ("In which revolution did Egyptians use civil disobedience?", "Against whom?",
         "Against whom did Egyptians use civil disobedience?"),  # with its preposition, in the old one's place
        ("How far back have ctenophore fossils been found?", "Where?", "Where have ctenophore fossils been found?"),
        ("Where did the foreign ministers hold talks?", "And in which German city?",
         "In which German city did the foreign ministers hold talks?"),  # a which-phrase, its name as typed
        ("When was Harvard formed?", "By whose vote?", "By whose vote was Harvard formed?"),
        ("When was the UMC founded?", "By the union of which churches?", "By the union of which churches was the UMC founded?"),
        ("When did ABC originally launch?", "As what?", "As what did ABC originally launch?"),
        ("Who first suggested that chloroplasts came from cyanobacteria?", "When?",
         "When did Konstantin Mereschkowski first suggest that chloroplasts came from cyanobacteria?"),  # the adverb stays
        ("Who operated 47 streetcars by 1931?", "Over how many miles of track?",
         "Over how many miles of track did the Fresno Traction Company operate 47 streetcars by 1931?"),
        # a which-phrase that asked for an object (the small parser makes it a subject): the answer goes
        # in the object's place, or "how many" counts its noun
        ("Which jets did Germany send to Japan?", "When?", "When did Germany send Eurofighter jets to Japan?"),
        ("Which jets did Germany send to Japan?", "How many?", "How many jets did Germany send to Japan?"),
        ("How many jets did Germany send to Japan?", "When?", "When did Germany send three jets to Japan?"),
        ("How many U.S. troops did Eisenhower send to Lebanon?", "Why?",
         "Why did Eisenhower send 15,000 U.S. troops to Lebanon?"),  # a name inside the counted phrase
        # what was done takes the place of "do"
        ("What did the German frigate do?", "When?", "When did the German frigate make a port call in Japan?"),
        ("How many galleries does the V&A cover?", "And how many acres?", "How many acres does the V&A cover?"),
        # a question phrase of its own asks for another object, without the last answer
        ("Which film studio does Comcast operate?", "And which broadcast networks?",
         "Which broadcast networks does Comcast operate?"),
        # the answer goes after the verb whose object was asked for, though a clause follows it
        ("Which war did Nasser launch to regain lost territory?", "By what year?",
         "By what year did Nasser launch the War of Attrition to regain lost territory?"),
    ],
)
def test_a_lone_question_word_asks_the_previous_question_again(previous, ellipsis, expected):
    answers = {"Which country sent three jets to Japan?": "Germany",
               "Which jets did Germany send to Japan?": "Eurofighter jets",
               "Who operated 47 streetcars by 1931?": "the Fresno Traction Company",
               "Who first suggested that chloroplasts came from cyanobacteria?": "Konstantin Mereschkowski",
               "How many jets did Germany send to Japan?": "three",
               "How many U.S. troops did Eisenhower send to Lebanon?": "15,000",
               "What did the German frigate do?": "made a port call in Japan",
               "Which country is poised to conduct a nuclear test?": "North Korea",
               "What did the college build?": "a new library",
               "In which battle was he defeated?": "the Battle of Hastings",
               "In what language were the classes held?": "German",
               "What is Japan concerned about?": "China's clout",
               "What are the Doctor's companions usually?": "humans",
               "Which film studio does Comcast operate?": "Universal Pictures",
               "Which war did Nasser launch to regain lost territory?": "the War of Attrition"}
    assert read_question(ellipsis, [(previous, answers.get(previous, "x"))]).question == expected


def test_a_new_question_word_under_its_own_preposition_keeps_the_person_answered():
    history = [("With whom did Albert play at Wimbledon?", "Louis Greig")]
    assert read_question("In which year?", history).question == (
        "In which year did Albert play at Wimbledon with Louis Greig?"
    )
    assert read_question("When?", history).question == "When did Albert play at Wimbledon with Louis Greig?"


def test_who_as_an_object_is_answered_after_its_verb_however_tagged():
    # the small model tags "persuade" a noun
    history = [("Who did Prince Albert persuade to be the first professor?", "August Wilhelm von Hofmann")]
    assert read_question("Of which college?", history).question == (
        "Of which college did Prince Albert persuade August Wilhelm von Hofmann to be the first professor?"
    )


def test_a_question_phrase_with_its_of_is_asked_of_the_last_question():
    # the small model reads "did" as the main verb and "defeat" as a noun
    history = [("Who came to power in 1992?", "Emomali Rahmon"), ("Whom did he defeat?", "Abdumalik Abdullajanov")]
    assert read_question("With what share of the vote?", history).question == (
        "With what share of the vote did Emomali Rahmon defeat Abdumalik Abdullajanov?"
    )
    history = [("Whom did Napoleon defeat at Austerlitz?", "the Austrians and Russians")]
    assert read_question("In what month of the year?", history).question == (
        "In what month of the year did Napoleon defeat the Austrians and Russians at Austerlitz?"
    )


def test_a_whose_phrase_is_asked_again_with_the_owner_answered():
    history = [("Under whose supervision did Popper earn his doctorate?", "Karl Bühler")]
    assert read_question("In what field?", history).question == (
        "In what field did Popper earn his doctorate under Karl Bühler's supervision?"
    )
    history = [("Under whose supervision did Popper earn his doctorate?", None)]
    assert read_question("In what field?", history).question == "In what field did Popper earn his doctorate?"
    history = [("By whose vote was the bill passed?", "the Senate's")]
    assert read_question("When?", history).question == "When was the bill passed by the Senate's vote?"


def test_a_counted_phrase_swaps_whole_and_its_answer_names_its_noun_once():
    history = [("How many pairs of legs do insects have?", "three pairs")]
    assert read_question("And how many pairs of antennae?", history).question == (
        "How many pairs of antennae do insects have?"
    )
    assert read_question("Why?", history).question == "Why do insects have three pairs of legs?"


def test_an_answer_that_describes_what_was_asked_goes_in_with_its_noun():
    history = [("What gait do many insects adopt?", "tripedal")]
    assert read_question("Why?", history).question == "Why do many insects adopt tripedal gait?"
    history = [("What kind of climate does Charleston have?", "humid subtropical")]
    assert read_question("Why?", history).question == "Why does Charleston have humid subtropical climate?"
    history = [("Which ship did Germany send?", "a frigate")]
    assert read_question("Why?", history).question == "Why did Germany send a frigate?"


def test_a_bare_verb_answered_goes_back_in_as_an_infinitive():
    history = [("What did Japan and Germany agree?", "enhance their defense cooperation")]
    assert read_question("Why?", history).question == (
        "Why did Japan and Germany agree to enhance their defense cooperation?"
    )
    history = [("What did he reform?", "the curriculum")]
    assert read_question("When?", history).question == "When did he reform the curriculum?"


def test_according_to_whom_is_kept_whole_and_a_negated_subject_question_answers_its_subject():
    history = [("Which language is used more than Catalan?", "Spanish"), ("According to whom?", "the Institute")]
    assert read_question("In what year?", history).question == (
        "In what year is Spanish used more than Catalan according to the Institute?"
    )
    history = [("Which Catholic country does not celebrate Carnival anymore?", "the Philippines")]
    assert read_question("Since when?", history).question == (
        "Since when does the Philippines not celebrate Carnival anymore?"
    )


def test_names_after_what_describes_them_are_what_they_means_and_a_verb_keeps_its_common_spelling():
    history = [("Who built the ascending room?", "two architects working in London, Burton and Hormer")]
    assert read_question("Where did they work?", history).question == "Where did Burton and Hormer work?"
    # spaCy's tables give "instal" for "installed"; "travelled" has no "travell"
    history = [("Who installed the Flying Chair?", "Gaetano Genovese")]
    assert read_question("Where?", history).question == "Where did Gaetano Genovese install the Flying Chair?"
    history = [("Who travelled to Rome in 1786?", "Goethe")]
    assert read_question("Why?", history).question == "Why did Goethe travel to Rome in 1786?"


def test_instead_of_what_asks_in_place_of_the_answer():
    history = [("Where do some viruses store their genome?", "in RNA")]
    assert read_question("Instead of what?", history).question == "Instead of what do some viruses store their genome in RNA?"


def test_a_past_form_tagged_present_after_a_singular_subject_is_asked_again_in_the_past():
    history = [("Which president decreed a moratorium on payment to foreign debtors?", "President Juárez")]
    assert read_question("For how long?", history).question == (
        "For how long did President Juárez decree a moratorium on payment to foreign debtors?"
    )
    history = [("Which countries need more water?", "Chad and Niger")]
    assert read_question("Why?", history).question == "Why do Chad and Niger need more water?"


def test_a_lone_question_word_puts_the_answer_where_the_object_was_asked_past_other_verbs():
    history = [("What did the Romans build to defend the border?", "Hadrian's Wall")]
    assert read_question("When?", history).question == "When did the Romans build Hadrian's Wall to defend the border?"
    history = [("What did he say the king wanted?", "peace")]
    assert read_question("When?", history).question == "When did he say the king wanted peace?"
    history = [("What do supporters argue DST decreases?", "energy consumption by reducing the need for lighting")]
    assert read_question("How?", history).question == "How do supporters argue DST decreases energy consumption?"


def test_the_answer_goes_after_the_preposition_the_question_phrase_was_the_object_of():
    history = [("Which country did the empire ally with in the early 20th century?", "Germany")]
    assert read_question("Why?", history).question == "Why did the empire ally with Germany in the early 20th century?"


def test_a_lone_question_word_goes_after_the_last_of_the_words_a_verb_was_misread_as():
    history = [("What operation did the French military launch in January 2013?", "Opération Serval")]
    assert read_question("Why?", history).question == "Why did the French military launch Opération Serval in January 2013?"


def test_why_after_what_something_became_puts_the_answer_after_the_verb():
    history = [("What have personal videoconferencing systems become for the general public?", "affordable")]
    assert read_question("Why?", history).question == (
        "Why have personal videoconferencing systems become affordable for the general public?"
    )
    history = [("What did the city become in 1900?", "a port")]
    assert read_question("Why?", history).question == "Why did the city become a port in 1900?"


def test_a_lone_question_word_after_a_preposition_left_without_its_object_mid_question():
    history = [("Who did England lose 4–1 to in 2010?", "Germany")]
    assert read_question("In which round?", history).question == "In which round did England lose 4–1 to Germany in 2010?"


def test_the_answer_takes_the_place_of_the_question_phrase_with_what_follows_its_noun():
    history = [("Which daily newspaper in Sanskrit is published out of Mysore?", "Sudharma")]
    assert read_question("Since when?", history).question == "Since when is Sudharma published out of Mysore?"
    history = [("Which country in Europe did Germany invade in 1939?", "Poland")]
    assert read_question("Why?", history).question == "Why did Germany invade Poland in 1939?"


def test_and_which_replaces_the_question_phrase_whose_noun_is_tagged_an_adjective():
    history = [("Which mathematician advanced Greek science in the Hellenistic period?", "Euclid")]
    assert read_question("And which polymath?", history).question == (
        "Which polymath advanced Greek science in the Hellenistic period?"
    )


def test_how_much_of_a_thing_asked_again_puts_the_answer_before_what_it_is_of():
    history = [("How much of its biodiversity has the planet lost since 1970?", "52%")]
    assert read_question("According to whom?", history).question == (
        "According to whom has the planet lost 52% of its biodiversity since 1970?"
    )
