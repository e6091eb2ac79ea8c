"""QABot: documents -> chunks -> index -> retrieved chunks -> reader -> grounded answer."""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from qa_index.chunking import Sentence, paragraph_number, sentences
from qa_index.documents import Document, bundled_article, from_text, load_paths
from qa_index.embedder import Embedder
from qa_index.errors import QAError
from qa_index.folders import default_cache_dir
from qa_index.indexing import cache_key, cached_store, store_info
from qa_index.retriever import Retrieved, Retriever
from qa_index.stores import IndexSettings, Store, open_store
from qa_index.stores.faiss_store import prune_cache
from qa.answers import Answer, Candidate, checked, distinct_answers, evidence_sentence, merge_candidates, not_given
from qa.expansions import spelled_out
from qa.conversation import ChatTurn, Conversation, ReadAs, check_history
from qa.genders import Genders
from qa.mentions import load_parser
from qa.passages import Passage, passages
from qa.reader import Reader, Reading
from qa.abbreviations import Abbreviations
from qa.office_names import OfficeNames
from qa.spelling import Speller

log = logging.getLogger(__name__)


CHAT_UNANSWERABLE_SHARE = 0.3  # chosen on the article eval's dev half; see README "Where it stands"


@dataclass(frozen=True)
class BotSettings:
    """Retrieval and answering settings; the CLI and the page pass these through."""

    top_k: int = 3
    retrieval: str = "fused"
    index: IndexSettings = field(default_factory=IndexSettings)
    alternatives: int = 3
    max_question_chars: int = 1000
    progress: bool = False  # a progress bar (tqdm) while an index is built: the long step for large documents
    # The share of questions the documents cannot answer, which scores and the abstain decision assume
    # (see qa.reader.Calibration); None: the share the calibration was fitted at (SQuAD 2.0 dev, about half).
    unanswerable_share: float | None = CHAT_UNANSWERABLE_SHARE
    # typos corrected toward the documents' own words before a question is read ("forein" -> "foreign");
    # the answer's read_as shows the question as corrected. A bot opened on a store corrects toward the
    # chunks a question retrieves as typed (it holds no whole texts).
    spelling: bool = True
    # abbreviations written as the documents write them ("G7" -> "Group of Seven" where the text never
    # says "G7"; see qa.abbreviations); read_as shows the question as rewritten
    abbreviations: bool = True
    # offices named as the documents name them ("top diplomat" -> "foreign minister" where the text never
    # says "top diplomat"; see qa.office_names); read_as shows the question as rewritten
    office_names: bool = True

    def __post_init__(self) -> None:
        """Numbers out of range are refused with a clear message, not read as something else (top_k -1 is not 'all')."""
        for name, floor in (("top_k", 1), ("alternatives", 0), ("max_question_chars", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < floor:
                raise QAError(f"{name} must be a whole number of at least {floor}, got {value!r}")
        share = self.unanswerable_share
        if share is not None and not (isinstance(share, (int, float)) and 0 < share < 1):
            raise QAError(f"unanswerable_share must be between 0 and 1 (or None), got {share!r}")
        if self.retrieval not in ("fused", "dense"):
            raise QAError(f"retrieval must be 'fused' or 'dense', got {self.retrieval!r}")


# a store bot corrects a typo (or an abbreviation) toward the words of this many chunks, retrieved by the
# question as typed
SPELLING_CHUNKS = 10
KEEP_INDEXES = 16  # the cache keeps the indexes of this many corpora, most recently used first


class QABot:
    """Answers questions over a set of documents, or over a store indexed beforehand (`QABot.open`).
    Models and the index load once, on first use."""

    def __init__(
        self,
        documents: Sequence[Document] | None = None,
        reader: Reader | str | None = None,
        embedder: Embedder | str | None = None,
        settings: BotSettings | None = None,
        cache_dir: Path | None | bool = True,
        store: Store | None = None,
    ) -> None:
        if store is not None and documents is not None:
            raise QAError("give a bot documents or a store, not both")
        self.documents = list(documents) if documents is not None else [] if store else [bundled_article()]
        if not self.documents and store is None:
            raise QAError("no documents to answer from")
        ids = [d.id for d in self.documents]
        if len(set(ids)) != len(ids):
            raise QAError(f"document ids must be unique: {ids}")
        self.settings = settings or BotSettings()
        self._reader_arg = reader
        self.embedder = embedder if isinstance(embedder, Embedder) else Embedder(embedder)
        if store is not None and store.info.embedder != self.embedder.name:
            raise QAError(f"the store {store.uri} holds vectors of {store.info.embedder}: open it with that embedder")
        self._opened = store
        root = default_cache_dir() if cache_dir is True else (Path(cache_dir) if cache_dir else None)
        # keyed by names, content and every setting that changes the index: two web sessions that
        # upload different files of one name share nothing, and a changed setting builds beside the old
        key = cache_key(self.documents, self.embedder.name, self.settings.index)
        self.index_dir = root / "index" / key if root and store is None else None
        self.load_errors: list[str] = []
        self._lock = threading.Lock()

    @classmethod
    def open(cls, uri: str | Path, **kwargs) -> "QABot":
        """A bot over a store built by `qa index` (a FAISS folder, a Milvus Lite `.db` file or a Milvus
        server's `http(s)://` URI): nothing is indexed here, and with Milvus the process holds no index."""
        return cls(store=open_store(uri), **kwargs)

    @property
    def store_uri(self) -> str | None:
        """The URI of the store the bot was opened on; None for a bot over documents given to it."""
        return self._opened.uri if self._opened is not None else None

    def document_ids(self) -> list[str]:
        """The ids of the documents the bot answers from."""
        return [d.id for d in self.documents] if self.documents else sorted(self.store.documents())

    @classmethod
    def from_paths(cls, paths: Iterable[str | Path], **kwargs) -> "QABot":
        """A bot over files; unreadable ones are skipped and listed in `load_errors`."""
        documents, errors = load_paths(paths)
        if not documents:
            raise QAError("no readable documents: " + "; ".join(errors) if errors else "no documents given")
        bot = cls(documents, **kwargs)
        bot.load_errors = errors
        return bot

    @classmethod
    def from_texts(cls, texts: Mapping[str, str], **kwargs) -> "QABot":
        """A bot over raw strings, keyed by document id."""
        return cls([from_text(doc_id, text) for doc_id, text in texts.items()], **kwargs)

    @cached_property
    def reader(self) -> Reader:
        arg = self._reader_arg
        return arg if isinstance(arg, Reader) else Reader.load(arg)

    @cached_property
    def store(self) -> Store:
        if self._opened is not None:
            return self._opened
        info = store_info(self.embedder, self.settings.index)
        store = cached_store(self.documents, self.embedder, info, self.index_dir, progress=self.settings.progress)
        if self.index_dir is not None:
            try:
                prune_cache(self.index_dir.parent, keep=KEEP_INDEXES)
            except OSError as exc:  # housekeeping only: the index is open either way
                log.warning("could not prune the index cache %s: %s", self.index_dir.parent, exc)
        return store

    @cached_property
    def speller(self) -> Speller | None:
        """What corrects typos in questions (see `BotSettings.spelling`); None where it is off. A bot
        opened on a store holds no texts: its speller only finds the unknown words (see `_spelled`)."""
        if not self.settings.spelling:
            return None
        return Speller((d.text for d in self.documents or ()), known=self._known_words)

    @cached_property
    def abbreviations(self) -> Abbreviations | None:
        """What writes a question's abbreviations as the documents do (see `BotSettings.abbreviations`);
        None where it is off. A bot opened on a store finds them in the chunks a question retrieves."""
        return Abbreviations(d.text for d in self.documents or ()) if self.settings.abbreviations else None

    @cached_property
    def office_names(self) -> OfficeNames | None:
        """What names a question's offices as the documents do (see `BotSettings.office_names`); None
        where it is off. A bot opened on a store finds the names in the chunks a question retrieves."""
        return OfficeNames(d.text for d in self.documents or ()) if self.settings.office_names else None

    @cached_property
    def genders(self) -> Genders:
        """Who is a "he" and who a "she", as the documents refer to them (qa.genders); a bot opened on a
        store holds no texts, and goes by the titles in names alone."""
        return Genders(d.text for d in self.documents or ())

    @cached_property
    def _known_words(self) -> frozenset[str]:
        """The reader's whole words: English a speller leaves alone."""
        return self.reader.encoder.words()

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store, self.embedder, mode=self.settings.retrieval)

    def warm_up(self) -> "QABot":
        """Load the models and open (or build) the index now rather than on the first question; spaCy's
        parser (about 3 s here), which follow-ups and "Who is ...?" questions need, loads meanwhile in
        the background."""
        threading.Thread(target=_load_parser_quietly, name="load-parser", daemon=True).start()
        with self._lock:
            _ = self.reader, self.retriever
        return self

    def _loaded_retriever(self) -> Retriever:
        """The retriever, its index opened or built once; the reader is not loaded."""
        with self._lock:
            return self.retriever

    def ask(self, question: str, history: Sequence[tuple[str, str | None]] | None = None) -> Answer:
        """Answer one question; `history` holds earlier (question, answer text or None) turns for follow-ups."""
        return self.ask_many([question], history=history)[0]

    def ask_many(
        self, questions: Sequence[str], history: Sequence[tuple[str, str | None]] | None = None
    ) -> list[Answer]:
        """Answer many questions with one retrieval pass and one batched reading pass; each is read as a
        follow-up to `history` on its own."""
        cleaned = [self._check(q) for q in questions]
        conversation = self._conversation(history)
        return self._answer_readings(cleaned, [conversation.read(self._spelled(q)) for q in cleaned])

    def chat(
        self, history: Sequence[tuple[str, str | None]] | None = None, turns: Sequence[ChatTurn] = ()
    ) -> "Chat":
        """A conversation with this bot: each question is read in the light of the turns before it.

        It starts empty, from earlier (question, answer) pairs (`history`, each read again), or from
        the `turns` of an earlier chat (kept as they were read)."""
        if history and turns:
            raise QAError("give a chat either its history or its turns, not both")
        return Chat(self, Conversation(turns, self.genders) if turns else self._conversation(history))

    def _conversation(self, history: object) -> Conversation:
        """A conversation from earlier (question, answer) pairs, each question read as the bot reads one:
        its typos corrected, so "it" after "What did Germny send?" is not "Germny"."""
        return Conversation.from_history([(self._spelled(q), a) for q, a in check_history(history)], self.genders)

    def _answer_readings(self, questions: list[str], how: list[ReadAs]) -> list[Answer]:
        if not questions:
            return []
        self.warm_up()
        retrieved = self.retriever.retrieve([r.query for r in how], self.settings.top_k)
        read = [passages([r.chunk for r in hits]) for hits in retrieved]
        pairs = [(r.question, p.text) for r, ps in zip(how, read) for p in ps]
        readings = iter(self.reader.read_batch(pairs, top_k=self.settings.alternatives + 1))
        return [
            self._answer(q, r.question, hits, ps, [next(readings) for _ in ps], r.besides)
            for q, r, hits, ps in zip(questions, how, retrieved, read)
        ]

    def retrieve(self, question: str) -> list[Retrieved]:
        """The chunks the bot would read for this question, best first."""
        return self._loaded_retriever().retrieve([self._check(question)], self.settings.top_k)[0]

    def _check(self, question: object) -> str:
        if not isinstance(question, str) or not question.strip():
            raise QAError("the question is empty: type a question about the document")
        question = " ".join(question.split())
        if len(question) > self.settings.max_question_chars:
            warnings.warn(
                f"question of {len(question)} characters cut to {self.settings.max_question_chars}", stacklevel=3
            )
            question = question[: self.settings.max_question_chars]
        return question

    def _spelled(self, question: str) -> str:
        """The question with its abbreviations and offices written as the documents write them and its
        typos corrected, where the bot does each. A store's texts are not at hand: a question with an
        unknown word, abbreviation or office name is read toward the chunks it retrieves as typed."""
        with self._lock:
            abbreviations, offices, speller = self.abbreviations, self.office_names, self.speller
        if self._opened is not None and self._reads_unknown_words(question, (abbreviations, offices, speller)):
            hits = self._loaded_retriever().retrieve([question], max(self.settings.top_k, SPELLING_CHUNKS))[0]
            texts = [h.chunk.text for h in hits]
            abbreviations = Abbreviations(texts) if abbreviations is not None else None
            offices = OfficeNames(texts) if offices is not None else None
            speller = Speller(texts, known=self._known_words) if speller is not None else None
        if abbreviations is not None:
            question = abbreviations.rewrite(question)
        if speller is not None:
            question = speller.correct(question)
        return offices.rewrite(question) if offices is not None else question

    @staticmethod
    def _reads_unknown_words(question: str, rewriters: Sequence[Abbreviations | OfficeNames | Speller | None]) -> bool:
        """Whether the question has an abbreviation, office name or word that the texts at hand may write otherwise."""
        return any(rewriter is not None and rewriter.unknown(question) for rewriter in rewriters)

    def _answer(
        self, question: str, read_as: str, hits: list[Retrieved], read: list[Passage], readings: list[Reading],
        besides: Sequence[str] = (),
    ) -> Answer:
        chunks = tuple(r.chunk for r in hits)
        calibration, prior = self.reader.pipeline_calibration, self.settings.unanswerable_share
        ranked = spelled_out(read_as, merge_candidates(read, readings, calibration, prior), read)
        candidates = not_given(checked(read_as, ranked, [p.text for p in read]), besides)
        best = candidates[0] if candidates else None
        abstains = best is None or calibration.abstains(best.margin, prior)
        # after an abstention, the closest sentence is that of the reader's own best span, even one ruled out:
        # "Japanese Defense Minister Yasukazu Hamada" shows why "Japan's prime minister" has no answer
        shown = ranked[0] if abstains and ranked else best
        where, evidence, evidence_start, paragraph = _closest_sentence(shown, read)
        found = dict(
            document=where, evidence=evidence, evidence_start=evidence_start, paragraph=paragraph, chunks=chunks,
            read_as=f"{read_as} (besides {'; '.join(besides)})" if besides else read_as,
            margin=best.margin if best else None,
        )
        offered = distinct_answers(candidates)
        if abstains:
            score = calibration.no_answer(best.margin, prior) if best else 1.0
            return Answer(question, None, score, alternatives=tuple(offered[: self.settings.alternatives]), **found)
        return Answer(
            question, best.text, best.score, start=best.start, end=best.end,
            alternatives=tuple(offered[1 : 1 + self.settings.alternatives]), **found,
        )


def _load_parser_quietly() -> None:
    """spaCy's parser loaded ahead of need; a failure is told when a question needs it, not here."""
    try:
        load_parser()
    except QAError:
        pass


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[Sentence, ...]:
    """A passage's sentences (pysbd takes a few ms a passage), kept for the next question that reads it."""
    return tuple(sentences(text))


def _closest_sentence(
    best: Candidate | None, read: list[Passage]
) -> tuple[str | None, str | None, int | None, int | None]:
    """(document, sentence, its start, its paragraph number): the sentence of the best span, or without
    one the first sentence of the best passage. Found in the passage read, so a store need not hold
    whole documents."""
    if best is not None:
        passage = next(p for p in read if p.document == best.document and p.start <= best.start < p.end)
        start, end = best.start - passage.start, best.end - passage.start
    elif read:
        passage, start, end = read[0], 0, 1
    else:
        return None, None, None, None
    text, at = evidence_sentence(_sentences(passage.text), passage.text, start, end)
    return passage.document, text, passage.start + at, passage.paragraph + paragraph_number(passage.text, at) - 1


class Chat:
    """One conversation with a bot: `ask` reads each question after the turns before it and records
    the exchange. `turns` is plain data (question, as read, answer), for a page to keep between requests."""

    def __init__(self, bot: QABot, conversation: Conversation | None = None) -> None:
        self.bot = bot
        self.conversation = conversation or Conversation()

    @property
    def turns(self) -> list:
        return self.conversation.turns

    def ask(self, question: str) -> Answer:
        cleaned = self.bot._check(question)
        reading = self.conversation.read(self.bot._spelled(cleaned))
        answer = self.bot._answer_readings([cleaned], [reading])[0]
        self.conversation.add(cleaned, reading.question, answer.text)
        return answer

    def clear(self) -> None:
        self.conversation.turns.clear()
