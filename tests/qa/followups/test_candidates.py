"""The earlier mentions a pronoun may stand for, in order (qa/followups/candidates.py): topic, answer, subject, object.

Most recent turn first; within a turn its answer, or the topic where the answer is a circumstance or describes it,
and what the parser missed. Histories here are hand-written (question, answer) pairs, so these run without a reader."""

import pytest

from qa.conversation import read_question
from qa.genders import Genders


def test_it_after_a_where_question_is_its_topic_not_the_place_that_answered_it():
    campus = [("Where is the main campus?", "Harvard Yard in Cambridge")]
    assert read_question("How big is it?", campus).question == "How big is the main campus?"
    frigate = [("Where did the German frigate make a port call?", "Japan")]
    assert read_question("When did it arrive?", frigate).question == "When did the German frigate arrive?"
    plague = [("Where did Genoese traders take the plague?", "port city of Kaffa")]  # the object too
    assert read_question("Which way did it spread from there?", plague).question == (
        "Which way did the plague spread from there?"
    )
    # a place that answers "which" is what the question asked for, so it stays first
    assert read_question("How many did it send?", [("Which country sent jets to Japan?", "Germany")]).question == (
        "How many did Germany send?"
    )


def test_a_name_outside_every_noun_phrase_of_the_parse_is_still_a_candidate():
    history = [("Where did the Black Death originate?", "arid plains of Central Asia")]
    assert read_question("How did it travel?", history).question == "How did the Black Death travel?"


@pytest.mark.parametrize(
    ("earlier", "follow_up", "expected"),
    [
        # an answer that describes the question's subject leaves the subject the topic; a name does not
        (("What is the Amazon rainforest?", "a moist broadleaf forest"), "Which continent is it in?",
         "Which continent is the Amazon rainforest in?"),
        # a subject pronoun is the last question's subject before an answer that was its object, and a
        # verb's subject and object are two things
        (("Which territory did France cede to Spain?", "French Louisiana"), "Why did it give it to Spain?",
         "Why did France give French Louisiana to Spain?"),
        # "they" for an organisation, known by its head noun, in the subject's place
        (("What did the Nixon Administration begin with the combatants?", "multilateral negotiations"),
         "Where did they arrange for Israel to pull back from?",
         "Where did the Nixon Administration arrange for Israel to pull back from?"),
        # "whom" asks for the object, however parsed: "he" is the subject, not the answer
        (("Whom did Genghis Khan assign as his successor?", "Ögedei Khan"), "When did he die?", "When did Genghis Khan die?"),
        # an answer that describes the one asked about ("German counterpart") leaves "her" to her
        (("Who is Christine Lambrecht?", "German counterpart"), "Who is her counterpart?",
         "Who is Christine Lambrecht's counterpart?"),
        # a subject the parser leaves out of every noun phrase is still one
        (("Where was the Group of Seven meeting held?", "Munster"), "How long did it last?",
         "How long did the Group of Seven meeting last?"),
        # another name a name went by leaves the name the topic
        (("What was Tuvalu formerly known as?", "the Ellice Islands"), "Where is it located?",
         "Where is Tuvalu located?"),
        # what a question locates stays the topic, though parsed as an adverb
        (("On which river is Richmond located?", "James River"), "How far is it from Williamsburg?",
         "How far is Richmond from Williamsburg?"),
    ],
)
def test_pronouns_read_right_where_the_tagger_or_the_answer_misleads(earlier, follow_up, expected):
    assert read_question(follow_up, [earlier]).question == expected


def test_it_is_the_questions_object_before_a_name_under_a_preposition():
    history = [("Which countries have an ACSA with Japan?", "the United States, Britain, Australia and India")]
    assert read_question("What does it allow?", history).question == "What does the ACSA allow?"


def test_an_answer_that_is_not_a_noun_phrase_is_never_what_a_pronoun_means():
    history = [("What is North Korea poised to do?", "conduct a seventh nuclear test")]
    assert read_question("When was its last one?", history).question == "When was North Korea's last one?"


def test_after_an_abstention_its_is_the_country_the_question_named():
    history = [("Who is Japan's prime minister?", None)]
    assert read_question("Who is its foreign minister?", history).question == "Who is Japan's foreign minister?"


