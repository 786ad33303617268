"""The rule registry: one record per migration rule, plain data.

Importing this module imports nothing from Chainer or libcst, so the CLI's
``--list-rules`` starts fast and the shim, the codemod, the README table and
the tests all read the same records. Codes come from the project catalogue
(CH101 ... CH9xx); a code is never renumbered or reused.
"""
import dataclasses
import importlib
import pkgutil

#: Safety levels, as linters name them.
SAFE = "safe"          # the codemod's fix is exact; applied by default
REVIEW = "review"      # needs a human (data flow, a decision): reported, not rewritten, in the forms named
SHIM_ONLY = "shim-only"  # nothing to rewrite in source; only the shim acts
SAFETY_LEVELS = (SAFE, REVIEW, SHIM_ONLY)


@dataclasses.dataclass(frozen=True)
class Example:
    """A before/after pair that the tests run.

    Attributes:
        before: v1 source.
        after: what ``chainer-migrate`` must produce from ``before``;
            ``None`` means the codemod leaves the source unchanged.
        setup: source run before both ``before`` and ``after`` (imports, inputs).
        compare: names bound by ``before`` (under the shim) and ``after``
            (on stock Chainer 7.8.1) whose arrays must be bitwise equal, after
            ``numpy.random.seed(0)`` in both.
        findings: codes the codemod must report on ``before`` (for review items).
    """
    before: str
    after: "str | None" = None
    setup: str = ""
    compare: tuple = ()
    findings: tuple = ()


@dataclasses.dataclass(frozen=True)
class Rule:
    """One v1 -> v2 change.

    Attributes:
        code: ``CHgnn`` (g: 1 config flags, 2 links, 3 functions, 4 optimizers,
            5 training loop, 6 modules, 9 modern runtime).
        name: kebab-case name printed with the code.
        title: one line: what changed.
        safety: one of ``SAFETY_LEVELS`` for the codemod's default.
        since: the first Chainer version with the new behaviour.
        upgrade: the item of the Chainer v2 upgrade guide (or the source) it comes from.
        fix: the v2 idiom that removes the v1 use (quoted in shim warnings).
        examples: ``Example`` records.
    """
    code: str
    name: str
    title: str
    safety: str
    since: str
    upgrade: str
    fix: str
    examples: tuple = ()

    @property
    def label(self):
        """``'CH101 train-argument'``."""
        return "%s %s" % (self.code, self.name)


def _load():
    rules = {}
    for info in pkgutil.iter_modules(_package_path()):
        if not info.name.startswith("ch"):
            continue
        module = importlib.import_module("chainer_rules." + info.name)
        rule = module.RULE
        if rule.code in rules:
            raise RuntimeError("duplicate rule code %s" % rule.code)
        rules[rule.code] = rule
    return dict(sorted(rules.items()))


def _package_path():
    import os
    return [os.path.dirname(__file__)]


def __getattr__(name):
    # ``RULES`` (code -> Rule, sorted by code) is built on first use: a rule module
    # may import this module's ``Rule`` before the registry is complete.
    if name == "RULES":
        rules = _load()
        globals()["RULES"] = rules
        return rules
    raise AttributeError("module %r has no attribute %r" % (__name__, name))


def get(code):
    """The ``Rule`` for ``code`` (``'CH101'``); raises ``KeyError`` for an unknown code."""
    rules = globals().get("RULES") or __getattr__("RULES")
    try:
        return rules[code.upper()]
    except KeyError:
        raise KeyError("unknown rule code %r; known: %s" % (code, ", ".join(rules))) from None
