"""The tutorial's model, re-implemented: the input weights are chosen by position.

The Analytics Vidhya tutorial feeds step t a vector ``new_input`` of T zeros with
``x[t]`` at position t, and multiplies it by ``U`` of shape (H, T). Our own
re-implementation of that forward pass (not the tutorial's code):

>>> import numpy as np
>>> from snippets.tutorial import init_tutorial_params, position_input, tutorial_forward
>>> rng = np.random.default_rng(0)
>>> params = init_tutorial_params(rng)
>>> {name: p.shape for name, p in params.items()}
{'U': (100, 50), 'W': (100, 100), 'V': (1, 100)}
>>> x = np.sin(np.arange(50.0)).reshape(50, 1)       # one record, (T, 1)
>>> S, y = tutorial_forward(params, x)
>>> S.shape, y.shape
((50, 100, 1), (1, 1))

Step t only ever sees column t of U:

>>> t = 7
>>> new_input = position_input(x, t)
>>> new_input.shape
(50, 1)
>>> bool(np.allclose(params["U"] @ new_input, params["U"][:, [t]] * x[t]))
True

Shapes are checked, not broadcast:

>>> tutorial_forward(params, x[:40])
Traceback (most recent call last):
...
ValueError: x must have shape (50, 1), got (40, 1)
"""

from __future__ import annotations

import numpy as np

from snippets.shapes import check_shape

# --8<-- [start:hyperparameters]
learning_rate = 0.0001
nepoch = 25
T = 50            # sequence length: number of time steps
hidden_dim = 100  # H: number of hidden units (one hidden layer)
output_dim = 1    # O: one predicted value
# --8<-- [end:hyperparameters]


# --8<-- [start:init]
def init_tutorial_params(
    rng: np.random.Generator, H: int = 100, T: int = 50, O: int = 1
) -> dict[str, np.ndarray]:
    """The tutorial's initialisation: uniform(0, 1) everywhere, U has a TIME axis."""
    return {
        "U": rng.uniform(0, 1, (H, T)),  # (hidden_dim, T): one column per position t
        "W": rng.uniform(0, 1, (H, H)),  # (hidden_dim, hidden_dim)
        "V": rng.uniform(0, 1, (O, H)),  # (output_dim, hidden_dim)
    }
# --8<-- [end:init]


# --8<-- [start:sigmoid]
def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function 1 / (1 + exp(-z))."""
    return 1.0 / (1.0 + np.exp(-z))
# --8<-- [end:sigmoid]


# --8<-- [start:position_input]
def position_input(x: np.ndarray, t: int) -> np.ndarray:
    """The tutorial's ``new_input``: T zeros with x[t] written at position t."""
    if np.ndim(x) != 2 or np.shape(x)[1] != 1:
        raise ValueError(f"x must have shape (T, 1), got {np.shape(x)}")
    if not 0 <= t < len(x):
        raise ValueError(f"t must be in [0, {len(x)}), got {t}")
    new_input = np.zeros(x.shape)  # (T, 1)
    new_input[t] = x[t]
    return new_input
# --8<-- [end:position_input]


def tutorial_dims(params: dict[str, np.ndarray]) -> tuple[int, int, int]:
    """Read H, T, O from U (H, T) and V (O, H); check W (H, H)."""
    U, W, V = params["U"], params["W"], params["V"]
    if np.ndim(U) != 2:
        raise ValueError(f"U must have shape (H, T), got {np.shape(U)}")
    H_, T_ = U.shape
    check_shape("W", W, (H_, H_))
    if np.ndim(V) != 2:
        raise ValueError(f"V must have shape (O, {H_}), got {np.shape(V)}")
    check_shape("V", V, (V.shape[0], H_))
    return H_, T_, V.shape[0]


# --8<-- [start:forward]
def tutorial_forward(
    params: dict[str, np.ndarray], x: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One record x (T, 1) -> hidden states (T, H, 1) and the last output (O, 1)."""
    H_, T_, _ = tutorial_dims(params)
    check_shape("x", x, (T_, 1))
    U, W, V = params["U"], params["W"], params["V"]
    states = np.zeros((T_, H_, 1))
    prev_s = np.zeros((H_, 1))
    for t in range(T_):
        new_input = position_input(x, t)             # (T, 1), only row t is non-zero
        s = sigmoid(W @ prev_s + U @ new_input)      # (H, 1)
        states[t] = s
        prev_s = s
    mulv = V @ s                                     # (O, 1), used at the last step
    return states, mulv
# --8<-- [end:forward]


# --8<-- [start:asker_loop]
def asker_loop(X_Sets, Y_Sets, U, W, V):
    """The loop from the question, as the asker wrote it (comments paraphrased)."""
    outputs = []
    for i in range(Y_Sets.shape[0]):
        x, y = X_Sets[i], Y_Sets[i]         # x: (50, 1), y: (1,)
        prev_s = np.zeros((hidden_dim, 1))  # a fresh hidden state for every record
        for t in range(T):
            new_input = np.zeros(x.shape)   # all zeros ...
            new_input[t] = x[t]             # ... except position t
            mulu = np.dot(U, new_input)     # the asker's question: column t of U?
            mulw = np.dot(W, prev_s)        # and why is W two-dimensional?
            add = mulw + mulu
            s = sigmoid(add)
            mulv = np.dot(V, s)
            prev_s = s
        outputs.append(mulv)
    return outputs
# --8<-- [end:asker_loop]
