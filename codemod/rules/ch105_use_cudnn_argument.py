"""CH105 use-cudnn-argument: ``use_cudnn=`` of Chainer functions and link constructors.

Chainer v2 upgrade guide, 'Global configurations'. At function call sites
(``FUNCTIONS``, resolved by qualified name, catalogue R1): ``use_cudnn=True``
is dropped; ``use_cudnn=False`` is dropped and the enclosing statement runs
under ``with chainer.using_config('use_cudnn', 'never'):``; any other value
``E`` under ``using_config('use_cudnn', 'auto' if E else 'never')``. The wrap
follows catalogue R4 (a), (b), (d) only: other cuDNN-capable calls in the same
statement lose cuDNN too, which changes speed and last-bit rounding, not the
meaning. In link constructors (``LINKS``) ``use_cudnn=True`` is dropped; another
value is dropped and every statement that calls the link is wrapped when the
link is a local variable whose every use the codemod sees (``ch105_link_calls``:
it is only called, in statements R4 (a) lets wrap); otherwise it is reported.
A positional ``use_cudnn`` is handled when it is the last positional argument
and the parameters before it are the same in v1 and v7 (``F.relu(x, False)``),
or when catalogue R2 passes it by keyword (``ch302_binding``: the positional
arguments after it become v1 keywords in the same edit, ``F.softmax(x, False,
0)`` -> ``F.softmax(x, axis=0)``); otherwise it is reported.
``F.n_step_birnn`` sites left for review are marked ``silent:`` (7.8.1 swallows
the argument).
"""
from codemod.context import find_arg, has_splat, positional_after
from codemod.rules import ch105_link_calls as link_calls
from codemod.rules import ch302_binding as r2
from codemod.values import code, is_false, is_pure, is_true

CODE = "CH105"


def _table(rows):
    """``{qualified name: (v1 index of use_cudnn, exact)}`` from ``(index, exact, names...)`` rows.

    ``exact``: the v1 parameters before the index are v7's positional
    parameters too, so dropping a trailing positional ``use_cudnn`` is exact.
    """
    return {name: (index, exact) for index, exact, *qnames in rows for name in qnames}


_F = "chainer.functions."
_L = "chainer.links."

#: Functions taking ``use_cudnn`` in Chainer 1.24.0 (public and defining-module names).
FUNCTIONS = _table([
    (1, True, _F + "relu", _F + "activation.relu.relu"),
    (1, True, _F + "sigmoid", _F + "activation.sigmoid.sigmoid"),
    (1, True, _F + "tanh", _F + "activation.tanh.tanh"),
    (1, True, _F + "softmax", _F + "activation.softmax.softmax"),
    (1, True, _F + "log_softmax", _F + "activation.log_softmax.log_softmax"),
    (4, True, _F + "average_pooling_2d", _F + "pooling.average_pooling_2d.average_pooling_2d"),
    (4, True, _F + "average_pooling_nd", _F + "pooling.average_pooling_nd.average_pooling_nd"),
    (5, True, _F + "max_pooling_2d", _F + "pooling.max_pooling_2d.max_pooling_2d"),
    (5, True, _F + "max_pooling_nd", _F + "pooling.max_pooling_nd.max_pooling_nd"),
    (5, True, _F + "convolution_2d", _F + "connection.convolution_2d.convolution_2d"),
    (5, True, _F + "convolution_nd", _F + "connection.convolution_nd.convolution_nd"),
    (6, True, _F + "deconvolution_2d", _F + "connection.deconvolution_2d.deconvolution_2d"),
    (6, True, _F + "deconvolution_nd", _F + "connection.deconvolution_nd.deconvolution_nd"),
    (6, True, _F + "dilated_convolution_2d",
     _F + "connection.dilated_convolution_2d.dilated_convolution_2d"),
    (7, False, _F + "batch_normalization",
     _F + "normalization.batch_normalization.batch_normalization"),
    (6, True, _F + "fixed_batch_normalization",
     _F + "normalization.batch_normalization.fixed_batch_normalization"),
    (2, True, _F + "softmax_cross_entropy", _F + "loss.softmax_cross_entropy.softmax_cross_entropy"),
    (2, True, _F + "sigmoid_cross_entropy", _F + "loss.sigmoid_cross_entropy.sigmoid_cross_entropy"),
    (3, False, _F + "spatial_pyramid_pooling_2d",
     _F + "pooling.spatial_pyramid_pooling_2d.spatial_pyramid_pooling_2d"),
    (2, True, _F + "spatial_transformer_grid",
     _F + "array.spatial_transformer_grid.spatial_transformer_grid"),
    (2, True, _F + "spatial_transformer_sampler",
     _F + "array.spatial_transformer_sampler.spatial_transformer_sampler"),
    (7, False, _F + "n_step_rnn", _F + "connection.n_step_rnn.n_step_rnn"),
    (7, False, _F + "n_step_birnn", _F + "connection.n_step_rnn.n_step_birnn"),
    (7, False, _F + "n_step_gru", _F + "connection.n_step_gru.n_step_gru"),
    (7, False, _F + "n_step_bigru", _F + "connection.n_step_gru.n_step_bigru"),
    (8, False, _F + "n_step_lstm", _F + "connection.n_step_lstm.n_step_lstm"),
    (8, False, _F + "n_step_bilstm", _F + "connection.n_step_lstm.n_step_bilstm"),
])

