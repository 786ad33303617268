"""One module per rule; each has ``CODE`` and ``plan(ctx)``.

``plan`` reads a ``codemod.context.FileContext`` and records edits and findings.
A rule joins by being a module here named like its ``chainer_rules`` record
(``ch101_train_argument``); other modules here are helpers of a rule.
``ORDER`` is the order the engine runs them in: by each module's ``ORDER``
(a number; default its code number). CH103 runs first, because it claims the
``train=`` arguments that carry a model's own flag before CH101/CH102 see them;
CH208 runs last, because it composes with statements that others replace.
"""
import importlib
import pkgutil

import chainer_rules


def _discover():
    records = {info.name for info in pkgutil.iter_modules(chainer_rules.__path__)}
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name not in records:
            continue
        module = importlib.import_module(__name__ + "." + info.name)
        if hasattr(module, "plan") and hasattr(module, "CODE"):
            found.append((getattr(module, "ORDER", int(info.name[2:5])), info.name, module))
    return tuple(module for _, _, module in sorted(found))


ORDER = _discover()

#: code -> rule module
BY_CODE = {rule.CODE: rule for rule in ORDER}
