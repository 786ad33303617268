"""Codemod rule CH202 (link-param-registration): Link(**shapes) and add_param -> chainer.Parameter."""
import textwrap

import pytest

from codemod import migrate_source

from parity_cases import check, fixes, migrate_body as migrate, reviews

NAN = "chainer.Parameter(chainer.initializers.NaN(), %s)"


def body(text):
    return textwrap.dedent(text).lstrip("\n")


@pytest.mark.parametrize("before, after", [
    # the catalogue's example
    ("""
     class Gate(chainer.Link):
         def __init__(self, n):
             super(Gate, self).__init__(g=(n,))
             self.g.data[...] = 1
     """, """
     class Gate(chainer.Link):
         def __init__(self, n):
             super(Gate, self).__init__()
             with self.init_scope():
                 self.g = %s
             self.g.data[...] = 1
     """ % (NAN % "(n,)")),
    # several keywords keep their order; a (shape, dtype) pair gives NaN(dtype)
    ("""
     class K(chainer.Link):
         def __init__(self):
             super().__init__(W=(3, 2), b=3, h=((2,), 'f'), s=(4, np.float16))
     """, """
     class K(chainer.Link):
         def __init__(self):
             super().__init__()
             with self.init_scope():
                 self.W = %s
                 self.b = %s
                 self.h = chainer.Parameter(chainer.initializers.NaN('f'), (2,))
                 self.s = chainer.Parameter(chainer.initializers.NaN(np.float16), 4)
     """ % (NAN % "(3, 2)", NAN % "3")),
    # add_param: dtype -> NaN(dtype); positional or keyword; an initializer drops a float32 dtype
    ("""
     class K(chainer.Link):
         def __init__(self, init):
             super(K, self).__init__()
             self.add_param('a', (2, 3))
             self.add_param('b', 3, np.float64)
             self.add_param(name='c', shape=(1,), dtype='f')
             self.add_param('d', (2,), initializer=init)
             self.add_param('e', (2,), np.float32, init)
             self.add_param('f', (2,), 'f', initializer=chainer.initializers.One())
     """, """
     class K(chainer.Link):
         def __init__(self, init):
             super(K, self).__init__()
             with self.init_scope():
                 self.a = %s
                 self.b = chainer.Parameter(chainer.initializers.NaN(np.float64), 3)
                 self.c = chainer.Parameter(chainer.initializers.NaN('f'), (1,))
                 self.d = chainer.Parameter(init, (2,))
                 self.e = chainer.Parameter(init, (2,))
                 self.f = chainer.Parameter(chainer.initializers.One(), (2,))
     """ % (NAN % "(2, 3)")),
    # the keywords and the add_param lines right after them share one block
    ("""
     class K(chainer.Link):
         def __init__(self):
             super(K, self).__init__(W=(3, 2))
             self.add_param('b', (3,))
             self.n = 3
             self.add_param('c', (3,))
     """, """
     class K(chainer.Link):
         def __init__(self):
             super(K, self).__init__()
             with self.init_scope():
                 self.W = %s
                 self.b = %s
             self.n = 3
             with self.init_scope():
                 self.c = %s
     """ % (NAN % "(3, 2)", NAN % "(3,)", NAN % "(3,)")),
    # merged into a `with self.init_scope():` right after or right before
    ("""
     class K(chainer.Link):
         def __init__(self):
             super(K, self).__init__(W=(3, 2))
             with self.init_scope():
                 self.b = chainer.Parameter(0, (3,))
     """, """
     class K(chainer.Link):
         def __init__(self):
             super(K, self).__init__()
             with self.init_scope():
                 self.W = %s
                 self.b = chainer.Parameter(0, (3,))
     """ % (NAN % "(3, 2)")),
    ("""
     class K(chainer.Link):
         def __init__(self):
             super(K, self).__init__()
             with self.init_scope():
                 self.b = chainer.Parameter(0, (3,))
             self.add_param('c', (3,))
     """, """
     class K(chainer.Link):
         def __init__(self):
             super(K, self).__init__()
             with self.init_scope():
                 self.b = chainer.Parameter(0, (3,))
                 self.c = %s
     """ % (NAN % "(3,)")),
    # add_param in a nested block of __init__
    ("""
     class K(chainer.Link):
         def __init__(self, nobias=False):
             super(K, self).__init__(W=(3, 2))
             if not nobias:
                 self.add_param('b', 3)
     """, """
     class K(chainer.Link):
         def __init__(self, nobias=False):
             super(K, self).__init__()
             with self.init_scope():
                 self.W = %s
             if not nobias:
                 with self.init_scope():
                     self.b = %s
     """ % (NAN % "(3, 2)", NAN % "3")),
])
def test_rewrites(before, after):
    head = "import numpy as np\n"
    new, findings = migrate(head + body(before))
    assert new == head + body(after)
    assert fixes(findings, "CH202") and not reviews(findings, "CH202")


