"""Write gradio_forge/doctor/gradio_api.json: the public API of the installed Gradio, as data.

The doctor checks apps against this file and never imports Gradio itself. Regenerate it after
changing `gradio_version` in copier.yml, in an environment with exactly that Gradio installed:

    pip install gradio==X.Y.Z && python scripts/gradio_api.py

tests/test_doctor_api.py fails while the recorded version differs from copier.yml's pin.
What is recorded, for every class and function reachable from the public namespaces
(`gradio`, `gradio.themes`, `gradio.components`, `gradio.layouts`, `gradio_client`):
its parameters (name, kind, default given or not, the string literals its annotation allows),
its public methods with their signatures and return classes, its other public attributes
(class attributes and every `self.x = ...` of the classes it inherits), the events of
components, and the value each component gives `buttons` when none is passed.
"""

import ast
import inspect
import json
import pkgutil
import re
import sys
import textwrap
import types
import warnings
from pathlib import Path

import gradio
import gradio_client

OUTPUT = Path(__file__).resolve().parent.parent / "gradio_forge" / "doctor" / "gradio_api.json"
NAMESPACES = ["gradio", "gradio.themes", "gradio.components", "gradio.layouts", "gradio_client"]
_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "p",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "pk",
    inspect.Parameter.KEYWORD_ONLY: "k",
}
_LITERAL = re.compile(r"""['"]([A-Za-z0-9_./ -]*)['"]""")


