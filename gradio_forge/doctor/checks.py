"""The production-trap checks: pure functions from a module's facts to findings.

Each check declares the rule codes it emits (`@check(...)`); the Gradio 6 API family lives in
api_checks.py.
"""

import ast
from collections.abc import Callable, Iterator

from . import rules
from .analysis import (
    APPS,
    Facts,
    Function,
    argument,
    elements,
    has_star_kwargs,
    keyword,
    parameters,
)
from .fixes import Found

Check = Callable[[Facts], Iterator[Found]]
CHECKS: list[tuple[Check, frozenset[str]]] = []


def check(*codes: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS.append((function, frozenset(codes)))
        return function

    return register


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


def _dotted(facts: Facts, node: ast.expr) -> str | None:
    """`np.load` -> "numpy.load", an imported `pipeline` -> "transformers.pipeline"."""
    if isinstance(node, ast.Name):
        return facts.imported.get(node.id) or facts.module_names.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(facts, node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _is_loader(facts: Facts, call: ast.Call) -> bool:
    if isinstance(call.func, ast.Attribute) and call.func.attr in LOADER_METHODS:
        return True
    name = _dotted(facts, call.func)
    if not name or "." not in name:
        return False
    owner, attr = name.rsplit(".", 1)
    return (owner, attr) in LOADERS or (owner.split(".")[0], attr) in LOADERS


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _receiver(call: ast.Call) -> ast.expr | None:
    return call.func.value if isinstance(call.func, ast.Attribute) else None


def _builds_app(facts: Facts) -> bool:
    return any(facts.constructed_name(call) in APPS for call in facts.calls)


def _app_calls(facts: Facts, method: str) -> list[ast.Call]:
    """`x.launch()`/`x.queue()` on Gradio apps, or on objects not known to be something else."""
    if not facts.uses_gradio:
        return []
    return [
        c for c in facts.method_calls.get(method, []) if facts.is_app(_receiver(c)) is not False
    ]


@check(rules.UNBOUNDED_QUEUE)
def queue_without_max_size(facts: Facts) -> Iterator[Found]:
    for call in _app_calls(facts, "queue"):
        if keyword(call, "max_size") is None and not has_star_kwargs(call) and len(call.args) < 3:
            yield Found(rules.UNBOUNDED_QUEUE, call)


@check(rules.NO_QUEUE_CONFIG)
def launch_without_queue(facts: Facts) -> Iterator[Found]:
    if _app_calls(facts, "queue"):
        return
    builds = None
    for call in _app_calls(facts, "launch"):
        known = facts.is_app(_receiver(call))
        if known is None:
            builds = _builds_app(facts) if builds is None else builds
            known = builds
        if known:
            yield Found(rules.NO_QUEUE_CONFIG, call)


def _module_names(facts: Facts) -> tuple[set[str], set[str]]:
    """Module-level names: (all of them, those bound to a mutable value)."""
    names, mutable = set(), set()
    for node in facts.tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        elif isinstance(node, ast.AugAssign):
            targets = [node.target]
        bound = {t.id for t in targets if isinstance(t, ast.Name)}
        names |= bound
        if value is not None and (
            isinstance(
                value, ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp
            )
            or (isinstance(value, ast.Call) and _dotted(facts, value.func) in MUTABLE_CALLS)
        ):
            mutable |= bound
    return names, mutable


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
    if isinstance(node, ast.Assign | ast.Delete):
        targets = node.targets
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    for target in targets:
        if isinstance(target, ast.Subscript | ast.Attribute) and isinstance(target.value, ast.Name):
            return target.value
        if isinstance(node, ast.AugAssign) and isinstance(target, ast.Name):
            return target
    return None


def _locals(facts: Facts, function: Function) -> set[str]:
    names = set(parameters(function)) | {a.arg for a in function.args.kwonlyargs}
    for node in facts.own_nodes(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _position(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


@check(rules.SHARED_STATE)
def shared_state(facts: Facts) -> Iterator[Found]:
    names, mutable = _module_names(facts)
    if not names:
        return
    for handler in facts.handlers().values():
        nodes = facts.own_nodes(handler)
        declared = {n for node in nodes if isinstance(node, ast.Global) for n in node.names}
        local = _locals(facts, handler) - declared
        changes = []
        for node in nodes:
            name = _mutated_name(node)
            if name is not None and (name.id not in mutable or name.id in local):
                name = None
            if name is None and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                name = node if node.id in declared and node.id in names else None
            if name is not None:
                changes.append((node, name.id))
        if not changes:
            continue
        lazy = _lazy_nodes(facts, handler)
        reported = set()
        for node, name_id in sorted(changes, key=lambda change: _position(change[0])):
            if id(node) in lazy:
                continue  # a lazy singleton or a memo cache: filled once, shared on purpose
            if name_id not in reported:
                reported.add(name_id)
                yield Found(rules.SHARED_STATE, node)


def _changes(facts: Facts, function: Function, param: str) -> ast.AST | None:
    """Where a function rebinds or mutates its parameter `param`, if it does."""
    for node in sorted(facts.own_nodes(function), key=_position):
        if isinstance(node, ast.Name) and node.id == param and isinstance(node.ctx, ast.Store):
            return node
        name = _mutated_name(node)
        if name is not None and name.id == param:
            return node
    return None


@check(rules.STATE_NOT_RETURNED)
def state_not_returned(facts: Facts) -> Iterator[Found]:
    for listener in facts.listeners:
        if listener.handler is None or listener.method in ("Interface", "ChatInterface"):
            continue
        inputs, outputs = elements(listener.inputs), elements(listener.outputs)
        if inputs is None or outputs is None or isinstance(listener.inputs, ast.Call):
            continue
        params = parameters(listener.handler)
        if len(inputs) > len(params) or any(not isinstance(o, ast.Name) for o in outputs):
            continue  # a dict, set or call of outputs: cannot tell
        returned = {o.id for o in outputs if isinstance(o, ast.Name)}
        for item, param in zip(inputs, params, strict=False):
            if not isinstance(item, ast.Name) or item.id in returned:
                continue
            if facts.constructed_name(facts.component(item)) != "State":
                continue
            if _changes(facts, listener.handler, param) is not None:
                yield Found(rules.STATE_NOT_RETURNED, listener.call)


def _lazy_nodes(facts: Facts, function: Function) -> set[int]:
    """Nodes of a lazy initialisation, which runs once however often the handler runs.

    The body of `if x is None:` / `if not x:` / `if key not in cache:`, and `x = x or make()`.
    """
    lazy: set[int] = set()
    for node in facts.own_nodes(function):
        if isinstance(node, ast.If) and _lazy_test(node.test):
            lazy |= {id(n) for child in node.body for n in ast.walk(child)}
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.BoolOp):
            names = {t.id for t in node.targets if isinstance(t, ast.Name)}
            first = node.value.values[0]
            if (
                isinstance(node.value.op, ast.Or)
                and isinstance(first, ast.Name)
                and first.id in names
            ):
                lazy |= {id(n) for n in ast.walk(node)}
    return lazy


def _guarded_loads(facts: Facts, function: Function) -> set[int]:
    """Loader calls that run once per process: lazily, or kept in a `global` name."""
    nodes = facts.own_nodes(function)
    declared = {n for node in nodes if isinstance(node, ast.Global) for n in node.names}
    guarded = _lazy_nodes(facts, function)
    for node in nodes:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if {t.id for t in targets if isinstance(t, ast.Name)} & declared:
                guarded |= {id(n) for n in ast.walk(node.value)}
    return guarded


def _lazy_test(test: ast.expr) -> bool:
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, right = test.ops[0], test.comparators[0]
        none = isinstance(right, ast.Constant) and right.value is None
        return (isinstance(op, ast.Is) and none) or isinstance(op, ast.NotIn)
    if isinstance(test, ast.BoolOp):
        return any(_lazy_test(v) for v in test.values)
    return False


def _wraps_loaded_model(facts: Facts, call: ast.Call) -> bool:
    """pipeline(task, model=model) with `model` an object loaded at module level: cheap."""
    if not (_dotted(facts, call.func) or "").endswith("pipeline"):
        return False
    model = argument(call, 1, "model")
    if not isinstance(model, ast.Name):
        return False
    values = [v for v in facts.bindings.get(model.id, []) if not isinstance(v, ast.Constant)]
    return bool(values) and all(isinstance(v, ast.Call) for v in values)


@check(rules.MODEL_PER_REQUEST)
def model_in_handler(facts: Facts) -> Iterator[Found]:
    for handler in facts.handlers().values():
        guarded = None
        for node in facts.own_nodes(handler):
            if isinstance(node, ast.Call) and _is_loader(facts, node):
                guarded = _guarded_loads(facts, handler) if guarded is None else guarded
                if id(node) not in guarded and not _wraps_loaded_model(facts, node):
                    yield Found(rules.MODEL_PER_REQUEST, node)


def _flat_list(facts: Facts, function: Function, value: ast.expr | None) -> bool:
    if isinstance(value, ast.ListComp | ast.GeneratorExp):
        return True
    if isinstance(value, ast.List):
        return bool(value.elts) and all(
            isinstance(e, ast.Constant | ast.JoinedStr | ast.BinOp) for e in value.elts
        )
    if isinstance(value, ast.Name):
        bound = [
            node.value
            for node in facts.own_nodes(function)
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == value.id for t in node.targets)
        ]
        return bool(bound) and all(isinstance(b, ast.ListComp) for b in bound)
    return False


@check(rules.FLAT_BATCH_RETURN)
def flat_batch_return(facts: Facts) -> Iterator[Found]:
    for listener in facts.listeners:
        if listener.handler is None or not _is_true(argument(listener.call, 99, "batch")):
            continue
        for node in facts.own_nodes(listener.handler):
            if isinstance(node, ast.Return) and _flat_list(facts, listener.handler, node.value):
                yield Found(rules.FLAT_BATCH_RETURN, node)


def _literal_credentials(node: ast.expr) -> bool:
    if isinstance(node, ast.Tuple):
        return len(node.elts) == 2 and all(_string(e) is not None for e in node.elts)
    if isinstance(node, ast.List):
        return bool(node.elts) and any(_literal_credentials(e) for e in node.elts)
    return False


@check(rules.PLAINTEXT_AUTH)
def plaintext_auth(facts: Facts) -> Iterator[Found]:
    for call in _app_calls(facts, "launch"):
        auth = keyword(call, "auth")
        if auth is not None and _literal_credentials(auth.value):
            yield Found(rules.PLAINTEXT_AUTH, auth)


@check(rules.SHARE_TUNNEL)
def share_tunnel(facts: Facts) -> Iterator[Found]:
    for call in _app_calls(facts, "launch"):
        share = keyword(call, "share")
        if share is not None and _is_true(share.value):
            yield Found(rules.SHARE_TUNNEL, share)


@check(rules.NO_UPLOAD_LIMIT)
def no_upload_limit(facts: Facts) -> Iterator[Found]:
    launches = _app_calls(facts, "launch")
    if not launches:
        return
    if not any("upload" in (k.events if (k := facts.constructed(c)) else ()) for c in facts.calls):
        return
    for call in launches:
        if keyword(call, "max_file_size") is None and not has_star_kwargs(call):
            yield Found(rules.NO_UPLOAD_LIMIT, call)


@check(rules.BIND_ALL)
def bind_all(facts: Facts) -> Iterator[Found]:
    for call in _app_calls(facts, "launch"):
        name = keyword(call, "server_name")
        if name is not None and _string(name.value) == "0.0.0.0":
            yield Found(rules.BIND_ALL, name)


@check(rules.HARD_CODED_ROOT_PATH)
def hard_coded_root_path(facts: Facts) -> Iterator[Found]:
    for call in _app_calls(facts, "launch"):
        root = keyword(call, "root_path")
        if root is not None and _string(root.value):
            yield Found(rules.HARD_CODED_ROOT_PATH, root)


def _param_uses(facts: Facts, function: Function, param: str) -> tuple[bool, bool]:
    """(used as a path, used as bytes) for one parameter of a handler."""
    as_path = as_bytes = False
    for node in facts.own_nodes(function):
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


@check(rules.FILE_TYPE_MISMATCH)
def file_type_mismatch(facts: Facts) -> Iterator[Found]:
    for listener in facts.listeners:
        if listener.handler is None or listener.method == "ChatInterface":
            continue
        inputs = elements(listener.inputs)
        params = parameters(listener.handler)
        if inputs is None or len(inputs) > len(params):
            continue
        for item, param in zip(inputs, params, strict=False):
            component = facts.component(item)
            if component is None or facts.constructed_name(component) not in (
                "File",
                "UploadButton",
            ):
                continue
            kind = argument(component, 99, "type")
            kind_name = "filepath" if kind is None else _string(kind)
            as_path, as_bytes = _param_uses(facts, listener.handler, param)
            if (kind_name == "binary" and as_path) or (kind_name == "filepath" and as_bytes):
                yield Found(rules.FILE_TYPE_MISMATCH, item)


def _slow(facts: Facts, function: Function) -> bool:
    for node in facts.own_nodes(function):
        if isinstance(node, ast.Yield | ast.YieldFrom):
            return True
        if not isinstance(node, ast.Call):
            continue
        if _is_loader(facts, node):
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr in SLOW_METHODS:
            return True
        name = _dotted(facts, node.func) or ""
        if any(name.startswith(f"{m}.") for m in NETWORK_MODULES):
            return True
    return False


@check(rules.EAGER_CACHE)
def eager_cached_examples(facts: Facts) -> Iterator[Found]:
    for node in facts.calls:
        kind = facts.infer(node.func)
        examples = kind is not None and kind.kind == "function" and kind.name.endswith(".Examples")
        if not examples and facts.constructed_name(node) not in ("Interface", "ChatInterface"):
            continue
        cache = keyword(node, "cache_examples")
        if cache is None or not _is_true(cache.value):
            continue
        mode = keyword(node, "cache_mode")
        if mode is not None and _string(mode.value) != "eager":
            continue
        fn = argument(node, 99, "fn") if examples else argument(node, 0, "fn")
        handler = facts.resolve(fn)
        if handler is not None and _slow(facts, handler):
            yield Found(rules.EAGER_CACHE, cache)


def _output_names(facts: Facts, outputs: ast.expr, depth: int = 3) -> set[str]:
    """The names an outputs argument lists, through variables holding lists of components."""
    names = set()
    for node in ast.walk(outputs):
        if isinstance(node, ast.Name):
            names.add(node.id)
            if depth:
                for value in facts.bindings.get(node.id, []):
                    if isinstance(value, ast.List | ast.Tuple | ast.BinOp | ast.Set):
                        names |= _output_names(facts, value, depth - 1)
    return names


def _shown_later(facts: Facts, name: str) -> bool:
    """Whether any event lists the component `name` among its outputs (it can be shown)."""
    return any(
        listener.outputs is not None and name in _output_names(facts, listener.outputs)
        for listener in facts.listeners
    )


def _escapes(facts: Facts, name: str) -> bool:
    """Whether a component is returned, or put in a dict, for code elsewhere to use."""
    for node in ast.walk(facts.tree):
        holder = None
        if isinstance(node, ast.Return):
            holder = node.value
        elif isinstance(node, ast.Dict) or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "dict"
        ):
            holder = node
        if holder is not None and any(
            isinstance(n, ast.Name) and n.id == name for n in ast.walk(holder)
        ):
            return True
    return False


@check(rules.HIDDEN_ENDPOINT)
def hidden_listener(facts: Facts) -> Iterator[Found]:
    for listener in facts.listeners:
        receiver = listener.receiver
        if not isinstance(receiver, ast.Name) or listener.fn is None:
            continue
        if isinstance(listener.fn, ast.Constant) and listener.fn.value is None:
            continue  # fn=None with js=...: Gradio makes such events private
        component = facts.component(receiver)
        if component is None or facts.constructed_name(component) in APPS:
            continue
        visible = keyword(component, "visible")
        if visible is None or not (
            isinstance(visible.value, ast.Constant) and visible.value.value is False
        ):
            continue
        visibility = keyword(listener.call, "api_visibility")
        if visibility is not None and _string(visibility.value) != "public":
            continue
        if has_star_kwargs(listener.call) or _shown_later(facts, receiver.id):
            continue
        if _escapes(facts, receiver.id):
            continue  # returned or stored for other code, which may show it
        yield Found(rules.HIDDEN_ENDPOINT, listener.call)


@check(rules.REPEATED_CLICKS)
def repeated_clicks(facts: Facts) -> Iterator[Found]:
    for listener in facts.listeners:
        if listener.method != "click" or listener.handler is None:
            continue
        mode = keyword(listener.call, "trigger_mode")
        if mode is None or _string(mode.value) != "multiple":
            continue
        if _slow(facts, listener.handler):
            yield Found(rules.REPEATED_CLICKS, mode)


def _pair(node: ast.expr | None) -> bool:
    """A literal (user, bot) pair: a two-item tuple or list whose items are not dicts."""
    return (
        isinstance(node, ast.Tuple | ast.List)
        and len(node.elts) == 2
        and not any(isinstance(e, ast.Dict | ast.Starred) for e in node.elts)
    )


def _pairs(node: ast.expr | None) -> bool:
    """A literal list of pairs: `[[user, bot]]`, `[(message, None)]`."""
    return isinstance(node, ast.List) and bool(node.elts) and all(_pair(e) for e in node.elts)


def _history_of_pairs(node: ast.expr | None) -> bool:
    """A history written in pairs: `[[user, bot], ...]` or `history + [(message, None)]`."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _pairs(node.left) or _pairs(node.right)
    return _pairs(node)


def _grown_in_pairs(node: ast.AST, params: list[str]) -> ast.expr | None:
    """`history + [(message, None)]` or `history += [[message, None]]` on a history parameter."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        history, added, where = node.left, node.right, node
    elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
        history, added, where = node.target, node.value, node.value
    else:
        return None
    named = isinstance(history, ast.Name) and history.id in params
    return where if named and _pairs(added) else None


def _returned_histories(
    facts: Facts, handler: Function, outputs: ast.expr | None
) -> list[ast.expr]:
    """What the handler returns (or yields) into a Chatbot among the listener's outputs."""
    items = elements(outputs)
    if items is None:
        return []
    at = [i for i, item in enumerate(items) if _is_chatbot(facts, item)]
    found: list[ast.expr] = []
    for node in facts.own_nodes(handler):
        if not isinstance(node, ast.Return | ast.Yield) or node.value is None or not at:
            continue
        if len(items) == 1:  # one output: the value itself, not a tuple of one
            found.append(node.value)
        elif isinstance(node.value, ast.Tuple | ast.List) and len(node.value.elts) == len(items):
            found += [node.value.elts[i] for i in at]
    return found


def _is_chatbot(facts: Facts, node: ast.expr) -> bool:
    """Whether a listener's input or output is a gr.Chatbot, as its scope binds the name."""
    klass = facts.klass(node)
    return klass is not None and klass.name == "Chatbot"


@check(rules.TUPLE_HISTORY)
def tuple_history(facts: Facts) -> Iterator[Found]:
    if not facts.uses_gradio:
        return
    for call in facts.calls:
        if facts.constructed_name(call) == "Chatbot":
            value = argument(call, 0, "value")
            if isinstance(value, ast.List) and value.elts and all(_pair(e) for e in value.elts):
                yield Found(rules.TUPLE_HISTORY, value)
    for listener in facts.listeners:
        handler = listener.handler
        if handler is None:
            continue
        if listener.method == "ChatInterface":
            params = parameters(handler)[1:2]  # fn(message, history)
        else:
            inputs, params_all = elements(listener.inputs) or [], parameters(handler)
            params = [
                p for item, p in zip(inputs, params_all, strict=False) if _is_chatbot(facts, item)
            ]
        reported: set[int] = set()
        for node in facts.own_nodes(handler):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "append"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in params
                and node.args
                and _pair(node.args[0])
            ):
                yield Found(rules.TUPLE_HISTORY, node)
            if (grown := _grown_in_pairs(node, params)) is not None:
                reported.add(id(grown))
                yield Found(rules.TUPLE_HISTORY, grown)
        if listener.method not in ("ChatInterface", "Interface"):
            for value in _returned_histories(facts, handler, listener.outputs):
                if id(value) not in reported and _history_of_pairs(value):
                    yield Found(rules.TUPLE_HISTORY, value)
