"""A Gradio 3.x Blocks app: the removed APIs old-era apps use most.

Patterns from public code: `.style(...)` on components and rows and `gr.Box` (gradio's own
demo/ at v3.30: blocks_style, chatbot_multimodal), `source=`/`tool=` on Image (demo/blocks_mask
at gradio@3.50.2), `_js=` and `show_progress=False` on listeners (AUTOMATIC1111's
stable-diffusion-webui, modules/ui.py), `gr.Textbox.update` (demo/blocks_update at 3.50.2),
`concurrency_count`/`enable_queue` (countless Spaces of 2022-2023), `demo.load(..., every=N)`
(demo/live_dashboard at gradio@3.50.2).
"""

import gradio as gr


def respond(message, history):
    history.append((message, message[::-1]))  # expect: GR023:13
    return "", history


def toggle(choice):
    return gr.update(visible=choice == "show")  # expect: GR102:23


with gr.Blocks() as demo:  # expect: GR014:16
    with gr.Group():  # expect: GR100:10
        image = gr.Image(sources=["upload"], tool="sketch", type="pil")  # expect: GR101:26, GR101:43
        gallery = gr.Gallery(label="Results", columns=2, height="auto")  # expect: GR102:47
    with gr.Row(equal_height=True):  # expect: GR102:19
        chatbot = gr.Chatbot(height=500)  # expect: GR102:32
        message = gr.Textbox(buttons=["copy"])  # expect: GR101:30
    choice = gr.Radio(["show", "hide"], label="Details")
    details = gr.Textbox(visible=False)
    run = gr.Button(value="Run", variant="secondary")  # expect: GR101:21, GR104:34
    state = gr.State([])  # expect: GR100:13
    message.submit(respond, [message, chatbot], [message, chatbot])
    choice.change(toggle, choice, details, show_progress="hidden")  # expect: GR104:44
    run.click(None, None, None, js="() => window.scrollTo(0, 0)")  # expect: GR101:33
    stop = gr.Button("Stop", label="Stop it")  # expect: GR101:30
    demo.load(lambda: "tick", None, details, every=5)  # expect: GR011:46

demo.queue(default_concurrency_limit=2).launch(css="footer {display: none}")  # expect: GR001:6, GR009:12, GR016:33, GR010:40
