# The seed note's code, run here so that tests/test_seed_bugs.py can call (and patch) it
# as a module: negsamp/dashboard/seed_note.py holds it (verbatim, in seed_note_code.py)
# and executes it into this module's namespace, with the real NumPy and its global
# np.random as the note has it. Do not fix it.
from negsamp.dashboard.seed_note import load

load(namespace=globals())