#: Link constructors taking ``use_cudnn`` in Chainer 1.24.0 (with the ``F.`` aliases of CH212).
LINKS = _table([
    (8, False, _L + "Convolution2D", _L + "connection.convolution_2d.Convolution2D",
     _F + "Convolution2D"),
    (9, False, _L + "Deconvolution2D", _L + "connection.deconvolution_2d.Deconvolution2D"),
    (9, False, _L + "DilatedConvolution2D",
     _L + "connection.dilated_convolution_2d.DilatedConvolution2D", _F + "DilatedConvolution2D"),
    (8, False, _L + "ConvolutionND", _L + "connection.convolution_nd.ConvolutionND"),
    (9, False, _L + "DeconvolutionND", _L + "connection.deconvolution_nd.DeconvolutionND"),
    (7, False, _L + "MLPConvolution2D", _L + "connection.mlp_convolution_2d.MLPConvolution2D"),
    (8, True, _L + "BatchNormalization",
     _L + "normalization.batch_normalization.BatchNormalization", _F + "BatchNormalization"),
] + [
    (4, True, _L + name, _L + "connection.%s.%s" % (module, name))
    for module, names in (("n_step_lstm", ("NStepLSTM", "NStepBiLSTM")),
                          ("n_step_gru", ("NStepGRU", "NStepBiGRU")),
                          ("n_step_rnn", ("NStepRNNTanh", "NStepRNNReLU",
                                          "NStepBiRNNTanh", "NStepBiRNNReLU")))
    for name in names
])

#: ``F.n_step_birnn(..., use_cudnn=)`` is swallowed by ``**kwargs`` on 7.8.1.
SILENT = {_F + "n_step_birnn", _F + "connection.n_step_rnn.n_step_birnn"}


def config_value(value):
    """The ``chainer.config.use_cudnn`` value for ``use_cudnn=value``, as source."""
    if is_false(value):
        return "'never'"
    return "'auto' if %s else 'never'" % code(value)


def using_config(value):
    return "chainer.using_config('use_cudnn', %s)" % config_value(value)


def cudnn_argument(ctx, call):
    """``(arg, kind, exact, silent)`` of the ``use_cudnn`` argument of ``call``, else None.

    ``kind`` is ``'function'`` or ``'link'`` (a constructor).
    """
    found = ctx.qnames(call.func)
    for kind, table in (("function", FUNCTIONS), ("link", LINKS)):
        for q in sorted(found & set(table)):
            index, exact = table[q]
            arg = find_arg(call, "use_cudnn", index)
            if arg is None:
                return None
            return arg, kind, exact, bool(found & SILENT)
    return None


