"""The chat page against a real running app: the API endpoint, 20 concurrent questions, a real browser."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "reports" / "screenshots"
EXPECTED = "Yasukazu Hamada and Christine Lambrecht"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(_cache_dir):
    yield from _serve()


def _serve(*options: str):
    """Start the page in its own process, yield its URL, stop it."""
    port = _free_port()
    env = dict(os.environ, HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--port", str(port), *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail("the app exited: " + proc.stdout.read().decode(errors="replace")[-2000:])
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the app did not start within 180 s")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def test_api_endpoint_answers(app_url):
    from gradio_client import Client

    result = Client(app_url, verbose=False).predict("Who joined online?", [], api_name="/ask")
    assert result["answer"].endswith(EXPECTED)
    assert result["abstained"] is False and result["confidence"] in ("confident", "likely", "not sure")
    client = Client(app_url, verbose=False)
    history = [["Who is Japan's defense minister?", "Yasukazu Hamada"]]
    follow = client.predict("And Germany?", history, api_name="/ask")
    assert follow["read_as"] == "Who is Germany's defense minister?"
    unknown = client.predict("How many moons does Jupiter have?", [], api_name="/ask")
    assert unknown["abstained"] is True and unknown["answer"] is None


def test_the_page_answers_from_a_milvus_store_by_uri(tmp_path, browser):
    pytest.importorskip("milvus_lite", reason="Milvus Lite needs the milvus extra")
    from gradio_client import Client

    from qa.cli import main

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "article.txt").write_bytes((ROOT / "index" / "data" / "japan_germany_defence_2022-11-03.txt").read_bytes())
    (folder / "memo.md").write_text("The canteen serves lentil soup on Fridays.")
    store = str(tmp_path / "corpus.db")
    assert main(["index", str(folder), "--store", store]) == 0
    served = _serve("--store", store)
    url = next(served)
    try:
        assert Client(url, verbose=False).predict("Who joined online?", [], api_name="/ask")["answer"].endswith(EXPECTED)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(url)
        line = page.locator("#active-documents")
        line.get_by_text("memo.md").wait_for(timeout=30_000)
        assert not page.locator("#examples").is_visible(), "the article's examples do not fit a store"
        assert "article.txt" in line.inner_text() and str(tmp_path) not in line.inner_text(), "named, not by path"
        assert "soup" in _ask(page, "What does the canteen serve on Fridays?")
        assert "from memo.md, paragraph 1" in page.locator("#chat .qa-source").last.inner_text()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "6-milvus-store.png"), full_page=True)
    finally:
        next(served, None)


def test_api_reports_bad_input(app_url):
    from gradio_client import Client

    assert "empty" in Client(app_url, verbose=False).predict("   ", [], api_name="/ask")["error"]


@pytest.mark.parametrize(
    "history",
    [[["Which meeting in this format was the first?"]], [["Q?", "A", "extra"]], [["Q?", 5]], "not a list"],
)
def test_api_reports_malformed_history(app_url, history):
    from gradio_client import Client

    result = Client(app_url, verbose=False).predict("When did he arrive?", history, api_name="/ask")
    assert "history" in result["error"]


def test_upload_limit_is_stated_once_in_one_unit(app_url):
    from qa.page import TRANSFER_LIMIT_BYTES
    from qa_index.documents import MAX_DOCUMENT_BYTES

    config = json.loads(urllib.request.urlopen(app_url + "config", timeout=10).read())
    labels = [c.get("props", {}).get("label") or "" for c in config["components"]]
    assert config["max_file_size"] == TRANSFER_LIMIT_BYTES > MAX_DOCUMENT_BYTES  # only a guard against absurd files
    assert sum(f"up to {MAX_DOCUMENT_BYTES / 2**20:g} MiB each" in label for label in labels) == 1


def test_an_oversized_upload_is_refused_beside_the_upload_in_the_pages_unit(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    page.goto(app_url)
    page.locator("#uploads").get_by_text("Your own documents").click()
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(21 * 2**20)
    page.locator("#upload input[type=file]").set_input_files(str(big))
    error = page.locator("#upload-status .qa-upload-error")
    error.wait_for(timeout=120_000)
    assert "big.txt: 21.0 MiB is over the 20 MiB limit" in error.inner_text()
    assert "Mb" not in page.locator("body").inner_text(), "no second statement of the limit in another unit"
    page.screenshot(path=str(SCREENSHOTS / "4b-too-big.png"), full_page=True)


def test_twenty_concurrent_clients(app_url):
    """Twenty clients, each its own connection, ask at once: every answer right; latencies written to reports/."""
    from gradio_client import Client

    questions = [("Who joined online?", EXPECTED), ("How many Eurofighter jets did Germany send to Japan?", "three")] * 10
    clients = [Client(app_url, verbose=False) for _ in questions]

    def ask(client, question: str) -> tuple[dict, float]:
        started = time.perf_counter()
        result = client.predict(question, [], api_name="/ask")
        return result, 1000 * (time.perf_counter() - started)

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        jobs = [pool.submit(ask, client, q) for client, (q, _) in zip(clients, questions)]
        done = [job.result(timeout=180) for job in jobs]
    assert all(r["answer"].endswith(a) for (r, _), (_, a) in zip(done, questions))
    ms = sorted(m for _, m in done)
    figures = {"clients": len(ms), "errors": 0, "p50_ms": round(ms[len(ms) // 2]), "p95_ms": round(ms[int(0.95 * (len(ms) - 1))])}
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "concurrency.json").write_text(json.dumps(figures, indent=2))
    print(f"\n20 concurrent clients: {figures}")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium package to run the browser test")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


def _ask(page, question: str) -> str:
    """Ask through the page and return the text of the bot's reply headline."""
    replies = page.locator("#chat .qa-answer > b")
    before = replies.count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    replies.nth(before).wait_for(timeout=60_000)
    return replies.nth(before).inner_text().strip()


