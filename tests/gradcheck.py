"""The tests' name for :mod:`negsamp.gradcheck` (kept so ``from gradcheck import ...`` works)."""
from negsamp.gradcheck import TOL, assert_grad_close, numeric_grad, rel_error  # noqa: F401
