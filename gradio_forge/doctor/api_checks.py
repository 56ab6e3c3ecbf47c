"""The Gradio 6 API family: every use the pinned Gradio cannot accept, with its fix when known.

Whether a name, keyword or method exists comes from the generated API file; the migration
table (migrations.py) adds what to write instead and how --fix writes it.
"""

import ast
import json
from collections.abc import Iterator
from dataclasses import replace

from . import migrations as m
from . import rules
from .analysis import OTHER, Facts, Kind, has_star_kwargs, keyword
from .api import DEPENDENCY, Klass, Signature
from .checks import _builds_app, check
from .fixes import (
    AddKeyword,
    Fix,
    Found,
    PositionalToKeyword,
    RemoveKeyword,
    RenameKeyword,
    ReplaceExpression,
    Span,
    Unwrap,
)

_KEYWORDS: dict[tuple[str, str], m.KeywordChange] = {
    (owner, change.name): change for change in m.KEYWORDS for owner in change.owners
}
_VALUES: dict[tuple[str, str], list[m.ValueChange]] = {}
for _change in m.VALUES:
    for _owner in _change.owners:
        _VALUES.setdefault((_owner, _change.name), []).append(_change)
_NAMES = {change.name: change for change in m.NAMES}
_BY_NAME: dict[str, list[m.KeywordChange]] = {}
for _change in m.KEYWORDS:
    _BY_NAME.setdefault(_change.name, []).append(_change)
_UPDATE = "gradio.update"
_FAMILY = (
    rules.API_NAME,
    rules.API_KEYWORD,
    rules.API_MEMBER,
    rules.API_ARGUMENTS,
    rules.API_VALUE,
    rules.CONCURRENCY_COUNT,
    rules.ENABLE_QUEUE,
    rules.EVERY,
    rules.SHOW_API,
    rules.CHAT_TYPE,
    rules.APP_SETTINGS_IN_CONSTRUCTOR,
    rules.CLIENT_TOKEN,
)


