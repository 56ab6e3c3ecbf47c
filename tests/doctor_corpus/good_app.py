"""The production patterns: nothing here is reported."""

import json
import os

import gradio as gr

CHOICES = ["a", "b"]
_cache = {}


def load_config(path):
    with open(path) as handle:
        return json.load(handle)


def step(value, history):
    history = [*history, value]
    return history, CHOICES[0]


def remember(value, seen):
    seen.add(value)
    return seen


with gr.Blocks(title="ok", delete_cache=(3600, 86400)) as demo:
    history = gr.State([])
    seen = gr.State(set())
    box = gr.Textbox()
    out = gr.Textbox()
    upload = gr.File(type="filepath")
    box.submit(step, [box, history], [history, out], api_name="step")
    box.submit(remember, [box, seen], seen)
    upload.upload(load_config, upload, out)

demo.queue(max_size=int(os.environ.get("QUEUE", "16")), default_concurrency_limit=2)
demo.launch(
    server_name=os.environ.get("HOST", "127.0.0.1"),
    root_path=os.environ.get("GRADIO_ROOT_PATH", ""),
    max_file_size="20mb",
    auth=(os.environ["APP_USER"], os.environ["APP_PASSWORD"]),
    share=False,
)
