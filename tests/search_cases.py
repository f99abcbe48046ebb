"""Search queries a learner might type, and the FAQ page each must find (browser test, top 3).

Each case is (language, query, expected path relative to that language's root).
"""

SEARCH_CASES = [
    ("en", "hidden_dim number of layers", "faq/is-hidden-dim-the-number-of-layers/"),
    ("en", "why is W square", "faq/why-is-w-square/"),
    ("en", "truncated BPTT", "faq/what-is-truncated-bptt/"),
    ("en", "clip gradients", "faq/why-clip-gradients/"),
    ("en", "PyTorch Keras names", "faq/names-in-pytorch-keras-d2l/"),
    ("en", "sequences longer than 50", "faq/sequences-longer-than-50/"),
    ("en", "batch dimension shapes", "faq/shapes-with-a-batch/"),
    ("en", "next value sine wave", "faq/predict-the-next-sine-value/"),
    ("en", "difference between output and h_n", "faq/pytorch-output-vs-h-n/"),
    ("en", "Keras units input_shape", "faq/keras-units-and-parameters/"),
    ("en", "second layer weight_ih_l1", "faq/stacked-rnn-layers/"),
    ("en", "stateful detach hidden state", "faq/carry-hidden-state-across-batches/"),
    ("en", "different weights at every time step", "faq/what-if-weights-were-not-shared/"),
    ("zh", "方阵", "faq/why-is-w-square/"),
    ("zh", "梯度裁剪", "faq/why-clip-gradients/"),
    ("zh", "隐藏层 隐状态 区别", "faq/hidden-layer-vs-hidden-state/"),
    ("zh", "截断", "faq/what-is-truncated-bptt/"),
    ("zh", "正弦波 下一个值", "faq/predict-the-next-sine-value/"),
    ("zh", "批量维度", "faq/shapes-with-a-batch/"),
    ("zh", "参数 多少", "faq/how-many-parameters/"),
    ("zh", "隐状态 从零开始", "faq/why-start-hidden-state-at-zero/"),
    ("zh", "output 和 h_n 区别", "faq/pytorch-output-vs-h-n/"),
    ("zh", "Keras units 参数个数", "faq/keras-units-and-parameters/"),
    ("zh", "第二层 RNN", "faq/stacked-rnn-layers/"),
    ("zh", "隐状态 下一个批量", "faq/carry-hidden-state-across-batches/"),
    ("zh", "每个时间步 不同的权重", "faq/what-if-weights-were-not-shared/"),
]
