"""Handlers: lazy singletons load once; globals rebound on every request are shared state.

Patterns from public code: `model = model or load()` and `if model is None:` with `global`
(the Spaces of the whisper and stable-diffusion demos, e.g. openai/whisper's app.py forks),
`pipeline(model=MODEL)` over a model loaded at import, buttons hidden until a first answer
(the chatbot demos' "retry" rows), `fn=None, js=...` listeners (demo/blocks_js_methods).
"""

import gradio as gr
from transformers import AutoModel, AutoTokenizer, pipeline

MODEL = AutoModel.from_pretrained("distilbert-base-uncased")
TOKENIZER = AutoTokenizer.from_pretrained("distilbert-base-uncased")
model = None
cache = {}
counter = 0
asr = None


def lazy_global(text):
    global model
    if model is None:
        model = AutoModel.from_pretrained("bert-base-uncased")
    return str(model)


def lazy_cache(name):
    if name not in cache:
        cache[name] = AutoModel.from_pretrained(name)
    return str(cache[name])


def lazy_or(text):
    global asr
    asr = asr or pipeline("automatic-speech-recognition")
    return asr(text)


def wraps_loaded(text):
    classifier = pipeline("text-classification", model=MODEL, tokenizer=TOKENIZER)
    return classifier(text)


def per_request(text):
    tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")  # expect: GR005:31
    return tokenizer(text)


def count(text):
    global counter
    counter += 1  # expect: GR003:5
    return str(counter)


def answer(text):
    return text, gr.update(visible=True)


with gr.Blocks() as demo:
    box = gr.Textbox()
    out = gr.Textbox()
    retry = gr.Button("Retry", visible=False)
    admin = gr.Button("Admin", visible=False)
    scroll = gr.Button("Top", visible=False)
    box.submit(lazy_global, box, out)
    box.submit(lazy_cache, box, out)
    box.submit(lazy_or, box, out)
    box.submit(wraps_loaded, box, out)
    box.submit(per_request, box, out)
    box.submit(count, box, out)
    box.submit(answer, box, [out, retry])
    retry.click(answer, box, [out, retry])
    admin.click(count, box, out)  # expect: GR021:11
    scroll.click(None, None, None, js="() => window.scrollTo(0, 0)")
    undo = gr.Button("Undo", visible=False)
    buttons = [retry, undo]
    undo.click(answer, box, [out, undo])
    box.change(answer, box, [out, *buttons])


def send_button():
    """Built here, shown by the code that builds the page (FastChat's arena does this)."""
    send = gr.Button("Send", visible=False)
    send.click(count, None, None)
    return send


demo.queue(max_size=16).launch()
