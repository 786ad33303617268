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
from codemod.findings import FIX, REVIEW
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
    if ctx.needs_chainer and not _imports_chainer(new):
        context = CodemodContext()
        AddImportsVisitor.add_needed_import(context, "chainer")
        new = AddImportsVisitor(context).transform_module(new)
    try:
        cst.parse_module(new.bytes)  # never hand out text that does not parse
    except cst.ParserSyntaxError as exc:
        raise MigrationError("%s: internal error: the migrated text does not parse (%s)"
                             % (path, str(exc.message).splitlines()[0])) from exc
    problem = python_syntax_error(new.bytes)   # nor text Python itself cannot compile
    if problem is not None:
        raise MigrationError("%s: internal error: the migrated text does not parse (%s)"
                             % (path, problem[2]))
    return new, findings


def python_syntax_error(data):
    """``(line, col, reason)`` when Python 3's own parser (``ast.parse``) rejects
    ``data`` (``bytes`` or ``str``), else None. libcst accepts some Python 2
    forms (``except Exception, e:``) that Python 3 does not compile."""
    try:
        ast.parse(data)
    except SyntaxError as error:
        return error.lineno or 1, error.offset or 1, error.msg
    except ValueError as error:   # NUL bytes
        return 1, 1, str(error)
    return None


def _imports_chainer(module):
    """True when a top-level statement is ``import chainer`` (then libcst's
    ``AddImportsVisitor``, a second full metadata pass, would change nothing)."""
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Import) and any(
                        alias.asname is None and isinstance(alias.name, cst.Name)
                        and alias.name.value == "chainer" for alias in small.names):
                    return True
    return False


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
        libcst.ParserSyntaxError: ``source`` is not valid Python 3 for libcst.
        SyntaxError: libcst accepts ``source`` but Python 3 does not
            (``except Exception, e:``).
        ValueError: unknown rule code in ``select`` / ``ignore``.
    """
    module = cst.parse_module(source)
    problem = python_syntax_error(source)
    if problem is not None:
        raise SyntaxError("cannot parse as Python 3 (%s)" % problem[2],
                          (path, problem[0], problem[1], None))
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
        """One line of counts. Fixes and review items count only files that
        were not errors: a fix planned for a file that could not be written is
        counted as ``not written``."""
        done = [finding for f in self.files if f.status != "error" for finding in f.findings]
        fixes = sum(1 for f in done if f.kind == FIX)
        reviews = sum(1 for f in done if f.kind == REVIEW)
        notes = len(done) - fixes - reviews   # informational findings, neither
        lost = sum(1 for f in self.files if f.status == "error"
                   for finding in f.findings if finding.kind == FIX)
        return ("%d file(s) scanned, %d changed, %d unchanged, %d skipped (no 'chainer'), "
                "%d error(s); %d fix(es), %d review item(s)%s%s" % (
                    len(self.files), self.count("changed"), self.count("unchanged"),
                    self.count("skipped"), self.count("error") + len(self.errors), fixes,
                    reviews, "; %d note(s)" % notes if notes else "",
                    "; %d fix(es) not written" % lost if lost else ""))


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
    problem = python_syntax_error(data)
    if problem is not None:
        return FileResult(path, "error", error="%s:%d:%d: error: cannot parse as Python 3 (%s); "
                          "file skipped" % ((path,) + problem)), data, None
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


def _skipped_dir(name):
    return name in SKIP_DIRS or name.startswith(".")


def iter_sources(paths, exclude=()):
    """``(root, file)`` for every file under ``paths``, in order: folders are
    walked sorted, skipping folders named in ``SKIP_DIRS`` or starting with
    ``.`` and folders whose real path is in ``exclude`` (the output folder);
    ``root`` is None for a file argument. A missing path raises ``FileNotFoundError``."""
    exclude = {os.path.realpath(p) for p in exclude}
    for root in paths:
        if os.path.isdir(root):
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not _skipped_dir(d)
                                 and os.path.realpath(os.path.join(folder, d)) not in exclude)
                for name in sorted(files):
                    yield root, os.path.join(folder, name)
        elif os.path.exists(root):
            yield None, root
        else:
            raise FileNotFoundError(root)


def _relative_to_cwd(path):
    """``path`` relative to the current folder, or its base name when outside it."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.getcwd())
    except ValueError:          # another drive (Windows)
        return os.path.basename(path)
    if os.path.isabs(rel) or rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return os.path.basename(path)
    return rel


