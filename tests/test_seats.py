"""Seats for live training (negsamp/dashboard/seats.py) and a class server's settings
(negsamp/dashboard/class_server.py), without Streamlit: a fake clock, plain objects."""
import gc

import pytest

from negsamp.config import TrainConfig
from negsamp.dashboard import class_server as cs
from negsamp.dashboard import live as live_module
from negsamp.dashboard.live import LiveTraining
from negsamp.dashboard.seats import Seats
from negsamp.datasets import synthetic_corpus


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class Session:  # anything a weak reference can point to
    pass


def test_at_most_limit_sessions_hold_a_seat_and_a_holder_keeps_its_own():
    seats = Seats(limit=2, clock=Clock())
    a, b, c = Session(), Session(), Session()
    assert seats.take(a) and seats.take(b)
    assert not seats.take(c)                # full
    assert seats.take(a) and seats.take(b)  # renewing is not taking a second seat
    assert seats.count() == 2 and not seats.holds(c)


def test_a_released_seat_goes_to_the_next_session():
    seats = Seats(limit=1, clock=Clock())
    a, b = Session(), Session()
    assert seats.take(a) and not seats.take(b)
    seats.release(b)                        # releasing a seat it never had changes nothing
    assert seats.holds(a)
    seats.release(a)
    assert seats.take(b) and not seats.take(a)


def test_a_seat_not_renewed_for_stale_after_seconds_is_free_again():
    clock = Clock()
    seats = Seats(limit=1, stale_after=30.0, clock=clock)
    a, b = Session(), Session()
    assert seats.take(a)
    clock.now = 29.0
    assert not seats.take(b) and seats.take(a)   # a renewed at 29 s
    clock.now = 58.0
    assert not seats.take(b)                     # 29 s since a's renewal
    clock.now = 59.5
    assert seats.take(b)                         # a's browser went away: b trains
    assert not seats.take(a)                     # a comes back: the seat is b's now


def test_a_session_that_is_freed_frees_its_seat():
    seats = Seats(limit=1, clock=Clock())
    a = Session()
    assert seats.take(a)
    del a
    gc.collect()
    assert seats.take(Session())


def test_without_a_limit_every_session_trains():
    seats = Seats(limit=None, clock=Clock())
    sessions = [Session() for _ in range(50)]
    assert all(seats.take(s) for s in sessions) and seats.count() == 50


@pytest.fixture
def one_seat(monkeypatch):
    seats = Seats(limit=1)
    monkeypatch.setattr(live_module, "SEATS", seats)
    return seats


def _live():
    return LiveTraining(synthetic_corpus(n_tokens=2000), TrainConfig(epochs=None))


def test_start_is_refused_when_the_seats_are_taken_and_pause_reset_free_them(one_seat):
    a, b = _live(), _live()
    a.start()
    b.start()
    assert a.running and not a.busy
    assert not b.running and b.busy
    assert b.tick(0.01) == []                    # refused: it does not train
    a.pause()
    b.start()
    assert b.running and not b.busy and one_seat.holds(b)
    b.reset()                                    # a reset pauses: the seat is free
    assert not one_seat.holds(b) and not b.busy
    a.start()
    assert a.running and a.tick(0.01)            # a trains again


def test_a_run_that_finishes_gives_its_seat_back(one_seat):
    a = LiveTraining(synthetic_corpus(n_tokens=2000), TrainConfig(epochs=1, batch_size=500))
    a.start()
    while a.running:
        a.tick(0.05)
    assert a.trainer.status == "finished" and not one_seat.holds(a)


def test_a_session_whose_seat_went_stale_and_was_taken_is_paused_as_busy(monkeypatch):
    clock = Clock()
    seats = Seats(limit=1, stale_after=30.0, clock=clock)
    monkeypatch.setattr(live_module, "SEATS", seats)
    a, b = _live(), _live()
    a.start()
    clock.now = 31.0                             # a's tab slept: its seat is stale
    b.start()
    assert b.running
    assert a.tick(0.01) == [] and not a.running and a.busy


def test_the_settings_come_from_the_environment():
    assert cs.ClassSettings.from_env({}) == cs.ClassSettings()  # nothing limited
    assert not cs.ClassSettings.from_env({}).limited
    s = cs.ClassSettings.from_env({cs.CLASS_SERVER: "1", cs.MAX_TRAINING: "6",
                                   cs.SERVER_NAME: "dash2"})
    assert s.limited and s.max_training == 6 and s.server_name == "dash2"
    assert (s.max_hidden, s.max_batch) == (cs.CLASS_CAPS["max_hidden"],
                                           cs.CLASS_CAPS["max_batch"])
    assert cs.ClassSettings.from_env({cs.MAX_TRAINING: "3"}).max_hidden is None


@pytest.mark.parametrize("env", [{cs.MAX_TRAINING: "0"}, {cs.MAX_TRAINING: "many"},
                                 {cs.MAX_TRAINING: "-2"}, {cs.CLASS_SERVER: "yes"}])
def test_a_mistyped_setting_stops_the_process_naming_it(env):
    with pytest.raises(ValueError, match=next(iter(env))):
        cs.ClassSettings.from_env(env)


def test_allowed_options_stop_at_the_cap():
    options = (2, 5, 10, 20, 50, 100, 200, 300)
    assert cs.allowed(options, 100) == (2, 5, 10, 20, 50, 100)
    assert cs.allowed(options, 99) == (2, 5, 10, 20, 50)
    assert cs.allowed(options, None) == options


@pytest.mark.parametrize("cookies, name, want", [
    ({}, "dash1", None),                                              # a new browser
    ({"SERVERID": "dash1"}, "dash1", None),                           # its own server
    ({"SERVERID": "dash3"}, "dash1", "dash3"),                        # reconnected here
    ({"SERVERID": "dash1", "NEGSAMP_MOVED_FROM": "dash3"}, "dash1", "dash3"),  # reloaded
    ({"SERVERID": "dash1", "NEGSAMP_MOVED_FROM": "dash1"}, "dash1", None),
    ({"SERVERID": "dash3"}, None, None),                              # not a class server
    ({"SERVERID": " "}, "dash1", None),
])
def test_a_browser_moved_from_another_server_is_told(cookies, name, want):
    assert cs.moved_from(cookies, name) == want
