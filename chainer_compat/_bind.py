"""Binding a call's positional arguments to Chainer 1.24 parameter names."""


def bind_v1(label, args, kwargs, n_shared, v1_names):
    """Move positional arguments past ``n_shared`` to keywords named by ``v1_names``.

    Returns ``(args[:n_shared], kwargs + {v1 name: value})`` (``kwargs`` is copied).
    Raises ``TypeError``, as Python would for the v1 signature, for too many
    positional arguments or a parameter given twice; ``label`` names the callable.
    """
    extra = args[n_shared:]
    if len(extra) > len(v1_names):
        raise TypeError("%s() takes at most %d positional arguments (%d given)"
                        % (label, n_shared + len(v1_names), len(args)))
    kwargs = dict(kwargs)
    for name, value in zip(v1_names, extra):
        if name in kwargs:
            raise TypeError("%s() got multiple values for argument '%s'" % (label, name))
        kwargs[name] = value
    return args[:n_shared], kwargs