class _Context:
    """One module's API check: the facts, and the nodes already reported."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.api = facts.api
        self.version = self.api.version
        self.handled: set[int] = set()

    def source(self, node: ast.AST) -> str | None:
        return self.facts.segment(node)

    def alias(self) -> str | None:
        """A name bound to the gradio module, for code that --fix writes (`gr.update`)."""
        names = sorted(self.facts.gradio)
        return "gr" if "gr" in names else (names[0] if names else None)


@check(*_FAMILY)
def api_uses(facts: Facts) -> Iterator[Found]:
    if not (facts.uses_gradio or facts.uses_client):
        return
    context = _Context(facts)
    yield from _imports(context)
    for call in facts.calls:
        yield from _call(context, call)
    for node in facts.attributes:
        if id(node) in context.handled or not isinstance(node.ctx, ast.Load):
            continue
        kind = facts.infer(node)
        if kind is not None and kind.kind == "missing" and kind.owner is None:
            yield _missing_name(context, node, kind)
        elif (
            kind is not None
            and kind.kind == "missing"
            and kind.owner.kind == "class"
            and not kind.member.startswith("_")
        ):
            yield Found(rules.API_MEMBER, node, _member_message(context, kind))


def _imports(context: _Context) -> Iterator[Found]:
    api = context.api
    for node in context.facts.imports:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _gradio_module(alias.name) and alias.name not in api.modules:
                    yield Found(rules.API_NAME, alias, _module_message(context, alias.name))
        elif node.module and not node.level and _gradio_module(node.module):
            if node.module not in api.modules:
                yield Found(rules.API_NAME, node, _module_message(context, node.module))
                continue
            if not api.checked_namespace(node.module):
                continue
            for alias in node.names:
                if alias.name != "*" and api.lookup(node.module, alias.name) is None:
                    change = _NAMES.get(alias.name)
                    advice = f": use {change.advice}" if change else ""
                    yield Found(
                        rules.API_NAME,
                        alias,
                        f"`{alias.name}` is not in {node.module} {context.version}{advice}",
                    )


def _gradio_module(name: str) -> bool:
    return name.split(".")[0] in ("gradio", "gradio_client")


def _module_message(context: _Context, module: str) -> str:
    change = _NAMES.get(module.split(".")[1]) if "." in module else None
    advice = f" (removed in {change.removed_in}): use {change.advice}" if change else ""
    return f"module {module} is not in Gradio {context.version}{advice}"


def _missing_name(context: _Context, node: ast.Attribute, kind: Kind) -> Found:
    change = _NAMES.get(kind.member)
    where = "gr" if kind.name == "gradio" else kind.name
    message = f"{where}.{kind.member} is not in Gradio {context.version}"
    if change is None:
        return Found(rules.API_NAME, node, message)
    message += f" (removed in {change.removed_in}): use {change.advice}"
    fix = None
    if change.to is not None and (base := context.source(node.value)) is not None:
        fix = Fix(
            True,
            f"{where}.{kind.member} -> {where}.{change.to}",
            (ReplaceExpression(Span.of(node), f"{base}.{change.to}"),),
        )
    return Found(rules.API_NAME, node, message, fix)


def _member_message(context: _Context, kind: Kind) -> str:
    klass = context.api.classes[kind.name]
    advice = ""
    if kind.member == m.STYLE_METHOD:
        advice = " (removed in 4.0): pass these arguments to the constructor"
    elif kind.member == m.UPDATE_METHOD:
        advice = " (removed in 4.0): return gr.update(...) or a new component"
    return f"{klass.name}.{kind.member} is not in Gradio {context.version}{advice}"


def _call(context: _Context, call: ast.Call) -> Iterator[Found]:
    facts = context.facts
    func = call.func
    old = _old_component(context, call)
    if old is not None:
        yield old
        return
    kind = facts.infer(func)
    if kind is None or kind is OTHER or kind.kind == "pending":
        yield from _unknown_receiver(context, call)
        return
    if kind.kind == "missing":
        context.handled.add(id(func))
        if kind.member.startswith("_") or (
            kind.owner is not None and kind.owner.member == "returned"
        ):
            return  # private names are not recorded; a returned base class may have more
        if kind.owner is not None and context.api.constructor_keywords(kind.owner.name) is None:
            return  # a class that takes any keyword (gr.HTML) makes members at run time
        if kind.owner is None:
            yield _missing_name(context, func, kind)  # type: ignore[arg-type]
            return
        yield _missing_member(context, call, kind)
        if kind.member == m.UPDATE_METHOD and kind.owner.kind == "class":
            yield from _class_update_keywords(context, call, kind.owner.name)
        return
    if kind.kind == "class":
        klass = context.api.classes.get(kind.name)
        if klass is not None and klass.init is not None:
            owners = _owners(klass)
            accepted = context.api.constructor_keywords(klass.cid)
            yield from _arguments(context, call, klass.init, owners, accepted, klass)
    elif kind.kind == "function":
        signature = context.api.functions.get(kind.name)
        if signature is not None:
            name = kind.name.rsplit(".", 1)[1]
            accepted = None if signature.varkw else signature.names
            owners = (
                (name, "Examples") if kind.name == "gradio.helpers.create_examples" else (name,)
            )
            yield from _arguments(
                context, call, signature, owners, accepted, None, where=f"gr.{name}"
            )
            if kind.name == _UPDATE:
                yield from _update_keywords(context, call)
    elif kind.kind == "method" and kind.owner is not None:
        yield from _method(context, call, kind)


def _class_update_keywords(context: _Context, call: ast.Call, cid: str) -> Iterator[Found]:
    """gr.X.update(...) keywords: the gr.update(...) it becomes sets them in X's constructor."""
    klass = context.api.classes.get(cid)
    if klass is None or klass.init is None:
        return
    accepted = context.api.constructor_keywords(cid)
    for found in _arguments(
        context, call, klass.init, _owners(klass), accepted, klass, check_positional=False
    ):
        node = found.node
        if found.fix and isinstance(node, ast.keyword) and node.arg in m.BUTTON_OWNERS:
            # An update's buttons= replaces the component's whole list, where show_x_button=
            # changed one button: only with --unsafe-fixes.
            found = replace(found, fix=replace(found.fix, safe=False))
        yield found


