"""The Layers page's picture of one click: what its last batch saw (σ, ∂L/∂s) and which
rows of W_in and W_out the click moved (before the first click: the gradient rows the
next step will apply)."""
from __future__ import annotations

from negsamp.dashboard.figures.layers import panels_figure


def step_figure(T, seen, last, words):
    """``seen``: ``CBOWStepper.look()`` of the batch shown; ``last``: ``CBOWStepper.last``
    (None before the first click)."""
    k = seen["sigma"].shape[1] - 1
    batch_rows = [f"{b}: {words[t]}" for b, t in enumerate(seen["target"])]
    cols = [T["col_pos"]] + [T["col_neg"].format(j=j + 1) for j in range(k)]
    dims = [f"d{j}" for j in range(seen["dW_in"].shape[1])]
    panels = [dict(array=seen["sigma"], title=T["p_sigma"], rows=batch_rows, cols=cols,
                   unit=True),
              dict(array=seen["dscores"], title=T["p_dscores"], rows=batch_rows, cols=cols)]
    if last is None:  # nothing changed yet: the gradients the next step applies
        rows = [(T["p_dW_in"], seen["rows_in"], seen["dW_in"]),
                (T["p_dW_out"], seen["rows_out"], seen["dW_out"])]
        title = T["fig_next"]
    else:
        rows = [(T["p_delta_in"], last["rows_in"], last["delta_in"]),
                (T["p_delta_out"], last["rows_out"], last["delta_out"])]
        title = T["fig_changed" if last["steps"] > 1 else "fig_changed_one"].format(
            a=last["from_step"] + 1, b=last["to_step"])
    panels += [dict(array=a, title=name, rows=[words[i] for i in ids], cols=dims)
               for name, ids, a in rows]
    return panels_figure(panels, title, labels=T["fig_heatmap"])