def test_browser_chat_and_upload(app_url, browser, tmp_path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1200, "height": 1100})
    page.goto(app_url)
    page.locator("#examples").wait_for(state="visible", timeout=30_000)
    assert _ask(page, "Who joined online?").endswith(EXPECTED)
    page.screenshot(path=str(SCREENSHOTS / "1-answer.png"), full_page=True)

    assert _ask(page, "How many moons does Jupiter have?") == "The document does not say."
    assert page.locator("#chat .qa-evidence").last.inner_text().startswith("Closest sentence:")
    page.screenshot(path=str(SCREENSHOTS / "2-abstain.png"), full_page=True)

    assert _ask(page, "Who is Japan's foreign minister?") == "Yoshimasa Hayashi"
    assert "Munster" in _ask(page, "Where did he meet his German counterpart?")
    assert page.locator("#chat .qa-read-as").last.inner_text().startswith("Read as: Where did Yoshimasa Hayashi meet")
    page.screenshot(path=str(SCREENSHOTS / "3-follow-up.png"), full_page=True)
    injection = "**bold** [link](http://example.com) <img src=x> $x^2$ who?"
    _ask(page, injection)
    question = page.locator("#chat .qa-question").last
    assert question.inner_text() == injection, "the question is shown as the text typed"
    assert question.locator("strong, b, a, img, .katex").count() == 0, "no Markdown, HTML or LaTeX rendered"
    page.screenshot(path=str(SCREENSHOTS / "3b-plain-text.png"), full_page=True)
    page.locator("#clear").click()
    page.wait_for_function("document.querySelectorAll('#chat .qa-answer').length === 0", timeout=10_000)

    page.locator("#uploads").get_by_text("Your own documents").click()
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02\x03 binary")
    page.locator("#upload input[type=file]").set_input_files(str(binary))  # indexing starts when files are added
    error = page.locator("#upload-status .qa-upload-error")
    error.get_by_text("Nothing changed").wait_for(timeout=60_000)
    _assert_above_the_chat(page, "#upload-status")
    page.screenshot(path=str(SCREENSHOTS / "4-bad-upload.png"), full_page=True)
    _ask(page, "Who joined online?")
    assert error.count() == 0, "an upload's error goes once the chat moves on"

    memo = tmp_path / "memo.txt"
    memo.write_text("The office picnic is on 14 June. Rosa Delgado is organising the food and the games.")
    page.locator("#upload button[aria-label='Clear']").first.click()
    page.locator("#upload input[type=file]").set_input_files(str(memo))
    page.locator("#upload-status").get_by_text("Indexed 1 document").wait_for(timeout=120_000)
    page.locator("#active-documents").get_by_text("memo.txt").wait_for(timeout=10_000)
    page.locator("#examples").wait_for(state="hidden", timeout=10_000)  # they ask about the article
    assert page.locator("#chat .qa-answer").count() == 0, "the conversation about the article is over"
    assert _ask(page, "Who is organising the food?") == "Rosa Delgado"
    page.screenshot(path=str(SCREENSHOTS / "5-upload-answer.png"), full_page=True)

    page.reload()  # the session comes back: the conversation and the uploaded documents
    page.locator("#chat .qa-answer > b").get_by_text("Rosa Delgado").wait_for(timeout=30_000)
    page.locator("#active-documents").get_by_text("memo.txt").wait_for(timeout=10_000)
    assert _ask(page, "When is the picnic?") == "14 June"
    page.screenshot(path=str(SCREENSHOTS / "5b-after-reload.png"), full_page=True)

    page.locator("#uploads").get_by_text("Your own documents").click()
    page.locator("#back").click()
    page.locator("#examples").wait_for(state="visible", timeout=10_000)
    page.locator("#active-documents").get_by_text("japan_germany_defence").wait_for(timeout=10_000)


