"""Apps that come from calls and chains: their launch() and queue() are still checked.

Patterns from public code: `demo = build_demo()` then `demo.queue().launch(...)` (the
text-generation-webui and FastChat servers), `gr.Blocks().queue()` with the app built later,
`demo = demo.queue()` (many Spaces), `gr.load(...)` (demo/gpt2_xl at gradio@3.50.2).
"""

import gradio as gr


def build_demo():
    with gr.Blocks() as demo:
        gr.Textbox()
    return demo


app = build_demo()
app.queue(  # expect: GR001:5
    default_concurrency_limit=4,
).launch(server_name="0.0.0.0")  # expect: GR017:10

second = gr.Blocks().queue()  # expect: GR001:22
with second:
    gr.Textbox()
second.launch(share=True)  # expect: GR008:15

third = gr.Interface(lambda x: x, "text", "text")
third = third.queue(max_size=8)
third.launch(auth=("admin", "admin"))  # expect: GR007:14

gr.load("models/gpt2").launch(share=True)  # expect: GR008:31
chained = gr.Blocks()
chained.queue(  # noqa: GR001
    default_concurrency_limit=2,
).launch()
