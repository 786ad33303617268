"""Rebuild the PTB-style training corpus in ``fixtures/data/`` from its source.

The source is Lewis Carroll, *Alice's Adventures in Wonderland* (1865, public
domain), Project Gutenberg's "Millennium Fulcrum Edition 2.9" text as shipped
in the Canterbury Corpus file ``alice29.txt``.  The copy used here is
``tests/testdata/alice29.txt`` inside the PyPI source distribution
``brotli==1.2.1`` (see ``fixtures/data/README.md``).

Usage::

    python tools/make_corpus.py                 # pip-downloads the brotli sdist
    python tools/make_corpus.py --source alice29.txt
    python tools/make_corpus.py --check         # rebuild in memory, compare

Preprocessing follows the Penn Treebank language-model files (Mikolov's
``ptb.*.txt``): lower case; punctuation removed; clitics split off as the
Treebank does (``don't`` -> ``do n't``, ``alice's`` -> ``alice 's``);
hyphenated words kept whole; numbers -> ``N``; words seen fewer than
``MIN_COUNT`` times in the training split -> ``<unk>``; one sentence per line
with a leading space, as in PTB.  ``<eos>`` is *not* written (the loader
``load_words`` appends it).  The last sentences, about ``VALID_TOKENS``
tokens, form ``ptb.valid.txt``; the rest is ``ptb.train.txt``.

Only the standard library is used.
"""
import argparse
import collections
import hashlib
import os
import re
import subprocess
import sys
import tarfile
import tempfile

SOURCE_PACKAGE = 'brotli==1.2.1'
SOURCE_MEMBER = 'brotli-1.2.1/tests/testdata/alice29.txt'
SOURCE_SHA256 = '7467306ee0feed4971260f3c87421154a05be571d944e9cb021a5713700c38f0'

MIN_COUNT = 2          # rarer training words become <unk>
MAX_VOCAB = 3000       # and so does anything outside the most frequent ones
VALID_TOKENS = 3000    # about this many tokens (without <eos>) go to valid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, 'fixtures', 'data')

_CHAPTER = re.compile(r'^\s*CHAPTER [IVXLC]+\s*$')
_STARS = re.compile(r'^[\s*]+$')
_SENTENCE_END = re.compile(r'(?<=[.!?])[\'"`)]*\s+')
_CLITIC = re.compile(r"^(.+?)(n't|'s|'re|'ve|'ll|'m|'d)$")
_NUMBER = re.compile(r'^[0-9][0-9.,]*$')
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[a-z0-9]+(?:['\-][a-z0-9]+)*'?")


def fetch_source(workdir):
    """Download the brotli sdist with pip and extract ``alice29.txt``.

    Returns the path of the extracted file.  Raises ``RuntimeError`` when pip
    fails (no network) or the member is missing.
    """
    cmd = [sys.executable, '-m', 'pip', 'download', '--no-deps',
           '--no-binary', ':all:', '-d', workdir, SOURCE_PACKAGE]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    if proc.returncode != 0:
        raise RuntimeError('pip download %s failed:\n%s'
                           % (SOURCE_PACKAGE, proc.stdout))
    sdists = [n for n in os.listdir(workdir) if n.endswith('.tar.gz')]
    if not sdists:
        raise RuntimeError('no sdist of %s downloaded' % SOURCE_PACKAGE)
    with tarfile.open(os.path.join(workdir, sdists[0])) as tar:
        data = tar.extractfile(SOURCE_MEMBER).read()
    path = os.path.join(workdir, 'alice29.txt')
    with open(path, 'wb') as f:
        f.write(data)
    return path


def read_source(path):
    """Return the text of ``path`` after checking its SHA-256."""
    with open(path, 'rb') as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE_SHA256:
        raise RuntimeError('%s: sha256 %s, expected %s'
                           % (path, digest, SOURCE_SHA256))
    return data.decode('ascii').replace('\r\n', '\n')


def body_lines(text):
    """Drop the title block, chapter headings, star rules and 'THE END'."""
    lines = text.split('\n')
    out = []
    skip_title = False
    started = False
    for line in lines:
        if _CHAPTER.match(line):
            started = True
            skip_title = True
            continue
        if not started:
            continue
        if skip_title:
            if line.strip():
                skip_title = False  # the chapter's own title line
            continue
        if line.strip() == 'THE END' or (line.strip() and _STARS.match(line)):
            continue
        out.append(line.strip())
    return out


def sentences(lines):
    """Join lines (undoing end-of-line hyphenation) and split sentences."""
    text = ''
    for line in lines:
        if text.endswith('-') and not text.endswith('--') and line:
            text += line          # 'WAISTCOAT-' + 'POCKET'
        else:
            text += ' ' + line
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def tokenize(sentence):
    """PTB-style tokens of one sentence: lower case, no punctuation."""
    sentence = sentence.lower().replace('--', ' ')
    tokens = []
    for word in _WORD.findall(sentence):
        word = word.rstrip("'")
        if not word:
            continue
        if _NUMBER.match(word):
            tokens.append('N')
            continue
        m = _CLITIC.match(word)
        if m:
            tokens.extend(m.groups())
        else:
            tokens.append(word)
    return tokens


def build(text, valid_tokens=VALID_TOKENS, min_count=MIN_COUNT,
          max_vocab=MAX_VOCAB):
    """Return ``(train, valid)``: lists of sentences, each a list of tokens.

    The last sentences, at least ``valid_tokens`` tokens, form ``valid``.
    Training words seen fewer than ``min_count`` times or outside the
    ``max_vocab`` most frequent become ``<unk>``, in both splits.

    Raises:
        ValueError: the text has no more than ``valid_tokens`` tokens.
    """
    sents = [t for t in (tokenize(s) for s in sentences(body_lines(text))) if t]
    if sum(map(len, sents)) <= valid_tokens:
        raise ValueError('text too short for %d validation tokens'
                         % valid_tokens)
    n_valid = 0
    split = len(sents)
    while n_valid < valid_tokens:
        split -= 1
        n_valid += len(sents[split])
    train, valid = sents[:split], sents[split:]
    counts = collections.Counter(w for s in train for w in s)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    keep = set(w for w, c in ranked[:max_vocab] if c >= min_count)

    def unk(sents):
        return [[w if w in keep else '<unk>' for w in s] for s in sents]
    return unk(train), unk(valid)


def render(sents):
    return ''.join(' ' + ' '.join(s) + ' \n' for s in sents)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--source', help='path of alice29.txt (default: '
                        'pip-download %s)' % SOURCE_PACKAGE)
    parser.add_argument('--out', default=OUT_DIR, help='output folder')
    parser.add_argument('--check', action='store_true',
                        help='compare with the files in --out, write nothing')
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_source(tmp)
        text = read_source(source)
    train, valid = build(text)
    files = {'ptb.train.txt': render(train), 'ptb.valid.txt': render(valid)}
    status = 0
    for name, content in sorted(files.items()):
        path = os.path.join(args.out, name)
        if args.check:
            with open(path) as f:
                same = f.read() == content
            print('%s: %s' % (name, 'up to date' if same else 'DIFFERS'))
            status |= not same
        else:
            with open(path, 'w') as f:
                f.write(content)
            print('wrote %s' % path)
    vocab = set(w for s in train for w in s)
    print('train %d tokens, valid %d tokens, %d types (+<eos>)' % (
        sum(map(len, train)), sum(map(len, valid)), len(vocab)))
    return status


if __name__ == '__main__':
    sys.exit(main())