def test_import_chainer_is_added_when_missing():
    new, findings = migrate_source("from chainer import Link\n\n\nclass K(Link):\n"
                                   "    def __init__(self):\n"
                                   "        super(K, self).__init__(W=(3, 2))\n")
    assert new == ("from chainer import Link\nimport chainer\n\n\nclass K(Link):\n"
                   "    def __init__(self):\n"
                   "        super(K, self).__init__()\n"
                   "        with self.init_scope():\n"
                   "            self.W = %s\n" % (NAN % "(3, 2)"))
    assert fixes(findings, "CH202")


@pytest.mark.parametrize("source", [
    # the dtype would be ignored: Chainer uses the initializer's dtype
    "class K(chainer.Link):\n    def __init__(self):\n        super(K, self).__init__()\n"
    "        self.add_param('w', (2,), dtype=np.float16, initializer=chainer.initializers.One())\n",
    "class K(chainer.Link):\n    def __init__(self, dt, init):\n        super(K, self).__init__()\n"
    "        self.add_param('w', (2,), dt, init)\n",
    # a computed name
    "class K(chainer.Link):\n    def __init__(self, name):\n        super(K, self).__init__()\n"
    "        self.add_param(name, (2,))\n",
    # **params, and keywords that reach a user class's __init__
    "class K(chainer.Link):\n    def __init__(self, **shapes):\n"
    "        super(K, self).__init__(**shapes)\n",
    "class Base(chainer.Link):\n    def __init__(self, n):\n        super(Base, self).__init__()\n"
    "\n\nclass K(Base):\n    def __init__(self):\n        super(K, self).__init__(n=3)\n",
])
def test_review_items(source):
    source = "import numpy as np\n" + source
    new, findings = migrate(source)
    assert new == source
    assert reviews(findings, "CH202") and not fixes(findings, "CH202")


@pytest.mark.parametrize("source", [
    # not derived from chainer.Link
    "class K(object):\n    def __init__(self):\n        super(K, self).__init__(W=(3, 2))\n"
    "        self.add_param('b', (3,))\n",
    # another object's add_param, and add_param outside __init__
    "class K(chainer.Link):\n    def __init__(self, other):\n        super(K, self).__init__()\n"
    "        other.add_param('b', (3,))\n\n    def grow(self):\n        self.add_param('c', (3,))\n",
    # a parameter declared uninitialized (CH210 reports the class)
    "class K(chainer.Link):\n    def __init__(self):\n        super(K, self).__init__()\n"
    "        self.add_uninitialized_param('W')\n        self.add_param('W', (3, 2))\n",
    # a shape-less call is not v1 add_param
    "class K(chainer.Link):\n    def __init__(self):\n        super(K, self).__init__()\n"
    "        self.add_param('W')\n",
    # a subclass of a chainer.links class: its keywords are that link's
    "class K(L.Linear):\n    def __init__(self):\n        super(K, self).__init__(in_size=3, out_size=2)\n",
])
def test_left_alone(source):
    new, findings = migrate(source)
    assert new == source
    assert not [f for f in findings if f.code == "CH202"]


