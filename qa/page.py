"""The chat page: a thin Gradio layer over `QABot`. It adds no answering logic of its own.

    python app.py [--host 127.0.0.1] [--port 7860]      (or: qa serve; this module is qa.page)
"""

from __future__ import annotations

import argparse
import html
import re
import secrets
from pathlib import Path, PurePosixPath

import gradio as gr

from qa_index.documents import MAX_DOCUMENT_BYTES, SUFFIXES
from qa_index.folders import default_cache_dir
from qa_index.stores import FaissStore
from qa import QABot, QAError
from qa.answers import Answer
from qa.conversation import ChatTurn
from qa.mentions import load_parser
from qa.indexing_worker import index_in_worker

# one of each thing the page does: answers, follow-ups ("And Germany's?", "she") and "the document does not say"
EXAMPLES = [
    "Who joined online?",
    "Who is Japan's foreign minister?",
    "And Germany's?",
    "Where did she meet her Japanese counterpart?",
    "How many Eurofighter jets did Germany send to Japan?",
    "When did North Korea last test a nuclear weapon?",
    "Who is Germany's chancellor?",
]
CSS = """
.qa-band { display:inline-block; padding:1px 8px; border-radius:9px; font-size:0.85em; font-weight:600; }
.qa-band.confident { background:#dcfce7; color:#166534; }
.qa-band.likely { background:#fef3c7; color:#92400e; }
.qa-band.not-sure { background:#fee2e2; color:#991b1b; }
.qa-read-as { color:#475569; font-size:0.85em; font-style:italic; }
.qa-evidence { border-left:3px solid #94a3b8; padding-left:8px; margin-top:6px; }
.qa-evidence mark { background:#fde68a; padding:0 2px; }
.qa-source { color:#64748b; font-size:0.85em; }
.qa-upload-error { color:#991b1b; }
#upload-status:not(:has(.prose > *)):not(:has(.pending)) {
  height:0; min-height:0; padding:0; border:0; overflow:hidden; margin-top:calc(-1 * var(--layout-gap));
}  /* an empty status line takes no room: the chat sits right under the uploads */
"""


FOCUS_QUESTION = "() => document.querySelector('#question textarea')?.focus()"
BAND_HINTS = {
    "confident": "right at least 4 times in 5",
    "likely": "right more often than not",
    "not sure": "check the evidence",
}
LEGEND = (
    "**How sure:** "
    + " · ".join(f'<span class="qa-band {band.replace(" ", "-")}">{band}</span> {hint}' for band, hint in BAND_HINTS.items())
    + "."
)


def plain(text: str) -> str:
    """User or document text as inert HTML: escaped, on one line. Inside the page's HTML blocks Markdown
    is not parsed, and a blank line (which would end the block and let Markdown in) cannot occur."""
    return html.escape(re.sub(r"\s+", " ", text))


def _band(answer: Answer) -> str:
    css = answer.confidence.replace(" ", "-")
    tip = f"{answer.score:.0%} " + ("that the document holds no answer" if answer.abstained else "that this answer is right")
    return f'<span class="qa-band {css}" title="{tip}">{answer.confidence}</span>'


def render_answer(answer: Answer) -> str:
    """The reply as HTML: how the question was read (when resolved), the answer, its band, and the evidence
    with the answer highlighted. All text is escaped."""
    reply = ""
    if answer.read_as != answer.question:
        reply += f'<p class="qa-read-as">Read as: {plain(answer.read_as)}</p>'
    if answer.abstained:
        reply += f'<p class="qa-answer qa-abstain"><b>The document does not say.</b> {_band(answer)}</p>'
        if answer.evidence:
            reply += (
                f'<div class="qa-evidence">Closest sentence: {plain(answer.evidence)}</div>'
                f'<div class="qa-source">{_source(answer)}</div>'
            )
        return reply
    offset = answer.start - answer.evidence_start
    before = answer.evidence[:offset]
    after = answer.evidence[offset + len(answer.text) :]
    return reply + (
        f'<p class="qa-answer"><b>{plain(answer.text)}</b> {_band(answer)}</p>'
        f'<div class="qa-evidence">{plain(before)}<mark>{plain(answer.text)}</mark>{plain(after)}</div>'
        f'<div class="qa-source" title="characters {answer.start}-{answer.end}">{_source(answer)}</div>'
    )


