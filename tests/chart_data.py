"""Read a plotly chart drawn by a page under AppTest, typed arrays decoded to NumPy."""
import base64
import json

import numpy as np


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


def chart(at, key):
    """The figure dict (``data``, ``layout``) of the one plotly chart drawn with ``key``."""
    found = [c for c in at.get("plotly_chart") if c.key == key]
    assert len(found) == 1, f"{len(found)} charts with key {key!r}"
    return decode(json.loads(found[0].proto.spec))


def traces(at, key):
    """The traces of chart ``key`` by name."""
    return {t.get("name"): t for t in chart(at, key)["data"]}
