"""Property tests: random comments, blank lines and spacing around v1 statements
survive the rewrite; the output is a fixed point; user functions stay as they are."""
import keyword

from hypothesis import given, settings, strategies as st

from codemod import migrate_source

HEADER = "import chainer\nimport chainer.functions as F\n"

comments = st.text(alphabet="abcxyz _-.!?0123456789", max_size=12).map(lambda s: "# " + s)
maybe_comment = st.one_of(st.none(), comments)
spaces = st.sampled_from([" ", "  ", "   "])


@st.composite
def statement(draw, index):
    """``(v1 lines, v2 lines)`` of one statement with random comments."""
    leading = draw(st.lists(st.one_of(comments, st.just("")), max_size=2))
    trailing = draw(maybe_comment)
    tail = ("  " + trailing) if trailing else ""
    kind = draw(st.sampled_from(["plain", "true", "flag", "volatile_off", "relu"]))
    pad = draw(spaces)
    lead = "".join(line + "\n" for line in leading)
    if kind == "plain":
        text = "v%d =%s%d%s\n" % (index, pad, index, tail)
        return lead + text, lead + text
    if kind == "relu":
        text = "r%d = F.relu( x%s)%s\n" % (index, pad, tail)
        return lead + text, lead + text
    if kind == "true":
        return (lead + "d%d = F.dropout(x, 0.%d,%sTrue)%s\n" % (index, index, pad, tail),
                lead + "d%d = F.dropout(x, 0.%d)%s\n" % (index, index, tail))
    if kind == "volatile_off":
        return (lead + "w%d = chainer.Variable(x,%svolatile='off')%s\n" % (index, pad, tail),
                lead + "w%d = chainer.Variable(x)%s\n" % (index, tail))
    # a distinct flag per statement, so that neighbours are never merged
    return (lead + "e%d = F.dropout(x, train=flag%d)%s\n" % (index, index, tail),
            lead + "with chainer.using_config('train', flag%d):\n"
                   "    e%d = F.dropout(x)%s\n" % (index, index, tail))


@st.composite
def program(draw):
    n = draw(st.integers(min_value=1, max_value=6))
    parts = [draw(statement(i)) for i in range(n)]
    return HEADER + "".join(p[0] for p in parts), HEADER + "".join(p[1] for p in parts)


@settings(max_examples=60, deadline=None)
@given(program())
def test_formatting_and_comments_preserved(case):
    v1, v2 = case
    new, _ = migrate_source(v1)
    assert new == v2


@settings(max_examples=40, deadline=None)
@given(program())
def test_second_run_changes_nothing(case):
    once, _ = migrate_source(case[0])
    twice, findings = migrate_source(once)
    assert twice == once
    assert [f for f in findings if f.kind == "fix"] == []


identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda s: not keyword.iskeyword(s) and s not in {"chainer", "print", "x"})


@settings(max_examples=40, deadline=None)
@given(identifiers, st.sampled_from(["False", "True", "flag", "not flag"]))
def test_user_function_taking_train_is_never_touched(name, value):
    source = HEADER + "def %s(x, train=True):\n    return x\ny = %s(x, train=%s)\n" \
        % (name, name, value)
    assert migrate_source(source) == (source, [])
