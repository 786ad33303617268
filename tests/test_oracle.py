"""Chainer 7.8.1 against the recorded Chainer 1.24 oracle (RNNForLM, PTB-style).

``fixtures/oracle/rnnlm_kwargs-1.24.0.{npz,json}`` hold what real Chainer
1.24.0 computed for ``fixtures/v1/rnnlm_kwargs.py`` (``tools/oracle.py
--record``; protocol in ``tools/oracle_record.py``).  Here the same protocol
runs on Chainer 7.8.1:

* the v1 file under ``chainer_compat``, with the v1 parameter order (CH211
  opt-in) and with 7.8.1's default order;
* the codemod's output (``fixtures/expected/rnnlm_kwargs.py``, plain 7.8.1
  API), under the shim in this process and without it in a subprocess.

Everything is compared bitwise, with no tolerance anywhere.  The arithmetic
is the same on both versions (float32 NumPy kernels, dropout masks from
``numpy.random.rand`` in the same order, SGD ``W -= lr * grad``) except
possibly in ``GradientClipping``, which sums the squared gradient norms in
``params()`` order: Chainer 1.24 adds the float32 dot products to a Python
``0.0``, 7.8.1 with ``sum()`` from ``0``; under NumPy 1.x both promote to
float64 at the first addition, so the sums are the same float64 operations,
and in v1 parameter order (CH211) the same sequence of them: bitwise by
construction.  In 7.8.1's sorted order the nine float64 terms are added in
another order, which could change the last bit of the norm; for this
configuration the sums are identical anyway (clipping fires on updates 13
and 18 with squared norms 159.3087002262473 and 62.96009084419347 in both
orders), and ``rate`` is rounded to float32 by ``grad *= rate``.  So the
training results are asserted bitwise in both orders.
``test_clipping_fires`` keeps the configuration honest (if clipping stopped
firing, the bitwise training check would no longer cover it) and
``test_clipping_norm_is_float64`` pins the promotion that makes the
accumulation match (NEP 50 in NumPy 2 would make 7.8.1 sum in float32).
"""
import collections
import json
import os
import pathlib
import re
import subprocess
import sys

import numpy
import pytest
from numpy.testing import assert_array_equal

import chainer_compat  # first: on NumPy 2 stock Chainer imports only after it (CH901)
from chainer_compat.demo import load_module
import chainer

ROOT = pathlib.Path(__file__).resolve().parents[1]
GOLDEN_DIR = ROOT / "fixtures" / "oracle"
GOLDEN_NPZ = GOLDEN_DIR / "rnnlm_kwargs-1.24.0.npz"
GOLDEN_JSON = GOLDEN_DIR / "rnnlm_kwargs-1.24.0.json"
V1_FILE = ROOT / "fixtures" / "v1" / "rnnlm_kwargs.py"
MIGRATED_FILE = ROOT / "fixtures" / "expected" / "rnnlm_kwargs.py"

# Registration order of RNNForLM's parameters in Chainer 1.24 (CH211): the
# order of the Chain keywords, and inside L.LSTM upward (W, b) then lateral.
V1_PARAM_ORDER = [
    "/predictor/embed/W",
    "/predictor/l1/upward/W", "/predictor/l1/upward/b", "/predictor/l1/lateral/W",
    "/predictor/l2/upward/W", "/predictor/l2/upward/b", "/predictor/l2/lateral/W",
    "/predictor/l3/W", "/predictor/l3/b",
]
ORDERS = ("v1", "v7")



recorder = load_module(ROOT / "tools" / "oracle_record.py", "oracle_record")
make_corpus = load_module(ROOT / "tools" / "make_corpus.py", "make_corpus")


def v2_test_mode(model):
    """Test mode of the migrated program: ``config.train`` (CH103)."""
    return chainer.using_config("train", False)


def with_prefix(arrays, prefix):
    return {k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)}


def assert_same_arrays(expected, actual, keys, context=""):
    for key in keys:
        assert key in actual, key
        assert actual[key].dtype == expected[key].dtype, key
        assert_array_equal(actual[key], expected[key], err_msg=key + context, strict=True)


@pytest.fixture(scope="module")
def golden():
    with numpy.load(str(GOLDEN_NPZ)) as f:
        arrays = {k: f[k] for k in f.files}
    with open(str(GOLDEN_JSON)) as f:
        meta = json.load(f)
    return arrays, meta


