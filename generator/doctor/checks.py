"""The checks: pure functions from an analysed module to (rule code, node) pairs."""

import ast
from collections.abc import Callable, Iterator

from .module import (
    APPS,
    Module,
    argument,
    elements,
    has_star_kwargs,
    keyword,
    own_nodes,
    parameters,
)

Found = Iterator[tuple[str, ast.AST]]
Function = ast.FunctionDef | ast.AsyncFunctionDef

MUTATORS = frozenset(
    [
        "append",
        "extend",
        "insert",
        "pop",
        "remove",
        "clear",
        "update",
        "add",
        "setdefault",
        "discard",
        "popitem",
        "sort",
        "reverse",
        "appendleft",
        "extendleft",
        "popleft",
    ]
)
MUTABLE_CALLS = frozenset(
    [
        "list",
        "dict",
        "set",
        "bytearray",
        "defaultdict",
        "OrderedDict",
        "Counter",
        "deque",
        "collections.defaultdict",
        "collections.OrderedDict",
        "collections.Counter",
        "collections.deque",
    ]
)
# Calls that load a model or another heavy object: (module, attribute) or a method name.
LOADERS = {
    ("torch", "load"),
    ("joblib", "load"),
    ("whisper", "load_model"),
    ("spacy", "load"),
    ("transformers", "pipeline"),
    ("sentence_transformers", "SentenceTransformer"),
    ("onnxruntime", "InferenceSession"),
    ("diffusers", "DiffusionPipeline"),
    ("tensorflow.keras.models", "load_model"),
    ("keras.models", "load_model"),
}
LOADER_METHODS = frozenset({"from_pretrained", "from_single_file"})
SLOW_METHODS = frozenset({"generate", "predict", "sleep", "infer"})
NETWORK_MODULES = frozenset({"requests", "httpx", "urllib.request", "openai"})
UPLOADS = frozenset(
    [
        "File",
        "Files",
        "UploadButton",
        "Image",
        "Audio",
        "Video",
        "Gallery",
        "Model3D",
        "MultimodalTextbox",
        "ImageEditor",
        "ImageSlider",
        "SimpleImage",
    ]
)