def test_after_an_abstention_he_is_the_unknown_person_not_an_older_answer(hayashi):
    history = [hayashi, ("Who is Germany's chancellor?", None)]
    assert read_question("Which city did he visit?", history).question == "Which city did Germany's chancellor visit?"


def test_the_same_verb_again_keeps_its_subject_and_its_object_is_someone_else():
    history = [("Who did Kerry serve under as Lieutenant Governor?", "Michael Dukakis")]
    assert read_question("When did he serve under him?", history).question == (
        "When did Kerry serve under Michael Dukakis?"
    )
    # another verb: the answer comes first, as after any question for a preposition's object
    history = [("What does the word pharmacy derive from?", "pharma")]
    assert read_question("Since when has it been used?", history).question == "Since when has pharma been used?"


def test_he_after_a_whom_question_is_its_subject_where_the_parser_misses_it():
    # the small parser reads "Schwarzenegger" as a compound of "replace": the words before the verb are the subject
    history = [("Whom did Schwarzenegger replace as governor?", "Gray Davis")]
    assert read_question("When was he sworn in?", history).question == "When was Schwarzenegger sworn in?"


def test_it_after_whose_is_what_the_answer_owns():
    history = [("Whose funeral does Bond attend?", "Sciarra")]
    genders = Genders(["Bond travels to Rome, where he attends the funeral."])
    assert read_question("Where is it held?", history, genders).question == "Where is Sciarra's funeral held?"
    assert read_question("When did he die?", history, genders).question == "When did Sciarra die?"


def test_a_name_the_parser_put_in_no_phrase_is_still_the_subject():
    # the small parser reads "Spalding" as an adjective of "win"
    history = [("How many games did Spalding win?", "forty-seven")]
    assert read_question("What did he retire to start?", history).question == "What did Spalding retire to start?"


def test_they_are_two_people_where_the_parser_ran_a_name_into_the_verb():
    history = [("Who was the company's first true editor?", "Joe Simon"), ("Who did Joe Simon team with?", "Jack Kirby")]
    assert read_question("Which superhero did they create?", history).question == (
        "Which superhero did Jack Kirby and Joe Simon create?"
    )


def test_it_after_where_something_is_stays_that_thing():
    history = [("Which county is Southampton in?", "Hampshire")]
    assert read_question("How far is it from London?", history).question == "How far is Southampton from London?"
    assert read_question("In which country is it?", history).question == "In which country is Hampshire?"


def test_a_name_a_question_treats_as_a_place_is_an_it_whatever_its_label():
    # the small model labels "Bermuda" a person
    history = [("In which ocean is Bermuda located?", "Atlantic Ocean")]
    assert read_question("How far is it from Miami?", history).question == "How far is Bermuda from Miami?"
    history = [("What is Bermuda's economy based on?", "offshore insurance and reinsurance")]
    assert read_question("What kind of climate does it have?", history).question == (
        "What kind of climate does Bermuda have?"
    )
    # a city that is something is no city something is in
    history = [("Which city was John Calvin's adopted home?", "Geneva")]
    assert read_question("What movement was it the centre of?", history).question == (
        "What movement was Geneva the centre of?"
    )


def test_what_a_what_is_question_describes_is_its_answer_not_a_thing_of_its_own():
    history = [("What is the function of the brain?", "to exert centralized control over the other organs")]
    assert read_question("What does it secrete?", history).question == "What does the brain secrete?"
    history = [("What is the largest organ in the human body?", "the skin")]
    assert read_question("How heavy is it?", history).question == "How heavy is the skin?"
    # a thing the question asks about stays the topic
    history = [("What is the rainforest?", "a moist broadleaf forest")]
    assert read_question("How big is it?", history).question == "How big is the rainforest?"


def test_the_phrase_a_which_question_asked_for_is_its_answer_not_a_mention():
    # the small model parses "Which" apart from "Greek general"
    history = [("Which Greek general described Armenian village life?", "Xenophon")]
    assert read_question("What did the language sound like to him?", history).question == (
        "What did the language sound like to Xenophon?"
    )
    history = [("In which edition's preface did Burke call the work a satire?", "second")]
    assert read_question("When was it published?", history).question == "When was the second edition published?"


