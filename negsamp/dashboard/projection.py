"""2-D / 3-D PCA of word vectors whose axes keep their direction between refreshes.

PCA fixes each component only up to its sign, so a plot redrawn while vectors train
could mirror itself at random. `stable_pca` flips each new component to agree with the
previous call's component (non-negative dot product); `StableProjection` remembers that
previous call, so a page or a live session holds one object instead of doing the
bookkeeping itself.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.decomposition import PCA

from ..checks import Allowed, check

N_COMPONENTS = Allowed(choices=(2, 3))  # a picture: 2-D or 3-D


@dataclass(frozen=True)
class Projection:
    """Result of `stable_pca`."""

    coords: np.ndarray                    # (V, n) rows of X in the component basis
    components: np.ndarray                # (n, D) unit principal axes, signs aligned
    explained_variance_ratio: np.ndarray  # (n,) share of total variance; zeros if none
    mean: np.ndarray                      # (D,) mean row subtracted before projecting


def stable_pca(X: np.ndarray, n_components: int = 2, previous=None) -> Projection:
    """Principal-component projection with signs aligned to a previous projection.

    Parameters
    ----------
    X : ndarray of shape (V, D)
        Rows to project (word vectors). Must be finite.
    n_components : {2, 3}
        Number of axes.
    previous : Projection or ndarray of shape (m, D), optional
        The last call's result or components. Component ``i < m`` is negated (with its
        coordinates) when its dot product with ``previous[i]`` is negative. ``m`` may
        differ from `n_components` (switching 2-D to 3-D keeps the first two axes).

    Returns
    -------
    Projection
        When X has no variance (e.g. all-zero vectors before training) the coordinates
        are zeros, the components are `previous` (or the first coordinate axes) and the
        explained variance ratios are zeros, without warnings.

    Raises
    ------
    ValueError
        n_components not 2 or 3 (a ``SettingError``), X not 2-D or not finite, fewer
        than n_components rows or columns, or previous of the wrong width.
    """
    check("n_components", n_components, N_COMPONENTS)
    X = np.asarray(X)
    if X.ndim != 2 or X.dtype.kind not in "fiub":
        raise ValueError(f"X must be a 2-D numeric array, got shape {X.shape} dtype {X.dtype}")
    V, D = X.shape
    if V < n_components or D < n_components:
        raise ValueError(f"X of shape {X.shape} needs at least n_components={n_components} "
                         f"rows and columns")
    if not np.all(np.isfinite(X)):
        raise ValueError("X contains NaN or infinity")
    if X.dtype.kind != "f":
        X = X.astype(np.float64)
    prev = None
    if previous is not None:
        prev = np.asarray(getattr(previous, "components", previous), dtype=np.float64)
        if prev.ndim != 2 or prev.shape[1] != D:
            raise ValueError(f"previous components must have shape (m, {D}), got {prev.shape}")

    mean = X.mean(axis=0)  # (D,)
    scale = max(float(np.max(np.abs(X))), 1e-300)
    if float(np.max(np.abs(X - mean))) <= 1e-6 * scale:  # no variance to explain
        comps = np.eye(n_components, D, dtype=X.dtype)  # (n, D)
        if prev is not None:
            m = min(len(prev), n_components)
            comps[:m] = prev[:m]
        return Projection(np.zeros((V, n_components), dtype=X.dtype), comps,
                          np.zeros(n_components), mean)

    pca = PCA(n_components=n_components, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # rank < n: zero-variance axes
        coords = pca.fit_transform(X)  # (V, n)
    comps = pca.components_.copy()  # (n, D)
    ratio = np.nan_to_num(pca.explained_variance_ratio_.astype(np.float64))  # (n,)
    if prev is not None:
        m = min(len(prev), n_components)
        signs = np.ones(n_components, dtype=comps.dtype)
        signs[:m] = np.where(np.sum(comps[:m] * prev[:m], axis=1) < 0, -1, 1)
        comps *= signs[:, None]
        coords = coords * signs
    return Projection(coords, comps, ratio, pca.mean_.astype(X.dtype, copy=False))


class StableProjection:
    """PCA axes that keep their direction from one call to the next.

    Keep one per plot (in ``st.session_state``, or inside a live session). Each
    `project` is aligned to the components the previous one returned; they are forgotten
    when the vectors' width D changes (another model) or on `reset`. Switching between
    2 and 3 components keeps the axes the two share.

    Attributes
    ----------
    components : ndarray of shape (n, D) or None
        The last call's axes (None before the first call and after `reset`).
    """

    def __init__(self):
        self.components: np.ndarray | None = None

    def project(self, X: np.ndarray, n_components: int = 2) -> Projection:
        """`stable_pca` of ``X`` (V, D) aligned to the previous call; see `stable_pca`
        for the result and the errors."""
        prev = self.components
        if prev is not None and prev.shape[1] != np.shape(X)[-1]:
            prev = None  # another width: nothing to align to
        result = stable_pca(X, n_components, previous=prev)
        self.components = result.components
        return result

    def reset(self) -> None:
        """Forget the previous axes (e.g. after the weights were re-initialised)."""
        self.components = None


def tsne(X: np.ndarray, n_components: int = 2, seed: int = 0) -> np.ndarray:
    """t-SNE of word vectors (scikit-learn), for many small groups PCA cannot separate.

    Cosine distances (what nearest neighbours use), PCA initialisation, perplexity
    min(30, (V-1)/3), 500 iterations. t-SNE keeps each word's neighbours, not
    distances: the size of a cluster and the gaps between clusters mean nothing, and
    another seed gives another picture. Too slow for a live view; a page computes it on request.

    Parameters
    ----------
    X : ndarray of shape (V, D), V >= 4
    n_components : {2, 3}
    seed : int

    Returns
    -------
    ndarray of shape (V, n_components)
    """
    from sklearn.manifold import TSNE
    from threadpoolctl import threadpool_limits
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] < 4 or not np.all(np.isfinite(X)):
        raise ValueError(f"X must be a finite (V, D) array with V >= 4, got shape {X.shape}")
    check("n_components", n_components, N_COMPONENTS)
    perplexity = min(30.0, (X.shape[0] - 1) / 3)
    # one thread: on a small shared machine more threads fought the other work for the
    # cores and made it slower, not faster
    with threadpool_limits(limits=1):
        return TSNE(n_components, perplexity=perplexity, metric="cosine", init="pca",
                    max_iter=500, n_jobs=1, random_state=seed).fit_transform(X)
