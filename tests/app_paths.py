"""Where the app lives and how long one AppTest script run may take (shared by tests)."""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
APPTEST_TIMEOUT = 300  # seconds one script run may take under AppTest: a limit for a hung
#                       run, many times what a busy two-core machine takes, not a speed
HOME = "app_pages/0_Home.py"  # the default page, shown at the app's root URL
