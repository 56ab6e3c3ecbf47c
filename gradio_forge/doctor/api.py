"""Gradio's public API as recorded in gradio_api.json (written by scripts/gradio_api.py).

Loaded once per process, and only when a file that uses Gradio is checked: the doctor never
imports Gradio.
"""

import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

DATA = Path(__file__).with_name("gradio_api.json")
DEPENDENCY = "gradio.events.Dependency"


@dataclass(frozen=True)
class Param:
    name: str
    positional: bool  # can be passed by position
    keyword: bool  # can be passed by keyword
    required: bool
    literals: tuple[str, ...]  # the strings a Literal[...] annotation allows, if any


@dataclass(frozen=True)
class Signature:
    params: tuple[Param, ...]
    varargs: bool
    varkw: bool
    returns: str | None  # a class id, "self", or None when not a known class

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name and p.keyword), None)

    # Asked for at each call the doctor checks: computed once per signature.
    @cached_property
    def positional(self) -> list[Param]:
        return [p for p in self.params if p.positional]

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.params)

    @cached_property
    def keywords(self) -> frozenset[str]:
        return frozenset(p.name for p in self.params if p.keyword)

    @cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params if p.required)


@dataclass(frozen=True)
class Klass:
    cid: str
    name: str
    bases: tuple[str, ...]
    init: Signature | None
    forwards: str | None  # the class whose __init__ receives this one's **kwargs
    methods: dict[str, Signature | None]
    attributes: frozenset[str]
    events: frozenset[str]
    default_buttons: tuple[str, ...] | None

    @cached_property
    def lineage(self) -> tuple[str, ...]:
        """The class's name and its bases' names (without their modules)."""
        return (self.name, *(b.rsplit(".", 1)[1] for b in self.bases))

    def is_a(self, name: str) -> bool:
        return name in self.lineage


class Api:
    def __init__(self, data: dict) -> None:
        self.version: str = data["gradio_version"]
        self.client_version: str = data["gradio_client_version"]
        self.modules: frozenset[str] = frozenset(data["modules"])
        self.namespaces: dict[str, dict[str, str]] = data["namespaces"]
        signatures = {key: _signature(value) for key, value in data["signatures"].items()}
        self.functions = {
            name: signatures.get(value["signature"] or "")
            for name, value in data["functions"].items()
        }
        self.classes = {
            cid: _klass(cid, value, signatures) for cid, value in data["classes"].items()
        }
        click = self.classes["gradio.components.button.Button"].methods["click"]
        self.event_signature: Signature | None = click
        self.events = frozenset(e for k in self.classes.values() for e in k.events) | {
            "then",
            "success",
            "failure",
            "load",
        }
        self._constructor_keywords: dict[str, frozenset[str] | None] = {}

    def lookup(self, namespace: str, name: str) -> str | None:
        """What `namespace.name` is: "class:<id>", "function:<name>", "module:<name>", "value"."""
        names = self.namespaces.get(namespace)
        if names is not None and name in names:
            return names[name]
        if f"{namespace}.{name}" in self.modules:
            return f"module:{namespace}.{name}"
        return None

    def checked_namespace(self, namespace: str) -> bool:
        """Whether every public name of this module is recorded (else a miss proves nothing)."""
        return namespace in self.namespaces

    def method(self, cid: str, name: str) -> Signature | None:
        klass = self.classes.get(cid)
        if klass is None:
            return None
        if cid == DEPENDENCY and name in ("then", "success", "failure"):
            return self.event_signature
        return klass.methods.get(name)

    def constructor_keywords(self, cid: str) -> frozenset[str] | None:
        """Every keyword the constructor accepts, following **kwargs; None when open-ended."""
        if cid not in self._constructor_keywords:
            self._constructor_keywords[cid] = self._keywords_through(cid)
        return self._constructor_keywords[cid]

    @cached_property
    def update_targets(self) -> frozenset[str]:
        """The classes a gr.update(...) can change: components and layouts, not apps."""
        return frozenset(
            klass.name
            for klass in self.classes.values()
            if klass.is_a("Block") and not klass.is_a("Blocks")
        )

    @cached_property
    def update_keywords(self) -> frozenset[str]:
        """Every keyword some update target's constructor takes: what a gr.update(...) can set.

        Gradio applies an update by constructing the output's class again with it (gr.HTML,
        which takes any keyword, adds none here).
        """
        names: set[str] = set()
        for klass in self.classes.values():
            if klass.name in self.update_targets:
                names |= self.constructor_keywords(klass.cid) or set()
        return frozenset(names)

    def _keywords_through(self, cid: str) -> frozenset[str] | None:
        names: set[str] = set()
        seen = set()
        current: str | None = cid
        while current is not None and current not in seen:
            seen.add(current)
            klass = self.classes.get(current)
            if klass is None or klass.init is None:
                return None
            names |= {p.name for p in klass.init.params if p.keyword}
            if not klass.init.varkw:
                return frozenset(names)
            current = klass.forwards
        return None


def _signature(data: dict) -> Signature:
    params = []
    for entry in data["params"]:
        name, kind, has_default = entry[:3]
        params.append(
            Param(
                name,
                positional=kind in ("p", "pk"),
                keyword=kind in ("pk", "k"),
                required=not has_default,
                literals=tuple(entry[3]) if len(entry) > 3 else (),
            )
        )
    return Signature(tuple(params), data["varargs"], data["varkw"], data.get("returns"))


def _klass(cid: str, data: dict, signatures: dict[str, Signature]) -> Klass:
    buttons = data.get("default_buttons")
    return Klass(
        cid,
        data["name"],
        tuple(data["bases"]),
        signatures.get(data["init"] or ""),
        data.get("init_forwards"),
        {name: signatures.get(sig or "") for name, sig in data["methods"].items()},
        frozenset(data["attributes"]),
        frozenset(data.get("events", [])),
        tuple(buttons) if buttons is not None else None,
    )


@cache
def load() -> Api:
    return Api(json.loads(DATA.read_text(encoding="utf-8")))