def test_a_name_run_into_its_verb_is_the_name_and_a_name_inside_a_word_is_not_said():
    # the small model reads "GE release" as one phrase; "GE" is inside "largest", not said there
    history = [("How many pounds of toxic chemicals did GE release into the air per year?", "2,000 tons")]
    assert read_question("Who listed it as the fourth-largest producer of air pollution?", history).question == (
        "Who listed GE as the fourth-largest producer of air pollution?"
    )


def test_it_after_a_question_phrase_under_a_preposition_is_the_subject_and_also_asks_of_it_again():
    history = [("In which measurement was Estonia third in the world in 2012?", "press freedom")]
    assert read_question("Which index does it rank very high in?", history).question == (
        "Which index does Estonia rank very high in?"
    )
    history = [("Which investment bank is Estonia a part of?", "the Nordic Investment Bank")]
    assert read_question("Which trade body is it also part of?", history).question == (
        "Which trade body is Estonia also part of?"
    )
    history = [("Who founded Apple?", "Steve Jobs")]  # the answer did it: "also" asks of him again
    assert read_question("What did he also found?", history).question == "What did Steve Jobs also found?"


def test_a_role_answered_leaves_its_holder_the_topic_and_a_placed_name_is_one_place():
    history = [
        ("Which Grand Master converted to Lutheranism?", "Albert of Brandenburg-Ansbach"),
        ("What did Albert of Brandenburg-Ansbach establish himself as?", "first duke of the Duchy of Prussia"),
    ]
    assert read_question("Who was his son?", history).question == "Who was Albert of Brandenburg-Ansbach's son?"
    history = [("When was eastern Prussia reorganized as a province?", "1773")]
    assert read_question("What was it connected by land with?", history).question == (
        "What was eastern Prussia connected by land with?"
    )


def test_it_after_a_value_is_the_property_valued():
    history = [("What is the refraction index of common glass?", "around 1.5")]
    assert read_question("Which material lowers it?", history).question == (
        "Which material lowers the refraction index of common glass?"
    )


def test_a_subject_the_parser_ran_into_its_verb_is_still_the_subject():
    # "flourish" parsed as a noun, "architecture" as its modifier; and "architecture" as one of "originate"
    history = [("During which period did Gothic architecture flourish?", "the high and late medieval period")]
    assert read_question("What did it evolve from?", history).question == "What did Gothic architecture evolve from?"
    history = [("Where did Gothic architecture originate?", "12th-century France")]
    assert read_question("What was it known as during the period?", history).question == (
        "What was Gothic architecture known as during the period?"
    )


def test_an_answer_naming_a_described_group_is_they_and_the_british_are_a_people():
    history = [("What are the greatest number of surviving Gothic buildings?", "churches")]
    assert read_question("What do they range from?", history).question == "What do the churches range from?"
    history = [("What road did the British construct?", "the King's Road")]
    assert read_question("What did they build?", history).question == "What did the British build?"


def test_its_after_an_inverted_which_question_is_the_names_and_a_name_after_the_is_no_person():
    history = [("Which province is Nanjing the capital of?", "Jiangsu")]
    assert read_question("What is its population?", history).question == "What is Nanjing's population?"
    history = [("Which river is Detroit a major port on?", "the Detroit River")]  # a subject "it": the river
    assert read_question("What does it connect the Great Lakes system to?", history).question == (
        "What does the Detroit River connect the Great Lakes system to?"
    )
    history = [  # "the Neolithic" is labelled a person; an older answer must not take its place
        ("What did the beginning of farming produce?", 'the "Neolithic Revolution"'),
        ("Which period did the Neolithic follow?", "the terminal Holocene Epipaleolithic period"),
    ]
    assert read_question("When did it end?", history).question == "When did the Neolithic end?"


def test_a_subject_run_into_its_verb_after_an_unanswered_where_and_a_noun_swapped_whatever_its_kind():
    # "emerge" parsed as the subject's noun, "did" as the main verb; the answer is a place phrase, no mention
    history = [("Where did a first settlement emerge in the Bronze Age?", "at Mount Batten")]
    assert read_question("What did it continue as?", history).question == "What did the first settlement continue as?"
    history = [("When do glaciers store water as ice?", "during the colder seasons")]  # "glaciers store" is no subject
    assert "glaciers store" not in read_question("And when do they release it?", history).question
    history = [("Who produced the players?", "Philips")]
    assert read_question("And the discs?", history).question == "Who produced the discs?"
    history = [("Who departed Plymouth for the New World in 1620?", "Pilgrim Fathers")]
    assert read_question("Which colony did they establish?", history).question == "Which colony did Pilgrim Fathers establish?"


