"""``chainer-migrate``: rewrite Chainer v1 (1.24) source into the v2 API.

Exit status: 0 done or nothing to do, 1 ``--check`` found files that would
change, 2 error (a file that does not parse, a missing path, an unknown code).
``--list-rules`` and ``--explain`` read the plain-data registry only (no
Chainer, no libcst import).
"""
import argparse
import os
import sys

from chainer_rules import RULES

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2

#: folder names the walk skips (``codemod.engine.SKIP_DIRS``; spelled out here so
#: that ``--help`` does not import libcst; a test keeps the two equal)
SKIP_DIRS_HELP = ("__pycache__", "node_modules", "venv")

#: show a progress bar for more files than this, or for one of this many bytes
PROGRESS_FILES, PROGRESS_BYTES = 5, 100_000


def _codes(text):
    codes = [c for c in text.split(",") if c.strip()]
    if not codes:
        raise argparse.ArgumentTypeError("needs at least one rule code or prefix (e.g. CH101,CH2)")
    return codes


def build_parser():
    parser = argparse.ArgumentParser(
        prog="chainer-migrate",
        description="Rewrite Chainer v1 (1.24) code into the Chainer v2+ API (runs on 7.8.1). "
                    "Rewrites files in place unless --diff, --check or --output-dir is given.",
        epilog="Exit status: 0 done or nothing to do, 1 --check found changes, 2 error.")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders (folders are walked for *.py)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--diff", action="store_true",
                      help="print a unified diff of the changes and write nothing")
    mode.add_argument("--check", action="store_true",
                      help="write nothing; exit 1 when some file would change")
    mode.add_argument("--output-dir", metavar="DIR",
                      help="write a migrated copy to DIR and leave the sources alone: *.py "
                           "files migrated, other files copied, layout kept; not copied: "
                           "folders whose name starts with '.', %s, and DIR itself. One "
                           "folder PATH maps to DIR, other folders to DIR/<name>, a file to "
                           "DIR/<its path relative to the current folder> (base name when "
                           "outside it); two files with one destination are an error"
                           % ", ".join(SKIP_DIRS_HELP))
    parser.add_argument("--select", type=_codes, metavar="CODES",
                        help="comma-separated rule codes or prefixes to run (default: all)")
    parser.add_argument("--ignore", type=_codes, metavar="CODES",
                        help="comma-separated rule codes or prefixes to skip")
    parser.add_argument("--list-rules", action="store_true", help="list the rule codes and exit")
    parser.add_argument("--explain", metavar="CODE", help="describe one rule and exit")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only errors (no per-site lines, no summary)")
    return parser


def list_rules(out):
    for rule in RULES.values():
        out.write("%s  %-28s %-10s %s\n" % (rule.code, rule.name, rule.safety, rule.title))


def explain(code, out):
    rule = RULES[code.upper()]
    out.write("%s\n\n%s\n\nsafety: %s\nsince: Chainer %s\nsource: %s\nfix: %s\n" % (
        rule.label, rule.title, rule.safety, rule.since, rule.upgrade, rule.fix))
    for example in rule.examples:
        out.write("\nbefore:\n%s" % _indent(example.before))
        if example.after is not None:
            out.write("after:\n%s" % _indent(example.after))
        else:
            out.write("after: unchanged%s\n" % (
                " (reported: %s)" % ", ".join(example.findings) if example.findings else ""))
    return EXIT_OK


def _indent(text):
    return "".join("    " + line for line in text.splitlines(True))


def progress_bar(jobs, stream):
    """Yield ``jobs`` (``codemod.engine.Job``) while a tqdm bar on ``stream``
    shows the bytes done and the file in work; plain when the run is small
    (at most ``PROGRESS_FILES`` Python files, none of ``PROGRESS_BYTES``)."""
    python = [job for job in jobs if job.python]
    if len(python) <= PROGRESS_FILES and all(job.size < PROGRESS_BYTES for job in python):
        yield from jobs
        return
    from tqdm import tqdm
    with tqdm(total=sum(job.size for job in python), unit="B", unit_scale=True, file=stream,
              leave=False, dynamic_ncols=True, desc="chainer-migrate") as bar:
        for job in jobs:
            if job.python:
                bar.set_postfix_str(job.path)
            yield job
            if job.python:
                bar.update(job.size)


def main(argv=None):
    """The ``chainer-migrate`` command; returns the exit status (0, 1 or 2, see ``--help``).

    A reader that stops early (``chainer-migrate --list-rules | head``) ends the
    run quietly with status 1 (Python's recipe for ``BrokenPipeError``).
    """
    try:
        return _main(argv)
    except BrokenPipeError:
        try:   # no second error when Python flushes stdout at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (AttributeError, OSError, ValueError):
            pass
        return 1   # the status of Python's own recipe


def _main(argv):
    parser = build_parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    if args.list_rules:
        list_rules(out)
        return EXIT_OK
    if args.explain:
        if args.explain.upper() not in RULES:
            err.write("chainer-migrate: error: unknown rule code %r; known: %s\n"
                      % (args.explain, ", ".join(RULES)))
            return EXIT_ERROR
        return explain(args.explain, out)
    if not args.paths:
        parser.print_usage(err)
        err.write("chainer-migrate: error: no PATH given\n")
        return EXIT_ERROR

    from codemod.engine import migrate_paths, select_codes
    try:
        select_codes(args.select, args.ignore)
    except ValueError as exc:
        err.write("chainer-migrate: error: %s\n" % exc)
        return EXIT_ERROR
    show = not args.quiet and err.isatty()
    report = migrate_paths(args.paths, write=not (args.diff or args.check),
                           output_dir=args.output_dir, select=args.select, ignore=args.ignore,
                           progress=(lambda jobs: progress_bar(jobs, err)) if show else None)
    log = err if args.diff else out
    for message in report.errors:
        err.write(message + "\n")
    for result in report.files:
        if result.status == "error":
            err.write(result.error + "\n")
            continue
        if args.diff and result.diff:
            out.write(result.diff)
        if not args.quiet:
            for finding in result.findings:
                log.write(finding.format() + "\n")
    if not args.quiet:
        verb = "would change" if (args.check or args.diff) else "changed"
        log.write(report.summary().replace(" changed,", " %s," % verb) + "\n")
    if report.failed:
        return EXIT_ERROR
    if args.check and report.count("changed"):
        return EXIT_CHANGES
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
