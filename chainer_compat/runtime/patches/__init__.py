"""Run-time patches of Chainer 7.8.1 functions, one module per patch.

Each module has ``CODE`` (catalogue code), ``needed()`` (probes the installed
NumPy / Python / SciPy for the behaviour it works around; the patch is only
installed when it returns True) and ``HOOKS``: ``{module name:
install(module, patcher)}``. ``install`` runs when that Chainer module has been
imported (or at once when it already was).
"""
from chainer_compat.runtime.patches import (  # noqa: F401
    ch903_meshgrid, ch903_pad_sequence, ch903_concat_padding, ch903_fix,
    ch903_maxout, ch903_device_text, ch903_gradient_clipping, ch903_summary,
    ch905_cupy_report, ch908_setdaemon, ch909_sparse_float16)

ALL = (ch903_meshgrid, ch903_pad_sequence, ch903_concat_padding, ch903_fix,
       ch903_maxout, ch903_device_text, ch903_gradient_clipping, ch903_summary,
       ch905_cupy_report, ch908_setdaemon, ch909_sparse_float16)