@pytest.fixture(scope="module")
def programs():
    return {"v1": load_module(V1_FILE, "oracle_v1_kwargs"),
            "migrated": load_module(MIGRATED_FILE, "oracle_migrated_kwargs")}


@pytest.fixture(scope="module")
def runs(golden, programs, words):
    """(program, order) -> the protocol's arrays on 7.8.1, run lazily once."""
    arrays, meta = golden
    init = with_prefix(arrays, "init")
    cache = {}

    def get(program, order):
        if (program, order) not in cache:
            test_mode = recorder.v1_test_mode if program == "v1" else v2_test_mode
            with chainer_compat.param_order(order):
                cache[program, order] = recorder.run(
                    programs[program], words.train, words.valid,
                    len(words.vocab), config=meta["config"], init=init,
                    test_mode=test_mode)
        return cache[program, order]
    return get


# --- the corpus (fixtures/data) ---------------------------------------------

def test_corpus_is_ptb_style(words):
    lines = {name: (ROOT / "fixtures" / "data" / name).read_text().splitlines()
             for name in ("ptb.train.txt", "ptb.valid.txt")}
    tokens = {name: [w for line in text for w in line.split()]
              for name, text in lines.items()}
    token_form = re.compile(r"^(<unk>|N|'?[a-z]+(?:['-][a-z0-9]+)*)$")
    for name, toks in tokens.items():
        bad = sorted(set(w for w in toks if not token_form.match(w)))
        assert bad == [], (name, bad[:10])
        assert "<eos>" not in toks  # load_words appends it
    assert len(tokens["ptb.train.txt"]) >= 20000
    assert 2000 <= len(tokens["ptb.valid.txt"]) <= 5000
    # ids: one per token plus one <eos> per line
    for name, ids in (("ptb.train.txt", words.train), ("ptb.valid.txt", words.valid)):
        assert ids.dtype == numpy.int32
        assert len(ids) == len(tokens[name]) + len(lines[name])
    assert len(words.vocab) <= 3000
    counts = collections.Counter(tokens["ptb.train.txt"])
    rare = [w for w, n in counts.items() if n < 2 and w != "<unk>"]
    assert rare == []  # count < 2 -> <unk>
    assert set(tokens["ptb.valid.txt"]) <= set(counts)


@pytest.mark.parametrize("sentence, expected", [
    ("`Don't,' said Alice's 2 friends--the Rabbit-Hole!",
     ["do", "n't", "said", "alice", "'s", "N", "friends", "the", "rabbit-hole"]),
    ("I'll wait (at 10.30), I've `time.'", ["i", "'ll", "wait", "at", "N", "i", "'ve", "time"]),
])
def test_make_corpus_tokenize(sentence, expected):
    assert make_corpus.tokenize(sentence) == expected


def test_make_corpus_build_splits_and_unks():
    body = " ".join("The cat sat. The dog ran %s." % w for w in ("far", "home", "away"))
    text = "  TITLE\n\n  CHAPTER I\n\n  A Title\n\n" + body + "\n\n  THE END\n"
    train, valid = make_corpus.build(text, valid_tokens=4, min_count=2)
    assert valid == [["the", "dog", "ran", "<unk>"]]
    assert train == [["the", "cat", "sat"], ["the", "dog", "ran", "<unk>"],
                     ["the", "cat", "sat"], ["the", "dog", "ran", "<unk>"],
                     ["the", "cat", "sat"]]
    with pytest.raises(ValueError):
        make_corpus.build(text, valid_tokens=100)


# --- the golden files themselves -------------------------------------------

def test_golden_is_consistent(golden):
    arrays, meta = golden
    assert meta["versions"]["chainer"] == "1.24.0"
    assert meta["config"] == recorder.CONFIG
    assert sorted(meta["sha1"]) == sorted(arrays)
    for key, value in arrays.items():
        assert recorder.sha1(value) == meta["sha1"][key], key
    assert meta["loss"] == float(arrays["loss"])
    assert meta["train_losses"] == arrays["train/losses"].tolist()
    assert meta["perplexity"] == float(arrays["perplexity"])
    assert sorted(with_prefix(arrays, "init")) == sorted(V1_PARAM_ORDER)
    assert os.path.getsize(str(GOLDEN_NPZ)) + os.path.getsize(str(GOLDEN_JSON)) < 2 * 2 ** 20


