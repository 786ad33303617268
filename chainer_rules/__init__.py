"""Migration rules shared by ``chainer_compat`` (the shim) and ``codemod``.

Plain data: importing this package imports neither Chainer nor libcst. The
registry (``RULES``, ``Rule``, ``Example``, ``get``, the safety levels) is
loaded on first use (PEP 562), so ``from chainer_rules import function_classes``
(a data table the shim needs at import) does not load every rule module.
"""
_REGISTRY_NAMES = ("Example", "Rule", "RULES", "SAFE", "REVIEW", "SHIM_ONLY", "SAFETY_LEVELS", "get")

__all__ = list(_REGISTRY_NAMES)


def __getattr__(name):
    if name in _REGISTRY_NAMES:
        from chainer_rules import registry
        return getattr(registry, name)
    raise AttributeError("module 'chainer_rules' has no attribute %r" % (name,))