def test_whose_noun_said_to_be_a_name_is_that_name():
    history = [("Whose son is Apollo?", "Zeus and Leto")]
    assert read_question("Who is his twin sister?", history).question == "Who is Apollo's twin sister?"
    history = [("Whose funeral does Bond attend?", "Sciarra")]  # a thing owned, not said to be a name
    assert read_question("Where is it held?", history).question == "Where is Sciarra's funeral held?"


def test_a_description_answering_who_someone_was_leaves_them_the_topic():
    history = [("Who was Herod Antipas?", "king of Judea")]  # "Judea" a name in a description
    assert read_question("Who appointed him?", history).question == "Who appointed Herod Antipas?"
    history = [("Who is Japan's foreign minister?", "Yoshimasa Hayashi")]  # a name is who "he" is next
    assert read_question("Where did he meet his German counterpart?", history).question == (
        "Where did Yoshimasa Hayashi meet his German counterpart?"
    )


def test_it_as_what_a_verb_was_done_to_again_is_its_object_not_the_doer():
    history = [("Who originally developed the ski-jump ramp?", "the Royal Navy")]
    assert read_question("What was it first developed to help launch?", history).question == (
        "What was the ski-jump ramp first developed to help launch?"
    )
    history = [("Who built the first carrier?", "the Japanese")]
    assert read_question("When was it built?", history).question == "When was the first carrier built?"
    history = [("Who founded the modern capital of Armenia?", "King Argishti I")]  # "found" tagged a past of "find"
    assert read_question("When did he found it?", history).question == (
        "When did King Argishti I found the modern capital of Armenia?"
    )


def test_it_named_after_something_is_the_name_answered_not_who_gave_it():
    history = [("What did Boston's early European settlers first call the area?", "Trimountaine")]
    assert read_question("What was it named after?", history).question == "What was Trimountaine named after?"


def test_after_an_unanswered_which_question_a_pronoun_is_the_subject_it_asked_for():
    history = [("Which genus has members among the smallest bacteria?", None)]
    assert read_question("How small do its members measure?", history).question == (
        "How small do the genus's members measure?"
    )
    history = [("Which hypothesis tries to explain the increased rates of asthma worldwide?", None)]
    assert read_question("What evidence supports it?", history).question == "What evidence supports the hypothesis?"


def test_after_an_unanswered_what_is_question_a_pronoun_is_what_it_asked_about():
    history = [("What was the CIA's fiscal 2013 budget?", None)]
    assert read_question("How much of it was for HUMINT?", history).question == (
        "How much of the CIA's fiscal 2013 budget was for HUMINT?"
    )


def test_they_after_a_which_owner_question_is_what_the_owner_has():
    history = [("Which university's researchers studied Arctic animals?", "University of Tromsø")]
    assert read_question("Which animals did they study?", history).question == (
        "Which animals did University of Tromsø's researchers study?"
    )
    history = [("Whose funeral does Bond attend?", "Sciarra")]
    assert read_question("Where is it held?", history).question == "Where is Sciarra's funeral held?"


def test_it_after_a_meaning_is_the_word_meant_not_the_gloss():
    history = [("What was the original meaning of piracy?", "robbery or illegal violence at sea")]
    assert read_question("What has it been a synonym for?", history).question == "What has piracy been a synonym for?"


def test_a_name_with_a_regnal_number_is_a_person_however_parsed():
    history = [("What did Charles V issue in 1549?", "Pragmatic Sanction")]
    assert read_question("Who succeeded him?", history).question == "Who succeeded Charles V?"
    history = [("Whom did Elizabeth I send as governor-general?", "Earl of Leicester")]
    assert read_question("What did she turn the provinces into?", history).question == (
        "What did Elizabeth I turn the provinces into?"
    )


def test_what_is_done_after_an_inverted_which_is_done_to_the_answer_and_what_its_owns_is_the_names():
    history = [("Which temple is Kathmandu named after?", "Kasthamandap temple")]
    assert read_question("Who built it?", history).question == "Who built the Kasthamandap temple?"
    history = [("Which county is Detroit the seat of?", "Wayne County")]
    assert read_question("What is its population?", history).question == "What is Detroit's population?"


