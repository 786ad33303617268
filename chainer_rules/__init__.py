"""Migration rules shared by ``chainer_compat`` (the shim) and ``codemod``.

Plain data: importing this package imports neither Chainer nor libcst.
"""
from chainer_rules.registry import (  # noqa: F401
    Example, Rule, RULES, SAFE, REVIEW, SHIM_ONLY, SAFETY_LEVELS, get)
