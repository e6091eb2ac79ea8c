"""Ellipsis (qa/followups/ellipsis.py): "And Germany?", "And the southern one?" read as the previous question swapped.

Also which lone question words ask the previous question again ("Alongside whom?", "Following what?") and the part of
its answer they leave out. Histories here are hand-written (question, answer) pairs, so these run without a reader."""

import pytest

from qa.conversation import read_question


def test_and_with_a_plural_after_a_how_many_question_counts_that_instead():
    history = [("How many Nobel laureates have been affiliated with Harvard?", "150")]
    for plural in ("Fields Medalists", "Turing Award winners"):  # "Turing" is tagged a verb
        assert read_question(f"And {plural}?", history).question == (
            f"How many {plural} have been affiliated with Harvard?"
        )
    # of two names of its kind, the one in the same place
    settlers = [("How many European settlers did the French colonies have at the start of the war?", "60,000")]
    assert read_question("And the British colonies?", settlers).question == (
        "How many European settlers did the British colonies have at the start of the war?"
    )
    # a single name still swaps for the name of its kind
    assert read_question("And Yale?", history).question == "How many Nobel laureates have been affiliated with Yale?"


def test_and_a_name_swaps_it_into_the_previous_question():
    history = [("Who is Japan's defense minister?", "Yasukazu Hamada")]
    assert read_question("And Germany?", history).question == "Who is Germany's defense minister?"
    assert read_question("What about Germany's?", history).question == "Who is Germany's defense minister?"
    # the name's place-words go with it: not "northwestern Iceland"
    history = [("When did the plague spread to northwestern Russia?", "1351")]
    assert read_question("And to Iceland?", history).question == "When did the plague spread to Iceland?"
    assert read_question("And to southern Norway?", history).question == "When did the plague spread to southern Norway?"


def test_and_a_phrase_swaps_out_a_common_noun_with_the_name_after_it():
    history = [("Who wrote the essay Civil Disobedience?", "Henry David Thoreau")]
    assert read_question("And the doctrine of Satyagraha?", history).question == "Who wrote the doctrine of Satyagraha?"


def test_and_a_phrase_with_its_preposition_takes_the_place_of_the_old_one_and_its_preposition():
    history = [("Who were pharmacists ranked above in the Imperial household?", "the two personal physicians")]
    assert read_question("And in health-related fields?", history).question == (
        "Who were pharmacists ranked above in health-related fields?"
    )


def test_and_a_phrase_under_the_same_preposition_takes_the_old_ones_place():
    history = [("What was Schwarzenegger nicknamed during his bodybuilding days?", "Austrian Oak")]
    assert read_question("And during his acting career?", history).question == (
        "What was Schwarzenegger nicknamed during his acting career?"
    )


def test_and_a_phrase_under_another_preposition_takes_the_place_of_the_one_under_the_verb():
    history = [("How many records has Beyoncé sold as a solo artist?", "118 million")]
    assert read_question("And with Destiny's Child?", history).question == (
        "How many records has Beyoncé sold with Destiny's Child?"
    )


def test_and_with_the_same_question_word_is_an_ellipsis():
    history = [("Who is the defense minister in Japan?", "Yasukazu Hamada")]
    assert read_question("And who in Germany?", history).question == "Who is the defense minister in Germany?"
    # a name that swaps in keeps one "the"
    history = [("Why did Japan invade the Philippines?", "for oil")]
    assert read_question("And why the Netherlands?", history).question == "Why did Japan invade the Netherlands?"