def test_chain_subclass_is_left_to_ch201():
    source = ("class C(chainer.Chain):\n    def __init__(self):\n"
              "        super(C, self).__init__(l=L.Linear(2, 3))\n"
              "        self.add_param('b', (3,))\n")
    new, findings = migrate(source)
    assert new == ("class C(chainer.Chain):\n    def __init__(self):\n"
                   "        super(C, self).__init__()\n"
                   "        with self.init_scope():\n"
                   "            self.l = L.Linear(2, 3)\n"
                   "        self.add_param('b', (3,))\n")
    assert fixes(findings, "CH201")
    assert not [f for f in findings if f.code == "CH202"]


def test_comments_are_kept():
    source = body("""
        class K(chainer.Link):
            def __init__(self):
                # shapes
                super(K, self).__init__(  # v1 style
                    # the weight
                    W=(3, 2),  # out, in
                    b=(3,),
                    # the end
                )
                # next
                self.add_param('c', (2,),  # c's shape
                               initializer=chainer.initializers.One())  # ones
        """)
    new, findings = migrate(source)
    assert new == body("""
        class K(chainer.Link):
            def __init__(self):
                # shapes
                super(K, self).__init__()  # v1 style
                with self.init_scope():
                    # the weight
                    self.W = %s  # out, in
                    self.b = %s
                    # the end
                    # next
                    # c's shape
                    self.c = chainer.Parameter(chainer.initializers.One(), (2,))  # ones
        """ % (NAN % "(3, 2)", NAN % "(3,)"))
    assert len(fixes(findings, "CH202")) == 2


def test_merged_block_keeps_its_header_comment():
    source = body("""
        class K(chainer.Link):
            def __init__(self):
                super(K, self).__init__()
                # existing
                with self.init_scope():  # params
                    self.a = chainer.Parameter(0, (1,))
                    # a's end
                self.add_param('b', 1)
        """)
    new, _ = migrate(source)
    assert new == body("""
        class K(chainer.Link):
            def __init__(self):
                super(K, self).__init__()
                # existing
                with self.init_scope():  # params
                    self.a = chainer.Parameter(0, (1,))
                    # a's end
                    self.b = %s
        """ % (NAN % "1"))


@pytest.mark.parametrize("source", [
    "class K(chainer.Link):\n    def __init__(self):\n"
    "        super(K, self).__init__(W=(3, 2), b=3)\n        self.add_param('c', 2, 'f')\n"
    "        self.n = 1\n        self.add_param('d', 2, initializer=chainer.initializers.One())\n",
])
def test_fixed_point(source):
    once, first = migrate(source)
    assert fixes(first, "CH202")
    twice, second = migrate(once)
    assert twice == once
    assert not fixes(second)


def test_parity():
    new, findings = check("""
        class Affine(chainer.Link):
            def __init__(self, n_in, n_out):
                super(Affine, self).__init__(W=(n_out, n_in), s=((n_out,), np.float64))
                self.add_param('b', n_out, initializer=chainer.initializers.Normal(0.5))
                self.add_param('c', (2,), dtype=np.float16)
                self.W.data[...] = np.arange(n_out * n_in).reshape(n_out, n_in) / 7
                self.s.data[...] = 1.25
                self.c.data[...] = 3

            def __call__(self, x):
                return F.linear(x, self.W, self.b)


        link = Affine(2, 3)
        y = link(np.linspace(-1, 1, 4, dtype=np.float32).reshape(2, 2))
        s, c = link.s, link.c
        dtypes = np.array([link.W.dtype.str, link.b.dtype.str, s.dtype.str, c.dtype.str])
        names = np.array(sorted(name for name, _ in link.namedparams()))
        """, ["y", "s", "c", "dtypes", "names"])
    assert "add_param" not in new and fixes(findings, "CH202")
