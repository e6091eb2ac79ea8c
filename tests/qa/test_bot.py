"""QABot through its public API: grounded answers, abstention, follow-ups, documents, bad input."""

from __future__ import annotations

import copy
import dataclasses
import threading

import pytest

import qa.bot
from qa_index.documents import bundled_article
from qa import BotSettings, QABot, QAError

ARTICLE = bundled_article().text


def test_who_joined_online_is_exactly_the_design_cards_answer(bot):
    assert bot.ask("Who joined online?").text == "Yasukazu Hamada and Christine Lambrecht"


def test_who_joined_online_is_grounded_in_the_article(bot):
    answer = bot.ask("Who joined online?")
    assert answer.text.endswith("Yasukazu Hamada and Christine Lambrecht")
    assert ARTICLE[answer.start : answer.end] == answer.text
    assert answer.document == bundled_article().id
    assert ARTICLE[answer.evidence_start : answer.evidence_start + len(answer.evidence)] == answer.evidence
    assert answer.text in answer.evidence and answer.evidence.endswith("joined them online.")
    calibration, share = bot.reader.pipeline_calibration, bot.settings.unanswerable_share
    assert calibration.no_answer(answer.margin, share) < answer.score <= 1.0  # answered: the more likely of the two


def test_question_the_article_does_not_answer_abstains(bot):
    answer = bot.ask("How many moons does Jupiter have?")
    assert answer.abstained and answer.text is None and answer.as_dict()["abstained"] is True
    assert answer.passage is not None and 0.5 <= answer.score <= 1.0  # P(no answer), the more likely
    assert answer.evidence and answer.evidence.count(". ") == 0, "the closest sentence: one sentence"
    assert ARTICLE[answer.evidence_start : answer.evidence_start + len(answer.evidence)] == answer.evidence


def test_follow_up_is_read_after_the_earlier_turn_and_says_how(bot):
    follow_up = bot.ask(
        "Where did he meet his German counterpart?", history=[("Who is Japan's foreign minister?", "Yoshimasa Hayashi")]
    )
    assert follow_up.read_as == "Where did Yoshimasa Hayashi meet his German counterpart?"
    assert follow_up.text is not None and "Munster" in follow_up.text


def test_a_typo_is_read_as_the_articles_word_and_shown(bot, reader, embedder):
    answer = bot.ask("What did Germny send to Japan?")
    assert answer.question == "What did Germny send to Japan?"
    assert answer.read_as == "What did Germany send to Japan?"
    assert "Eurofighter jets" in answer.text
    follow_up = bot.chat(history=[("Who is Japan's forein minister?", "Yoshimasa Hayashi")]).ask("Where did he go?")
    assert follow_up.read_as == "Where did Yoshimasa Hayashi go?"
    # the history is read corrected too: "it" is Germany, not "Germny"
    follow_up = bot.ask("What did it send in September?", history=[("Why did Germny send jets?", None)])
    assert follow_up.read_as == "What did Germany send in September?"
    literal = QABot(reader=reader, embedder=embedder, settings=BotSettings(spelling=False))
    assert literal.ask("What did Germny send to Japan?").read_as == "What did Germny send to Japan?"


def test_a_titled_person_does_not_answer_a_question_about_a_thing(bot):
    answer = bot.ask("Which Japanese warship visited Germany?")  # had answered "Annalena Baerbock"
    assert answer.abstained


def test_an_abbreviation_the_article_spells_out_is_read_spelled_out(bot, reader, embedder):
    answer = bot.ask("How many days did the G7 ministerial meeting run?")
    assert answer.read_as == "How many days did the Group of Seven ministerial meeting run?"
    assert answer.text == "two"
    literal = QABot(reader=reader, embedder=embedder, settings=BotSettings(abbreviations=False))
    assert literal.ask("How many days did the G7 ministerial meeting run?").read_as.endswith("the G7 ministerial meeting run?")


@pytest.mark.parametrize("question", ["What does ACSA stand for?", "What is ACSA short for?"])
def test_what_an_abbreviation_stands_for_is_its_whole_long_form(bot, question):
    answer = bot.ask(question)  # had answered "cross-servicing agreement", and "allows the two sides ..."
    assert answer.text == "acquisition and cross-servicing agreement"
    assert bot.documents[0].text[answer.start : answer.end] == answer.text