@pytest.mark.parametrize(
    ("previous", "answer", "ellipsis", "expected"),
    [
        # a plural phrase swaps a plural phrase
        ("What were mid-ocean ridges explained as?", "divergent boundaries", "And arcs of volcanoes and earthquakes?",
         "What were arcs of volcanoes and earthquakes explained as?"),
        # a nationality swaps the adjective of its kind
        ("Who is the Japanese defense minister?", "Yasukazu Hamada", "And the German one?",
         "Who is the German defense minister?"),
        # "the third quarter" inside it is a date, but the phrase is an average: it takes the asked thing's place
        ("What is the lowest temperature recorded in Antarctica?", None, "And the average for the third quarter?",
         "What is the average for the third quarter recorded in Antarctica?"),
        # a phrase with its preposition takes the old date's place, preposition and all
        ("Where did von Neumann's quantum mechanics work develop in 1926?", "Göttingen", "And from 1927 to 1929?",
         "Where did von Neumann's quantum mechanics work develop from 1927 to 1929?"),
        # another relative of the same owner swaps the relative, not the owner
        ("What was Bell's mother's name?", "Eliza Grace", "And his father's?", "What was Bell's father's name?"),
        ("Who was Marie's sister?", "Bronisława", "And her husband?", "Who was Marie's husband?"),
    ],
)
def test_and_a_phrase_takes_the_place_of_its_kind_in_the_previous_question(previous, answer, ellipsis, expected):
    assert read_question(ellipsis, [(previous, answer)]).question == expected


def test_a_question_word_with_a_verb_stands_on_its_own():
    """"What releases them?" is a question with a pronoun, not a which-phrase asking the last question again."""
    history = [("What is inflammation produced by?", "eicosanoids and cytokines")]
    assert read_question("What releases them?", history).question == "What releases the eicosanoids and cytokines?"


def test_a_possessive_ellipsis_swaps_the_owner():
    history = [("What was the Panthers' regular season record?", "15–1")]
    assert read_question("And the Broncos'?", history).question == "What was the Broncos' regular season record?"


def test_a_possessive_phrase_swaps_in_whole():
    history = [("Who is Japan's prime minister?", None)]
    assert read_question("And Germany's defense minister?", history).question == "Who is Germany's defense minister?"
    history = [("What was Bell's mother's name?", "Eliza")]
    assert read_question("And Edison's father?", history).question == "What was Edison's father's name?"


def test_a_superlative_swaps_for_a_superlative():
    history = [("When did Bermuda become the most populous British Overseas Territory?", "1997")]
    assert read_question("And the oldest?", history).question == (
        "When did Bermuda become the oldest British Overseas Territory?"
    )
    history = [("What is the largest city in Kenya?", "Nairobi")]
    assert read_question("And the smallest?", history).question == "What is the smallest city in Kenya?"
    history = [("Which is the cheapest phone?", "the X1")]
    assert read_question("And the most expensive?", history).question == "Which is the most expensive phone?"


def test_an_ellipsis_after_a_what_else_question_asks_without_else():
    history = [("Where did the meeting take place?", "Munster"), ("What else happened there?", "talks")]
    assert read_question("When?", history).question == "When did talks happen in Munster?"


def test_a_name_swaps_for_the_one_name_asked_about_whatever_either_is_labelled():
    # the small model labels "Bristol" an organisation and "Coventry" nothing at all
    history = [("How many times was London attacked?", "71 times")]
    assert read_question("And Bristol?", history).question == "How many times was Bristol attacked?"
    history = [("Why was Coventry chosen?", "munitions factories")]
    assert read_question("And Birmingham?", history).question == "Why was Birmingham chosen?"
    # a name said twice, once in a longer phrase, is one name
    history = [("What is the capital of Guam?", "Hagåtña")]
    assert read_question("And Saipan?", history).question == "What is the capital of Saipan?"


def test_a_description_swaps_for_a_description_and_keeps_what_it_is_of():
    history = [("What is the capital city of Guam?", "Hagåtña")]
    assert read_question("And the most populous city?", history).question == "What is the most populous city of Guam?"
    history = [("What is the capital of Guam?", "Hagåtña")]
    assert read_question("And the largest city?", history).question == "What is the largest city of Guam?"
    # a name for a name, "the" and all
    history = [("When was the Treaty of Rome?", "1957")]
    assert read_question("And the Maastricht Treaty?", history).question == "When was the Maastricht Treaty?"


def test_more_prepositions_lead_a_question_word_of_its_own():
    history = [("Which Greek general described Armenian village life?", "Xenophon")]
    assert read_question("Around when?", history).question == "Around when did Xenophon describe Armenian village life?"
    history = [("Under which dynasty was the first Armenia established?", "the Orontid dynasty")]
    assert read_question("Within which empire?", history).question == (
        "Within which empire was the first Armenia established?"
    )


