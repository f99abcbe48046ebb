"""The tested code that the site's pages include.

Every code block a reader sees on the site is a section of a file in this
package (marked ``# --8<-- [start:name]`` ... ``# --8<-- [end:name]``) or a
doctest that imports from it. Module map:

The models the pages teach
    data            the sine windows, the exact sine rule (next_sine), RMSE
    elman           the standard RNN: one U (H, D) shared by every step
    bptt            its exact gradients
    gradcheck       central differences that check them
    corrected       that model trained with exact BPTT and Adam
    tutorial        the tutorial's model: U (H, T), one column per position
    tutorial_train  the tutorial's training, flaws included
    tutorial_fixed  the tutorial's own model with exact gradients, small init and Adam
Variations and other libraries
    gradient_flow   BPTT taken apart: per-step terms, Jacobian norms, truncation
    bidirectional   two RNNs, one reading backwards
    unshared        one U_t, W_t, b_t per step (weights not shared)
    characters      one-hot inputs and cross-entropy
    forecast        several steps ahead: each prediction fed back in
    hidden_size     what H buys: two units hold the exact sine rule
    windows         one long series cut into (N, T, 1) windows and next values
    baselines       persistence: is a forecast more than a lagged copy?
    scaling         min-max scaling fitted on the training values, and its inverse
    conventions     the same RNN in PyTorch, Keras, d2l and Karpathy names
    torch_rnn       torch.nn.RNN in NumPy (layers, directions, batch_first); built on it:
    torch_unbatched   its unbatched 2-D input
    rnn_cell          nn.RNNCell, one step
    packed            a PackedSequence: each sequence for its own length
    keras_check     real Keras next to the crosswalk; with real Keras too:
    stateful          carrying the state from batch to batch, call by call
    keras_dropout     which path dropout and recurrent_dropout mask
    gru_bias          which of a GRU's second biases are real parameters
    param_shapes    every parameter's shape as a formula (mirrored by the calculator)
Tools
    shapes          check_shape: errors that name both shapes
    tolerance       figures that can move with the CPU, with their tolerance
    diagram         the unrolled-RNN SVGs, labels read off the arrays
    figures         the glance figure, shapes to scale, step-through frames
    bench           timings (``uv run python -m snippets.bench``)
"""
