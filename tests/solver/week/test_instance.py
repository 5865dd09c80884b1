from solver.week.instance import Availability, School, SchoolKind, Staff, StaffKind


def make_school() -> School:
    return School(
        "S",
        "T",
        SchoolKind.VILLAGE,
        0.0,
        0.0,
        opens=480,
        closes=1050,
        lunch_start=720,
        lunch_end=840,
    )


def test_session_windows_never_cross_lunch_or_closing() -> None:
    windows = make_school().session_windows(60)
    assert windows == ((480, 660), (840, 990))
    for start, end in windows:
        for s in (start, end):
            assert s + 60 <= 720 or s >= 840
            assert s + 60 <= 1050


def test_a_session_longer_than_the_afternoon_only_fits_the_morning() -> None:
    assert make_school().session_windows(250) == ()
    assert make_school().session_windows(230) == ((480, 490),)


def test_staff_window_by_day() -> None:
    member = Staff("A", StaffKind.SQUAD, "b", frozenset(), (Availability(2, 480, 1000),))
    assert member.window(2) == Availability(2, 480, 1000)
    assert member.window(0) is None