def test_how_many_of_a_name_of_three_words_is_one_question_phrase():
    history = [("How many La Liga titles has Barcelona won?", "23")]
    assert read_question("And how many Copa del Rey trophies?", history).question == (
        "How many Copa del Rey trophies has Barcelona won?"
    )


def test_a_time_told_from_another_takes_no_preposition_and_a_verb_read_as_a_noun_takes_the_answer():
    history = [("Who occupied Estonia in 1940?", "the Soviet Union")]
    assert read_question("And a year later?", history).question == "Who occupied Estonia a year later?"
    history = [("What did the Estonian SSR issue in 1988?", "the Estonian Sovereignty Declaration")]
    assert read_question("During which event?", history).question == (
        "During which event did the Estonian SSR issue the Estonian Sovereignty Declaration in 1988?"
    )


def test_an_adverb_before_a_lone_question_word_and_a_count_put_back_with_its_noun():
    history = [
        ("What have the Cape Dutch dialects of Southern Africa evolved into?", "Afrikaans"),
        ("How many people speak Afrikaans to some degree?", "at least 16 million"),
    ]
    assert read_question("Mainly where?", history).question == (
        "Mainly where do at least 16 million people speak Afrikaans to some degree?"
    )


def test_what_a_question_phrase_is_made_of_is_no_mention_and_a_stranded_preposition_keeps_its_object():
    # "operating profits" belongs to "What share of operating profits", the thing asked: "Apple" swaps for Dell
    history = [("What share of operating profits did Dell take in Q4 2012?", "13 percent")]
    assert read_question("And Apple?", history).question == "What share of operating profits did Apple take in Q4 2012?"
    history = [("What did Ancient Egyptians use copper for?", "sterilizing wounds and drinking water")]
    assert read_question("Around when?", history).question == (
        "Around when did Ancient Egyptians use copper for sterilizing wounds and drinking water?"
    )


def test_a_phrase_with_its_own_of_swaps_for_the_old_one_and_its_of():
    history = [("When is the overthrow of the Roman Kingdom traditionally dated?", "509 BC")]
    assert read_question("And the end of the Republic?", history).question == (
        "When is the end of the Republic traditionally dated?"
    )


def test_a_phrase_under_a_preposition_is_added_where_it_has_no_like_to_replace():
    history = [
        ("When did mechanical analog computers start appearing?", "in the first century"),
        ("What were they later used for?", "astronomical calculations"),
    ]
    assert read_question("And in World War II?", history).question == (
        "What were mechanical analog computers later used for in World War II?"
    )


def test_when_asked_again_leaves_out_the_time_the_answer_ran_on_into():
    history = [("What were those who violated the charter labelled?", "pirates as early as 1603")]
    assert read_question("Since when?", history).question == (
        "Since when were those who violated the charter labelled pirates?"
    )
    history = [("What did the task force produce?", "the Red Book CD-DA standard in 1980")]
    assert read_question("Why?", history).question == "Why did the task force produce the Red Book CD-DA standard in 1980?"


def test_following_what_asks_the_last_question_again():
    history = [("When did Eritrea gain independence?", "April 1993")]
    assert read_question("Following what?", history).question == "Following what did Eritrea gain independence?"


def test_a_lone_which_phrase_may_have_a_hyphenated_noun_and_a_name_answering_who_was_is_the_subject():
    history = [("Who was the first Lib–Lab candidate to stand?", "George Odger")]
    expected = "In which by-election was George Odger the first Lib–Lab candidate to stand?"
    assert read_question("In which by-election?", history).question == expected


def test_another_share_of_a_group_takes_the_place_of_the_share_asked_about():
    history = [("What religion do most of Kathmandu's people follow?", "Hinduism")]
    assert read_question("And many others?", history).question == "What religion do many others follow?"


def test_and_with_a_named_plural_after_a_how_many_question_counts_that_not_its_owners():
    history = [("How many Nobel Prizes have IBM's employees garnered?", "five")]  # "Turing" tagged a verb
    assert read_question("And Turing Awards?", history).question == "How many Turing Awards have IBM's employees garnered?"


def test_a_lone_question_word_with_a_preposition_leaves_out_that_prepositions_phrase_from_the_answer():
    history = [("What did Germany send?", "three jets to Japan")]
    assert read_question("To which country?", history).question == "To which country did Germany send three jets?"


