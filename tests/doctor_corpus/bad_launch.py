"""Launch and queue traps in one classic single-file app."""

import gradio as gr

demo = gr.Interface(lambda x: x, "file", "text")
demo.queue(default_concurrency_limit=2)  # expect: GR001:6
demo.launch(
    auth=("admin", "hunter2"),  # expect: GR007:5
    share=True,  # expect: GR008:5
    server_name="0.0.0.0",  # expect: GR017:5
    root_path="/app",  # expect: GR018:5
)
demo.launch(share=True)  # noqa: GR008
demo.launch(auth=[("a", "b"), ("c", "d")], max_file_size="5mb", share=True)  # expect: GR007:13 # noqa: GR008
