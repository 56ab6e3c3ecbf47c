"""Shared module state, lost gr.State updates, models loaded per request."""

import gradio as gr
import torch
from transformers import AutoModel, pipeline

HISTORY = []
COUNTS: dict[str, int] = {}
LABELS = {"a": 1}  # a read-only table: never reported


def remember(text):
    HISTORY.append(text)  # expect: GR003:13
    HISTORY.append(text)
    COUNTS[text] = COUNTS.get(text, 0) + 1  # expect: GR003:5
    return LABELS.get(text, 0)


def add_item(item, items):
    items.append(item)
    return "added"


def rename(name, profile):
    profile = {**profile, "name": name}
    return "renamed"


def keeps(item, items):
    items = [*items, item]
    return items, "added"


def classify(text):
    model = AutoModel.from_pretrained("bert-base-uncased")  # expect: GR005:23
    pipe = pipeline("sentiment-analysis")  # expect: GR005:12
    weights = torch.load("w.pt")  # expect: GR005:21
    return str(model(pipe(text), weights))


def helper_not_a_handler():
    HISTORY.append(1)
    return AutoModel.from_pretrained("x")


with gr.Blocks() as demo:
    items = gr.State([])
    profile = gr.State({})
    box = gr.Textbox()
    out = gr.Textbox()
    button = gr.Button("Go")
    button.click(remember, box, out)
    button.click(add_item, [box, items], out)  # expect: GR004:12
    button.click(rename, inputs=[box, profile], outputs=[out])  # expect: GR004:12
    button.click(keeps, [box, items], [items, out])
    box.submit(classify, box, out)

demo.queue(max_size=10).launch()
