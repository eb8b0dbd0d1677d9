"""Nothing below the UI imports textual: the session works without it (plain mode, tests, servers)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import quizbot

PACKAGE = Path(quizbot.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Every module an ``import`` or ``from … import`` in the file names, at any depth."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_no_module_outside_tui_names_textual():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts
        and path.relative_to(PACKAGE).parts[:1] != ("cli",)
        and any(name.split(".")[0] == "textual" for name in imported_modules(path))
    ]
    assert offenders == []


def test_cli_loads_the_tui_only_inside_the_full_screen_path():
    for path in (PACKAGE / "cli").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
        for node in top_level:
            module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
            assert not (module or "").startswith(("textual", "quizbot.tui")), path.name


def test_session_store_grading_and_plain_run_without_textual():
    code = (
        "import sys\n"
        "import quizbot.session, quizbot.store, quizbot.grading, quizbot.plain, quizbot.cli\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_chat_starts_without_loading_the_other_commands():
    """`quizbot` alone is the chat: the grader, the fact check and the ingest pipeline load
    later (in the chat's warm-up worker, or when their command runs), not before the first question."""
    code = (
        "import sys\n"
        "import quizbot.cli, quizbot.cli.play\n"
        "heavy = ('quizbot.grading', 'quizbot.factcheck', 'quizbot.build', 'quizbot.ingest', 'quizbot.cli.grade')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "print(' '.join(quizbot.cli.cli.list_commands(None)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded, commands = result.stdout.splitlines()
    assert loaded == "[]"
    assert {"check", "grade", "ingest", "play", "review"} <= set(commands.split())  # all there when asked for