def _update_keywords(context: _Context, call: ast.Call) -> Iterator[Found]:
    """gr.update(...) keywords that Gradio's components lost and none of them takes now.

    Gradio applies an update by constructing the output's class again with the update's
    keywords: one that no class takes raises TypeError when the handler returns it. Only the
    keywords the migration table knows are reported: any other may be a property of gr.HTML
    or of a custom component, which take keywords the API file cannot list.
    """
    targets = context.api.update_targets
    for kw in call.keywords:
        if kw.arg in context.api.update_keywords:
            continue
        changes = [c for c in _BY_NAME.get(kw.arg or "", []) if any(o in targets for o in c.owners)]
        if not changes:
            continue
        owners = dict.fromkeys(o for c in changes for o in c.owners if o in targets)
        versions = dict.fromkeys(c.removed_in for c in changes)
        message = (
            f"`{kw.arg}=` is a keyword of no component in Gradio {context.version}: applying"
            f" this gr.update(...) raises TypeError (removed from {', '.join(owners)} in"
            f" {'/'.join(versions)})"
        )
        if len({c.advice for c in changes}) == 1:
            message += f": {changes[0].advice}"
        same = all(c.fix == changes[0].fix for c in changes)
        fix = _keyword_fix(context, call, kw, changes[0], None) if same else None
        yield Found(rules.API_KEYWORD, kw, message, fix)


def _owners(klass: Klass, method: str | None = None) -> tuple[str, ...]:
    if method is None:
        return klass.lineage
    owners = [f"{name}.{method}" for name in klass.lineage]
    dependency = klass.cid == DEPENDENCY and method in ("then", "success", "failure")
    blocks_load = method == "load" and klass.is_a("Blocks")  # Blocks.load is an event listener
    if method in klass.events or dependency or blocks_load:
        owners.append(m.EVENT)
    return tuple(owners)


def _method(context: _Context, call: ast.Call, kind: Kind) -> Iterator[Found]:
    owner = kind.owner
    assert owner is not None
    klass = context.api.classes[owner.name]
    if owner.kind == "class":
        if kind.member == m.LOAD_METHOD and klass.is_a("Blocks"):
            yield _class_load(context, call, klass)
        return  # other class-level calls (Textbox.preprocess...) take `self` first
    signature = context.api.method(klass.cid, kind.member)
    if signature is None:
        return
    accepted = None if signature.varkw else signature.keywords
    yield from _arguments(context, call, signature, _owners(klass, kind.member), accepted, klass)


def _unknown_receiver(context: _Context, call: ast.Call) -> Iterator[Found]:
    """launch(), queue(), listeners and .style() on objects of unknown origin."""
    facts = context.facts
    func = call.func
    if not isinstance(func, ast.Attribute) or not facts.uses_gradio:
        return
    receiver = facts.infer(func.value)
    if receiver is OTHER or (receiver is not None and receiver.kind not in ("pending", "instance")):
        return
    method = func.attr
    if method == m.STYLE_METHOD:
        yield Found(
            rules.API_MEMBER,
            call,
            f".style() is not in Gradio {context.version} (removed in 4.0):"
            " pass these arguments to the component's constructor",
        )
        return
    blocks = context.api.classes["gradio.blocks.Blocks"]
    if method in ("launch", "queue"):
        signature = context.api.method(blocks.cid, method)
        assert signature is not None
        generic = _builds_app(facts)
        accepted = signature.names if generic else None
        yield from _arguments(
            context,
            call,
            signature,
            (f"Blocks.{method}",),
            accepted,
            blocks,
            check_positional=generic,
        )
    elif method in context.api.events:
        signature = context.api.event_signature
        assert signature is not None
        yield from _arguments(
            context, call, signature, (m.EVENT,), None, None, check_positional=False
        )


