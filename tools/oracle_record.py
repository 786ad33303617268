"""Record what real Chainer 1.24 computes for ``fixtures/v1/rnnlm_kwargs.py``.

Runs under the oracle environment built by ``tools/oracle.py`` (Chainer
1.24.0, NumPy < 2; standard library + NumPy + Chainer only)::

    .oracle/<env>/bin/python tools/oracle_record.py OUT_DIR

and writes ``OUT_DIR/rnnlm_kwargs-<chainer version>.npz`` (arrays) and
``.json`` (configuration, versions, losses, perplexity, a SHA-1 of every
array).  The same protocol (:func:`run`) is imported by
``tests/test_oracle.py`` and run on Chainer 7.8.1 under ``chainer_compat``
and on the codemod's output, so both sides do exactly the same steps.

Protocol (``CONFIG``; ``words`` = ``ptb.train.txt``, ``valid`` the first
``n_eval`` ids (all when None) of ``ptb.valid.txt``, both with the fixture's ``load_words``):

1. ``numpy.random.seed(seed)``; ``make_model(n_vocab, n_units, grad_clip, lr)``
   -> ``init/<name>``: every parameter by ``namedparams()`` name, float32.
   When ``init`` is given, those arrays are then copied in by name.
2. One batch ``x`` (``batchsize`` ids at the training streams' offsets):
   ``reset_state()``, ``seed(seed + 1)``, ``predictor(x)`` in train mode ->
   ``forward/train`` (dropout masks from that seed); ``reset_state()``,
   ``predictor(x)`` in test mode -> ``forward/test``.  Shape
   ``(batchsize, n_vocab)``, float32.
3. ``reset_state()``, ``seed(seed + 2)``, the summed loss of ``bprop_len``
   steps of ``model(x_i, t_i)`` -> ``loss`` (float32 scalar),
   ``cleargrads()``, ``backward()`` -> ``grad/<name>``.
4. A fresh model from step 1's weights, ``seed(seed + 3)``,
   ``train(model, optimizer, words, n_updates, batchsize, bprop_len)`` (SGD
   with ``GradientClipping(grad_clip)``) -> ``train/losses`` (float64, one per
   update) and ``final/<name>``.
5. ``evaluate(model, valid)`` on the trained model -> ``perplexity``
   (float64 scalar).
"""
import contextlib
import hashlib
import importlib.util
import json
import os
import platform
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, 'fixtures', 'v1', 'rnnlm_kwargs.py')
DATA_DIR = os.path.join(ROOT, 'fixtures', 'data')
GOLDEN_DIR = os.path.join(ROOT, 'fixtures', 'oracle')
STEM = 'rnnlm_kwargs'

CONFIG = {
    'n_units': 32,
    'batchsize': 4,
    'bprop_len': 5,
    'n_updates': 20,
    'grad_clip': 5.0,
    'lr': 1.0,
    'seed': 0,
    'n_eval': None,  # None: the whole validation split
}


def load_module(path, name):
    """Import the Python file ``path`` as module ``name`` (not cached)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_corpus(fixture, data_dir=DATA_DIR):
    """Return ``(words, valid, vocab)`` read with ``fixture.load_words``.

    ``words``/``valid``: int32 arrays of shape ``(N,)``; the vocabulary of
    the training split is extended by the validation split, as in
    Chainer's ``train_ptb.py``.
    """
    words, vocab = fixture.load_words(os.path.join(data_dir, 'ptb.train.txt'))
    valid, vocab = fixture.load_words(
        os.path.join(data_dir, 'ptb.valid.txt'), vocab)
    return words, valid, vocab


@contextlib.contextmanager
def v1_test_mode(model):
    """Test mode as v1 code sets it: the model's own ``train`` flag (CH103)."""
    model.predictor.train = False
    try:
        yield
    finally:
        model.predictor.train = True


def _named(link, attr):
    return dict((name, np.array(getattr(p, attr), copy=True))
                for name, p in link.namedparams())


def _set_params(link, arrays):
    params = dict(link.namedparams())
    if sorted(params) != sorted(arrays):
        raise KeyError('parameter names differ: %s vs %s'
                       % (sorted(params), sorted(arrays)))
    for name, value in arrays.items():
        params[name].data[...] = value


def _batch(words, offset, batchsize):
    jump = len(words) // batchsize
    return np.asarray([words[(jump * j + offset) % len(words)]
                       for j in range(batchsize)])