def test_an_office_named_as_the_article_does_not_is_read_as_it_does(bot, reader, embedder):
    answer = bot.ask("Who is Germany's top diplomat?")  # had abstained: the article says "Foreign Minister"
    assert answer.read_as == "Who is Germany's foreign minister?"
    assert answer.text == "Annalena Baerbock"
    literal = QABot(reader=reader, embedder=embedder, settings=BotSettings(office_names=False))
    assert literal.ask("Who is Germany's top diplomat?").read_as == "Who is Germany's top diplomat?"


def test_a_chat_keeps_its_turns_and_reads_each_question_after_them(bot):
    chat = bot.chat()
    first = chat.ask("When did Japan and Germany agree to enhance their defense cooperation?")
    assert first.text == "Thursday" and first.read_as == first.question
    second = chat.ask("What did they agree to start negotiating?")  # "they": the countries, not "Thursday"
    assert second.read_as == "What did Japan and Germany agree to start negotiating?"
    assert second.text is not None and "military pact" in second.text
    assert [t.question for t in chat.turns] == [first.question, second.question]
    assert chat.turns[-1].read_as == second.read_as and chat.turns[-1].answer == second.text
    chat.clear()
    assert chat.ask("Why?").read_as == "Why?"  # nothing before it: read as it is


def test_a_chat_can_start_from_a_history(bot):
    chat = bot.chat(history=[("Who is Japan's defense minister?", "Yasukazu Hamada")])
    answer = chat.ask("And Germany?")
    assert answer.read_as == "Who is Germany's defense minister?"
    assert answer.as_dict()["read_as"] == answer.read_as


def test_overlapping_retrieved_chunks_are_read_once_as_one_passage(bot, monkeypatch):
    read: list[str] = []
    read_batch = bot.reader.read_batch

    def spy(pairs, top_k=1):
        read.extend(context for _, context in pairs)
        return read_batch(pairs, top_k)

    monkeypatch.setattr(bot.reader, "read_batch", spy)
    answer = bot.ask("Who joined online?")
    spans = sorted((ARTICLE.index(context), ARTICLE.index(context) + len(context)) for context in read)
    assert all(end < start for (_, end), (start, _) in zip(spans, spans[1:])), "no two passages overlap or touch"
    for chunk in answer.chunks:
        assert any(start <= chunk.start and chunk.end <= end for start, end in spans), "every chunk is read"
    assert len(read) < len(answer.chunks)  # the article's best chunks for this question are neighbours


def test_ask_many_matches_ask(bot):
    questions = ["Who joined online?", "How many Eurofighter jets did Germany send?", "How many moons does Jupiter have?"]
    together = bot.ask_many(questions)
    for question, answer in zip(questions, together):
        alone = bot.ask(question)
        assert (alone.text, alone.start, alone.end) == (answer.text, answer.start, answer.end)


def test_alternatives_are_distinct_spans(bot):
    answer = bot.ask("When did the German frigate call at a Japanese port?")
    spans = [(answer.start, answer.end)] + [(c.start, c.end) for c in answer.alternatives]
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1 :]:
            assert e1 <= s2 or e2 <= s1, "overlapping spans must be merged into one"


@pytest.mark.parametrize("question", ["", "   \n\t ", None])
def test_empty_question_is_a_clear_error(bot, question):
    with pytest.raises(QAError, match="empty"):
        bot.ask(question)


def test_huge_question_is_cut_with_a_warning(bot):
    with pytest.warns(UserWarning):
        answer = bot.ask("Who joined online? " + "really " * 2000)
    assert answer.text is None or ARTICLE[answer.start : answer.end] == answer.text


def test_from_texts_answers_over_given_strings(reader, embedder):
    bot = QABot.from_texts(
        {"memo": "The quarterly review is on Friday. Maria Lopez will chair the review in room 4B."},
        reader=reader,
        embedder=embedder,
    )
    answer = bot.ask("Who will chair the review?")
    assert answer.text == "Maria Lopez" and answer.document == "memo"


