"""``chainer-migrate``: rewrite Chainer v1 (1.24) source into the v2 API.

Exit status: 0 done or nothing to do, 1 ``--check`` found files that would
change, 2 error (a file that does not parse, a missing path, an unknown code).
``--list-rules`` and ``--explain`` read the plain-data registry only (no
Chainer, no libcst import).
"""
import argparse
import sys

from chainer_rules import RULES

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2


def _codes(text):
    return [c for c in text.split(",") if c.strip()]


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
                      help="write a migrated copy of the tree to DIR (every file copied, "
                           "layout kept) and leave the sources alone")
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


def main(argv=None):
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
    report = migrate_paths(args.paths, write=not (args.diff or args.check),
                           output_dir=args.output_dir, select=args.select, ignore=args.ignore)
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