def class_id(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def literals(annotation: object) -> list[str]:
    """The string values a `Literal[...]` annotation (written anywhere inside it) allows."""
    if annotation is inspect.Parameter.empty:
        return []
    text = annotation if isinstance(annotation, str) else repr(annotation)
    if "Literal" not in text:
        return []
    found: list[str] = []
    for part in re.findall(r"Literal\[([^\]]*)\]", text):
        found += [v for v in _LITERAL.findall(part) if v not in found]
    return found


class Recorder:
    def __init__(self) -> None:
        self.signatures: dict[str, dict] = {}
        self.classes: dict[str, dict] = {}
        self.functions: dict[str, dict] = {}
        self.simple_names: dict[str, type] = {}
        self._ids: dict[str, str] = {}

    def signature(self, function: object, *, bound: bool) -> str | None:
        """The id of a signature in the shared table (identical signatures are stored once)."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                signature = inspect.signature(function)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        params = list(signature.parameters.values())
        if bound and params and params[0].kind is not inspect.Parameter.KEYWORD_ONLY:
            params = params[1:]  # self, cls, or the `block` of an event listener
        record: dict = {"params": [], "varargs": False, "varkw": False}
        for param in params:
            if param.kind is inspect.Parameter.VAR_POSITIONAL:
                record["varargs"] = True
            elif param.kind is inspect.Parameter.VAR_KEYWORD:
                record["varkw"] = True
            else:
                entry = [param.name, _KINDS[param.kind], param.default is not param.empty]
                if values := literals(param.annotation):
                    entry.append(values)
                record["params"].append(entry)
        returns = signature.return_annotation
        if returns is not inspect.Signature.empty:
            record["returns"] = (
                returns if isinstance(returns, str) else getattr(returns, "__name__", repr(returns))
            )
        key = json.dumps(record, sort_keys=True)
        if key not in self._ids:
            self._ids[key] = f"s{len(self._ids)}"
            self.signatures[self._ids[key]] = record
        return self._ids[key]

    def klass(self, cls: type) -> str:
        cid = class_id(cls)
        if cid in self.classes:
            return cid
        entry: dict = {"name": cls.__name__, "bases": [class_id(b) for b in cls.__mro__[1:-1]]}
        self.classes[cid] = entry
        self.simple_names.setdefault(cls.__name__, cls)
        init = self.signature(cls.__init__, bound=True) if "__init__" in _defined(cls) else None
        entry["init"] = init or self.signature(cls, bound=False)
        entry["init_forwards"] = _forwarded_kwargs(cls)
        methods: dict[str, str | None] = {}
        attributes: set[str] = set()
        for name in dir(cls):
            if name.startswith("_"):
                continue
            try:
                value = inspect.getattr_static(cls, name)
            except AttributeError:
                continue
            if isinstance(value, staticmethod | classmethod):
                methods[name] = self.signature(getattr(cls, name), bound=False)
            elif inspect.isfunction(value) or inspect.ismethoddescriptor(value):
                methods[name] = self.signature(value, bound=True)
            elif isinstance(value, property):
                attributes.add(name)
            else:
                attributes.add(name)
        attributes |= _instance_attributes(cls)
        entry["methods"] = methods
        entry["attributes"] = sorted(attributes - set(methods))
        events = getattr(cls, "EVENTS", None)
        if isinstance(events, list):
            entry["events"] = sorted(
                e if isinstance(e, str) else getattr(e, "event_name", str(e)) for e in events
            )
        default = _default_buttons(cls)
        if default is not None:
            entry["default_buttons"] = default
        return cid

    def function(self, name: str, function: object) -> None:
        self.functions[name] = {"signature": self.signature(function, bound=False)}


def _defined(cls: type) -> set[str]:
    return {name for klass in cls.__mro__[:-1] for name in vars(klass)}


def _class_sources(cls: type) -> list[ast.ClassDef]:
    trees = []
    for klass in cls.__mro__[:-1]:
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        node = ast.parse(source).body[0]
        if isinstance(node, ast.ClassDef):
            trees.append(node)
    return trees


def _instance_attributes(cls: type) -> set[str]:
    """Every public `self.name = ...` in the methods of the class and its bases."""
    names = set()
    for tree in _class_sources(cls):
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
                and not node.attr.startswith("_")
            ):
                names.add(node.attr)
    return names


def _forwarded_kwargs(cls: type) -> str | None:
    """Where `__init__(**kwargs)` sends its kwargs: the class whose __init__ takes them."""
    if "__init__" not in vars(cls):
        return None
    try:
        source = textwrap.dedent(inspect.getsource(cls.__init__))
    except (OSError, TypeError):
        return None
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not any(k.arg is None for k in node.keywords):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "__init__":
            owner = func.value
            if isinstance(owner, ast.Call) and getattr(owner.func, "id", "") == "super":
                return class_id(cls.__mro__[1])
            if isinstance(owner, ast.Name):
                for base in cls.__mro__[1:]:
                    if base.__name__ == owner.id:
                        return class_id(base)
    return None


def _default_buttons(cls: type) -> list[str] | None:
    """What `buttons` becomes when a component is made without it (None when unknowable)."""
    try:
        if "buttons" not in inspect.signature(cls).parameters:
            return None
    except (TypeError, ValueError):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = cls().buttons  # type: ignore[call-arg]
    except Exception:  # a component that needs arguments
        return None
    return list(value) if isinstance(value, list) else None


def _record_namespace(recorder: Recorder, module: types.ModuleType) -> dict[str, str]:
    names: dict[str, str] = {}
    public = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    for name in sorted(set(public) | {n for n in dir(module) if not n.startswith("_")}):
        try:
            value = getattr(module, name)
        except AttributeError:
            continue
        if isinstance(value, types.ModuleType):
            names[name] = f"module:{value.__name__}"
        elif inspect.isclass(value):
            names[name] = f"class:{recorder.klass(value)}"
        elif callable(value):
            qualified = f"{module.__name__}.{name}"
            recorder.function(qualified, value)
            names[name] = f"function:{qualified}"
        else:
            names[name] = "value"
    return names


def _resolve_returns(recorder: Recorder) -> None:
    """Turn return annotations into class ids where they name one class (`Dependency`...)."""
    for record in recorder.signatures.values():
        returns = record.pop("returns", None)
        if not returns:
            continue
        text = returns.strip("'\"")
        if text in ("Self", "typing.Self"):
            record["returns"] = "self"
        elif (cls := recorder.simple_names.get(text)) is not None:
            record["returns"] = class_id(cls)


def _dump(data: dict) -> str:
    """JSON with one line per class, function, signature or namespace: small, diffs read well."""
    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            items = [
                f"  {json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in value.items()
            ]
            lines.append(f"{json.dumps(key)}: {{\n" + ",\n".join(items) + "\n}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    recorder = Recorder()
    namespaces = {}
    for name in NAMESPACES:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        namespaces[name] = _record_namespace(recorder, module)
    # Classes that calls return (listeners return a Dependency) without a public name.
    from gradio.events import Dependency

    recorder.klass(Dependency)
    # Keep recording until every base class is in (a base's attributes are looked up too).
    pending = True
    while pending:
        pending = False
        for entry in list(recorder.classes.values()):
            for base in entry["bases"]:
                if base not in recorder.classes:
                    module_name, _, qualname = base.rpartition(".")
                    recorder.klass(getattr(sys.modules[module_name], qualname))
                    pending = True
    _resolve_returns(recorder)
    modules = sorted(
        {"gradio"}
        | {m.name for m in pkgutil.walk_packages(gradio.__path__, "gradio.")}
        | {"gradio_client"}
        | {m.name for m in pkgutil.walk_packages(gradio_client.__path__, "gradio_client.")}
    )
    data = {
        "gradio_version": gradio.__version__,
        "gradio_client_version": gradio_client.__version__,
        "generated_by": "scripts/gradio_api.py",
        "modules": modules,
        "namespaces": namespaces,
        "functions": dict(sorted(recorder.functions.items())),
        "classes": dict(sorted(recorder.classes.items())),
        "signatures": recorder.signatures,
    }
    OUTPUT.write_text(_dump(data))
    print(
        f"wrote {OUTPUT.relative_to(Path.cwd()) if OUTPUT.is_relative_to(Path.cwd()) else OUTPUT}:"
        f" gradio {gradio.__version__}, {len(recorder.classes)} classes,"
        f" {len(recorder.functions)} functions, {len(recorder.signatures)} signatures"
    )


if __name__ == "__main__":
    main()