def _source(answer: Answer) -> str:
    """Where the evidence is, as a person finds it: the document and its paragraph number."""
    where = f", paragraph {answer.paragraph}" if answer.paragraph else ""
    return f"from {_name(answer.document)}{where}"


def _name(document_id: str) -> str:
    """A document by its file name; the whole id (a path, for documents indexed from folders) on hover."""
    return f'<span title="{plain(document_id)}">{plain(PurePosixPath(document_id).name or document_id)}</span>'


SHOWN_DOCUMENTS = 5


def _documents_line(bot: QABot) -> str:
    ids = bot.document_ids()
    names = ", ".join(_name(d) for d in ids[:SHOWN_DOCUMENTS])
    more = f" and {len(ids) - SHOWN_DOCUMENTS:,} more" if len(ids) > SHOWN_DOCUMENTS else ""
    return f"<p><b>Answering from:</b> {names}{more}</p>"


# The document limit (20 MiB) is checked by the documents' loader, whose message names it in the page's
# own unit beside the upload; Gradio's transfer limit only stops absurd files before they are stored
# (its own message, "Mb", would state a second limit in another unit).
TRANSFER_LIMIT_BYTES = 10 * MAX_DOCUMENT_BYTES

EMPTY_SESSION: dict = {"chat": [], "turns": [], "documents": None, "pending": ""}
SESSION_KEY = "qa-chat-session"
INDEX_KEY = re.compile(r"[0-9a-f]{16}")


def session_secret() -> str:
    """The key the browser's copy of a session is encrypted with: kept in the cache, so a session
    outlives a restart of the page; a fresh one where the cache cannot be written."""
    path = default_cache_dir() / "page-secret"
    try:
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip()
    except OSError:
        return secrets.token_hex(32)


def snapshot(chat: list, turns: list, bot: QABot | None, pending: str = "") -> dict:
    """What the browser keeps of a session: the messages, the turns as read, and the key of the index
    of its uploaded documents (not the documents)."""
    key = bot.index_dir.name if bot is not None and bot.index_dir is not None else None
    return {
        "chat": list(chat or []),
        "turns": [[t.question, t.read_as, t.answer] for t in turns or []],
        "documents": key,
        "pending": pending,
    }


def _saved_turns(saved: dict) -> list[ChatTurn]:
    turns = saved.get("turns") if isinstance(saved, dict) else None
    if not isinstance(turns, list):
        return []
    return [ChatTurn(*t) for t in turns if isinstance(t, list) and len(t) == 3 and all(isinstance(x, (str, type(None))) for x in t)]