def plan(ctx):
    for call in ctx.calls:
        found = cudnn_argument(ctx, call)
        if found is None or found[0] in ctx.claimed:
            continue
        arg, kind, exact, silent = found
        ctx.claimed.add(arg)
        what = "`use_cudnn=%s`" % code(arg.value)
        if has_splat(call):
            ctx.review(arg, CODE, "%s in a call with */** arguments: drop it and use "
                       "`with chainer.using_config('use_cudnn', ...)` by hand" % what, silent=silent)
            continue
        keywords = False   # R2 passes the arguments after it by keyword
        if arg.keyword is None:
            reason = _positional_problem(call, arg, exact)
            if reason is not None and r2.v1_name(ctx, call, arg) == "use_cudnn" \
                    and r2.can_normalise(ctx, call):
                reason, keywords = None, True
            if reason is not None:
                ctx.review(arg, CODE, "%s given positionally; %s: pass the arguments by keyword, "
                           "then rerun" % (what, reason), silent=silent)
                continue
        if is_true(arg.value):
            _remove(ctx, call, arg, keywords)
            ctx.report(arg, CODE, "removed %s (v7 uses cuDNN when available: "
                       "`chainer.config.use_cudnn` is 'auto')" % what)
        elif kind == "link":
            _link(ctx, call, arg, what, keywords)
        else:
            _wrap(ctx, call, arg, what, silent, keywords)


def _link(ctx, call, arg, what, keywords):
    """A link constructor: when every call of the link is visible (``ch105_link_calls``),
    drop ``arg`` and wrap those calls; otherwise report."""
    item = using_config(arg.value)
    stmts, reason = link_calls.call_statements(ctx, call)
    if stmts is not None and not is_pure(arg.value):
        stmts, reason = None, "the value `%s` may have side effects" % code(arg.value)
    if stmts is None:
        ctx.review(arg, CODE, "%s in a link constructor: v7 links take no use_cudnn; drop it "
                   "and run every call of this link under `with %s:` (%s)" % (what, item, reason))
        return
    link_calls.wrap_calls(ctx, stmts, item)
    _remove(ctx, call, arg, keywords)
    if stmts:
        ctx.needs_chainer = True
    ctx.report(arg, CODE, "removed %s from the link constructor; %d statement(s) that call the "
               "link run under `with %s:`" % (what, len(stmts), item))


def _remove(ctx, call, arg, keywords):
    """Drop ``arg``; ``keywords``: pass the positional arguments after it by their
    v1 keyword (catalogue R2, planned once per call)."""
    if keywords:
        r2.normalise(ctx, call)
    ctx.edits.remove_arg(call, arg)


def _positional_problem(call, arg, exact):
    if positional_after(call, list(call.args).index(arg)):
        return "positional arguments follow it"
    if not exact:
        return "the arguments before it bind differently in v7 (CH302)"
    return None


def _wrap(ctx, call, arg, what, silent, keywords=False):
    """Drop ``arg`` and wrap the enclosing statement (catalogue R4 a, b, d)."""
    item = using_config(arg.value)
    stmt, reason = ctx.enclosing_statement(call)
    if stmt is None:
        pass
    elif not is_pure(arg.value):
        reason = "the value `%s` may have side effects" % code(arg.value)
    else:
        reason = _other_values(ctx, stmt, call, item)
    if reason is None and not ctx.edits.wrap(ctx.block_of(stmt), stmt, stmt, item):
        reason = "the statement overlaps another scope"
    if reason is not None:
        ctx.review(arg, CODE, "cannot move %s into a `with %s:` scope: %s"
                   % (what, item, reason), silent=silent)
        return
    _remove(ctx, call, arg, keywords)
    ctx.needs_chainer = True
    ctx.report(arg, CODE, "removed %s; the statement runs under `with %s:`" % (what, item))


def _other_values(ctx, stmt, call, item):
    """R4 (b): every other ``use_cudnn`` in the statement that needs a scope needs the same one."""
    for other in ctx.calls_in(stmt):
        if other is call:
            continue
        found = cudnn_argument(ctx, other)
        if found is None or is_true(found[0].value) or found[1] == "link":
            continue
        if using_config(found[0].value) != item:
            return "calls in this statement need different use_cudnn values"
    return None