def _arguments(
    context: _Context,
    call: ast.Call,
    signature: Signature,
    owners: tuple[str, ...],
    accepted: frozenset[str] | None,
    klass: Klass | None,
    *,
    check_positional: bool = True,
    where: str | None = None,
) -> Iterator[Found]:
    """The keywords, values and positional arguments of one call, against one signature."""
    where = where or owners[0].replace("<event>", "event listeners")
    for kw in call.keywords:
        if kw.arg is None:
            continue
        if accepted is not None and kw.arg in accepted:
            yield from _values(context, call, kw, owners, klass)
            continue
        change = next((c for o in owners if (c := _KEYWORDS.get((o, kw.arg)))), None)
        if change is not None:
            message = (
                f"`{kw.arg}=` moved from {where} to launch() in Gradio {change.removed_in}"
                if isinstance(change.fix, m.MoveToLaunch)
                else f"`{kw.arg}=` was removed from {where} in Gradio {change.removed_in}:"
                f" {change.advice}"
            )
            yield Found(change.code, kw, message, _keyword_fix(context, call, kw, change, klass))
        elif accepted is not None:
            yield Found(
                rules.API_KEYWORD,
                kw,
                f"`{kw.arg}=` is not a keyword of {where} in Gradio {context.version}",
            )
    if (
        not check_positional
        or has_star_kwargs(call)
        or any(isinstance(a, ast.Starred) for a in call.args)
    ):
        return
    positional = signature.positional
    if not signature.varargs and len(call.args) > len(positional):
        yield Found(
            rules.API_ARGUMENTS,
            call.args[len(positional)],
            f"{where} takes at most {len(positional)} positional arguments in Gradio"
            f" {context.version} (this is argument {len(positional) + 1}): pass it by keyword",
        )
        return
    given = {p.name for p in positional[: len(call.args)]}
    for kw in call.keywords:
        if kw.arg in given:
            yield Found(
                rules.API_ARGUMENTS, kw, f"`{kw.arg}` is given twice (by position and by keyword)"
            )
    present = given | {kw.arg for kw in call.keywords}
    missing = [name for name in signature.required if name not in present]
    if missing:
        yield Found(
            rules.API_ARGUMENTS,
            call,
            f"{where} needs {', '.join(missing)} in Gradio {context.version}",
        )


def _values(
    context: _Context, call: ast.Call, kw: ast.keyword, owners: tuple[str, ...], klass: Klass | None
) -> Iterator[Found]:
    value = kw.value
    if not isinstance(value, ast.Constant):
        if kw.arg == "sources" and klass is not None:
            yield from _sources(context, kw, klass)
        return
    for owner in owners:
        for change in _VALUES.get((owner, kw.arg or ""), []):
            if type(change.value) is type(value.value) and change.value == value.value:
                message = (
                    f"`{kw.arg}={value.value!r}` is no longer accepted (Gradio"
                    f" {change.removed_in}): {change.advice}"
                )
                yield Found(rules.API_VALUE, kw, message, _value_fix(call, kw, change))
                return
    if kw.arg == "sources" and klass is not None:
        yield from _sources(context, kw, klass)


def _sources(context: _Context, kw: ast.keyword, klass: Klass) -> Iterator[Found]:
    param = klass.init.param("sources") if klass.init else None
    if param is None or not param.literals:
        return
    items = kw.value.elts if isinstance(kw.value, ast.List | ast.Tuple) else [kw.value]
    for item in items:
        if (
            isinstance(item, ast.Constant)
            and isinstance(item.value, str)
            and item.value not in param.literals
        ):
            yield Found(
                rules.API_VALUE,
                item,
                f"{klass.name} sources are {', '.join(param.literals)} in Gradio {context.version}"
                f" ({item.value!r} is not one)",
            )


def _value_fix(call: ast.Call, kw: ast.keyword, change: m.ValueChange) -> Fix | None:
    if change.replacement is None:
        return None
    callee = Span.callee(call)
    (first, code), *others = change.replacement
    edits: list = [RenameKeyword(callee, kw.arg or "", first, code)]
    present = {k.arg for k in call.keywords}
    if first != kw.arg and first in present:
        return None
    edits += [AddKeyword(callee, name, value) for name, value in others if name not in present]
    return Fix(True, f"{kw.arg}= -> {change.advice}", tuple(edits))


_NOT_LITERAL = object()


def _literal(node: ast.expr) -> object:
    return node.value if isinstance(node, ast.Constant) else _NOT_LITERAL