def _assert_above_the_chat(page, selector: str) -> None:
    """The element sits right above the chat: no other block between them."""
    box, chat = page.locator(selector).bounding_box(), page.locator("#chat").bounding_box()
    assert box["y"] + box["height"] <= chat["y"] + 1 and chat["y"] - (box["y"] + box["height"]) < 40, (box, chat)


def test_a_reload_brings_the_conversation_back_and_follow_ups_still_resolve(app_url, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    page.goto(app_url)
    assert _ask(page, "Who is Japan's foreign minister?") == "Yoshimasa Hayashi"
    page.reload()
    page.locator("#chat .qa-answer > b").get_by_text("Yoshimasa Hayashi").wait_for(timeout=30_000)
    assert "Munster" in _ask(page, "Where did he meet his German counterpart?")
    assert page.locator("#chat .qa-read-as").last.inner_text().startswith("Read as: Where did Yoshimasa Hayashi meet")
    page.screenshot(path=str(SCREENSHOTS / "8-reload.png"), full_page=True)
    page.locator("#clear").click()
    page.wait_for_function("document.querySelectorAll('#chat .qa-answer').length === 0", timeout=10_000)
    page.reload()  # a cleared chat stays cleared
    page.locator("#examples").wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(1_000)
    assert page.locator("#chat .qa-answer").count() == 0


def test_a_reload_after_the_uploaded_index_is_gone_says_so(app_url, browser, tmp_path, _cache_dir):
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    page.goto(app_url)
    page.locator("#uploads").get_by_text("Your own documents").click()
    note = tmp_path / "note.txt"
    note.write_text("The library closes at 9 pm on Fridays. Amal Haddad runs the reading club.")
    page.locator("#upload input[type=file]").set_input_files(str(note))
    page.locator("#upload-status").get_by_text("Indexed 1 document").wait_for(timeout=120_000)
    assert _ask(page, "Who runs the reading club?") == "Amal Haddad"
    import shutil

    for manifest in (_cache_dir / "index").glob("*/manifest.json"):
        if "note.txt" in manifest.read_text():
            shutil.rmtree(manifest.parent)  # the cache let it go
    page.reload()
    page.locator("#upload-status").get_by_text("no longer here").wait_for(timeout=30_000)
    page.locator("#active-documents").get_by_text("japan_germany_defence").wait_for(timeout=10_000)
    assert page.locator("#chat .qa-answer").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "9-reload-documents-gone.png"), full_page=True)


def _overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_on_a_phone_no_control_covers_a_message(app_url, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(app_url)
    _ask(page, "Who joined online?")
    question = page.locator("#chat .qa-question").last
    bubble = question.locator("xpath=ancestor::*[contains(@class, 'message')][1]").bounding_box() or question.bounding_box()
    answer = page.locator("#chat .qa-answer").last.bounding_box()
    controls = [b for b in (button.bounding_box() for button in page.locator("#chat button").all()) if b]
    assert controls, "the chat shows its copy and clear controls"
    assert not [c for c in controls if _overlap(c, bubble) or _overlap(c, answer)], "a control covers a message"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "7-phone.png"), full_page=True)


def test_keyboard_only_enter_asks_and_the_cursor_comes_back_to_the_box(app_url, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(app_url)
    box = page.locator("#question textarea")
    box.focus()
    page.keyboard.type("Who joined online?")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#chat .qa-answer').length === 1", timeout=60_000)
    page.wait_for_function("document.activeElement === document.querySelector('#question textarea')", timeout=10_000)
    page.keyboard.type("Who is Japan's foreign minister?")  # straight on, without the mouse
    page.locator("#ask").focus()
    page.keyboard.press("Enter")  # the Ask button, from the keyboard
    page.wait_for_function("document.querySelectorAll('#chat .qa-answer').length === 2", timeout=60_000)
    page.wait_for_function("document.activeElement === document.querySelector('#question textarea')", timeout=10_000)
    assert page.locator("#chat .qa-answer").last.inner_text().startswith("Yoshimasa Hayashi")


def test_the_examples_show_an_answer_a_follow_up_and_an_abstention(bot):
    """The page's example questions, asked in order as a chat, do what they are there to show."""
    from qa.page import EXAMPLES

    chat = bot.chat()
    answers = {question: chat.ask(question).text for question in EXAMPLES}
    assert answers[EXAMPLES[0]].endswith(EXPECTED)
    assert answers[EXAMPLES[1]] == "Yoshimasa Hayashi" and answers[EXAMPLES[2]] == "Annalena Baerbock"  # And Germany's?
    assert "Munster" in answers[EXAMPLES[3]]  # "she" and "her": Baerbock
    assert answers[EXAMPLES[4]] == "three" and answers[EXAMPLES[5]] == "September 2017"
    assert answers[EXAMPLES[6]] is None
