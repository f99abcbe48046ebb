# %% [markdown]
# # The corrected model { #corrected }
#
# This notebook is executed every time the site is built. It trains two models on the tutorial's
# data, the 100 training windows and 50 validation windows of `sin(0), sin(1), ...`:
#
# 1. the tutorial's model with its own training code, re-implemented faithfully, flaws included
#    (see the [audit](audit.md)), for its 25 epochs;
# 2. a standard Elman RNN: one input matrix U of shape (100, 1) shared by every time step,
#    W (100, 100), V (1, 100), biases, tanh, small symmetric initialisation, exact backpropagation
#    through time (checked against finite differences), Adam on the full batch with less momentum
#    than its usual beta1 = 0.9 (settings printed below), gradient-norm clipping, stopping as soon as
#    the validation RMSE is at most 0.01.
#
# Every number below comes from this run; none is typed by hand.

# %%
import json

import matplotlib.pyplot as plt
import numpy as np

from snippets import bench
from snippets.bptt import Workspace, bptt
from snippets.data import sine_windows, time_major
from snippets.elman import forward, init_params
from snippets.gradcheck import gradcheck
from snippets.train import train_corrected
from snippets.tutorial import tutorial_forward
from snippets.tutorial_train import train_tutorial, tutorial_predict

X, Y, X_val, Y_val = sine_windows()
print(X.shape, Y.shape, X_val.shape, Y_val.shape)

# %% [markdown]
# ## The gradients are exact { #gradients }
#
# Before training, the backward pass is compared with central differences in float64: every entry
# at small sizes, and a sample of 10 entries per parameter at the tutorial's sizes (T = 50, H = 100).
# The fast version used for training (`Workspace`) is checked the same way, with its batch split over
# two threads as in training.

# %%
rng = np.random.default_rng(0)
small = init_params(H=10, D=1, O=1, rng=rng)
errors = gradcheck(bptt, small, rng.normal(size=(12, 1, 4)), rng.normal(size=(1, 4)))
print("every entry, H=10:", {k: f"{e:.1e}" for k, e in errors.items()})
assert max(errors.values()) <= 1e-6

full = init_params(H=100, D=1, O=1, rng=rng)
Xs, Ys = rng.normal(size=(50, 1, 8)), rng.normal(size=(1, 8))
for name, fn in (("bptt", bptt), ("Workspace.bptt", Workspace(100, 1, 1, 50, 8, threads=2).bptt)):
    errors = gradcheck(fn, full, Xs, Ys, entries=10)
    print(f"sampled entries, H=100, {name}:", {k: f"{e:.1e}" for k, e in errors.items()})
    assert max(errors.values()) <= 1e-6
assert full["U"].shape == (100, 1) and full["W"].shape == (100, 100) and full["V"].shape == (1, 100)

# %% [markdown]
# ## Training both models { #training }
#
# The tutorial's model, seed 3 (its first-epoch loss is the closest to the published one). Its
# reported loss is a sum over the 100 records; below it is also converted to an RMSE.

# %%
tut = train_tutorial(X, Y, X_val, Y_val, epochs=25, seed=3)
for epoch in (0, 1, 4, 5, 6, 24):
    loss, val = tut["loss"][epoch], tut["val_loss"][epoch]
    print(f"epoch {epoch + 1:2d}: loss {loss:10.2f}  val loss {val:9.2f}  "
          f"(train RMSE {np.sqrt(2 * loss / len(Y)):.3f})")

# %% [markdown]
# The corrected model, seed 0. Its loss is 0.5 times the mean squared error over the batch.

# %%
cor = train_corrected(X, Y, X_val, Y_val, seed=0)
steps = len(cor["val_rmse"])
print(f"{steps} Adam steps {cor['settings']}, {cor['seconds']:.2f} s, validation RMSE {cor['val_rmse'][-1]:.4f}")
assert cor["val_rmse"][-1] <= 0.01
assert cor["params"]["U"].shape == (100, 1)

