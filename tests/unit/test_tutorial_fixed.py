"""snippets.tutorial_fixed: the readable loop, the batched gradients and the tutorial's own BPTT agree."""

import numpy as np

from snippets.data import sine_windows
from snippets.tutorial import tutorial_forward
from snippets.tutorial_fixed import batch_forward, batch_grads, fixed_loop, init_small, loop_patch
from snippets.tutorial_train import tutorial_true_grads


def test_fixed_loop_equals_batch_grads_and_true_grads():
    X, Y, _, _ = sine_windows()
    X, Y = X[:6], Y[:6]
    params = init_small(np.random.default_rng(1))
    outputs, dU, dW, dV = fixed_loop(X, Y, params["U"], params["W"], params["V"])
    _, grads = batch_grads(params, X, Y)
    for name, g in (("U", dU), ("W", dW), ("V", dV)):
        assert np.allclose(g, grads[name], rtol=1e-10, atol=1e-15), name
        mean = sum(tutorial_true_grads(params, x, y)[1][name] for x, y in zip(X, Y)) / len(X)
        assert np.allclose(g, mean, rtol=1e-10, atol=1e-15), name
    _, y = batch_forward(params, X)
    assert np.allclose(np.array(outputs)[:, :, 0], y, rtol=1e-12)
    assert np.allclose(y[:, 0], [tutorial_forward(params, x)[1][0, 0] for x in X], rtol=1e-12)


def test_loop_patch_only_adds_the_backward_pass():
    removed = [line for line in loop_patch().splitlines() if line.startswith("-") and not line.startswith("---")]
    assert removed == ["-    return outputs"]
