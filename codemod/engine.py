"""The codemod engine: parse once, plan every selected rule on one
``MetadataWrapper``, apply the edits in one transform, add ``import chainer``
with libcst's ``AddImportsVisitor`` when a rewrite needs it, and check that the
result parses before anyone writes it.
"""
import ast
import dataclasses
import difflib
import os
import shutil
import tempfile

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from chainer_rules import RULES
from codemod.context import FileContext
from codemod.edits import ApplyEdits
from codemod.rules import ORDER

class MigrationError(RuntimeError):
    """The codemod produced text that does not parse (a bug); nothing is written."""


SKIP_DIRS = {"__pycache__", ".git", ".hg", ".svn", ".tox", ".venv", "venv", "node_modules"}


def select_codes(select=None, ignore=None):
    """Codes of the rules to run, in engine order.

    ``select`` / ``ignore``: iterables of codes or code prefixes (``'CH1'``);
    ``None`` selects every rule the codemod implements. Raises ``ValueError``
    for a code that the registry does not know.
    """
    def expand(items):
        chosen = set()
        for item in items:
            item = item.strip().upper()
            if not item:
                continue
            matched = {code for code in RULES if code.startswith(item)}
            if not matched:
                raise ValueError("unknown rule code %r" % item)
            chosen |= matched
        return chosen
    codes = [rule.CODE for rule in ORDER]
    if select is not None:
        wanted = expand(select)
        codes = [c for c in codes if c in wanted]
    if ignore is not None:
        dropped = expand(ignore)
        codes = [c for c in codes if c not in dropped]
    return codes


def migrate_module(module, path="<string>", select=None, ignore=None):
    """Migrate a parsed module.

    Returns ``(new_module, findings)``; ``new_module`` is ``module`` itself
    when nothing changed. Findings are sorted by position.
    """
    codes = select_codes(select, ignore)
    ctx = FileContext(module, path)
    for rule in ORDER:
        if rule.CODE in codes:
            rule.plan(ctx)
    findings = sorted(ctx.findings, key=lambda f: (f.line, f.col, f.code))
    if not ctx.edits:
        return module, findings
    new = ctx.module.visit(ApplyEdits(ctx.edits))
    if ctx.needs_chainer:
        context = CodemodContext()
        AddImportsVisitor.add_needed_import(context, "chainer")
        new = AddImportsVisitor(context).transform_module(new)
    try:
        cst.parse_module(new.bytes)  # never hand out text that does not parse
    except cst.ParserSyntaxError as exc:
        raise MigrationError("%s: internal error: the migrated text does not parse (%s)"
                             % (path, str(exc.message).splitlines()[0])) from exc
    return new, findings


def migrate_source(source, path="<string>", select=None, ignore=None):
    """Migrate v1 source text to the v2 API.

    Args:
        source (str): the module's text.
        path (str): name used in findings.
        select, ignore: rule codes or prefixes (see ``select_codes``).

    Returns:
        ``(new_source, findings)``: ``str`` and a list of ``codemod.Finding``.
        ``new_source == source`` when nothing changed.

    Raises:
        libcst.ParserSyntaxError: ``source`` is not valid Python 3.
        ValueError: unknown rule code in ``select`` / ``ignore``.
    """
    module = cst.parse_module(source)
    new, findings = migrate_module(module, path, select, ignore)
    return (source if new is module else new.code), findings


# -- files ------------------------------------------------------------------

@dataclasses.dataclass
class FileResult:
    """What happened to one file: ``status`` is ``'changed'``, ``'unchanged'``,
    ``'skipped'`` (never mentions chainer) or ``'error'``."""
    path: str
    status: str
    findings: list = dataclasses.field(default_factory=list)
    diff: str = ""
    error: str = ""


@dataclasses.dataclass
class Report:
    """Results of ``migrate_paths``, one ``FileResult`` per Python file."""
    files: list = dataclasses.field(default_factory=list)
    errors: list = dataclasses.field(default_factory=list)  # messages not tied to a parsed file

    def count(self, status):
        return sum(1 for f in self.files if f.status == status)

    @property
    def findings(self):
        return [finding for f in self.files for finding in f.findings]

    @property
    def failed(self):
        return bool(self.errors) or self.count("error") > 0

    def summary(self):
        fixes = sum(1 for f in self.findings if f.kind == "fix")
        reviews = len(self.findings) - fixes
        return ("%d file(s) scanned, %d changed, %d unchanged, %d skipped (no 'chainer'), "
                "%d error(s); %d fix(es), %d review item(s)" % (
                    len(self.files), self.count("changed"), self.count("unchanged"),
                    self.count("skipped"), self.count("error") + len(self.errors), fixes, reviews))