def test_from_paths_skips_bad_files_and_names_them(tmp_path, reader, embedder):
    good = tmp_path / "notes.md"
    good.write_text("# Notes\n\nThe launch date of the product is 12 March.\n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    bot = QABot.from_paths([good, binary, empty], reader=reader, embedder=embedder)
    assert [d.id for d in bot.documents] == ["notes.md"]
    assert any("blob.txt" in e for e in bot.load_errors) and any("empty.txt" in e for e in bot.load_errors)
    assert bot.ask("What is the launch date of the product?").text == "12 March"


def test_a_word_document_is_answered_from_with_its_offsets(tmp_path, reader, embedder):
    import docx

    document = docx.Document()
    document.add_heading("Launch plan", level=1)
    document.add_paragraph("The launch date of the product is 12 March. Maria Lopez leads the launch.")
    document.save(tmp_path / "plan.docx")
    bot = QABot.from_paths([tmp_path / "plan.docx"], reader=reader, embedder=embedder, cache_dir=False)
    answer = bot.ask("Who leads the launch?")
    assert (answer.text, answer.document) == ("Maria Lopez", "plan.docx")
    assert bot.documents[0].text[answer.start : answer.end] == "Maria Lopez"


def test_from_paths_with_no_readable_file_is_an_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8")
    with pytest.raises(QAError, match="bad.txt"):
        QABot.from_paths([bad])


def test_uploads_of_one_name_but_different_content_use_different_indexes(tmp_path, reader, embedder):
    uploads = ({"notes.txt": f"The launch is on {day}."} for day in ("Monday", "Friday"))
    monday, friday = (QABot.from_texts(u, reader=reader, embedder=embedder, cache_dir=tmp_path) for u in uploads)
    assert monday.index_dir != friday.index_dir
    assert (monday.ask("When is the launch?").text, friday.ask("When is the launch?").text) == ("Monday", "Friday")


def test_a_cache_that_cannot_be_written_still_answers(tmp_path, reader, embedder):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    memo = {"memo": "The quarterly review is on Friday. Maria Lopez will chair the review in room 4B."}
    bot = QABot.from_texts(memo, reader=reader, embedder=embedder, cache_dir=blocker)
    assert bot.ask("Who will chair the review?").text == "Maria Lopez"


def test_an_answer_found_in_several_places_is_offered_once(reader, embedder):
    memo = {
        "memo": "Maria Lopez will chair the review. The review starts on Friday.\n\n"
        "Maria Lopez chaired last year's review too, with Tom Berg.\n\nTom Berg takes the minutes."
    }
    bot = QABot.from_texts(memo, reader=reader, embedder=embedder, settings=BotSettings(alternatives=10), cache_dir=False)
    answer = bot.ask("Who chairs the review?")
    texts = [answer.text] + [c.text for c in answer.alternatives]
    assert answer.text == "Maria Lopez" and len(answer.alternatives) >= 2
    assert len({t.casefold() for t in texts}) == len(texts)


@pytest.mark.parametrize("alternatives", [0, 1, 10])
def test_an_abstaining_answer_lists_its_best_spans_as_alternatives(reader, embedder, alternatives):
    never_sure = copy.copy(reader)
    never_sure.pipeline_calibration = dataclasses.replace(reader.pipeline_calibration, intercept=-100.0)
    memo = {"memo": "Maria Lopez will chair the review in room 4B on Friday."}
    settings = BotSettings(alternatives=alternatives)
    sure, unsure = (
        QABot.from_texts(memo, reader=r, embedder=embedder, settings=settings, cache_dir=False).ask("Who will chair?")
        for r in (reader, never_sure)
    )
    assert sure.text is not None and unsure.abstained
    spans = [(sure.text, sure.start)] + [(c.text, c.start) for c in sure.alternatives]
    assert [(c.text, c.start) for c in unsure.alternatives] == spans[:alternatives]


def test_retrieve_needs_no_reader(tmp_path, embedder):
    bot = QABot(reader=tmp_path / "no-such-reader", embedder=embedder, cache_dir=False)
    assert "Eurofighter" in bot.retrieve("How many Eurofighter jets were sent?")[0].chunk.text


def test_evidence_sentences_are_found_in_the_passage_read_once_and_only_when_an_answer_needs_them(
    reader, embedder, monkeypatch
):
    seen, real = [], qa.bot.sentences

    def counted(text: str) -> list:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(qa.bot, "sentences", counted)
    qa.bot._sentences.cache_clear()
    texts = {"memo": "Maria Lopez will chair the review. It starts in May.", "other": "The canteen opens at noon."}
    bot = QABot.from_texts(texts, reader=reader, embedder=embedder, cache_dir=False).warm_up()
    assert seen == []
    first = bot.ask("Who will chair the review?")
    again = bot.ask("Who chairs the review?")
    assert seen == [texts["memo"]]
    assert first.evidence == again.evidence == "Maria Lopez will chair the review."


def test_building_an_index_shows_a_progress_bar_when_asked(embedder, reader, capfd):
    from qa.bot import BotSettings

    memo = {"memo": "The committee meets on Fridays. It is chaired by Ada Lovelace."}
    QABot.from_texts(memo, reader=reader, embedder=embedder, cache_dir=False).store
    assert "embedding" not in capfd.readouterr().err
    QABot.from_texts(memo, reader=reader, embedder=embedder, cache_dir=False, settings=BotSettings(progress=True)).store
    assert "embedding" in capfd.readouterr().err


@pytest.mark.parametrize(
    "settings",
    [{"top_k": 0}, {"top_k": -1}, {"top_k": 2.5}, {"alternatives": -1}, {"max_question_chars": 0}, {"retrieval": "bm25"}],
)
def test_settings_out_of_range_are_a_clear_error(settings):
    with pytest.raises(QAError, match=next(iter(settings))):
        BotSettings(**settings)


def test_the_answer_says_which_paragraph_its_evidence_is_in(bot):
    answer = bot.ask("Who joined online?")
    paragraphs = ARTICLE.split("\n\n")
    assert answer.evidence in paragraphs[answer.paragraph - 1]
    assert answer.as_dict()["paragraph"] == answer.paragraph == 3


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("Which German state is Munster in?", "Germany"),  # the article names no state: the reader's best is a country
        ("Who is Yoshimasa Hayashi?", "Annalena Baerbock"),  # asks what he is: the reader's best is another person
    ],
)
def test_a_span_of_the_wrong_kind_is_no_answer(bot, question, wrong):
    answer = bot.ask(question)
    assert wrong not in [answer.text, *(c.text for c in answer.alternatives)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who is Japan's prime minister?", None),  # the article's ministers are its foreign and defense ministers
        ("Who is the Japanese foreign minister?", "Yoshimasa Hayashi"),  # not "Japanese Defense Minister Yasukazu Hamada"
        ("Who is the German defense minister?", "Christine Lambrecht"),
        ("Who is the German foreign minister?", "Annalena Baerbock"),  # "his German counterpart, Annalena Baerbock"
        ("Who is Germany's defense minister?", "Christine Lambrecht"),  # the reader's best, Hamada, is Japanese
    ],
)
def test_a_person_the_article_gives_another_office_is_no_answer(bot, question, expected):
    answer = bot.ask(question)
    assert answer.text == expected
    if expected is None:  # the closest sentence is the reader's own best span's, which shows why
        assert "Japanese Defense Minister Yasukazu Hamada" in answer.evidence


def test_warm_up_loads_the_parser_in_the_background(bot, monkeypatch):
    """The page and `qa chat` warm up as they start: the first follow-up need not wait for spaCy."""
    loaded = threading.Event()
    monkeypatch.setattr(qa.bot, "load_parser", loaded.set)
    assert bot.warm_up() is bot
    assert loaded.wait(timeout=10)


def test_who_else_gives_another_answer_than_those_given(bot):
    chat = bot.chat()
    first = chat.ask("Which countries already have an ACSA with Japan?")
    again = chat.ask("Who met in Munster?")
    other = chat.ask("Who else?")
    assert other.read_as == f"Who met in Munster? (besides {again.text})"
    given = {first.text, again.text}
    for offered in [other.text, *(c.text for c in other.alternatives)]:
        assert offered not in given and (offered is None or again.text not in offered and offered not in again.text)
    assert chat.turns[-1].read_as == "Who met in Munster?"  # the conversation keeps the question as read