def python_literal(value: object) -> str:
    """Python code for a literal, with double quotes as ruff format writes them."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(python_literal(v) for v in value) + "]"
    return repr(value)


def _keyword_fix(
    context: _Context, call: ast.Call, kw: ast.keyword, change: m.KeywordChange, klass: Klass | None
) -> Fix | None:
    recipe = change.fix
    callee = Span.callee(call)
    name = kw.arg or ""
    present = {k.arg for k in call.keywords}
    value = _literal(kw.value)
    source = context.source(kw.value)
    if recipe is None or source is None:
        return None
    if isinstance(recipe, m.Drop):
        safe = recipe.safe_for == m.ANY or (
            value is not _NOT_LITERAL
            and any(value == v and type(value) is type(v) for v in recipe.safe_for)
        )
        return Fix(safe, f"remove {name}=", (RemoveKeyword(callee, name),))
    if isinstance(recipe, m.ToTimer):
        return _to_timer(context, call, kw)
    if isinstance(recipe, m.Rename):
        if recipe.to in present or _positional(call, klass, recipe.to):
            return None
        code = source
        if recipe.values and value is not _NOT_LITERAL:
            mapped = next(
                (v for k, v in recipe.values.items() if k == value and type(k) is type(value)),
                value,
            )
            code = python_literal(mapped) if mapped != value else source
        if recipe.as_list and not isinstance(kw.value, ast.List | ast.Tuple):
            if isinstance(value, str) and klass is not None and klass.init is not None:
                param = klass.init.param(recipe.to)
                if param is not None and param.literals and value not in param.literals:
                    return None  # e.g. Image(source="canvas"): no Image source does that now
            code = f"[{source}]"
        return Fix(
            True, f"{name}= -> {recipe.to}=", (RenameKeyword(callee, name, recipe.to, code),)
        )
    if isinstance(recipe, m.ToButtons):
        return _buttons_fix(call, klass)
    if isinstance(recipe, m.MoveToLaunch):
        return _move_to_launch(context, call, kw)
    if isinstance(recipe, m.OnFalse):
        if value is False and recipe.to not in present:
            return Fix(
                True,
                f"{name}=False -> {recipe.to}={recipe.code}",
                (RenameKeyword(callee, name, recipe.to, recipe.code),),
            )
        return (
            Fix(True, f"remove {name}=True", (RemoveKeyword(callee, name),))
            if value is True
            else None
        )
    if isinstance(recipe, m.Wrap):
        alias = context.alias()
        if alias is None or recipe.keyword in present:
            return None
        code = f"{alias}.{recipe.klass}({recipe.field}={source})"
        return Fix(
            True,
            f"{name}= -> {recipe.keyword}=",
            (RenameKeyword(callee, name, recipe.keyword, code),),
        )
    return None


def _positional(call: ast.Call, klass: Klass | None, name: str) -> bool:
    """Whether a positional argument of the call already fills the constructor's `name`."""
    if klass is None or klass.init is None:
        return False
    names = [p.name for p in klass.init.positional]
    return name in names and names.index(name) < len(call.args)


def _to_timer(context: _Context, call: ast.Call, kw: ast.keyword) -> Fix | None:
    """demo.load(fn, ..., every=N) inside `with gr.Blocks() as demo:` -> gr.Timer(N).tick(...)."""
    func = call.func
    alias = context.alias()
    source = context.source(kw.value)
    if not isinstance(func, ast.Attribute) or func.attr != "load" or alias is None or not source:
        return None
    if not isinstance(func.value, ast.Name) or not context.facts.inside_blocks(call, func.value.id):
        return None  # a Timer must be created inside the Blocks it belongs to
    return Fix(
        False,
        "demo.load(..., every=N) -> gr.Timer(N).tick(...)",
        (
            ReplaceExpression(Span.of(func), f"{alias}.Timer({source}).tick"),
            RemoveKeyword(Span.callee(call), kw.arg or ""),
        ),
    )


