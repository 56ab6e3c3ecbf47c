"""A Gradio 4.x chat app: ChatInterface and Chatbot options removed in Gradio 5 and 6.

Patterns from public code: `retry_btn=None, undo_btn=...` and `theme=` on ChatInterface
(gradio-app/gradio issue #9917, the 4.x "creating a chatbot fast" guide), tuple histories
and `bubble_full_width=False` (demo/chatbot_simple at gradio@4.44.1), `likeable=True`
(demo/chatbot_core_components_simple at 4.44.1), `type="tuples"`, `show_share_button`,
`gr.load(..., hf_token=...)` (demo/autocomplete at gradio@4.44.1).
"""

import gradio as gr
from gradio_client import Client


def yes_man(message, history):
    return "Yes" if message.endswith("?") else "Ask me anything!"


chatbot = gr.Chatbot(
    [["Hello", "Hi there!"]],  # expect: GR023:5
    buttons=["copy", "copy_all"],  # expect: GR101:5
)
demo = gr.ChatInterface(
    yes_man,
    chatbot=chatbot,
    cache_examples=True,  # expect: GR104:5
    cache_mode="lazy",
)
client = Client("abidlabs/en2fr", token="hf_x", download_files="out")  # expect: GR015:35, GR101:52
translator = gr.load("models/t5-small", token="hf_x")  # expect: GR101:41

if __name__ == "__main__":
    demo.launch(footer_links=["gradio", "settings"], theme="soft")  # expect: GR002:10, GR012:17
