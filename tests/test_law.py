"""The rules of the law that need no database, with their edge cases."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decisions import law
from motions.dnr import DnrFormatError, dnr_slug, format_dnr, validate_format
from motions.models import add_years

ANSWERS = st.sampled_from([law.YES, law.NO, law.ABSTAIN, law.ABSENT])


class TestOneYearDeadline:
    def test_same_day_next_year(self):
        assert add_years(datetime.date(2019, 4, 23), 1) == datetime.date(2020, 4, 23)

    def test_leap_day_ends_on_28_february(self):
        # Lag (1930:173): no 29 February next year, so the period ends on the month's last day.
        assert add_years(datetime.date(2020, 2, 29), 1) == datetime.date(2021, 2, 28)

    def test_leap_day_to_leap_day(self):
        assert add_years(datetime.date(2020, 2, 29), 4) == datetime.date(2024, 2, 29)


class TestTally:
    def test_matching_tally_has_no_message(self):
        answers = [law.YES, law.YES, law.NO, law.ABSTAIN, law.ABSENT]
        assert law.tally_mismatch(law.Tally(yes=2, no=1, abstain=1), answers) is None

    def test_mismatch_names_both_counts_in_swedish(self):
        message = law.tally_mismatch(law.Tally(yes=3, no=1), [law.YES, law.NO])
        assert message is not None
        assert "angivet 3 ja" in message
        assert "listan har 1 ja" in message

    def test_absent_members_are_not_counted(self):
        assert law.tally_of([law.ABSENT, law.ABSENT]) == law.Tally(0, 0, 0)

    @given(st.lists(ANSWERS, max_size=101))
    def test_the_counted_tally_always_matches_its_roll_call(self, answers):
        assert law.tally_mismatch(law.tally_of(answers), answers) is None

    @given(st.lists(ANSWERS, min_size=1, max_size=101), st.integers(min_value=1, max_value=5))
    def test_any_other_stated_yes_count_is_refused(self, answers, extra):
        counted = law.tally_of(answers)
        stated = law.Tally(yes=counted.yes + extra, no=counted.no, abstain=counted.abstain)
        assert law.tally_mismatch(stated, answers) is not None


class TestVoteResult:
    def test_majority_yes(self):
        assert law.vote_result(law.Tally(8, 7), chair_answer=law.NO) == law.YES

    def test_majority_no(self):
        assert law.vote_result(law.Tally(7, 8), chair_answer=law.YES) == law.NO

    def test_abstentions_do_not_count(self):
        assert law.vote_result(law.Tally(5, 4, abstain=6), chair_answer=None) == law.YES

    @pytest.mark.parametrize("chair", [law.YES, law.NO])
    def test_tie_is_decided_by_the_chairs_casting_vote(self, chair):
        assert law.vote_result(law.Tally(7, 7, abstain=1), chair_answer=chair) == chair

    @pytest.mark.parametrize("chair", [law.ABSTAIN, law.ABSENT, None])
    def test_tie_without_a_chair_vote_is_unresolved(self, chair):
        assert law.vote_result(law.Tally(7, 7), chair_answer=chair) is None


D = datetime.date


class TestLastAppealDay:
    """Three weeks from the notice, same weekday, moved past days on which no deadline ends."""

    @pytest.mark.parametrize(
        ("posted", "last_day"),
        [
            (D(2022, 3, 16), D(2022, 4, 6)),  # an ordinary Wednesday
            (D(2022, 2, 23), D(2022, 3, 16)),
            (D(2022, 3, 19), D(2022, 4, 11)),  # Saturday → Monday
            (D(2022, 3, 20), D(2022, 4, 11)),  # Sunday → Monday
            (D(2022, 3, 25), D(2022, 4, 19)),  # långfredagen, weekend, annandag påsk
            (D(2022, 3, 26), D(2022, 4, 19)),  # påskafton is a Saturday
            (D(2022, 3, 28), D(2022, 4, 19)),  # annandag påsk
            (D(2019, 5, 9), D(2019, 5, 31)),  # Kristi himmelsfärdsdag, Thursday 30 May
            (D(2022, 6, 3), D(2022, 6, 27)),  # midsommarafton Friday 24 June, then the weekend
            (D(2023, 5, 16), D(2023, 6, 7)),  # nationaldagen, Tuesday 6 June
            (D(2021, 12, 3), D(2021, 12, 27)),  # julafton Friday, then a weekend
            (D(2019, 12, 5), D(2019, 12, 27)),  # julafton, juldagen, annandag jul
            (D(2019, 12, 10), D(2020, 1, 2)),  # nyårsafton Tuesday, nyårsdagen Wednesday
            (D(2021, 12, 16), D(2022, 1, 7)),  # trettondedag jul, Thursday 6 January
            (D(2022, 10, 15), D(2022, 11, 7)),  # Saturday 5 November, alla helgons dag
        ],
    )
    def test_table(self, posted, last_day):
        assert law.last_appeal_day(posted) == last_day

    @given(st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31)))
    def test_never_before_three_weeks_never_on_a_free_day(self, posted):
        last = law.last_appeal_day(posted)
        assert last >= posted + datetime.timedelta(weeks=3)
        assert not law.is_deadline_free(last)
        assert (last - posted).days <= 21 + 5  # the longest run: julafton to annandag + weekend


class TestQuorum:
    @pytest.mark.parametrize(
        ("serving", "seats", "expected"),
        [
            (8, 15, True),
            (7, 15, False),
            (41, 81, True),
            (40, 81, False),
            (7, 13, True),
            (6, 12, False),
            (7, 12, True),
            (0, 0, False),
        ],
    )
    def test_more_than_half(self, serving, seats, expected):
        assert law.has_quorum(serving, seats) is expected


class TestParagraphRange:
    @pytest.mark.parametrize(
        ("number", "first", "last", "expected"),
        [
            (62, 62, 75, True),
            (75, 62, 75, True),
            (61, 62, 75, False),
            (76, 62, 75, False),
            (1, None, None, True),
            (90, 62, None, True),
            (10, None, 9, False),
        ],
    )
    def test_in_range(self, number, first, last, expected):
        assert law.in_range(number, first, last) is expected


class TestDnr:
    @pytest.mark.parametrize(
        ("pattern", "expected"),
        [
            ("{registry} {year}-{serial}", "KS 2019-295"),
            ("{registry} {year}/{serial}", "KS 2019/295"),
            ("{registry}/{year}:{serial}", "KS/2019:295"),
            ("{registry}-{year}-{serial:04d}", "KS-2019-0295"),
        ],
    )
    def test_formats_of_several_municipalities(self, pattern, expected):
        validate_format(pattern)
        assert format_dnr(pattern, registry="KS", year=2019, serial=295) == expected

    @pytest.mark.parametrize(
        "pattern", ["{registry} {serial}", "{registry} {year}-{nummer}", "{year-{serial}", "KS"]
    )
    def test_unusable_formats_are_refused_in_swedish(self, pattern):
        with pytest.raises(DnrFormatError, match=r"[Ff]ormat"):
            validate_format(pattern)

    @pytest.mark.parametrize(
        ("dnr", "slug"),
        [
            ("KS 2019-295", "ks-2019-295"),
            ("KS/2017:499", "ks-2017-499"),
            ("2011/KS 0206 001", "2011-ks-0206-001"),
            ("ÄN 2020-4", "an-2020-4"),
        ],
    )
    def test_slug(self, dnr, slug):
        assert dnr_slug(dnr) == slug