def _buttons_fix(call: ast.Call, klass: Klass | None) -> Fix | None:
    """Every show_<x>_button of the call folded into one `buttons=[...]` (one fix for all)."""
    if klass is None or klass.init is None or keyword(call, "buttons") is not None:
        return None
    param = klass.init.param("buttons")
    if param is None:
        return None
    wanted: dict[str, bool] = {}
    names = []
    for kw in call.keywords:
        entry = m.BUTTON_OWNERS.get(kw.arg or "")
        if entry is None or not any(klass.is_a(owner) for owner in entry[0]):
            continue
        if not isinstance(kw.value, ast.Constant) or not isinstance(
            kw.value.value, bool | type(None)
        ):
            return None
        button = entry[1]
        if kw.value.value and button not in param.literals:
            return None
        names.append(kw.arg or "")
        wanted[button] = bool(kw.value.value)
    default = klass.default_buttons
    start = list(default) if default is not None else []
    buttons = [
        b for b in param.literals if (b in start and wanted.get(b, True)) or wanted.get(b, False)
    ]
    callee = Span.callee(call)
    edits: list = [RemoveKeyword(callee, name) for name in names]
    if default is None or buttons != [b for b in param.literals if b in start]:
        # The first show_*_button becomes buttons= in place (its comment stays with it).
        edits[0] = RenameKeyword(callee, names[0], "buttons", python_literal(buttons))
    return Fix(default is not None, f"{', '.join(names)} -> buttons=", tuple(edits))


def _move_to_launch(context: _Context, call: ast.Call, kw: ast.keyword) -> Fix | None:
    """theme=/css=/... from the app's constructor to its one launch() call in the same scope."""
    facts = context.facts
    launch = _launch_of(facts, call)
    if launch is None or keyword(launch, kw.arg or "") is not None:
        return None
    if facts.scope_of.get(id(launch)) is not facts.scope_of.get(id(call)):
        return None
    if not _movable(facts, kw.value, call):
        return None
    source = context.source(kw.value)
    if source is None:
        return None
    return Fix(
        True,
        f"move {kw.arg}= to launch()",
        (
            RemoveKeyword(Span.callee(call), kw.arg or ""),
            AddKeyword(Span.callee(launch), kw.arg or "", source),
        ),
    )


def _launch_of(facts: Facts, constructor: ast.Call) -> ast.Call | None:
    """The launch() call of the app that `constructor` builds, when there is exactly one."""
    names = {n for n, values in facts.bindings.items() if any(v is constructor for v in values)}
    found = []
    for launch in facts.method_calls.get("launch", []):
        receiver = launch.func.value  # type: ignore[attr-defined]
        while isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute):
            if receiver is constructor:
                break
            receiver = receiver.func.value
        if receiver is constructor or (isinstance(receiver, ast.Name) and receiver.id in names):
            found.append(launch)
    if len(found) != 1 or any(len(facts.bindings.get(n, [])) != 1 for n in names):
        return None
    return found[0]


def _movable(facts: Facts, value: ast.expr, constructor: ast.Call) -> bool:
    """Whether the value means the same at the launch() call: literals, and names bound once."""
    for node in ast.walk(value):
        if isinstance(node, ast.Name):
            bound = facts.bindings.get(node.id, [])
            if len(bound) > 1 or (node.id in facts.functions and len(facts.functions[node.id]) > 1):
                return False
        elif isinstance(node, ast.Lambda | ast.NamedExpr | ast.comprehension):
            return False
    return True


def _missing_member(context: _Context, call: ast.Call, kind: Kind) -> Found:
    message = _member_message(context, kind)
    owner = kind.owner
    assert owner is not None
    fix = None
    func = call.func
    assert isinstance(func, ast.Attribute)
    if kind.member == m.STYLE_METHOD and owner.kind == "instance":
        fix = _fold_style(context, call)
    elif kind.member == m.UPDATE_METHOD and owner.kind == "class":
        fix = _to_update(context, call, context.api.classes[owner.name])
    return Found(rules.API_MEMBER, call, message, fix)