def migrate_file(path, select=None, ignore=None):
    """Migrate one file's bytes (encoding and newlines kept).

    Returns ``(FileResult, old_bytes, new_bytes)``; ``new_bytes`` is None
    unless the file changed. Never writes.
    """
    with open(path, "rb") as f:
        data = f.read()
    if b"chainer" not in data:
        return FileResult(path, "skipped"), data, None
    try:
        module = cst.parse_module(data)
    except cst.ParserSyntaxError as exc:
        line, col, reason = _syntax_error(data, exc)
        return FileResult(path, "error", error="%s:%d:%d: error: cannot parse as Python 3 (%s); "
                          "file skipped" % (path, line, col, reason)), data, None
    except (UnicodeDecodeError, LookupError) as exc:
        return FileResult(path, "error", error="%s: error: cannot decode: %s" % (path, exc)), \
            data, None
    new, findings = migrate_module(module, path, select, ignore)
    if new is module or new.bytes == data:
        return FileResult(path, "unchanged", findings), data, None
    new_bytes = new.bytes
    old_text, new_text = data.decode(module.encoding), new_bytes.decode(module.encoding)
    diff = "".join(difflib.unified_diff(
        old_text.splitlines(True), new_text.splitlines(True), path, path))
    return FileResult(path, "changed", findings, diff), data, new_bytes


def _syntax_error(data, exc):
    """``(line, col, reason)`` of a parse error; Python's own parser places it
    more precisely than libcst's message, so ask it first."""
    try:
        ast.parse(data)
    except SyntaxError as error:
        return error.lineno or 1, error.offset or 1, error.msg
    except ValueError:
        pass
    return exc.editor_line, exc.editor_column, str(exc.message).splitlines()[0][:120]


def write_atomic(path, data):
    """Write ``data`` to ``path`` through a temporary file in the same folder and
    ``os.replace``: the file is either old or new, never half-written."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        if os.path.exists(path):
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def iter_sources(paths):
    """``(root, file)`` for every file under ``paths`` (folders walked, sorted,
    hidden and cache folders skipped). A missing path raises ``FileNotFoundError``."""
    for root in paths:
        if os.path.isdir(root):
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    yield root, os.path.join(folder, name)
        elif os.path.exists(root):
            yield None, root
        else:
            raise FileNotFoundError(root)


def _destination(output_dir, root, path, single_root):
    if root is None:
        return os.path.join(output_dir, os.path.basename(path))
    rel = os.path.relpath(path, root)
    if single_root:
        return os.path.join(output_dir, rel)
    return os.path.join(output_dir, os.path.basename(os.path.normpath(root)), rel)


def migrate_paths(paths, write=True, output_dir=None, select=None, ignore=None):
    """Migrate files and folders (folders are walked for ``*.py``).

    Args:
        paths: files or folders.
        write (bool): rewrite changed files in place (ignored with ``output_dir``).
        output_dir (str): write a migrated copy of the tree there instead: every
            file under ``paths`` is copied, ``*.py`` files migrated; a single
            folder argument maps to ``output_dir`` itself, otherwise each
            argument goes to ``output_dir/<its base name>``.
        select, ignore: rule codes or prefixes.

    Returns:
        ``Report``. A file that does not parse is reported and skipped (in an
        output tree it is copied unchanged); the others are still processed.
    """
    select_codes(select, ignore)  # fail early on unknown codes
    report = Report()
    single_root = len(paths) == 1 and os.path.isdir(paths[0])
    for root in paths:
        if not os.path.exists(root):
            report.errors.append("%s: error: no such file or folder" % root)
    for root, path in iter_sources([p for p in paths if os.path.exists(p)]):
        is_python = path.endswith(".py") or root is None
        dest = _destination(output_dir, root, path, single_root) if output_dir else None
        if not is_python:
            if dest:
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copy2(path, dest)
            continue
        try:
            result, old, new = migrate_file(path, select, ignore)
        except OSError as exc:
            report.files.append(FileResult(path, "error", error="%s: error: %s" % (path, exc)))
            continue
        except MigrationError as exc:
            report.files.append(FileResult(path, "error", error=str(exc)))
            continue
        report.files.append(result)
        try:
            if dest:
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                write_atomic(dest, new if new is not None else old)
                shutil.copymode(path, dest)
            elif write and new is not None:
                write_atomic(path, new)
        except OSError as exc:
            result.status = "error"
            result.error = "%s: error: not written: %s" % (path, exc)
    return report