def _destination(output_dir, root, path, single_root):
    if root is None:
        return os.path.join(output_dir, _relative_to_cwd(path))
    rel = os.path.relpath(path, root)
    if single_root:
        return os.path.join(output_dir, rel)
    return os.path.join(output_dir, os.path.basename(os.path.normpath(root)), rel)


@dataclasses.dataclass
class Job:
    """One file to process: ``path`` as found, ``real`` its real path (where an
    in-place rewrite goes, through symlinks), ``dest`` its place in the output
    tree (None in place), ``python`` whether it is migrated or only copied,
    ``size`` in bytes."""
    path: str
    real: str
    dest: str = None
    python: bool = True
    size: int = 0


def plan_jobs(paths, output_dir=None):
    """``(jobs, errors)`` for ``migrate_paths``: every file once.

    In place, two paths that reach one real file (a symlink and its target)
    make one job. In an output tree, two different files with one destination
    are an error (the second is not written); the output folder is never walked.
    ``errors`` are messages (missing paths, clashes).
    """
    errors = []
    existing = []
    out_real = os.path.realpath(output_dir) if output_dir else None
    for root in paths:
        if not os.path.exists(root):
            errors.append("%s: error: no such file or folder" % root)
        elif out_real and (os.path.realpath(root) + os.sep).startswith(out_real + os.sep):
            errors.append("%s: error: inside the output folder %s; skipped" % (root, output_dir))
        else:
            existing.append(root)
    single_root = len(paths) == 1 and os.path.isdir(paths[0])
    jobs, seen = [], {}
    for root, path in iter_sources(existing, exclude=[output_dir] if output_dir else ()):
        real = os.path.realpath(path)
        dest = _destination(output_dir, root, path, single_root) if output_dir else None
        key = os.path.normcase(os.path.abspath(dest)) if dest else real
        if key in seen:
            if seen[key].real != real:
                errors.append("%s: error: not written: %s goes to the same place (%s)"
                              % (path, seen[key].path, dest))
            continue
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        job = Job(path, real, dest, path.endswith(".py") or root is None, size)
        seen[key] = job
        jobs.append(job)
    return jobs, errors


def migrate_paths(paths, write=True, output_dir=None, select=None, ignore=None, progress=None):
    """Migrate files and folders (folders are walked for ``*.py``).

    Args:
        paths: files or folders.
        write (bool): rewrite changed files in place (ignored with ``output_dir``).
            A symlink is followed: its target is rewritten and the link kept; a
            file reached twice is processed once.
        output_dir (str): write a migrated copy there instead: ``*.py`` files
            migrated, every other file copied, except under folders that
            ``iter_sources`` skips (hidden ones, ``SKIP_DIRS``) and the output
            folder itself. A single folder argument maps to ``output_dir``
            itself, other folder arguments to ``output_dir/<base name>``, a
            file argument to ``output_dir/<its path relative to the current
            folder>`` (its base name when outside it). Two files with one
            destination: the second is an error and is not written.
        select, ignore: rule codes or prefixes.
        progress: optional ``callable(jobs) -> iterable of jobs`` wrapped around
            the work list (the CLI's progress bar).

    Returns:
        ``Report``. A file that does not parse is reported and skipped (in an
        output tree it is copied unchanged); the others are still processed.
    """
    select_codes(select, ignore)  # fail early on unknown codes
    report = Report()
    jobs, report.errors = plan_jobs(paths, output_dir)
    for job in (progress(jobs) if progress is not None else jobs):
        _run_job(job, report, write, select, ignore)
    return report


def _run_job(job, report, write, select, ignore):
    path, dest = job.path, job.dest
    if not job.python:
        if dest:
            try:
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copy2(path, dest)
            except OSError as exc:
                report.errors.append("%s: error: not copied: %s" % (path, exc))
        return
    try:
        result, old, new = migrate_file(path, select, ignore)
    except OSError as exc:
        report.files.append(FileResult(path, "error", error="%s: error: %s" % (path, exc)))
        return
    except MigrationError as exc:
        report.files.append(FileResult(path, "error", error=str(exc)))
        return
    report.files.append(result)
    try:
        if dest:
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            write_atomic(dest, new if new is not None else old)
            shutil.copymode(path, dest)
        elif write and new is not None:
            write_atomic(job.real, new)
    except OSError as exc:
        result.status = "error"
        result.error = "%s: error: not written: %s" % (path, exc)