def build_app(default_bot: QABot) -> gr.Blocks:
    """The page; `default_bot` (the bundled article, or a store) is shared, an upload gives a session its own bot."""
    home = "the store" if default_bot.store_uri else "the bundled article"
    article_examples = default_bot.store_uri is None

    def active(bot: QABot | None) -> QABot:
        return bot or default_bot

    def respond(message: str, chat: list, turns: list, bot: QABot | None):
        """Answer in the chat; the status line's last word about uploads goes (the documents line stays)."""
        chat = list(chat or [])
        turns = list(turns or [])
        chat.append({"role": "user", "content": f'<p class="qa-question">{plain(message or "")}</p>'})
        conversation = active(bot).chat(turns=turns)
        try:
            answer = conversation.ask(message)
        except QAError as exc:
            chat.append({"role": "assistant", "content": f"<p>⚠️ {plain(str(exc))}</p>"})
            return "", chat, turns, snapshot(chat, turns, bot), ""
        chat.append({"role": "assistant", "content": render_answer(answer)})
        turns = list(conversation.turns)
        return "", chat, turns, snapshot(chat, turns, bot), ""

    def mark_pending(message: str, chat: list, turns: list, bot: QABot | None) -> dict:
        """Remember the question before it is answered, so a reload meanwhile can give it back."""
        return snapshot(chat, turns, bot, pending=message or "")

    def restore(saved: dict):
        """A reloaded page gets its session back: the conversation and, while its index is still in the
        cache, the uploaded documents; where they are gone, or a question was in flight, it says so."""
        saved = saved if isinstance(saved, dict) else EMPTY_SESSION
        if not (saved.get("chat") or saved.get("documents") or saved.get("pending")):
            return (gr.update(),) * 8  # nothing to bring back: leave alone what the person may already have typed
        chat = [m for m in saved.get("chat") or [] if isinstance(m, dict) and m.get("role") in ("user", "assistant")]
        turns, bot, notes = _saved_turns(saved), None, []
        key = saved.get("documents")
        if key:
            bot = reopen(key)
            if bot is None:
                chat, turns = [], []
                notes.append(f"The documents you uploaded are no longer here: you are back on {home}. Upload them again to ask about them.")
        pending = saved.get("pending") if isinstance(saved.get("pending"), str) else ""
        if pending:
            notes.append("Your last question was not answered before the page reloaded: it is back in the box.")
        status = "".join(f"<p>{plain(note)}</p>" for note in notes)
        fresh = snapshot(chat, turns, bot)
        box = pending or gr.update()
        return chat, turns, bot, _documents_line(active(bot)), status, gr.update(visible=article_examples and bot is None), box, fresh

    def reopen(key: object) -> QABot | None:
        """The bot over an earlier upload's index in the cache, or None where it is gone."""
        if not isinstance(key, str) or not INDEX_KEY.fullmatch(key):
            return None
        try:
            store = FaissStore.open(default_cache_dir() / "index" / key)
            return QABot(store=store, reader=default_bot.reader, embedder=default_bot.embedder, settings=default_bot.settings)
        except QAError:
            return None

    def ask_api(question: str, history: list[list[str]] | None = None) -> dict:
        """Answer a question over the page's documents (the bundled article, or the store it was started
        with); history holds earlier [question, answer] pairs."""
        try:
            answer = default_bot.ask(question, history=history)
        except QAError as exc:
            return {"error": str(exc)}
        return answer.as_dict()

    def use_uploads(
        files: list | None, bot: QABot | None, turns: list, chat: list, progress=gr.Progress(track_tqdm=True)
    ):
        """Index the uploaded files into a new bot for this session and start a new conversation;
        on failure keep the old bot and conversation."""
        paths = [Path(f if isinstance(f, str) else f.name) for f in files or []]
        unchanged = (bot, _documents_line(active(bot)))
        if not paths:
            return *unchanged, "", turns, chat, gr.update(), snapshot(chat, turns, bot)
        progress(0.05, desc="Reading documents")
        try:
            new_bot = QABot.from_paths(
                paths, reader=default_bot.reader, embedder=default_bot.embedder, settings=default_bot.settings
            )
            # embedded in a low-priority child process: the other chats keep the CPU meanwhile
            index_in_worker(
                paths, default_bot.embedder.name_or_path, default_bot.settings.index,
                lambda done, total: progress(0.1 + 0.85 * done / total, desc=f"Indexing: batch {done} of {total}"),
            )
            new_bot.warm_up()  # reopens the index the worker built
        except QAError as exc:
            error = f'<p class="qa-upload-error">⚠️ Nothing changed: {plain(str(exc))}</p>'
            return *unchanged, error, turns, chat, gr.update(), snapshot(chat, turns, bot)
        progress(1.0, desc="Ready")
        status = f"Indexed {len(new_bot.documents)} document(s) into {new_bot.store.count()} passages."
        if new_bot.load_errors:
            status += " ⚠️ Skipped: " + plain("; ".join(new_bot.load_errors)) + "."
        status = f"<p>{status} A new conversation starts.</p>"
        # earlier turns were about other documents, and the examples ask about the article: both go
        return new_bot, _documents_line(new_bot), status, [], [], gr.update(visible=False), snapshot([], [], new_bot)

    def back_to_article():
        back = f"<p>Back to {home}. A new conversation starts.</p>"
        return None, _documents_line(default_bot), back, [], [], gr.update(visible=article_examples), EMPTY_SESSION

    with gr.Blocks(title="Ask the document") as page:
        bot_state = gr.State(None)
        turns = gr.State([])
        saved = gr.BrowserState(EMPTY_SESSION, storage_key=SESSION_KEY, secret=session_secret())
        gr.Markdown(
            "# Ask the document\nAnswers are quoted from the text, with the sentence they come from. "
            "Nothing is made up: when the text does not say, the bot says so."
        )
        documents = gr.Markdown(_documents_line(default_bot), elem_id="active-documents")
        # uploads sit right above the chat: their progress and errors show where the chat is
        with gr.Accordion("Your own documents", open=False, elem_id="uploads"):
            files = gr.File(
                label=f".txt, .md, .pdf, .docx or .html, up to {MAX_DOCUMENT_BYTES / 2**20:g} MiB each: indexing starts when they are added",
                file_count="multiple",
                file_types=list(SUFFIXES),
                elem_id="upload",
            )
            back = gr.Button(f"Back to {home}", elem_id="back", size="sm")
        status = gr.HTML(elem_id="upload-status")
        chat = gr.Chatbot(
            label="Chat", show_label=False, height=460, elem_id="chat", latex_delimiters=[], buttons=["copy"]
        )  # no floating toolbar over the first message (the "Clear chat" button clears)
        gr.Markdown(LEGEND, elem_id="legend")
        with gr.Row():
            box = gr.Textbox(placeholder="Ask a question about the document", show_label=False, scale=5, elem_id="question")
            send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
        with gr.Column(visible=article_examples, elem_id="examples") as examples:  # they ask about the article
            gr.Examples(EXAMPLES, inputs=box, label="Try")
        clear = gr.Button("Clear chat", elem_id="clear")

        for asked in (box.submit, send.click):  # Enter or the button; then the cursor is back in the box
            asked(mark_pending, [box, chat, turns, bot_state], saved, api_visibility="private").then(
                respond, [box, chat, turns, bot_state], [box, chat, turns, saved, status], api_visibility="private"
            ).then(None, None, None, js=FOCUS_QUESTION)
        cleared = (lambda bot: ([], [], snapshot([], [], bot)), [bot_state], [chat, turns, saved])
        clear.click(*cleared, api_visibility="private")
        chat.clear(*cleared, api_visibility="private")  # the chat's own bin empties the conversation too
        files.upload(
            use_uploads, [files, bot_state, turns, chat], [bot_state, documents, status, turns, chat, examples, saved],
            api_visibility="private",
        )
        files.clear(lambda: "", None, status, api_visibility="private")  # an upload's message goes with its files
        back.click(
            back_to_article, None, [bot_state, documents, status, chat, turns, examples, saved], api_visibility="private"
        )
        page.load(restore, saved, [chat, turns, bot_state, documents, status, examples, box, saved], api_visibility="private")
        gr.api(ask_api, api_name="ask")
    return page


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The chat page over the bundled article (or a store).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--share", action="store_true", help="also open a public Gradio link (off by default)")
    parser.add_argument("--store", help="answer from a store `qa index --store` built (folder, *.db or http(s)://)")
    args = parser.parse_args(argv)
    bot = (QABot.open(args.store) if args.store else QABot()).warm_up()
    load_parser()  # follow-ups need it: load it now, not during someone's second question
    build_app(bot).queue(default_concurrency_limit=4).launch(
        server_name=args.host, server_port=args.port, share=args.share, css=CSS, max_file_size=TRANSFER_LIMIT_BYTES
    )


if __name__ == "__main__":
    main()
