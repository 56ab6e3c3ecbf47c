"""Write the doctor's rule table and fix list into README.md, from rules.py and migrations.py.

    python scripts/doctor_docs.py          # rewrite the generated blocks of README.md
    python scripts/doctor_docs.py --check  # exit 1 when README.md is out of date

tests/test_doctor.py runs the check, so the README cannot drift from the rules.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generated_sections import write_or_check

from gradio_forge.doctor import migrations
from gradio_forge.doctor.rules import RULES

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"(<!-- (doctor-[a-z]+):start -->\n).*?(<!-- \2:end -->)", re.S)


def rules_table() -> str:
    lines = ["| Code | Finds |", "| --- | --- |"]
    lines += [f"| {rule.code} | {rule.message} |" for rule in RULES.values()]
    return "\n".join(lines) + "\n"


def _recipe(change: migrations.KeywordChange) -> tuple[str, str]:
    fix = change.fix
    if isinstance(fix, migrations.Rename):
        new = f"{fix.to}=[...]" if fix.as_list else f"{fix.to}="
        return new, "safe"
    if isinstance(fix, migrations.Drop):
        safe = fix.safe_for == migrations.ANY
        when = (
            "" if safe or not fix.safe_for else f" (safe for {', '.join(map(repr, fix.safe_for))})"
        )
        return f"removed{when}", "safe" if safe else "unsafe" if not fix.safe_for else "safe/unsafe"
    if isinstance(fix, migrations.ToButtons):
        return f'buttons=["{fix.button}", ...]', "safe where the default buttons are known"
    if isinstance(fix, migrations.MoveToLaunch):
        return "moved to the app's launch()", "safe"
    if isinstance(fix, migrations.OnFalse):
        return f"{fix.to}={fix.code} for False, removed for True", "safe"
    if isinstance(fix, migrations.Wrap):
        return f"{fix.keyword}=gr.{fix.klass}({fix.field}=...)", "safe"
    if isinstance(fix, migrations.ToTimer):
        return "`demo.load(...)` inside its Blocks becomes `gr.Timer(N).tick(...)`", "unsafe"
    return "not fixed: " + change.advice, "-"


def fixes_table() -> str:
    lines = ["| Old code | `--fix` writes | Fix |", "| --- | --- | --- |"]
    lines += [
        "| `gr.X(...).style(a=...)` | `gr.X(..., a=...)` (`grid=` becomes `columns=`)"
        " | safe; unsafe where an argument has no constructor keyword (dropped) |",
        "| `gr.Textbox.update(...)` (any component) | `gr.update(...)` | safe |",
        "| `gr.inputs.X(...)`, `gr.outputs.X(...)` | `gr.X(...)` with keywords"
        " (`default=` becomes `value=`) | safe |",
        "| `gr.Interface.load(...)`, `gr.Blocks.load(...)` | `gr.load(...)` | safe |",
    ]
    lines += [
        f"| `gr.{change.name}` | `gr.{change.to}` | safe |"
        for change in migrations.NAMES
        if change.to
    ]
    lines += [
        f"| `{value.name}={value.value!r}` ({', '.join(value.owners)}) |"
        f" `{', '.join(f'{n}={c}' for n, c in value.replacement or ())}` | safe |".replace(
            "<event>", "events"
        )
        for value in migrations.VALUES
    ]
    for change in migrations.KEYWORDS:
        if change.fix is None:
            continue
        new, safety = _recipe(change)
        owners = ", ".join(change.owners).replace("<event>", "events")
        lines.append(f"| `{change.name}=` ({owners}) | `{new}` | {safety} |")
    return "\n".join(lines) + "\n"


BLOCKS = {"doctor-rules": rules_table, "doctor-fixes": fixes_table}


def render(readme: str) -> str:
    return _BLOCK.sub(lambda m: m.group(1) + BLOCKS[m.group(2)]() + m.group(3), readme)


def main() -> int:
    return write_or_check(README, render, "doctor_docs.py")


if __name__ == "__main__":
    sys.exit(main())
