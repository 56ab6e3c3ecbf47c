"""Batch returns, file types, eager caching, hidden endpoints, repeated clicks."""

import time
from pathlib import Path

import gradio as gr


def upper(texts):
    return [t.upper() for t in texts]  # expect: GR006:5


def upper_named(texts):
    outs = [t.upper() for t in texts]
    return outs  # expect: GR006:5


def upper_ok(texts):
    return ([t.upper() for t in texts],)


def size_of(data):
    return Path(data).stat().st_size


def first_line(path):
    return path.decode().splitlines()[0]


def slow(x):
    time.sleep(5)
    return x


def fast(x):
    return x


with gr.Blocks() as demo:
    box = gr.Textbox()
    out = gr.Textbox()
    binary = gr.File(type="binary")
    paths = gr.File()
    secret = gr.Button("Admin", visible=False)
    hidden_box = gr.Textbox(visible=False)
    go = gr.Button("Go")
    box.submit(upper, box, out, batch=True)
    box.submit(upper_named, box, out, batch=True, max_batch_size=8)
    box.submit(upper_ok, box, out, batch=True)
    box.submit(upper, box, out)
    go.click(size_of, binary, out)  # expect: GR019:23
    go.click(first_line, [paths], out)  # expect: GR019:27
    go.click(size_of, paths, out)
    secret.click(fast, box, out)  # expect: GR021:12
    hidden_box.change(fast, hidden_box, out, api_visibility="private")
    go.click(slow, box, out, trigger_mode="multiple")  # expect: GR022:30
    go.click(fast, box, out, trigger_mode="multiple")
    go.click(slow, box, out)
    gr.Examples([["a"]], inputs=box, fn=slow, outputs=out, cache_examples=True)  # expect: GR020:60
    gr.Examples([["a"]], inputs=box, fn=slow, outputs=out, cache_examples=True, cache_mode="lazy")
    gr.Examples([["a"]], inputs=box, fn=fast, outputs=out, cache_examples=True)

demo.queue(max_size=20).launch(max_file_size="10mb")