def _dotted(module: Module, node: ast.expr) -> str | None:
    """`np.load` -> "numpy.load", an imported `pipeline` -> "transformers.pipeline"."""
    if isinstance(node, ast.Name):
        return module.imported.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(module, node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _is_loader(module: Module, call: ast.Call) -> bool:
    if isinstance(call.func, ast.Attribute) and call.func.attr in LOADER_METHODS:
        return True
    name = _dotted(module, call.func)
    if not name or "." not in name:
        return False
    owner, attr = name.rsplit(".", 1)
    return (owner, attr) in LOADERS or (owner.split(".")[0], attr) in LOADERS


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _method_calls(module: Module, name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(module.tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == name
    ]


def _app_receiver(module: Module, call: ast.Call) -> bool | None:
    """Whether `x.launch()` is called on a Gradio app: True, False, or None when unknowable."""
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    while isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute):
        if receiver.func.attr != "queue":  # demo.queue(...).launch()
            break
        receiver = receiver.func.value
    if isinstance(receiver, ast.Call):
        return module.gradio_call(receiver) in APPS
    if isinstance(receiver, ast.Name):
        values = module.bindings.get(receiver.id, [])
        if values and all(isinstance(v, ast.Call) for v in values):
            return all(module.gradio_call(v) in APPS for v in values)
    return None


def queue_without_max_size(module: Module) -> Found:
    if not module.uses_gradio:
        return
    for call in _method_calls(module, "queue"):
        if _app_receiver(module, call) is False:
            continue
        if keyword(call, "max_size") is None and not has_star_kwargs(call) and len(call.args) < 3:
            yield "GR001", call


def launch_without_queue(module: Module) -> Found:
    if not module.uses_gradio or _method_calls(module, "queue"):
        return
    for call in _method_calls(module, "launch"):
        if _app_receiver(module, call):
            yield "GR002", call


def _mutable_globals(module: Module) -> set[str]:
    names = set()
    for node in module.tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        mutable = isinstance(
            value, ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp
        ) or (isinstance(value, ast.Call) and _dotted(module, value.func) in MUTABLE_CALLS)
        if mutable:
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _mutated_name(node: ast.AST) -> ast.Name | None:
    """The name a statement mutates in place: `x.append(..)`, `x[k] = ..`, `del x[k]`, `x += ..`."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in MUTATORS
        and isinstance(node.func.value, ast.Name)
    ):
        return node.func.value
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    elif isinstance(node, ast.Delete):
        targets = node.targets
    for target in targets:
        if isinstance(target, ast.Subscript | ast.Attribute) and isinstance(target.value, ast.Name):
            return target.value
        if isinstance(node, ast.AugAssign) and isinstance(target, ast.Name):
            return target
    return None


def _locals(function: Function) -> set[str]:
    names = set(parameters(function)) | {a.arg for a in function.args.kwonlyargs}
    for node in own_nodes(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def shared_state(module: Module) -> Found:
    mutable = _mutable_globals(module)
    if not mutable:
        return
    for handler in module.handlers().values():
        nodes = own_nodes(handler)
        declared = {n for node in nodes if isinstance(node, ast.Global) for n in node.names}
        local = _locals(handler) - declared
        reported = set()
        for node in sorted(
            nodes, key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0))
        ):
            name = _mutated_name(node)
            if name is None and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                name = node if node.id in declared else None
            if name and name.id in mutable and name.id not in local and name.id not in reported:
                reported.add(name.id)
                yield "GR003", node


def _changes(function: Function, param: str) -> ast.AST | None:
    """Where a function rebinds or mutates its parameter `param`, if it does."""
    for node in sorted(own_nodes(function), key=lambda n: getattr(n, "lineno", 0)):
        if isinstance(node, ast.Name) and node.id == param and isinstance(node.ctx, ast.Store):
            return node
        name = _mutated_name(node)
        if name is not None and name.id == param:
            return node
    return None


def state_not_returned(module: Module) -> Found:
    for listener in module.listeners:
        if listener.handler is None or listener.method in ("Interface", "ChatInterface"):
            continue
        inputs, outputs = elements(listener.inputs), elements(listener.outputs)
        if inputs is None or outputs is None or isinstance(listener.inputs, ast.Call):
            continue
        params = parameters(listener.handler)
        if len(inputs) > len(params):
            continue
        returned = {o.id for o in outputs if isinstance(o, ast.Name)}
        if any(not isinstance(o, ast.Name) for o in outputs):
            continue  # a dict, set or call of outputs: cannot tell
        for item, param in zip(inputs, params, strict=False):
            if not isinstance(item, ast.Name) or item.id in returned:
                continue
            if module.gradio_call(module.component(item)) != "State":
                continue
            if _changes(listener.handler, param) is not None:
                yield "GR004", listener.call


def model_in_handler(module: Module) -> Found:
    for handler in module.handlers().values():
        for node in own_nodes(handler):
            if isinstance(node, ast.Call) and _is_loader(module, node):
                yield "GR005", node


def _flat_list(function: Function, value: ast.expr | None) -> bool:
    if isinstance(value, ast.ListComp | ast.GeneratorExp):
        return True
    if isinstance(value, ast.List):
        return bool(value.elts) and all(
            isinstance(e, ast.Constant | ast.JoinedStr | ast.BinOp) for e in value.elts
        )
    if isinstance(value, ast.Name):
        bound = [
            node.value
            for node in own_nodes(function)
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == value.id for t in node.targets)
        ]
        return bool(bound) and all(isinstance(b, ast.ListComp) for b in bound)
    return False


def flat_batch_return(module: Module) -> Found:
    for listener in module.listeners:
        if listener.handler is None or not _is_true(argument(listener.call, 99, "batch")):
            continue
        for node in own_nodes(listener.handler):
            if isinstance(node, ast.Return) and _flat_list(listener.handler, node.value):
                yield "GR006", node


def _launch_calls(module: Module) -> list[ast.Call]:
    """launch() calls on Gradio apps, or on objects that are not known to be something else."""
    if not module.uses_gradio:
        return []
    return [c for c in _method_calls(module, "launch") if _app_receiver(module, c) is not False]


def _literal_credentials(node: ast.expr) -> bool:
    if isinstance(node, ast.Tuple):
        return len(node.elts) == 2 and all(_string(e) is not None for e in node.elts)
    if isinstance(node, ast.List):
        return bool(node.elts) and any(_literal_credentials(e) for e in node.elts)
    return False


def launch_settings(module: Module) -> Found:
    uploads = any(module.gradio_call(node) in UPLOADS for node in ast.walk(module.tree))
    for call in _launch_calls(module):
        auth = keyword(call, "auth")
        if auth is not None and _literal_credentials(auth.value):
            yield "GR007", auth
        share = keyword(call, "share")
        if share is not None and _is_true(share.value):
            yield "GR008", share
        if uploads and keyword(call, "max_file_size") is None and not has_star_kwargs(call):
            yield "GR016", call
        name = keyword(call, "server_name")
        if name is not None and _string(name.value) == "0.0.0.0":
            yield "GR017", name
        root = keyword(call, "root_path")
        if root is not None and _string(root.value):
            yield "GR018", root


def removed_apis(module: Module) -> Found:
    if not module.uses_gradio and not any(
        v.startswith("gradio_client.") for v in module.imported.values()
    ):
        return
    listener_calls = {id(li.call) for li in module.listeners}
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Call):
            continue
        method = node.func.attr if isinstance(node.func, ast.Attribute) else None
        gradio = module.gradio_call(node)
        is_listener = id(node) in listener_calls
        for kw in node.keywords:
            if kw.arg == "concurrency_count" and (method == "queue" or is_listener):
                yield "GR009", kw
            elif kw.arg == "enable_queue" and (method == "launch" or gradio in APPS):
                yield "GR010", kw
            elif kw.arg == "every" and is_listener:
                yield "GR011", kw
            elif kw.arg == "show_api" and (method == "launch" or is_listener or gradio in APPS):
                yield "GR012", kw
            elif kw.arg == "type" and gradio in ("Chatbot", "ChatInterface"):
                yield "GR013", kw
            elif kw.arg in ("theme", "css", "css_paths", "js", "head") and gradio == "Blocks":
                yield "GR014", kw
            elif kw.arg == "hf_token" and _dotted(module, node.func) == "gradio_client.Client":
                yield "GR015", kw


def _param_uses(function: Function, param: str) -> tuple[bool, bool]:
    """(used as a path, used as bytes) for one parameter of a handler."""
    as_path = as_bytes = False
    for node in own_nodes(function):
        if not isinstance(node, ast.Call):
            continue
        args = [a for a in node.args if isinstance(a, ast.Name) and a.id == param]
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and func.value.id == param:
                as_bytes |= func.attr == "decode"
            owner = func.value
            if isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name):
                as_path |= bool(args) and owner.value.id == "os" and owner.attr == "path"
            if func.attr in ("Path", "BytesIO"):
                name = func.attr
        if args and name in ("open", "Path", "PurePath"):
            as_path = True
        if args and name == "BytesIO":
            as_bytes = True
    return as_path, as_bytes


def file_type_mismatch(module: Module) -> Found:
    for listener in module.listeners:
        if listener.handler is None or listener.method == "ChatInterface":
            continue
        inputs = elements(listener.inputs)
        params = parameters(listener.handler)
        if inputs is None or len(inputs) > len(params):
            continue
        for item, param in zip(inputs, params, strict=False):
            component = module.component(item)
            if component is None or module.gradio_call(component) not in ("File", "UploadButton"):
                continue
            kind = argument(component, 99, "type")
            kind_name = "filepath" if kind is None else _string(kind)
            as_path, as_bytes = _param_uses(listener.handler, param)
            if (kind_name == "binary" and as_path) or (kind_name == "filepath" and as_bytes):
                yield "GR019", item


def _slow(module: Module, function: Function) -> bool:
    if isinstance(function, ast.AsyncFunctionDef) and any(
        isinstance(n, ast.Yield) for n in own_nodes(function)
    ):
        return True
    for node in own_nodes(function):
        if isinstance(node, ast.Yield | ast.YieldFrom):
            return True
        if not isinstance(node, ast.Call):
            continue
        if _is_loader(module, node):
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr in SLOW_METHODS:
            return True
        name = _dotted(module, node.func) or ""
        if any(name.startswith(f"{m}.") for m in NETWORK_MODULES):
            return True
    return False


def eager_cached_examples(module: Module) -> Found:
    for node in ast.walk(module.tree):
        gradio = module.gradio_call(node)
        if gradio not in ("Interface", "ChatInterface", "Examples"):
            continue
        cache = keyword(node, "cache_examples")
        if cache is None or not _is_true(cache.value):
            continue
        mode = keyword(node, "cache_mode")
        if mode is not None and _string(mode.value) != "eager":
            continue
        fn = argument(node, 0, "fn") if gradio != "Examples" else argument(node, 99, "fn")
        handler = module.resolve(fn)
        if handler is not None and _slow(module, handler):
            yield "GR020", cache


def hidden_listener(module: Module) -> Found:
    for listener in module.listeners:
        if listener.receiver is None or listener.fn is None:
            continue
        component = module.component(ast.Name(listener.receiver))
        if component is None or module.gradio_call(component) in APPS:
            continue
        visible = keyword(component, "visible")
        if visible is None or not (
            isinstance(visible.value, ast.Constant) and visible.value.value is False
        ):
            continue
        visibility = keyword(listener.call, "api_visibility")
        if visibility is not None and _string(visibility.value) != "public":
            continue
        if has_star_kwargs(listener.call):
            continue
        yield "GR021", listener.call


def repeated_clicks(module: Module) -> Found:
    for listener in module.listeners:
        if listener.method != "click" or listener.handler is None:
            continue
        mode = keyword(listener.call, "trigger_mode")
        if mode is None or _string(mode.value) != "multiple":
            continue
        if _slow(module, listener.handler):
            yield "GR022", mode


CHECKS: list[Callable[[Module], Found]] = [
    queue_without_max_size,
    launch_without_queue,
    shared_state,
    state_not_returned,
    model_in_handler,
    flat_batch_return,
    launch_settings,
    removed_apis,
    file_type_mismatch,
    eager_cached_examples,
    hidden_listener,
    repeated_clicks,
]