def _fold_style(context: _Context, call: ast.Call) -> Fix | None:
    """gr.X(...).style(a=..) -> gr.X(..., a=..) where X takes each argument (or a renamed one)."""
    func = call.func
    assert isinstance(func, ast.Attribute)
    receiver = func.value
    klass = context.facts.constructed(receiver)
    if klass is None or not isinstance(receiver, ast.Call) or call.args or has_star_kwargs(call):
        return None
    accepted = context.api.constructor_keywords(klass.cid) or frozenset()
    present = {k.arg for k in receiver.keywords}
    callee = Span.callee(receiver)
    edits: list = []
    safe = True
    for kw in call.keywords:
        name = m.STYLE_RENAMES.get(kw.arg or "", kw.arg or "")
        known = any(_KEYWORDS.get((o, name)) for o in _owners(klass))
        source = context.source(kw.value)
        if source is None:
            return None
        if (name in accepted or known) and name not in present:
            edits.append(AddKeyword(callee, name, source))
            present.add(name)
        else:
            safe = False  # no constructor keyword does this any more: dropped
    edits.append(Unwrap(Span.callee(call)))
    return Fix(safe, "fold .style(...) into the constructor", tuple(edits))


def _to_update(context: _Context, call: ast.Call, klass: Klass) -> Fix | None:
    func = call.func
    assert isinstance(func, ast.Attribute)
    base = func.value
    module = base.value if isinstance(base, ast.Attribute) else None
    if module is not None and context.facts.infer(module) == Kind("module", "gradio"):
        prefix = context.source(module)
    else:
        prefix = context.alias()
    if prefix is None or any(isinstance(a, ast.Starred) for a in call.args) or len(call.args) > 1:
        return None
    edits: list = [ReplaceExpression(Span.of(func), f"{prefix}.update")]
    if call.args:
        first = klass.init.positional[0].name if klass.init and klass.init.positional else None
        if first != "value":
            return None
        edits.append(PositionalToKeyword(Span.callee(call), ("value",)))
    return Fix(True, f"{klass.name}.update(...) -> {prefix}.update(...)", tuple(edits))


def _class_load(context: _Context, call: ast.Call, klass: Klass) -> Found:
    func = call.func
    assert isinstance(func, ast.Attribute)
    base = func.value
    module = base.value if isinstance(base, ast.Attribute) else None
    prefix = context.source(module) if module is not None else context.alias()
    message = (
        f"{klass.name}.load(...) as a class method is not in Gradio {context.version}"
        " (removed in 4.0): use gr.load(...)"
    )
    fix = None
    if prefix is not None:
        edits: list = [ReplaceExpression(Span.of(func), f"{prefix}.load")]
        if keyword(call, "api_key") is not None and keyword(call, "token") is None:
            edits.append(RenameKeyword(Span.callee(call), "api_key", "token"))
        fix = Fix(True, f"{klass.name}.load -> {prefix}.load", tuple(edits))
    return Found(rules.API_MEMBER, call, message, fix)


def _old_component(context: _Context, call: ast.Call) -> Found | None:
    """gr.inputs.X(...) / gr.outputs.X(...): Gradio 3's input and output classes."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)):
        return None
    namespace = func.value
    table = m.OLD_MODULES.get(namespace.attr)
    if table is None or context.facts.infer(namespace.value) != Kind("module", "gradio"):
        return None
    context.handled |= {id(func), id(namespace)}
    prefix = context.source(namespace.value) or "gr"
    old = table.get(func.attr)
    dotted = f"{prefix}.{namespace.attr}.{func.attr}"
    if old is None:
        return Found(
            rules.API_NAME, func, f"{dotted} is not in Gradio {context.version} (removed in 4.0)"
        )
    message = (
        f"{dotted} is not in Gradio {context.version} (removed in 4.0): use {prefix}.{old.to}(...)"
    )
    if any(isinstance(a, ast.Starred) for a in call.args) or len(call.args) > len(old.positional):
        return Found(rules.API_NAME, func, message)
    callee = Span.callee(call)
    edits: list = [ReplaceExpression(callee, f"{prefix}.{old.to}")]
    given = [*old.positional[: len(call.args)], *(k.arg for k in call.keywords if k.arg)]
    if call.args:
        edits.append(PositionalToKeyword(callee, old.positional[: len(call.args)]))
    for name in given:
        if name in old.dropped:
            edits.append(RemoveKeyword(callee, name))
        elif name in old.renames and old.renames[name] not in given:
            edits.append(RenameKeyword(callee, name, old.renames[name]))
    fix = Fix(True, f"{dotted} -> {prefix}.{old.to}", tuple(edits))
    return Found(rules.API_NAME, func, message, fix)
