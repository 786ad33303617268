"""Probe NumPy for a behaviour: does calling ``fn`` warn or raise?"""
import warnings


def warns_or_raises(fn):
    """True when ``fn()`` raises or emits any warning (warnings as errors)."""
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            fn()
        except Exception:
            return True
    return False
