"""Referents beyond the ranked mentions (qa/followups/referents.py): two people named apart, one of a pair by gender.

Also the place last answered, the name a question asked for, the gender an answer was asked for, and a name the
documents place. Histories here are hand-written (question, answer) pairs, so these run without a reader."""

from qa.conversation import read_question
from qa.genders import Genders


def test_they_with_no_group_is_the_two_people_named_last(hayashi):
    history = [hayashi, ("Who did he meet?", "Annalena Baerbock")]
    assert read_question("Where were they?", history).question == "Where were Annalena Baerbock and Yoshimasa Hayashi?"


def test_which_place_it_is_in_asks_about_the_place_last_answered_without_its_own_place():
    history = [("Where was the world premiere held?", "Royal Albert Hall in London")]
    assert read_question("In which city is it?", history).question == "In which city is Royal Albert Hall?"
    # another question keeps "it" the topic of the question before
    assert read_question("When was it held?", history).question == "When was the world premiere held?"
    history = [("Where did Hayashi meet Baerbock?", "the western German city of Munster")]
    assert read_question("In which country is it?", history).question == "In which country is Munster?"
    history = [("Where did the frigate go?", "the coast of Japan")]  # the coast is no Japan
    assert read_question("In which region is it?", history).question == "In which region is the coast of Japan?"


def test_they_after_who_with_a_name_the_documents_call_he_is_the_two():
    genders = Genders(["West released his debut album, and he founded a label."])
    history = [("Who did West collaborate with on Watch the Throne?", "Jay-Z")]
    # the title the small parser splits ("Watch" and "the Throne") is one name
    assert read_question("When did they release it?", history, genders).question == (
        "When did Jay-Z and West release Watch the Throne?"
    )


def test_an_answer_is_the_gender_its_question_asked_for():
    genders = Genders(["Eleanor, irritated by her husband, left."])  # the documents never tell Louis's
    history = [("Who was Eleanor's former husband?", "Louis VII of France")]
    assert read_question("Which duchy did she reign over?", history, genders).question == (
        "Which duchy did Eleanor reign over?"
    )
    assert read_question("When did he die?", history, genders).question == "When did Louis VII of France die?"


def test_he_may_be_a_name_labelled_a_place_that_the_documents_never_place():
    history = [("Where was Josip sent after being captured?", "a work camp in the Ural Mountains")]
    genders = Genders(["Josip was sent to a work camp. He took part in the revolution in Russia."])
    assert read_question("Which revolution did he take part in?", history, genders).question == (
        "Which revolution did Josip take part in?"
    )
    # without documents to tell, a place stays a place
    unread = read_question("Which revolution did he take part in?", history)
    assert unread.question == "Which revolution did he take part in?"


def test_he_after_two_people_is_the_one_the_documents_call_he():
    text = "Japanese Defense Minister Yasukazu Hamada (on screen, R) and his German counterpart Christine Lambrecht."
    history = [("Who joined online?", "Yasukazu Hamada and Christine Lambrecht")]
    assert read_question("When did he become defense minister?", history, Genders([text])).question == (
        "When did Yasukazu Hamada become defense minister?"
    )
    # where the documents do not say, "he" is left as typed rather than guessed
    assert read_question("When did he become defense minister?", history).question == (
        "When did he become defense minister?"
    )
    # the pair is the latest answer: a man an older turn named comes after it
    text += " Japanese Foreign Minister Yoshimasa Hayashi met with his German counterpart."
    history = [("Who is Japan's foreign minister?", "Yoshimasa Hayashi")] + history
    assert read_question("When did he become defense minister?", history, Genders([text])).question == (
        "When did Yasukazu Hamada become defense minister?"
    )


def test_its_of_a_place_is_a_name_the_documents_place_though_labelled_a_person():
    from qa.conversation import Conversation
    from qa.genders import Genders

    text = "The North Sea port of Hull was subjected to 86 raids in the Hull Blitz. The bombing of Liverpool killed many."
    conversation = Conversation(genders=Genders([text]))
    turns = [("How many died in the bombing of Liverpool?", "many"), ("How many raids was Hull subjected to?", "86")]
    for question, answer in turns:
        conversation.add(question, conversation.read(question).question, answer)
    assert conversation.read("What share of its housing stock was destroyed?").question == (
        "What share of Hull's housing stock was destroyed?"
    )


def test_it_after_a_term_asked_for_is_the_term_and_a_relative_that_is_no_mention():
    history = [("What are the waiting areas that give passengers access to aircraft called?", "concourses")]
    assert read_question("With which term is it often used interchangeably?", history).question == (
        "With which term is the concourses often used interchangeably?"
    )


def test_a_name_that_answered_as_a_person_is_never_an_it():
    # the small model labels "Léon Scott" a thing in the second question; the first answered him as a person
    history = [
        ("Who patented the phonautograph?", "Léon Scott"),
        ("When did Léon Scott patent the phonautograph?", "1857"),
    ]
    assert read_question("What did it use to record sound waves?", history).question == (
        "What did the phonautograph use to record sound waves?"
    )


def test_it_for_the_last_words_of_a_title_is_the_title():
    history = [("Which critic wrote Seven Lamps of Architecture?", "John Ruskin")]
    assert read_question("When was it published?", history).question == "When was Seven Lamps of Architecture published?"


def test_they_with_nothing_plural_is_the_name_the_last_question_was_about():
    history = [("When was Everton formed?", "1878")]
    assert read_question("When did they win their first league championship?", history).question == (
        "When did Everton win their first league championship?"
    )
    history = [("When was Everton formed?", "1878"), ("Who won the cup?", None)]
    assert read_question("Where did they play?", history).question == "Where did they play?"
    history = [("Which rules did the ORFU incorporate in 1903?", "Burnside")]  # what "they" may have meant
    assert read_question("How many men did they reduce teams to?", history).question == (
        "How many men did they reduce teams to?"
    )


def test_it_derived_or_meant_after_a_name_was_asked_is_the_name_whatever_follows_called():
    history = [("What was Kathmandu sometimes called during medieval times?", "Kantipur")]
    assert read_question("From what is it derived?", history).question == "From what is Kantipur derived?"


def test_a_name_answering_what_something_is_called_is_one_thing_however_tagged():
    history = [("What is Strasbourg's historic city centre called?", "Grande Île")]
    assert read_question("When was it classified a World Heritage site?", history).question == (
        "When was Grande Île classified a World Heritage site?"
    )


def test_it_said_to_be_a_capital_is_a_place():
    history = [("What is Strasbourg the official seat of?", "the European Parliament")]
    assert read_question("Which département is it the capital of?", history).question == (
        "Which département is Strasbourg the capital of?"
    )
    genders = Genders(["Melbourne is the capital of Victoria. Most people in Melbourne live in its suburbs."])
    history = [("What is Melbourne's rank among Australia's cities by population?", "second")]
    assert read_question("Of which state is it the capital?", history, genders).question == (
        "Of which state is Melbourne the capital?"
    )
