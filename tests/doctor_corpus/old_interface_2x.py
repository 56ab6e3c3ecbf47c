"""A Gradio 2.x/3.0 Interface app: gr.inputs/gr.outputs, Interface-level options since removed.

Patterns from public code: `gr.inputs.Image(type="pil")` with `gr.outputs.Label(num_top_classes=3)`
(the image-classification Spaces of 2021-2022, e.g. pytorch/ResNet), positional
`gr.inputs.Textbox(2, "...")` (Gradio 2.x getting-started guide), `allow_flagging`,
`layout=` and `interpretation=` (demo/image_classifier_interpretation at gradio@3.50.2),
`gr.Interface.load` (demo/generate_english_german at gradio@3.50.2), `theme="huggingface"`.
"""

import gradio as gr


def classify(image, threshold):
    return {"cat": threshold}


inputs = [
    gr.inputs.Image(type="pil", label="Photo"),  # expect: GR100:5
    gr.inputs.Slider(0, 1, 0.1, default=0.5, label="Threshold"),  # expect: GR100:5
]
iface = gr.Interface(
    classify,
    inputs,
    gr.outputs.Label(num_top_classes=3),  # expect: GR100:5
    title="Classifier",
    allow_flagging="never",  # expect: GR101:5
    layout="vertical",  # expect: GR101:5
    interpretation="default",  # expect: GR101:5
    theme="huggingface",  # expect: GR014:5
)
translator = gr.Interface.load("huggingface/t5-small")  # expect: GR102:27
iface.launch(share=True, show_tips=True)  # expect: GR002:7, GR008:14, GR101:26