def test_golden_uses_bundled_corpus(golden, words):
    arrays, meta = golden
    n_vocab = len(words.vocab)
    assert arrays["init/predictor/embed/W"].shape == (n_vocab, meta["config"]["n_units"])
    assert arrays["forward/train"].shape == (meta["config"]["batchsize"], n_vocab)


def test_clipping_fires(golden, programs, words):
    """GradientClipping(5) must act during the 20 recorded updates."""
    arrays, meta = golden
    c = meta["config"]
    fixture = programs["migrated"]
    numpy.random.seed(c["seed"])
    model, optimizer = fixture.make_model(len(words.vocab), c["n_units"],
                                          grad_clip=c["grad_clip"], lr=c["lr"])
    norms = []

    def spy(opt):
        norms.append(numpy.sqrt(sum(float((p.grad.astype(numpy.float64) ** 2).sum())
                                    for p in opt.target.params())))
    # Hooks run in the order they were added: the spy must see the gradients
    # before GradientClipping scales them.
    optimizer.remove_hook("GradientClipping")
    optimizer.add_hook(spy, name="NormSpy", timing="pre")
    optimizer.add_hook(chainer.optimizer_hooks.GradientClipping(c["grad_clip"]))
    params = dict(model.namedparams())
    for name, value in with_prefix(arrays, "init").items():
        params[name].data[...] = value
    numpy.random.seed(c["seed"] + 3)
    fixture.train(model, optimizer, words.train, c["n_updates"],
                  batchsize=c["batchsize"], bprop_len=c["bprop_len"])
    assert len(norms) == c["n_updates"]
    assert sum(n > c["grad_clip"] for n in norms) >= 1


def test_clipping_norm_is_float64():
    """7.8.1's squared-norm sum promotes to float64 like 1.24's (NumPy 1.x)."""
    from chainer.optimizer_hooks import gradient_clipping
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(numpy.ones(3, dtype=numpy.float32))
    link.w.grad = numpy.full(3, 0.1, dtype=numpy.float32)
    sqnorm, _ = gradient_clipping._sum_sqnorm_grads(list(link.params()))
    assert sqnorm.dtype == numpy.float64
    v1_sum = 0.0 + link.w.grad.dot(link.w.grad)  # Chainer 1.24's _sum_sqnorm
    assert float(sqnorm) == float(v1_sum)


# --- (a) initial weights: CH211 ---------------------------------------------

def _initial_params(fixture, n_vocab, config):
    numpy.random.seed(config["seed"])
    model, _ = fixture.make_model(n_vocab, config["n_units"],
                                  grad_clip=config["grad_clip"], lr=config["lr"])
    return model


def test_CH211_v1_order_gives_124_initial_weights(golden, programs, words):
    arrays, meta = golden
    with chainer_compat.param_order("v1"):
        model = _initial_params(programs["v1"], len(words.vocab), meta["config"])
        names = [name for name, _ in model.namedparams()]
    assert names == V1_PARAM_ORDER
    got = {name: p.data for name, p in model.namedparams()}
    assert_same_arrays(with_prefix(arrays, "init"), got, V1_PARAM_ORDER)


def test_CH211_default_order_differs(golden, programs, words):
    """7.8.1 sorts parameters by name, so the uniform draws of ``__init__``
    (``for param in self.params()``) land in other arrays: both LSTMs get
    their ``lateral/W`` first.  The stream of draws is the same; only the
    order in which it is handed out differs."""
    arrays, meta = golden
    model = _initial_params(programs["v1"], len(words.vocab), meta["config"])
    names = [name for name, _ in model.namedparams()]
    got = {name: p.data for name, p in model.namedparams()}
    assert names == sorted(V1_PARAM_ORDER)
    init = with_prefix(arrays, "init")
    differ = [n for n in names if not numpy.array_equal(got[n], init[n])]
    assert differ == [n for n in names if "/l1/" in n or "/l2/" in n]
    # Same draws, handed out in another order:
    assert_array_equal(numpy.concatenate([got[n].ravel() for n in names]),
                       numpy.concatenate([init[n].ravel() for n in V1_PARAM_ORDER]))


# --- (b) from the 1.24 weights: forward, loss, gradients, training ----------

