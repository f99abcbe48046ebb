# %% [markdown]
# # 修正后的模型 { #corrected }
#
# 这个笔记本在每次构建站点时执行。它在教程的数据上训练两个模型：`sin(0), sin(1), ...` 的 100 个训练窗口和
# 50 个验证窗口。
#
# 1. 教程的模型，配上它自己的训练代码（忠实重现，缺陷照旧，见[审查](audit.md)），训练它的 25 个迭代周期；
# 2. 标准的 Elman 循环神经网络：一个形状为 (100, 1)、所有时间步共享的输入矩阵 U，W (100, 100)，V (1, 100)，
#    偏置，tanh，小的对称初始化，精确的通过时间反向传播（用有限差分检验），在整个训练集上用 Adam，
#    动量比它通常的 beta1 = 0.9 小（设置见下面的输出），梯度范数裁剪，验证 RMSE 一旦不超过 0.01 就停止。
#
# 下面的每个数字都来自这次运行，没有一个是手写的。

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
# ## 梯度是精确的 { #gradients }
#
# 训练之前，先在 float64 下把反向传播与中心差分比较：小尺寸时检查每个元素，在教程的尺寸（T = 50，H = 100）下
# 每个参数抽取 10 个元素。训练用的快速版本（`Workspace`）也以同样方式检验，并像训练时一样把批量分给两个线程。

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
# ## 训练两个模型 { #training }
#
# 教程的模型，种子 3（它第一个迭代周期的损失最接近公布值）。它报告的损失是 100 条样本的求和；下面也换算成 RMSE。

# %%
tut = train_tutorial(X, Y, X_val, Y_val, epochs=25, seed=3)
for epoch in (0, 1, 4, 5, 6, 24):
    loss, val = tut["loss"][epoch], tut["val_loss"][epoch]
    print(f"epoch {epoch + 1:2d}: loss {loss:10.2f}  val loss {val:9.2f}  "
          f"(train RMSE {np.sqrt(2 * loss / len(Y)):.3f})")

# %% [markdown]
# 修正后的模型，种子 0。它的损失是整批样本均方误差的 0.5 倍。

# %%
cor = train_corrected(X, Y, X_val, Y_val, seed=0)
steps = len(cor["val_rmse"])
print(f"{steps} Adam steps {cor['settings']}, {cor['seconds']:.2f} s, validation RMSE {cor['val_rmse'][-1]:.4f}")
assert cor["val_rmse"][-1] <= 0.01
assert cor["params"]["U"].shape == (100, 1)

# %% [markdown]
# ## 损失曲线 { #loss-curves }
#
# 两者都换算成训练 RMSE，取对数坐标。教程的一个迭代周期是 100 次单条样本的更新；修正模型的一步是在全部
# 100 个窗口上的一次更新。

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
# ## 验证集上的预测 { #predictions }
#
# 教程训练出的模型用它自己的前向传播运行时，预测的是一个振幅被压小的正弦。教程画出的曲线来自它的预测代码，
# 那段代码在每个时间步都输入整个窗口（缺陷 [B8](audit.md#b8)）：与它训练的并不是同一个函数。

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
# ## 速度 { #speed }
#
# 在构建本页的机器上当场测量（`snippets.bench`；`uv run python -m snippets.bench` 给出同样的数字）。
# 计时一个教程迭代周期，并把 25 个迭代周期与修正模型的整个训练比较。`bptt_gflops` 是在教程尺寸下对整批数据做
# 一次前向和反向传播，其矩阵乘法的浮点运算次数按公式计算；`gemm_gflops` 是一个 1024 乘 1024 的矩阵乘积，
# 作为对照。BPTT 这一步把整批数据分给 `bptt_threads` 个线程；`bptt_ideal_gflops` 是这些线程在毫无额外开销时
# 能达到的速度（把一个线程分到的那部分数据单独放在一个核上计时）。共享机器上的计时每次运行都会有波动。

# %%
figures = bench.run()
print(json.dumps(figures, indent=1))
speedup = 25 * figures["tutorial_epoch_s"] / figures["corrected_train_s"]
print(f"25 tutorial epochs: {25 * figures['tutorial_epoch_s']:.1f} s; "
      f"corrected model to RMSE <= 0.01: {figures['corrected_train_s']:.2f} s; {speedup:.0f} times faster")
print(f"BPTT step: {figures['bptt_gflops']:.1f} GFLOP/s, "
      f"{figures['bptt_gflops'] / figures['gemm_gflops']:.2f} of the large product's "
      f"{figures['gemm_gflops']:.1f} GFLOP/s")
