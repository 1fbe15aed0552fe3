using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>Explicit dates, numeric dates, years, decades, quarters and seasons. Publication date: Wed 2026-01-28 unless given.</summary>
public class CalendarRulesTest
{
    public static TheoryData<string, string, string> ExplicitDates => new()
    {
        // Month, day, year with the AP abbreviation and its dot.
        { "The vote was held Jan. 27, 2026, in Baghdad.", "Jan. 27, 2026", "2026-01-27" },
        // Day-first British order.
        { "It was published on 25 February 2025 by the paper.", "25 February 2025", "2025-02-25" },
        // Ordinal suffix is part of the extent.
        { "The deadline is January 30th, 2026.", "January 30th, 2026", "2026-01-30" },
        // "the 4th of July 1776": the article and "of" belong to the expression.
        { "They signed it on the 4th of July 1776.", "the 4th of July 1776", "1776-07-04" },
        // ISO and US numeric forms.
        { "Filed 2025-11-03 in court.", "2025-11-03", "2025-11-03" },
        { "Filed on 11/03/2025 in court.", "11/03/2025", "2025-11-03" },
        // Month and year only: never invent a day.
        { "The offensive began in October 2025.", "October 2025", "2025-10" },
        { "Rates rose in Oct. 2025 and fell.", "Oct. 2025", "2025-10" },
        // A bare year after a preposition.
        { "The war began in 2011.", "2011", "2011" },
        // Decades and centuries.
        { "Prices doubled in the 1990s.", "the 1990s", "199" },
        { "A fashion of the '80s.", "the '80s", "198" },
        { "Built in the 1800s.", "the 1800s", "18" },
        { "The twentieth century was violent.", "The twentieth century", "19" },
        // A decade in words after "the" (the article alone does not open an expression: the decade word must).
        { "Hate group numbers dropped through the nineties, but rose this year.", "the nineties", "199" },
        // Quarters and halves.
        { "Profit fell in the third quarter of 2025.", "the third quarter of 2025", "2025-Q3" },
        { "Third-quarter profit fell, the company said.", "Third-quarter", "2025-Q3" },
        { "Sales rose in the first half of 2025.", "the first half of 2025", "2025-H1" },
        // "latter" names the second half like "last" (WikiWars Iraq War "the latter half of 2008" had been the year alone).
        { "Attacks fell sharply in the latter half of 2024.", "the latter half of 2024", "2024-H2" },
        // "Q3" (letter and digit split by the tokenizer), in either case.
        { "Sales rose in Q3 as expected.", "Q3", "2025-Q3" },
        { "Sales rose in q3 as expected.", "q3", "2025-Q3" },
        // Seasons, with a year or resolved by tense.
        { "The talks resumed in the summer of 2024.", "the summer of 2024", "2024-SU" },
        { "The plant closed last summer.", "last summer", "2025-SU" },
        // Coordinated with another season, a bare season is a season too (WikiWars 04 and 13: "the fall and winter",
        // "the spring and summer").
        { "The army drilled through the spring and summer.", "summer", "2025-SU" },
        // A day and month with the year named relative to publication: one expression, that year's day. Late February is
        // within weeks of publication, so without "last year" the nearest February would win; the named year decides.
        { "The plant was shut on February 20 last year after a fire.", "February 20 last year", "2025-02-20" },
        { "She was elected on 3 March this year, the commission said.", "3 March this year", "2026-03-03" },
        { "The treaty takes effect on 1 January next year.", "1 January next year", "2027-01-01" },
        // A holiday is a day in the year the tense points to.
        { "They met on Christmas Day.", "Christmas Day", "2025-12-25" },
        // "Election Day" is the United States' general election, the Tuesday after the first Monday in November, in the year
        // the tense points to (AQUAINT NYT19981026 "from now to Election Day" had been missed).
        { "Turnout was low on Election Day.", "Election Day", "2025-11-04" },
        { "Both campaigns will spend heavily before Election Day.", "Election Day", "2026-11-03" },
    };