def test_his_may_be_the_person_named_in_the_answers_of_phrase():
    history = [("What is the word Ottoman an anglicisation of?", "the name of Osman I")]
    assert read_question("Where did his name come from?", history).question == "Where did Osman I's name come from?"


def test_the_verbs_noun_with_a_pronoun_is_done_to_what_the_verb_was():
    history = [("When did Germany invade Poland?", "1 September 1939")]
    assert read_question("Who ordered the Soviet invasion of it?", history).question == (
        "Who ordered the Soviet invasion of Poland?"
    )


def test_a_passive_it_with_a_verb_the_last_question_had_under_its_main_one_is_that_verbs_object():
    history = [("Which group supported adopting the bitterroot as the state flower?", "the Floral Emblem Association")]
    assert read_question("When was it adopted?", history).question == "When was the bitterroot adopted?"


def test_an_answer_the_documents_write_before_the_asked_noun_is_referred_to_with_it():
    genders = Genders(["These ecoregions have a Mediterranean climate with hot summers."])
    history = [("What climate do the ecoregions of northern Africa have?", "Mediterranean")]
    assert read_question("What characterizes it?", history, genders).question == "What characterizes the Mediterranean climate?"
    assert read_question("What characterizes it?", history).question != "What characterizes the Mediterranean climate?"


def test_what_a_titled_person_owns_is_an_it():
    history = [("Whose home at Cragside was among the first houses lit by electricity?", "Lord Armstrong")]
    assert read_question("When was it lit?", history).question == "When was Lord Armstrong's home lit?"


def test_a_lower_case_answer_is_what_was_asked_for_unless_the_documents_write_it_before_the_noun():
    genders = Genders(["In some respects zinc is chemically similar to magnesium: its ion is of similar size."])
    history = [("Which element is zinc chemically similar to?", "magnesium")]
    assert read_question("What is its only common oxidation state?", history, genders).question == (
        "What is magnesium's only common oxidation state?"
    )


def test_a_name_suggested_is_the_name():
    history = [("Who suggested the name Oklahoma?", "Allen Wright")]
    assert read_question("When did he suggest it?", history).question == "When did Allen Wright suggest the name Oklahoma?"


def test_adjectives_joined_by_and_answering_which_are_that_noun_where_the_documents_write_them_so():
    genders = Genders(["The Spanish and Portuguese colonies followed somewhat later because of delay in communication."])
    history = [("Which colonies adopted the new calendar somewhat later?", "Spanish and Portuguese")]
    assert read_question("Why were they late?", history, genders).question == (
        "Why were the Spanish and Portuguese colonies late?"
    )


def test_what_a_person_is_known_as_is_a_person():
    history = [("What is the owner of a pub properly known as?", "pub landlord")]
    assert read_question("Since when has the word publican been used for him?", history).question == (
        "Since when has the word publican been used for the pub landlord?"
    )


def test_a_which_place_question_whose_preposition_has_its_own_object_locates_nothing():
    history = [("Which town in Hanumangarh district was a provincial capital of the Indus Valley Civilization?", "Kalibangan")]
    assert read_question("Which district is it in?", history).question == "Which district is Kalibangan in?"


def test_what_a_question_for_the_whole_a_subject_is_part_of_leaves_the_subject_the_topic():
    history = [("What are harmonics an important class of?", "overtones")]
    assert read_question("What are their frequencies?", history).question == "What are harmonics' frequencies?"
    history = [("What was the Gregorian calendar a reform of?", "the Julian calendar")]
    assert read_question("What was the motivation for it?", history).question == (
        "What was the motivation for the Gregorian calendar?"
    )


def test_it_after_what_a_purpose_of_something_is_answered_with_a_verb_is_that_something():
    for purpose in ("to detect software failures", "detect software failures"):
        history = [("What is a primary purpose of testing?", purpose)]
        assert read_question("What can it not establish?", history).question == "What can testing not establish?"


def test_a_which_phrase_a_verb_ends_on_a_preposition_for_is_what_answered():
    genders = Genders(["Estonian belongs to the Finnic branch of the Uralic languages, along with Finnish."])
    history = [("Which branch does Estonian belong to?", "Finnic")]
    assert read_question("Which other languages belong to it?", history, genders).question == (
        "Which other languages belong to the Finnic branch?"
    )