GROUPS = {
    "forward_train": lambda keys: ["forward/train"],
    "forward_test": lambda keys: ["forward/test"],
    "loss": lambda keys: ["loss"],
    "gradients": lambda keys: sorted(k for k in keys if k.startswith("grad/")),
    "training": lambda keys: ["train/losses"] + sorted(
        k for k in keys if k.startswith("final/")),
    "perplexity": lambda keys: ["perplexity"],
}


@pytest.mark.parametrize("group", sorted(GROUPS))
@pytest.mark.parametrize("order", ORDERS)
def test_v1_under_shim_matches_124(golden, runs, order, group):
    arrays, _ = golden
    assert_same_arrays(arrays, runs("v1", order), GROUPS[group](arrays))


@pytest.mark.parametrize("group", sorted(GROUPS))
@pytest.mark.parametrize("order", ORDERS)
def test_migrated_matches_124(golden, runs, order, group):
    arrays, _ = golden
    assert_same_arrays(arrays, runs("migrated", order), GROUPS[group](arrays))


def test_v1_order_run_reconstructs_124_weights_itself(golden, runs):
    """In v1 order the protocol's own construction already gives 1.24's
    weights, so loading them by name changes nothing."""
    arrays, _ = golden
    assert_same_arrays(arrays, runs("v1", "v1"), sorted(k for k in arrays if k.startswith("init/")))


PLAIN_SCRIPT = r"""
import sys, numpy
if int(numpy.__version__.split('.')[0]) >= 2:
    # Stock 7.8.1 does not import on NumPy 2 (CH901, CH902): keep the runtime
    # layer, remove every v1 translation.
    import chainer_compat
    chainer_compat.uninstall()
import chainer
sys.path.insert(0, sys.argv[1])
import oracle_record as r
fx = r.load_module(sys.argv[2], 'plain_migrated')
words, valid, vocab = r.load_corpus(fx)
with numpy.load(sys.argv[3]) as f:
    init = {k[len('init'):]: f[k] for k in f.files if k.startswith('init/')}
out = r.run(fx, words, valid, len(vocab), init=init,
            test_mode=lambda m: chainer.using_config('train', False))
shim = sys.modules.get('chainer_compat')
assert shim is None or not shim.installed(), 'v1 shim active'
numpy.savez(sys.argv[4], **out)
"""


def test_migrated_on_plain_781_matches_124(golden, tmp_path):
    """The codemod's output needs no shim: a fresh interpreter without the v1
    translations (on NumPy 2, with only the runtime layer) reproduces 1.24's
    numbers bitwise."""
    arrays, _ = golden
    out = tmp_path / "plain.npz"
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [sys.executable, "-c", PLAIN_SCRIPT, str(ROOT / "tools"),
         str(MIGRATED_FILE), str(GOLDEN_NPZ), str(out)],
        cwd=str(tmp_path), env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, universal_newlines=True, timeout=600)
    assert proc.returncode == 0, proc.stdout
    with numpy.load(str(out)) as f:
        got = {k: f[k] for k in f.files}
    keys = [k for k in arrays if not k.startswith("init/")]
    assert_same_arrays(arrays, got, sorted(keys))


# --- (c) the live oracle ----------------------------------------------------

@pytest.mark.oracle
def test_live_oracle_reproduces_golden(golden, tmp_path):
    """Build (or reuse) ``.oracle/`` with real Chainer 1.24.0, record again
    and compare with the committed files exactly (first build: ~1-2 min)."""
    arrays, meta = golden
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "oracle.py"),
         "--record-to", str(tmp_path)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout
    npz, js = recorder.golden_paths(str(tmp_path), "1.24.0")
    with numpy.load(npz) as f:
        live = {k: f[k] for k in f.files}
    with open(js) as f:
        live_meta = json.load(f)
    assert sorted(live) == sorted(arrays)
    # Float32 products are NumPy/OpenBLAS-build specific: name both builds.
    context = " (golden recorded with %s, live with %s)" % (
        meta["versions"], live_meta["versions"])
    assert_same_arrays(arrays, live, sorted(arrays), context)
    assert live_meta["versions"]["chainer"] == "1.24.0"
    del live_meta["versions"]  # informational: python / numpy of the build
    assert live_meta == {k: v for k, v in meta.items() if k != "versions"}
