"""The chat page: a thin Gradio layer over `QABot`. It adds no answering logic of its own.

    python app.py [--host 127.0.0.1] [--port 7860]      (or: qa serve)
"""

from __future__ import annotations

import argparse
import html
from dataclasses import replace
from pathlib import Path

import gradio as gr

from index.documents import MAX_DOCUMENT_BYTES
from qa import QABot, QAError
from qa.answers import Answer

# one of each thing the page does: answers, a follow-up ("he"), and "the document does not say"
EXAMPLES = [
    "Who joined online?",
    "Who is Japan's foreign minister?",
    "What did he say countries like Japan and Germany must show?",
    "What agreement will the two sides start negotiating?",
    "How many Eurofighter jets did Germany send to Japan?",
    "Who is Germany's chancellor?",
]
CSS = """
.qa-bar { display:inline-block; width:120px; height:8px; background:#e5e7eb; border-radius:4px; vertical-align:middle; }
.qa-bar > span { display:block; height:8px; border-radius:4px; background:#16a34a; }
.qa-evidence { border-left:3px solid #94a3b8; padding-left:8px; margin-top:6px; }
.qa-evidence mark { background:#fde68a; padding:0 2px; }
.qa-source { color:#64748b; font-size:0.85em; }
"""


def confidence_words(score: float) -> str:
    """How sure, in words a reader takes in at a glance."""
    return "very sure" if score >= 0.85 else "fairly sure" if score >= 0.6 else "unsure"


def _bar(score: float) -> str:
    return f'<span class="qa-bar" title="{score:.0%}"><span style="width:{round(100 * score)}%"></span></span>'


def render_answer(answer: Answer) -> str:
    """The reply as HTML: answer, confidence, and the evidence with the answer highlighted. All text is escaped."""
    if answer.abstained:
        reply = '<p class="qa-answer qa-abstain"><b>The document does not say.</b></p>'
        if answer.passage is not None:
            reply += (
                f'<div class="qa-evidence">Closest passage: {html.escape(answer.passage.text)}</div>'
                f'<div class="qa-source">from {html.escape(answer.passage.document)}</div>'
            )
        return reply
    offset = answer.start - answer.evidence_start
    before = answer.evidence[:offset]
    after = answer.evidence[offset + len(answer.text) :]
    return (
        f'<p class="qa-answer"><b>{html.escape(answer.text)}</b></p>'
        f"<p>{_bar(answer.score)} {confidence_words(answer.score)} ({answer.score:.0%})</p>"
        f'<div class="qa-evidence">{html.escape(before)}<mark>{html.escape(answer.text)}</mark>{html.escape(after)}</div>'
        f'<div class="qa-source">from {html.escape(answer.document)}, characters {answer.start}-{answer.end}</div>'
    )


def _documents_line(bot: QABot) -> str:
    names = ", ".join(html.escape(d.id) for d in bot.documents)
    return f"**Answering from:** {names}"


def build_app(default_bot: QABot) -> gr.Blocks:
    """The page; `default_bot` (the bundled article) is shared, an upload gives a session its own bot."""

    def active(bot: QABot | None) -> QABot:
        return bot or default_bot

    def respond(message: str, chat: list, turns: list, bot: QABot | None):
        chat = list(chat or [])
        turns = list(turns or [])
        chat.append({"role": "user", "content": html.escape(message or "")})
        try:
            answer = active(bot).ask(message, history=turns)
        except QAError as exc:
            chat.append({"role": "assistant", "content": f"<p>⚠️ {html.escape(str(exc))}</p>"})
            return "", chat, turns
        chat.append({"role": "assistant", "content": render_answer(answer)})
        turns.append([message, answer.text])
        return "", chat, turns

    def ask_api(question: str, history: list[list[str]] | None = None) -> dict:
        """Answer a question over the bundled article; history holds earlier [question, answer] pairs."""
        try:
            answer = default_bot.ask(question, history=history)
        except QAError as exc:
            return {"error": str(exc)}
        return answer.as_dict()

    def use_uploads(files: list | None, bot: QABot | None, turns: list, progress=gr.Progress(track_tqdm=True)):
        """Index the uploaded files into a new bot for this session; on failure keep the old one."""
        paths = [Path(f if isinstance(f, str) else f.name) for f in files or []]
        if not paths:
            return bot, _documents_line(active(bot)), "Choose one or more .txt, .md, .pdf or .html files first.", turns
        progress(0.1, desc="Reading documents")
        try:
            settings = replace(default_bot.settings, progress=True)  # the embedding bar shows on the page (track_tqdm)
            new_bot = QABot.from_paths(paths, reader=default_bot.reader, embedder=default_bot.embedder, settings=settings)
            progress(0.4, desc="Indexing")
            new_bot.warm_up()
        except QAError as exc:
            return bot, _documents_line(active(bot)), f"⚠️ Nothing changed: {html.escape(str(exc))}", turns
        progress(1.0, desc="Ready")
        status = f"Indexed {len(new_bot.documents)} document(s) into {len(new_bot.store.chunks)} passages."
        if new_bot.load_errors:
            status += " ⚠️ Skipped: " + html.escape("; ".join(new_bot.load_errors))
        return new_bot, _documents_line(new_bot), status, []  # earlier turns were about other documents

    def back_to_article():
        return None, _documents_line(default_bot), "Back to the bundled article.", [], []

    with gr.Blocks(title="Ask the document") as page:
        bot_state = gr.State(None)
        turns = gr.State([])
        gr.Markdown("# Ask the document\nAnswers are quoted from the text, with the sentence they come from.")
        documents = gr.Markdown(_documents_line(default_bot), elem_id="active-documents")
        chat = gr.Chatbot(label="Chat", height=460, elem_id="chat")
        with gr.Row():
            box = gr.Textbox(placeholder="Ask a question about the document", show_label=False, scale=5, elem_id="question")
            send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
        gr.Examples(EXAMPLES, inputs=box, label="Try")
        clear = gr.Button("Clear chat", elem_id="clear")
        with gr.Accordion("Your own documents", open=False, elem_id="uploads"):
            files = gr.File(
                label=f".txt, .md, .pdf or .html, up to {MAX_DOCUMENT_BYTES / 2**20:g} MiB each",
                file_count="multiple",
                file_types=[".txt", ".md", ".pdf", ".html", ".htm"],
                elem_id="upload",
            )
            with gr.Row():
                use = gr.Button("Answer from these documents", elem_id="use-uploads")
                back = gr.Button("Back to the bundled article", elem_id="back")
            status = gr.Markdown(elem_id="upload-status")

        box.submit(respond, [box, chat, turns, bot_state], [box, chat, turns], api_visibility="private")
        send.click(respond, [box, chat, turns, bot_state], [box, chat, turns], api_visibility="private")
        clear.click(lambda: ([], []), None, [chat, turns], api_visibility="private")
        use.click(use_uploads, [files, bot_state, turns], [bot_state, documents, status, turns], api_visibility="private")
        back.click(back_to_article, None, [bot_state, documents, status, chat, turns], api_visibility="private")
        gr.api(ask_api, api_name="ask")
    return page


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The chat page over the bundled article.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--share", action="store_true", help="also open a public Gradio link (off by default)")
    args = parser.parse_args(argv)
    bot = QABot().warm_up()
    build_app(bot).queue(default_concurrency_limit=4).launch(
        server_name=args.host, server_port=args.port, share=args.share, css=CSS, max_file_size=MAX_DOCUMENT_BYTES
    )


if __name__ == "__main__":
    main()
