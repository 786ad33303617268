"""CH101 train-argument: ``train=`` of F.dropout, F.zoneout, F.n_step_* and NStep* links.

Chainer v2 upgrade guide, 'Global configurations'. ``train=True`` (the default)
is dropped; any other value ``E`` is dropped and the enclosing statement runs
under ``with chainer.using_config('train', E):`` when catalogue R4 allows it,
else the site is reported for review. ``L.StatefulZoneoutLSTM(..., train=E)``
and writes to its ``.train`` are reported (the mode must move to its calls).
Calls are recognised by qualified name (R1) or, for NStep links,
``L.GoogLeNet`` (``__call__`` slot 2, ``extract`` slot 3) and
``L.caffe.CaffeFunction`` (``__call__`` slot 3), by local type inference
(R5). ``GoogLeNet(..., train=True)`` keeps an explicit ``with
chainer.using_config('train', True):``: its v1 default was test mode (CH107).
"""
import libcst as cst

from codemod import names
from codemod.context import find_arg, has_splat, positional_after
from codemod.mode import (check_wrap, fix_mode_argument, review_train_writes, train_slot,
                          using_config)
from codemod.values import code, is_true

CODE = "CH101"

_GOOGLENET = {"chainer.links.GoogLeNet", "chainer.links.model.vision.googlenet.GoogLeNet"}
_CAFFE = {"chainer.links.caffe.CaffeFunction", "chainer.links.caffe.caffe_function.CaffeFunction",
          "chainer.functions.caffe.CaffeFunction"}
#: model link -> {method: v1 positional index of ``train``}
MODEL_CALLS = dict([(q, {"__call__": 2, "extract": 3}) for q in _GOOGLENET]
                   + [(q, {"__call__": 3}) for q in _CAFFE])


def _receiver(call):
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "extract":
        return func.value
    return func


def _wrap_true(ctx, call, arg):
    """``train=True`` of a pretrained model: v1's default there was test mode (CH107), so
    the call keeps an explicit ``with chainer.using_config('train', True):`` (deleting the
    argument would read as a v1 call in test mode to CH107)."""
    what = "`train=True`" if arg.keyword is not None else "`True` (positional `train`)"
    stmt, reason = (None, "the call has */** arguments") if has_splat(call) else \
        check_wrap(ctx, call, arg.value)
    if stmt is not None and arg.keyword is None \
            and positional_after(call, list(call.args).index(arg)):
        stmt, reason = None, "positional arguments follow it"
    if stmt is None or not ctx.edits.wrap(ctx.block_of(stmt), stmt, stmt,
                                          using_config(arg.value)):
        ctx.review(arg, CODE, "cannot move %s into a `with %s:` scope: %s"
                   % (what, using_config(arg.value), reason or "it overlaps another scope"))
        return
    ctx.edits.remove_arg(call, arg)
    ctx.needs_chainer = True
    ctx.report(arg, CODE, "removed %s; the statement runs under `with %s:` (the model's v1 "
               "default was test mode)" % (what, using_config(arg.value)))


def model_train_slot(ctx, call):
    """The v1 index of ``train`` when ``call`` calls a model link of ``MODEL_CALLS``
    (``m(...)`` or ``m.extract(...)``, ``m`` typed by R5), else None."""
    func, method = call.func, "__call__"
    if isinstance(func, cst.Attribute) and func.attr.value == "extract":
        func, method = func.value, "extract"
    if isinstance(func, cst.Call):
        return None
    for q in sorted(ctx.link_type(func) & set(MODEL_CALLS)):
        return MODEL_CALLS[q].get(method)
    return None


def plan(ctx):
    for call in ctx.calls:
        slot = train_slot(ctx, call)
        if slot is None or slot[0] != "train":
            continue
        _, index, silent = slot
        arg = find_arg(call, "train", index)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        fix_mode_argument(ctx, call, arg, "train", arg.value, CODE, silent=silent)
    for call in ctx.calls:
        index = model_train_slot(ctx, call)
        arg = find_arg(call, "train", index) if index is not None else None
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        if is_true(arg.value) and ctx.link_type(_receiver(call)) & _GOOGLENET:
            _wrap_true(ctx, call, arg)
        else:
            fix_mode_argument(ctx, call, arg, "train", arg.value, CODE)
    for call in ctx.calls:
        if ctx.qnames(call.func) & names.ZONEOUT:
            arg = find_arg(call, "train", 4)
            if arg is not None:
                ctx.review(arg, CODE, "`StatefulZoneoutLSTM(..., train=%s)`: v7 reads "
                           "`chainer.config.train` at each call; drop it and run the calls of "
                           "this link under `with chainer.using_config('train', ...)`"
                           % code(arg.value))
    review_train_writes(ctx, names.ZONEOUT, "StatefulZoneoutLSTM", CODE)
