"""The renames and removals of Gradio 4, 5 and 6, kept by hand from the official migration notes.

Sources: the "breaking changes" list of Gradio 4.0.0 (CHANGELOG.md), "Migrating to Gradio 5"
(gradio-app/gradio issue #9463) and the Gradio 6 migration guide
(guides/11_other-tutorials/gradio-6-migration-guide.md); the old parameter orders of
`gr.inputs`/`gr.outputs` come from gradio 3.50.2's gradio/inputs.py and gradio/outputs.py.
tests/test_doctor_api.py checks every entry against the generated API file: the old name must
be gone from Gradio 6 and the replacement must exist, so an entry goes stale loudly.

Whether a use can work is decided by the API file alone; this table only adds what to write
instead, and how `--fix` writes it. A fix is safe when the new code means what the old code
meant; it is unsafe (applied only with --unsafe-fixes) when it drops or approximates something.
"""

from dataclasses import dataclass, field

from . import rules

EVENT = "<event>"  # any event listener: click, change, then, load...
LAUNCH = "Blocks.launch"
QUEUE = "Blocks.queue"
ANY = "any value"  # Drop.safe_for: dropping is safe whatever the value


@dataclass(frozen=True)
class Rename:
    """`old=v` becomes `new=v` (`new=[v]` with as_list; `values` maps literal values)."""

    to: str
    as_list: bool = False
    values: dict[object, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Drop:
    """Remove the keyword; safe only for the literal values in `safe_for` (or ANY)."""

    safe_for: tuple[object, ...] | str = ()


@dataclass(frozen=True)
class ToButtons:
    """`show_<name>_button=True/False` becomes an entry of `buttons=[...]`."""

    button: str


@dataclass(frozen=True)
class MoveToLaunch:
    """An app-level setting moves from the app's constructor to its launch() call."""


@dataclass(frozen=True)
class OnFalse:
    """`old=False` becomes `to=<code>`; `old=True`, the old default, is removed."""

    to: str
    code: str


@dataclass(frozen=True)
class Wrap:
    """`old=v` becomes `keyword=gr.<klass>(<field>=v)`."""

    keyword: str
    klass: str
    field: str


@dataclass(frozen=True)
class ToTimer:
    """`demo.load(fn, ..., every=N)` inside `with gr.Blocks() as demo:` becomes
    `gr.Timer(N).tick(fn, ...)` (unsafe: a timer does not also run when the page loads)."""


Recipe = Rename | Drop | ToButtons | MoveToLaunch | OnFalse | Wrap | ToTimer


@dataclass(frozen=True)
class KeywordChange:
    owners: tuple[str, ...]  # class names (their constructors), "Class.method", or EVENT
    name: str
    removed_in: str
    advice: str
    fix: Recipe | None = None
    code: str = rules.API_KEYWORD


@dataclass(frozen=True)
class ValueChange:
    """A keyword that still exists but no longer takes this literal value."""

    owners: tuple[str, ...]
    name: str
    value: object
    removed_in: str
    advice: str
    replacement: tuple[tuple[str, str], ...] | None  # keywords (name, Python code) to write


@dataclass(frozen=True)
class NameChange:
    """A name of the `gradio` module that is gone."""

    name: str
    removed_in: str
    advice: str
    to: str | None = None  # the gradio name to use instead, when it is a drop-in


@dataclass(frozen=True)
class OldComponent:
    """A `gr.inputs.X` / `gr.outputs.X` class of Gradio 3 and the component that replaced it."""

    to: str
    positional: tuple[str, ...]  # its parameters in order (they were positional-or-keyword)
    renames: dict[str, str] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()  # parameters that had no effect any more


BUTTON_OWNERS = {
    "show_copy_button": (
        ("Textbox", "Chatbot", "Markdown", "Code", "Dataframe", "JSON", "Dialogue"),
        "copy",
    ),
    "show_copy_all_button": (("Chatbot",), "copy_all"),
    "show_share_button": (
        ("Chatbot", "Image", "Audio", "Video", "Gallery", "ImageEditor"),
        "share",
    ),
    "show_download_button": (
        ("Image", "Audio", "Video", "Gallery", "ImageEditor", "ImageSlider"),
        "download",
    ),
    "show_fullscreen_button": (
        ("Image", "Gallery", "ImageEditor", "ImageSlider", "AnnotatedImage", "Dataframe"),
        "fullscreen",
    ),
    "show_reset_button": (("Slider",), "reset"),
    "show_export_button": (("LinePlot", "BarPlot", "ScatterPlot"), "export"),
}
_PLOTS = ("LinePlot", "BarPlot", "ScatterPlot")
_APPS = ("Blocks", "Interface", "ChatInterface", "TabbedInterface")
_FORMS = ("Checkbox", "CheckboxGroup", "Dropdown", "Number", "Radio", "Slider", "Textbox")


def _unsafe_drop(owners: tuple[str, ...], names: str, removed_in: str, advice: str) -> list:
    return [KeywordChange(owners, n, removed_in, advice, Drop()) for n in names.split()]


KEYWORDS: list[KeywordChange] = [
    # Queue and launch.
    KeywordChange(
        (QUEUE,),
        "concurrency_count",
        "4.0",
        "queue(default_concurrency_limit=N), or concurrency_limit=N on the event",
        Rename("default_concurrency_limit"),
        rules.CONCURRENCY_COUNT,
    ),
    KeywordChange(
        (EVENT,),
        "concurrency_count",
        "4.0",
        "concurrency_limit=N",
        Rename("concurrency_limit"),
        rules.CONCURRENCY_COUNT,
    ),
    KeywordChange(
        (LAUNCH, "Interface"),
        "enable_queue",
        "4.0",
        "remove it: the queue is always on",
        Drop(safe_for=(True, None)),
        rules.ENABLE_QUEUE,
    ),
    KeywordChange((QUEUE,), "client_position_to_load_data", "4.0", "remove it", Drop(ANY)),
    KeywordChange((QUEUE,), "default_enabled", "4.0", "remove it: the queue is on", Drop(ANY)),
    KeywordChange((LAUNCH,), "show_tips", "4.0", "remove it", Drop(ANY)),
    KeywordChange((LAUNCH,), "encrypt", "4.0", "remove it", Drop(ANY)),
    KeywordChange((LAUNCH,), "file_directories", "4.0", "allowed_paths=", Rename("allowed_paths")),
    KeywordChange(
        (LAUNCH,),
        "show_api",
        "6.0",
        'footer_links=["gradio", "settings"] hides the API link',
        OnFalse("footer_links", '["gradio", "settings"]'),
        rules.SHOW_API,
    ),
    # Event listeners.
    KeywordChange((EVENT,), "_js", "4.0", "js=", Rename("js")),
    KeywordChange(
        (EVENT,),
        "every",
        "5.0",
        "gr.Timer(seconds).tick(fn, inputs, outputs)",
        ToTimer(),
        rules.EVERY,
    ),
    KeywordChange((EVENT,), "status_tracker", "4.0", "remove it (it had no effect)", Drop(ANY)),
    KeywordChange(
        (EVENT, "Interface", "ChatInterface", "ClearButton"),
        "show_api",
        "6.0",
        'api_visibility="undocumented"',
        OnFalse("api_visibility", '"undocumented"'),
        rules.SHOW_API,
    ),
    KeywordChange(
        (EVENT,),
        "like_user_message",
        "6.0",
        "gr.Chatbot(like_user_message=True)",
        None,
    ),
    # App constructors.
    *(
        KeywordChange(
            _APPS,
            name,
            "6.0",
            f"{name}= is a launch() argument: demo.launch({name}=...)",
            MoveToLaunch(),
            rules.APP_SETTINGS_IN_CONSTRUCTOR,
        )
        for name in ("theme", "css", "css_paths", "js", "head", "head_paths")
    ),
    KeywordChange(
        ("Interface",),
        "allow_flagging",
        "5.0",
        "flagging_mode=",
        Rename("flagging_mode", values={True: "manual", False: "never"}),
    ),
    *_unsafe_drop(
        ("Interface",),
        "interpretation num_shap layout",
        "4.0",
        "remove it: interpretation and layouts of Interface are gone",
    ),
    KeywordChange(("Interface",), "thumbnail", "5.0", "remove it", Drop(ANY)),
    *(
        KeywordChange(("Interface",), n, "3.0", "remove it (it had no effect)", Drop(ANY))
        for n in ("capture_session", "allow_screenshot", "show_tips", "verbose", "encrypt")
    ),
    *_unsafe_drop(
        ("ChatInterface",),
        "retry_btn undo_btn clear_btn",
        "5.0",
        "remove it: the Chatbot shows retry and undo buttons itself",
    ),
    KeywordChange(
        ("ChatInterface",),
        "additional_inputs_accordion_name",
        "5.0",
        "additional_inputs_accordion=",
        Rename("additional_inputs_accordion"),
    ),
    KeywordChange(
        ("ChatInterface",), "examples_per_page", "5.0", "remove it", Drop(), rules.API_KEYWORD
    ),
    KeywordChange(
        ("Chatbot", "ChatInterface"),
        "type",
        "6.0",
        'remove it: only the messages format ({"role": ..., "content": ...}) exists',
        Drop(safe_for=("messages",)),
        rules.CHAT_TYPE,
    ),
    # Components.
    KeywordChange(
        ("Image", "Audio", "Video"),
        "source",
        "4.0",
        'sources=["..."]',
        Rename("sources", as_list=True),
    ),
    *_unsafe_drop(
        ("Image",),
        "tool brush_radius brush_color mask_opacity",
        "4.0",
        "use gr.ImageEditor or gr.Sketchpad for drawing",
    ),
    *_unsafe_drop(
        ("Image",),
        "shape invert_colors plot",
        "4.0",
        "remove it; resize or invert the image in the function",
    ),
    *(
        KeywordChange(
            ("Image", "Video", "ImageEditor"),
            old,
            "6.0",
            f"webcam_options=gr.WebcamOptions({new}=...)",
            Wrap("webcam_options", "WebcamOptions", new),
        )
        for old, new in (("mirror_webcam", "mirror"), ("webcam_constraints", "constraints"))
    ),
    *_unsafe_drop(
        ("Audio", "Video"),
        "min_length max_length",
        "6.0",
        "check the length with a validator on the event",
    ),
    KeywordChange(("Audio",), "show_edit_button", "4.0", "remove it", Drop()),
    *(
        KeywordChange(owners, name, "6.0", f'buttons=["{button}"]', ToButtons(button))
        for name, (owners, button) in BUTTON_OWNERS.items()
    ),
    KeywordChange(("Dataframe",), "height", "5.0", "max_height=", Rename("max_height")),
    *_unsafe_drop(
        ("Dataframe",),
        "max_rows max_cols overflow_row_behaviour",
        "4.0",
        "remove it; the table scrolls (max_height=)",
    ),
    KeywordChange(
        ("Chatbot",), "bubble_full_width", "6.0", "remove it (it had no effect)", Drop(ANY)
    ),
    KeywordChange(("Chatbot",), "resizeable", "6.0", "resizable=", Rename("resizable")),
    KeywordChange(
        ("Chatbot",), "likeable", "5.0", "remove it: a .like() listener enables likes", Drop(ANY)
    ),
    KeywordChange(("Chatbot",), "color_map", "4.0", "remove it", Drop()),
    # Gradio 4's crop_size was a crop box beside canvas_size, and a "w:h" ratio that Gradio 5
    # turned into an 800-pixel canvas: renaming it would change the meaning or write a ratio
    # where canvas_size takes pixels.
    KeywordChange(
        ("ImageEditor",),
        "crop_size",
        "6.0",
        "canvas_size=(width, height) in pixels (a crop box or a ratio does not carry over)",
        Drop(),
    ),
    KeywordChange(("FileExplorer",), "root", "5.0", "root_dir=", Rename("root_dir")),
    KeywordChange(("LoginButton",), "signed_in_value", "5.0", "remove it", Drop()),
    KeywordChange(("State",), "label", "4.0", "remove it (a State is not shown)", Drop(ANY)),
    *(
        KeywordChange((name,), "default", "4.0", "value=", Rename("value"))
        for name in (*_FORMS, "Image", "Audio", "Video", "File", "Dataframe")
    ),
    *(
        KeywordChange((name,), "optional", "4.0", "remove it (it had no effect)", Drop(ANY))
        for name in (*_FORMS, "Image", "Audio", "Video", "File", "Dataframe")
    ),
    KeywordChange(
        ("Button", "ClearButton"),
        "label",
        "4.0",
        "value= (the text on the button)",
        Rename("value"),
    ),
    KeywordChange(_PLOTS, "color_legend_title", "6.0", "color_title=", Rename("color_title")),
    *_unsafe_drop(
        _PLOTS,
        "color_legend_position",
        "5.0",
        "remove it (the native plots of Gradio 5 place the legend themselves)",
    ),
    *_unsafe_drop(
        ("LinePlot",),
        "stroke_dash_legend_title stroke_dash_legend_position",
        "5.0",
        "remove it (the native plots of Gradio 5 have no stroke dash)",
    ),
    *_unsafe_drop(
        ("BarPlot",),
        "vertical group group_title",
        "5.0",
        "remove it; gr.BarPlot(color=...) colours the bars by a column",
    ),
    *_unsafe_drop(
        ("ScatterPlot",),
        "size shape size_legend_title shape_legend_title size_legend_position"
        " shape_legend_position",
        "5.0",
        "remove it; gr.ScatterPlot(color=...) colours the points by a column",
    ),
    KeywordChange(("Video",), "type", "4.0", "remove it (it had no effect)", Drop(ANY)),
    # show_controls=True added the browser's audio player below the waveform (the default was
    # False, and late 5.x ignored it): show_recording_waveform=False drops the waveform instead.
    KeywordChange(
        ("WaveformOptions",),
        "show_controls",
        "6.0",
        "remove it; show_recording_waveform=False plays audio in the browser's player instead",
        Drop(safe_for=(False,)),
    ),
    *_unsafe_drop(
        _PLOTS,
        "width interactive show_actions_button overlay_point stroke_dash",
        "6.0",
        "remove it (size the plot with its container)",
    ),
    # gr.load() takes token= since 6.0 (api_key= in Gradio 3, hf_token= in 4 and 5); its **kwargs
    # go to the app it builds, so the old names fail there.
    KeywordChange(("load",), "hf_token", "6.0", "token=", Rename("token")),
    KeywordChange(("load",), "api_key", "4.0", "token=", Rename("token")),
    # gradio_client.
    KeywordChange(("Client",), "hf_token", "6.0", "token=", Rename("token"), rules.CLIENT_TOKEN),
    KeywordChange(
        ("Client",), "output_dir", "1.0 (client)", "download_files=", Rename("download_files")
    ),
    KeywordChange(("Client",), "serialize", "1.0 (client)", "remove it", Drop()),
]

VALUES: list[ValueChange] = [
    ValueChange(
        (EVENT,),
        "api_name",
        False,
        "6.0",
        'api_visibility="private"',
        (("api_visibility", '"private"'),),
    ),
    ValueChange(
        ("Interface", "ChatInterface", "Examples"),
        "cache_examples",
        "lazy",
        "6.0",
        'cache_examples=True, cache_mode="lazy"',
        (("cache_examples", "True"), ("cache_mode", '"lazy"')),
    ),
    ValueChange(
        (EVENT, "Interface"),
        "show_progress",
        True,
        "4.0",
        'show_progress="full"',
        (("show_progress", '"full"'),),
    ),
    ValueChange(
        (EVENT, "Interface"),
        "show_progress",
        False,
        "4.0",
        'show_progress="hidden"',
        (("show_progress", '"hidden"'),),
    ),
    ValueChange(
        ("Button", "UploadButton"),
        "variant",
        "plain",
        "4.0",
        'variant="secondary"',
        (("variant", '"secondary"'),),
    ),
]

NAMES: list[NameChange] = [
    NameChange("Box", "4.0", "gr.Group()", "Group"),
    NameChange("Variable", "4.0", "gr.State()", "State"),
    NameChange("Carousel", "4.0", "gr.Gallery()"),
    NameChange("Timeseries", "4.0", "gr.LinePlot()"),
    NameChange("StatusTracker", "4.0", "remove it (it had no effect)"),
    NameChange("Series", "4.0", "chain the functions in one gr.Blocks app"),
    NameChange("Parallel", "4.0", "gr.TabbedInterface, or one gr.Blocks app"),
    NameChange("mix", "4.0", "chain the functions in one gr.Blocks app"),
    NameChange("LogoutButton", "6.0", "gr.LoginButton() (it logs out too)"),
    NameChange("HuggingFaceDatasetJSONSaver", "4.0", "gr.HuggingFaceDatasetSaver, or your own"),
    NameChange("HuggingFaceDatasetSaver", "5.0", "a gr.FlaggingCallback of your own"),
    NameChange("inputs", "4.0", "the components themselves: gr.Textbox(...)"),
    NameChange("outputs", "4.0", "the components themselves: gr.Textbox(...)"),
    NameChange("deprecation", "4.0", "nothing (it was internal)"),
    NameChange("Interpretation", "4.0", "nothing: interpretation was removed"),
    NameChange("make_waveform", "5.0", "gr.Audio (it draws the waveform itself)"),
    NameChange("Image3D", "4.0", "gr.Model3D()", "Model3D"),
]

_OPTIONAL = ("optional",)
INPUTS: dict[str, OldComponent] = {
    "Textbox": OldComponent(
        "Textbox",
        ("lines", "placeholder", "default", "numeric", "type", "label", "optional"),
        {"default": "value"},
        ("numeric", "optional"),
    ),
    "Number": OldComponent(
        "Number", ("default", "label", "optional"), {"default": "value"}, _OPTIONAL
    ),
    "Slider": OldComponent(
        "Slider",
        ("minimum", "maximum", "step", "default", "label", "optional"),
        {"default": "value"},
        _OPTIONAL,
    ),
    "Checkbox": OldComponent(
        "Checkbox", ("default", "label", "optional"), {"default": "value"}, _OPTIONAL
    ),
    "CheckboxGroup": OldComponent(
        "CheckboxGroup",
        ("choices", "default", "type", "label", "optional"),
        {"default": "value"},
        _OPTIONAL,
    ),
    "Radio": OldComponent(
        "Radio",
        ("choices", "type", "default", "label", "optional"),
        {"default": "value"},
        _OPTIONAL,
    ),
    "Dropdown": OldComponent(
        "Dropdown",
        ("choices", "type", "default", "label", "optional"),
        {"default": "value"},
        _OPTIONAL,
    ),
    "Image": OldComponent(
        "Image",
        ("shape", "image_mode", "invert_colors", "source", "tool", "type", "label", "optional"),
        dropped=_OPTIONAL,
    ),
    "Video": OldComponent(
        "Video", ("type", "source", "label", "optional"), {"type": "format"}, _OPTIONAL
    ),
    "Audio": OldComponent("Audio", ("source", "type", "label", "optional"), dropped=_OPTIONAL),
    "File": OldComponent(
        "File",
        ("file_count", "type", "label", "keep_filename", "optional"),
        dropped=("keep_filename", "optional"),
    ),
    "Dataframe": OldComponent(
        "Dataframe",
        ("headers", "row_count", "col_count", "datatype", "col_width", "default", "type", "label"),
        {"default": "value", "col_width": "column_widths"},
        _OPTIONAL,
    ),
    "State": OldComponent("State", ("label", "default"), {"default": "value"}, ("label",)),
    "Image3D": OldComponent("Model3D", ("label", "optional"), dropped=_OPTIONAL),
}
OUTPUTS: dict[str, OldComponent] = {
    "Textbox": OldComponent("Textbox", ("type", "label")),
    "Image": OldComponent("Image", ("type", "plot", "label")),
    "Video": OldComponent("Video", ("type", "label"), {"type": "format"}),
    "Audio": OldComponent("Audio", ("type", "label")),
    "File": OldComponent("File", ("label",)),
    "Dataframe": OldComponent(
        "Dataframe", ("headers", "max_rows", "max_cols", "overflow_row_behaviour", "type", "label")
    ),
    "State": OldComponent("State", ("label",), dropped=("label",)),
    "Label": OldComponent("Label", ("num_top_classes", "type", "label")),
    "HighlightedText": OldComponent("HighlightedText", ("color_map", "label", "show_legend")),
    "JSON": OldComponent("JSON", ("label",)),
    "HTML": OldComponent("HTML", ("label",)),
    "Chatbot": OldComponent("Chatbot", ("label",)),
    "Image3D": OldComponent("Model3D", ("clear_color", "label")),
}
OLD_MODULES = {"inputs": INPUTS, "outputs": OUTPUTS}

# `.style(...)` (removed in 4.0) took these; each moves into the constructor under this name
# when Gradio 6 accepts it there, and is dropped (an unsafe fix) otherwise.
STYLE_RENAMES = {"grid": "columns"}
# `.update(...)` of a component class (removed in 4.0): `gr.update(...)` takes the same keywords.
UPDATE_METHOD = "update"
STYLE_METHOD = "style"
# Blocks.load/Interface.load as class methods (removed in 4.0): gr.load(name, src=..., ...).
LOAD_METHOD = "load"
