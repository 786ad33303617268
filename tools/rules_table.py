"""Print the README's rule table from the registry, or rewrite it in place.

Usage: python tools/rules_table.py [--write README.md]
The table sits between the markers ``<!-- rules:start -->`` and
``<!-- rules:end -->``; tests/test_registry.py checks that it is current.
"""
import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from chainer_rules import RULES  # noqa: E402

START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def table():
    rows = ["| code | name | safety | what changed | fix |", "|---|---|---|---|---|"]
    for rule in RULES.values():
        rows.append("| %s | `%s` | %s | %s | %s |" % (
            rule.code, rule.name, rule.safety, rule.title.replace("|", "\\|"), rule.fix.replace("|", "\\|")))
    return "\n".join(rows)


def block():
    return "%s\n%s\n%s" % (START, table(), END)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--write", metavar="README", help="replace the table in this file")
    args = p.parse_args(argv)
    if not args.write:
        print(block())
        return 0
    path = pathlib.Path(args.write)
    text = path.read_text()
    head, sep, rest = text.partition(START)
    if not sep or END not in rest:
        print("%s: no %s ... %s markers" % (path, START, END), file=sys.stderr)
        return 2
    path.write_text(head + block() + rest.partition(END)[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
