"""CH107 pretrained-default-mode: plain calls of v1 pretrained models run under ``train=False``.

Chainer 1.24's ``VGG16Layers``/``ResNet*Layers`` (``test=True``) and
``GoogLeNet`` (``train=False``) ran ``__call__`` and ``extract`` in test mode
by default; Chainer 2+ follows ``chainer.config.train`` (catalogue CH107).
A call of ``__call__`` or ``extract`` on a receiver that catalogue R5 proves
to be one of these links and that passes neither ``test`` nor ``train``
gets its enclosing statement wrapped in ``with chainer.using_config('train',
False):`` (R4 (a), (d); v7-only output), reported ``silent:``. Calls that pass
``test``/``train`` are left to CH101/CH102. Review items: receivers of
unknown type called with ``layers=`` or whose ``extract`` is called, and
sites that cannot be wrapped.
"""
import libcst as cst

from codemod.context import find_arg

CODE = "CH107"

_V = "chainer.links."
#: constructor -> the v1 mode keyword of ``__call__``/``extract``
MODELS = {}
for _name, _mode in (("VGG16Layers", "test"), ("ResNet50Layers", "test"),
                     ("ResNet101Layers", "test"), ("ResNet152Layers", "test"),
                     ("GoogLeNet", "train")):
    MODELS[_V + _name] = _mode
    _module = "googlenet" if _name == "GoogLeNet" else "vgg" if _name.startswith("VGG") else "resnet"
    MODELS[_V + "model.vision.%s.%s" % (_module, _name)] = _mode

ITEM = "chainer.using_config('train', False)"
#: v1 positional index of the mode argument: __call__(x, layers, test), extract(images, layers, size, test)
INDEX = {"__call__": 2, "extract": 3}


def _receiver(call):
    """``(receiver expression, method)`` of ``R(...)`` / ``R.extract(...)``."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "extract":
        return func.value, "extract"
    return func, "__call__"


def _in_test_mode(ctx, node):
    """True when ``node`` is inside ``with chainer.using_config('train', ...)`` already."""
    for anc in ctx.ancestors(node):
        if isinstance(anc, cst.With):
            for item in anc.items:
                call = item.item
                if (isinstance(call, cst.Call) and call.args
                        and ctx.qnames(call.func) & {"chainer.using_config"}
                        and isinstance(call.args[0].value, cst.SimpleString)
                        and call.args[0].value.evaluated_value == "train"):
                    return True
    return False


def plan(ctx):
    for call in ctx.calls:
        receiver, method = _receiver(call)
        if isinstance(receiver, cst.Call):
            continue
        found = ctx.link_type(receiver) & set(MODELS)
        if not found:
            if ctx.is_user_callable(call.func) or any(
                    q.startswith(("chainer.", "builtins.")) for q in ctx.qnames(call.func)):
                continue   # a known callable (a function, a class): not a model instance
            if method == "extract" or find_arg(call, "layers", None) is not None:
                if any(a.keyword is not None and a.keyword.value in ("test", "train")
                       for a in call.args):
                    continue
                ctx.review(call, CODE, "if this is a v1 pretrained model (VGG16Layers, "
                           "ResNet*Layers, GoogLeNet): v1 ran it in test mode by default; run "
                           "the call under `with %s:`" % ITEM, silent=True)
            continue
        mode = MODELS[sorted(found)[0]]
        if find_arg(call, mode, INDEX[method]) is not None or _in_test_mode(ctx, call):
            continue
        stmt, reason = ctx.enclosing_statement(call)
        if reason is None and ctx.suspends(stmt):
            reason = "the statement yields or awaits"
        if reason is None and not ctx.edits.wrap(ctx.block_of(stmt), stmt, stmt, ITEM):
            reason = "the statement overlaps another scope"
        if reason is not None:
            ctx.review(call, CODE, "v1 ran this pretrained model in test mode by default; "
                       "cannot wrap it in `with %s:`: %s" % (ITEM, reason), silent=True)
            continue
        ctx.needs_chainer = True
        ctx.report(call, CODE, "the statement runs under `with %s:` (v1 pretrained models "
                   "ran in test mode by default)" % ITEM, silent=True)