    [Theory]
    [MemberData(nameof(ExplicitDates))]
    public void ResolvesCalendarExpression(string text, string extent, string value) => TaggerAssert.Value(text, extent, value);

    public static TheoryData<string, string, string, TimexMod> HalvesOfDecades => new()
    {
        // A half of a decade is the decade with its end or start, not a half of the publication year (TimeBank wsj_1014
        // "the last half of the '80s" had been 1989-H2).
        { "Record sales were flat through the last half of the '70s.", "the last half of the '70s", "197", TimexMod.End },
        { "The firm grew quickly in the first half of the 1990s.", "the first half of the 1990s", "199", TimexMod.Start },
        // A half of a year keeps its half.
        { "Sales were flat in the last half of 2024.", "the last half of 2024", "2024-H2", TimexMod.None },
    };

    public static TheoryData<string, string, string, TimexMod> PartsOfSeasons => new()
    {
        // After a modifier of a point a bare season is a season, with the modifier's part (TimeBank wsj_1003 "the early
        // summer", WikiWars 13 "the early summer", "the middle of summer": all three had been missed).
        { "Orders have recovered from the lows of the early summer.", "the early summer", "2025-SU", TimexMod.Start },
        { "By the middle of summer the rebels held the north.", "the middle of summer", "2025-SU", TimexMod.Mid },
    };

    [Theory]
    [MemberData(nameof(PartsOfSeasons))]
    public void ResolvesPartOfASeason(string text, string extent, string value, TimexMod mod) => TaggerAssert.Value(text, extent, value, mod);

    [Theory]
    [MemberData(nameof(HalvesOfDecades))]
    public void ResolvesHalfOfADecade(string text, string extent, string value, TimexMod mod) => TaggerAssert.Value(text, extent, value, mod);

    public static TheoryData<string, string> NotDates => new()
    {
        // A date that does not exist is not resolved to a neighbouring day.
        { "It happened on February 30, 2025.", "February 30, 2025" },
        // A year beyond the supported calendar.
        { "In the year 99999999 the sun dies.", "99999999" },
        // Numbers that are not years: counts, money, and measures.
        { "The army sent 1500 troops and $2011 in aid.", "1500" },
        { "The army sent 1500 troops and $2011 in aid.", "2011" },
        // "may" the verb and "march" the verb.
        { "Officials may march on the capital.", "may" },
        { "Officials may march on the capital.", "march" },
        // The fall of a city is an event, not a season.
        { "Since the fall of Kabul, aid has dropped.", "fall" },
        // Any other election's day is not the US general election.
        { "The election day in Kenya was calm.", "day" },
        // A kind of thing still, after a point modifier: "late summer crops".
        { "Farmers planted late summer crops.", "summer" },
    };

    [Theory]
    [MemberData(nameof(NotDates))]
    public void LeavesNonTemporalTextAlone(string text, string notTemporal)
    {
        int at = text.IndexOf(notTemporal, StringComparison.Ordinal);
        Assert.DoesNotContain(TaggerAssert.Tag(text), m => m.Start <= at && at < m.End && m.Type == TimexType.Date && m.Value.StartsWith("2", StringComparison.Ordinal) && m.Text.Contains(notTemporal, StringComparison.Ordinal) && m.Value.Length >= 7);
    }

    [Fact]
    public void FebruaryThirtiethYieldsNoDay() =>
        Assert.DoesNotContain(TaggerAssert.Tag("It happened on February 30, 2025."), m => m.Range is { Granularity: Granularity.Day });

    [Fact]
    public void HugeYearYieldsNoMention() => Assert.Empty(TaggerAssert.Tag("In the year 99999999 the sun dies."));

    [Fact]
    public void MonthRangeCoversTheWholeMonth()
    {
        var m = TaggerAssert.Mention("The offensive began in October 2025.", "October 2025");
        Assert.Equal(new NodaTime.LocalDate(2025, 10, 1), m.Range!.Value.Start);
        Assert.Equal(new NodaTime.LocalDate(2025, 10, 31), m.Range!.Value.End);
        Assert.Equal(Granularity.Month, m.Range!.Value.Granularity);
    }
}
