"""The main job: migrate the bundled v1 fixtures, then train v1 and v2 side by side.

``chainer-compat-demo`` (README command 1) does three things:

1. runs the codemod over ``fixtures/v1`` (the RNNForLM programs and the
   per-rule programs of ``rules/``) into ``--output-dir`` and prints
   the unified diff and every finding (``path:line:col: CODE name: message``);
2. trains the v1 RNNForLM (``fixtures/v1/rnnlm_kwargs.py``, under this shim) and
   the migrated v2 program on the bundled text from the same seed, for
   ``--steps`` truncated-BPTT updates each, with a progress bar;
3. prints a table of the per-update losses (float32 sums of per-word cross
   entropies, in nats), the largest absolute difference of losses and of final
   parameters, and both validation perplexities.

Exit status: 0 when the two runs are bitwise identical, 1 when they differ,
2 on bad input (missing fixtures, bad options).
"""
import argparse
import importlib.util
import os
import pathlib
import sys
import warnings

import numpy

from chainer_compat import ChainerV1Warning

#: The demo is v2 code (run as ``python -m chainer_compat.demo`` it is ``__main__``).
__chainer_compat__ = "v2"

DEFAULT_FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="chainer-compat-demo",
        description="Migrate the bundled Chainer v1 fixtures and prove the migration changed nothing.")
    p.add_argument("--steps", type=int, default=20, help="truncated-BPTT updates per run (default 20)")
    p.add_argument("--output-dir", default="out/migrated", help="where the migrated files go (default out/migrated)")
    p.add_argument("--fixtures", default=str(DEFAULT_FIXTURES), help="folder with v1/ and data/ (default: bundled)")
    p.add_argument("--units", type=int, default=100, help="LSTM width (default 100)")
    p.add_argument("--batchsize", type=int, default=20, help="parallel streams (default 20)")
    p.add_argument("--bprop-len", type=int, default=35, help="BPTT window in words (default 35)")
    p.add_argument("--seed", type=int, default=0, help="NumPy seed for both runs (default 0)")
    p.add_argument("--no-diff", action="store_true", help="do not print the unified diff")
    args = p.parse_args(argv)
    for name in ("steps", "units", "batchsize", "bprop_len"):
        if getattr(args, name) < 1:
            p.error("--%s must be at least 1" % name.replace("_", "-"))
    return args


def load_module(path, name, v2=False):
    """Import the Python file at ``path`` as a fresh module called ``name``; with ``v2``
    the module is marked ``__chainer_compat__ = 'v2'`` before it runs (v2 code: the
    shim gives it Chainer 7.8.1's meaning, as the README advises for migrated code)."""
    spec = importlib.util.spec_from_file_location(name, str(path))
    module = importlib.util.module_from_spec(spec)
    if v2:
        module.__chainer_compat__ = "v2"
    spec.loader.exec_module(module)
    return module


def migrate(v1_dir, out_dir, show_diff):
    """Migrate ``v1_dir`` into ``out_dir`` with the codemod; returns its ``Report``."""
    from codemod import migrate_paths

    report = migrate_paths([os.path.relpath(str(v1_dir))], output_dir=str(out_dir))
    for result in report.files:
        if show_diff and result.diff:
            sys.stdout.write(result.diff)
        for finding in result.findings:
            print(finding.format())
        if result.error:
            print(result.error)
    for error in report.errors:
        print(error)
    print(report.summary())
    return report


def train(module, words, vocab, args, label, valid):
    """Seeded model construction and ``args.steps`` updates; returns (losses, params, perplexity)."""
    from tqdm import tqdm

    numpy.random.seed(args.seed)
    model, optimizer = module.make_model(len(vocab), args.units)
    with tqdm(total=args.steps, desc=label, unit="update", file=sys.stderr) as bar:
        optimizer.add_hook(lambda opt: bar.update(1), name="progress")
        numpy.random.seed(args.seed + 1)
        losses = module.train(model, optimizer, words, args.steps,
                              batchsize=args.batchsize, bprop_len=args.bprop_len)
    params = {name: p.array.copy() for name, p in model.namedparams()}
    return losses, params, module.evaluate(model, valid)


def main(argv=None):
    args = parse_args(argv)
    fixtures = pathlib.Path(args.fixtures)
    train_txt = fixtures / "data" / "ptb.train.txt"
    valid_txt = fixtures / "data" / "ptb.valid.txt"
    for needed in (fixtures / "v1" / "rnnlm_kwargs.py", train_txt, valid_txt):
        if not needed.is_file():
            print("chainer-compat-demo: missing %s (is --fixtures right?)" % needed, file=sys.stderr)
            return 2

    out_dir = pathlib.Path(args.output_dir)
    print("== 1. chainer-migrate --output-dir %s %s" % (out_dir, os.path.relpath(str(fixtures / "v1"))))
    if migrate(fixtures / "v1", out_dir, not args.no_diff).failed:
        return 2

    v1 = load_module(fixtures / "v1" / "rnnlm_kwargs.py", "demo_v1_rnnlm")
    v2 = load_module(out_dir / "rnnlm_kwargs.py", "demo_migrated_rnnlm", v2=True)
    words, vocab = v1.load_words(str(train_txt))
    valid, _ = v1.load_words(str(valid_txt), dict(vocab))
    valid = valid[:500]
    print("== 2. training %d updates each (%d words, vocabulary %d, %d units)"
          % (args.steps, len(words), len(vocab), args.units))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always", ChainerV1Warning)
        loss1, params1, ppl1 = train(v1, words, vocab, args, "v1 under chainer_compat", valid)
    print("v1 uses the shim translated (one warning per call site):")
    for w in seen:
        if issubclass(w.category, ChainerV1Warning):
            print("  %s:%d: %s" % (os.path.relpath(w.filename), w.lineno, str(w.message).split(";")[0]))
    loss2, params2, ppl2 = train(v2, words, vocab, args, "v2 (migrated)         ", valid)

    print("\n== 3. per-update loss")
    print("%6s  %16s  %16s  %10s" % ("update", "v1 (shim)", "v2 (migrated)", "|diff|"))
    for i, (a, b) in enumerate(zip(loss1, loss2), 1):
        print("%6d  %16.9g  %16.9g  %10.3g" % (i, a, b, abs(a - b)))
    loss_diff = max(abs(a - b) for a, b in zip(loss1, loss2))
    param_diff = max(float(numpy.max(numpy.abs(params1[k] - params2[k]))) for k in params1)
    print("\nlargest absolute difference: losses %r, parameters %r" % (loss_diff, param_diff))
    print("validation perplexity: v1 %r, v2 %r" % (ppl1, ppl2))
    same = loss_diff == 0.0 and param_diff == 0.0 and ppl1 == ppl2 and sorted(params1) == sorted(params2)
    print("RESULT: %s" % ("identical" if same else "DIFFERENT"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