def test_alongside_whom_is_a_lone_question_word():
    history = [("Who beatified John XXIII?", "Pope John Paul II")]
    assert read_question("Alongside whom?", history).question == "Alongside whom did Pope John Paul II beatify John XXIII?"


def test_a_lone_question_word_under_a_noun_and_its_preposition():
    history = [("Where did the university open a campus in 2008?", "Education City, Doha, Qatar")]
    assert read_question("With programs in what?", history).question == (
        "With programs in what did the university open a campus in 2008?"
    )


def test_and_with_a_possessive_pronoun_keeps_the_owner_and_swaps_what_it_owns():
    history = [("What is Neptune's atmosphere composed of primarily?", "hydrogen and helium")]
    assert read_question("And its interior?", history).question == "What is Neptune's interior composed of primarily?"


def test_and_the_adjective_one_swaps_the_last_described_phrases_adjective():
    history = [("How much annual precipitation marks the northern limit?", "100 mm")]
    assert read_question("And the southern one?", history).question == (
        "How much annual precipitation marks the southern limit?"
    )


def test_and_the_second_largest_keeps_the_noun_the_superlative_described():
    history = [("What is the largest order of mammals in numbers?", "Rodentia")]
    assert read_question("And the second largest?", history).question == (
        "What is the second largest order of mammals in numbers?"
    )


def test_and_an_adjective_phrase_swaps_what_the_clause_said_its_subject_was():
    history = [("What share of Europeans thought the goal was about right?", "57 percent")]
    assert read_question("And too modest?", history).question == "What share of Europeans thought the goal was too modest?"


def test_an_ellipsis_with_a_time_after_it_keeps_the_time():
    history = [("In which revolution did humanism begin to mean an ethical philosophy?", "the French Revolution")]
    assert read_question("And in which country, soon after?", history).question == (
        "In which country did humanism begin to mean an ethical philosophy, soon after?"
    )


def test_and_with_the_same_ing_verb_swaps_its_phrase():
    history = [("What is eating parts of plants called?", "herbivory")]
    assert read_question("And eating parts of fungi?", history).question == "What is eating parts of fungi called?"


def test_a_lone_question_word_keeps_especially_after_it():
    history = [("Why was the new user interface criticized?", "for being confusing")]
    assert read_question("When especially?", history).question == "When especially was the new user interface criticized?"


def test_along_with_whom_is_a_lone_question_word():
    history = [("Who headed the committee of ministers?", "The Prime Minister")]
    assert read_question("Along with whom?", history).question == (
        "Along with whom did the Prime Minister head the committee of ministers?"
    )


def test_a_phrase_with_its_own_preposition_takes_the_old_ones_with_it():
    history = [("What offers variety in what we eat?", "Interspecific crop diversity")]
    assert read_question("And choice in our diets?", history).question == "What offers choice in our diets?"


def test_and_a_thing_of_another_number_swaps_for_the_one_thing_asked_about():
    history = [("What produced the primordial atmosphere?", "Outgassing and volcanic activity")]
    assert read_question("And the oceans?", history).question == "What produced the oceans?"


def test_and_a_thing_after_what_is_asks_what_that_is_however_the_first_was_tagged():
    history = [("What is detritivory?", "the consumption of dead organic matter")]  # "detritivory" an adjective to it
    assert read_question("And predation?", history).question == "What is predation?"
    history = [("What is panelization?", "a procedure whereby PCBs are grouped onto a larger board")]
    assert read_question("And depaneling?", history).question == "What is depaneling?"  # a gerund, alone


def test_how_long_after_another_time_is_a_lone_question_word():
    history = [("When were the remaining restrictions on commercial use removed?", "by 1995")]
    assert read_question("How long after the introduction of the World Wide Web?", history).question == (
        "How long after the introduction of the World Wide Web were the remaining restrictions on commercial use removed?"
    )


def test_a_phrase_with_its_own_relative_clause_takes_the_old_ones_place():
    history = [("What is pain that lasts a long time called?", "chronic or persistent")]
    assert read_question("And pain that resolves quickly?", history).question == "What is pain that resolves quickly called?"
