"""Read a plotly chart drawn by a page under AppTest, typed arrays decoded to NumPy."""
import base64
import json

import numpy as np

from ui.live_plot import NAME as LIVE_PLOT


def decode(v):
    """Plotly's JSON: ``{"dtype", "bdata"[, "shape"]}`` becomes an ndarray; recurse."""
    if isinstance(v, dict) and "bdata" in v and "dtype" in v:
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        if "shape" in v:
            shape = v["shape"]
            shape = [int(n) for n in shape.split(",")] if isinstance(shape, str) else shape
            a = a.reshape(shape)
        return a
    if isinstance(v, dict):
        return {k: decode(x) for k, x in v.items()}
    if isinstance(v, list):
        return [decode(x) for x in v]
    return v


def specs(at):
    """``[(element id, figure JSON)]`` of every plotly chart drawn: ``st.plotly_chart``'s and
    the Training page's charts that update in place (``ui.live_plot``: a Streamlit
    component, which AppTest holds as an unknown element with the figure in its data)."""
    out = [(c.proto.id, c.proto.spec) for c in at.get("plotly_chart")]
    for c in at.get("bidi_component"):
        if c.proto.component_name == LIVE_PLOT:
            out.append((c.proto.id, json.dumps(json.loads(c.proto.json)["figure"])))
    return out


def chart(at, key):
    """The figure dict (``data``, ``layout``) of the one plotly chart drawn with ``key``."""
    found = [spec for id_, spec in specs(at) if id_.endswith(f"-{key}")]
    assert len(found) == 1, f"{len(found)} charts with key {key!r}"
    return decode(json.loads(found[0]))


def traces(at, key):
    """The traces of chart ``key`` by name."""
    return {t.get("name"): t for t in chart(at, key)["data"]}


def strings(value):
    """Every string in ``value`` (dicts, lists, tuples and arrays of them), depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, (list, tuple, np.ndarray)):
        for v in value:
            yield from strings(v)