def run(fixture, words, valid, n_vocab, config=CONFIG, init=None,
        test_mode=v1_test_mode):
    """Run the protocol of this module's docstring; return ``{key: array}``.

    Args:
        fixture: module with ``make_model``, ``train`` and ``evaluate``.
        words, valid: int32 word ids (``valid`` is cut to ``n_eval``).
        n_vocab (int): vocabulary size.
        config (dict): keys as ``CONFIG``.
        init (dict or None): ``{name: array}`` loaded into the model by name
            after construction (``init/*`` still records the constructed
            values).
        test_mode: context manager factory ``test_mode(model)`` that makes
            dropout a no-op (v1: ``predictor.train = False``; v2:
            ``chainer.using_config('train', False)``).

    Raises:
        KeyError: ``init`` does not have exactly the model's parameter names.
    """
    import chainer
    c = config
    seed = c['seed']
    out = {}

    def fresh_model():
        np.random.seed(seed)
        model, optimizer = fixture.make_model(
            n_vocab, c['n_units'], grad_clip=c['grad_clip'], lr=c['lr'])
        constructed = _named(model, 'data')
        if init is not None:
            _set_params(model, init)
        return model, optimizer, constructed

    model, _, constructed = fresh_model()
    for name, value in constructed.items():
        out['init' + name] = value
    rnn = model.predictor

    x = chainer.Variable(_batch(words, 0, c['batchsize']))
    rnn.reset_state()
    np.random.seed(seed + 1)
    out['forward/train'] = np.array(rnn(x).data, copy=True)
    rnn.reset_state()
    with test_mode(model):
        out['forward/test'] = np.array(rnn(x).data, copy=True)

    rnn.reset_state()
    np.random.seed(seed + 2)
    loss = 0
    for i in range(c['bprop_len']):
        xi = chainer.Variable(_batch(words, i, c['batchsize']))
        ti = chainer.Variable(_batch(words, i + 1, c['batchsize']))
        loss += model(xi, ti)
    model.cleargrads()
    loss.backward()
    out['loss'] = np.array(loss.data, copy=True)
    for name, value in _named(model, 'grad').items():
        out['grad' + name] = value

    model, optimizer, _ = fresh_model()
    np.random.seed(seed + 3)
    losses = fixture.train(model, optimizer, words, c['n_updates'],
                           batchsize=c['batchsize'], bprop_len=c['bprop_len'])
    out['train/losses'] = np.asarray(losses, dtype=np.float64)
    for name, value in _named(model, 'data').items():
        out['final' + name] = value
    out['perplexity'] = np.float64(
        fixture.evaluate(model, valid[:c['n_eval']]))
    return out


def sha1(array):
    """SHA-1 of an array's dtype, shape and bytes (C order)."""
    a = np.ascontiguousarray(array)
    h = hashlib.sha1()
    h.update(('%s%r' % (a.dtype.str, a.shape)).encode('ascii'))
    h.update(a.tobytes())
    return h.hexdigest()


def summary(arrays, config=CONFIG):
    """The JSON side of a recording: config, versions, scalars, SHA-1s."""
    import chainer
    return {
        'fixture': 'fixtures/v1/rnnlm_kwargs.py',
        'config': dict(config),
        'versions': {
            'chainer': chainer.__version__,
            'numpy': np.__version__,
            'python': platform.python_version(),
        },
        'loss': float(arrays['loss']),
        'train_losses': [float(v) for v in arrays['train/losses']],
        'perplexity': float(arrays['perplexity']),
        'sha1': dict((k, sha1(v)) for k, v in sorted(arrays.items())),
    }


def golden_paths(directory, version):
    """``(npz, json)`` paths of the recording for Chainer ``version``."""
    base = os.path.join(directory, '%s-%s' % (STEM, version))
    return base + '.npz', base + '.json'


def record(out_dir):
    """Run the protocol on this interpreter's Chainer and write the files."""
    import chainer
    fixture = load_module(FIXTURE, 'rnnlm_kwargs_v1')
    words, valid, vocab = load_corpus(fixture)
    arrays = run(fixture, words, valid, len(vocab))
    npz_path, json_path = golden_paths(out_dir, chainer.__version__)
    if not os.path.isdir(out_dir):
        os.makedirs(out_dir)
    np.savez_compressed(npz_path, **arrays)
    with open(json_path, 'w') as f:
        json.dump(summary(arrays), f, indent=1, sort_keys=True)
        f.write('\n')
    return npz_path, json_path


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        sys.stderr.write('usage: python tools/oracle_record.py OUT_DIR\n')
        return 2
    for path in record(argv[0]):
        print('wrote %s' % path)
    return 0


if __name__ == '__main__':
    sys.exit(main())
