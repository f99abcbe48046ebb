"""Tests of snippets.data: the tutorial's sine windows."""

import numpy as np
import pytest

from snippets.data import later_windows, rmse, sine_windows, time_major


def test_shapes_and_values():
    X, Y, X_val, Y_val = sine_windows()
    assert (X.shape, Y.shape, X_val.shape, Y_val.shape) == ((100, 50, 1), (100, 1), (50, 50, 1), (50, 1))
    wave = np.sin(np.arange(200))
    for i in (0, 37, 99):
        np.testing.assert_array_equal(X[i, :, 0], wave[i : i + 50])
        assert Y[i, 0] == wave[i + 50]
    for j, i in enumerate((100, 149)):
        k = i - 100
        np.testing.assert_array_equal(X_val[k, :, 0], wave[i : i + 50])
        assert Y_val[k, 0] == wave[i + 50]
    assert X.dtype == np.float64


def test_validation_inputs_overlap_training_targets():
    X, Y, X_val, _ = sine_windows()
    # validation window 0 starts at sample 100, which is training target 50
    assert X_val[0, 0, 0] == Y[50, 0]


def test_time_major():
    X = np.arange(2 * 3 * 4.0).reshape(2, 3, 4)
    Z = time_major(X)
    assert Z.shape == (3, 4, 2)
    assert Z[1, 2, 0] == X[0, 1, 2]
    with pytest.raises(ValueError, match=r"\(N, T, D\), got shape \(2, 3\)"):
        time_major(np.zeros((2, 3)))


def test_too_many_windows():
    with pytest.raises(ValueError):
        sine_windows(n_train=150, n_val=50)


def test_later_windows_share_no_value_with_training_or_validation():
    X, Y, X_val, Y_val = sine_windows()
    X_later, Y_later = later_windows()
    used = set(np.concatenate([X.ravel(), Y.ravel(), X_val.ravel(), Y_val.ravel()]).tolist())
    later = np.concatenate([X_later.ravel(), Y_later.ravel()])
    assert not used & set(later.tolist())
    np.testing.assert_allclose(X_later[3, :, 0], np.sin(np.arange(203, 253)), rtol=0, atol=1e-15)
    assert Y_later[3, 0] == X_later[4, -1, 0]


def test_rmse():
    assert rmse(np.array([[1.0, -1.0]]), np.zeros((1, 2))) == 1.0
    assert rmse(np.array([3.0, 0.0]), np.array([0.0, 4.0])) == pytest.approx(np.sqrt(12.5))
    with pytest.raises(ValueError, match=r"prediction must have shape \(2,\), got \(1, 2\)"):
        rmse(np.zeros((1, 2)), np.zeros(2))