# %% [markdown]
# ## Loss curves { #loss-curves }
#
# Both as a training RMSE, on a log scale. One tutorial epoch is 100 single-record updates; one
# corrected step is one update on the full batch of 100 windows.

# %%
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
ax1.semilogy(range(1, 26), np.sqrt(2 * np.array(tut["loss"]) / len(Y)), "o-", label="train")
ax1.semilogy(range(1, 26), np.sqrt(2 * np.array(tut["val_loss"]) / len(Y_val)), "s--", label="validation")
ax1.set(title="tutorial (25 epochs)", xlabel="epoch", ylabel="RMSE")
ax1.legend()
ax2.semilogy(range(1, steps + 1), np.sqrt(2 * np.array(cor["loss"])), "o-", label="train")
ax2.semilogy(range(1, steps + 1), cor["val_rmse"], "s--", label="validation")
ax2.axhline(0.01, color="grey", lw=0.8)
ax2.set(title="corrected model", xlabel="Adam step", ylabel="RMSE")
ax2.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Validation predictions { #predictions }
#
# The tutorial's trained model, run with its own forward pass, predicts a damped copy of the sine.
# The curve the tutorial plots comes from its prediction code, which feeds the whole window at every
# step (flaw [B8](audit.md#b8)): a different function from the one it trained.

# %%
tut_own = np.array([tutorial_forward(tut["params"], x)[1][0, 0] for x in X_val])
tut_plot = tutorial_predict(tut["params"], X_val)[:, 0, 0]
_, y_cor = forward(cor["params"], time_major(X_val))
y_cor = y_cor[0]


def rmse(pred: np.ndarray) -> float:
    return float(np.sqrt(np.mean((pred - Y_val[:, 0]) ** 2)))


fig, ax = plt.subplots(figsize=(11, 4))
ax.plot(Y_val[:, 0], "k-", lw=3, alpha=0.3, label="truth")
ax.plot(tut_own, "r.-", label=f"tutorial, its trained forward pass (RMSE {rmse(tut_own):.3f})")
ax.plot(tut_plot, "m:", label=f"tutorial, its prediction code (RMSE {rmse(tut_plot):.3f})")
ax.plot(y_cor, "g.--", label=f"corrected model (RMSE {rmse(y_cor):.4f})")
ax.set(xlabel="validation window", ylabel="next value")
ax.legend(loc="lower left")
fig.tight_layout()
plt.show()
assert rmse(y_cor) <= 0.01

# %% [markdown]
# ## Speed { #speed }
#
# Measured now, on the machine that built this page (`snippets.bench`; the same figures come from
# `uv run python -m snippets.bench`). One tutorial epoch is timed, and 25 of them are compared with
# the corrected model's whole training. `bptt_gflops` is one forward and backward pass on the full
# batch at the tutorial's sizes, its matrix-product FLOPs counted analytically; `gemm_gflops` is a
# 1024 by 1024 matrix product for comparison. The BPTT step splits the batch over `bptt_threads`
# threads; `bptt_ideal_gflops` is what they would reach with no overhead at all (one thread's share
# of the batch, timed alone on one core). Timings on a shared machine vary from run to run.

# %%
figures = bench.run()
print(json.dumps(figures, indent=1))
speedup = 25 * figures["tutorial_epoch_s"] / figures["corrected_train_s"]
print(f"25 tutorial epochs: {25 * figures['tutorial_epoch_s']:.1f} s; "
      f"corrected model to RMSE <= 0.01: {figures['corrected_train_s']:.2f} s; {speedup:.0f} times faster")
print(f"BPTT step: {figures['bptt_gflops']:.1f} GFLOP/s, "
      f"{figures['bptt_gflops'] / figures['gemm_gflops']:.2f} of the large product's "
      f"{figures['gemm_gflops']:.1f} GFLOP/s")
