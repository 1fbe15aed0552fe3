using NodaTime;
using Timeline.Core.Temporal;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

public sealed class DateTextTest
{
    public static TheoryData<string, TimexMod, DateRange, string> Precisions => new()
    {
        // A day is spelled in full.
        { "2026-01-24", TimexMod.None, TestSite.Day(2026, 1, 24), "24 January 2026" },
        // A month is never shown as its first day.
        { "2025-10", TimexMod.None, TestSite.Month(2025, 10), "October 2025" },
        // "early this month": the month with START.
        { "2026-01", TimexMod.Start, TestSite.Month(2026, 1), "early January 2026" },
        // MID and END read naturally too.
        { "2025-07", TimexMod.Mid, TestSite.Month(2025, 7), "mid-July 2025" },
        { "2025", TimexMod.End, new DateRange(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31), Granularity.Year), "late 2025" },
        // A year alone.
        { "2011", TimexMod.None, new DateRange(new LocalDate(2011, 1, 1), new LocalDate(2011, 12, 31), Granularity.Year), "2011" },
        // An ISO week is named by its Monday.
        { "2026-W04", TimexMod.None, new DateRange(new LocalDate(2026, 1, 19), new LocalDate(2026, 1, 25), Granularity.Week), "week of 19 January 2026" },
        // Quarters, halves and seasons come from the TIMEX3 value.
        { "2025-Q3", TimexMod.None, new DateRange(new LocalDate(2025, 7, 1), new LocalDate(2025, 9, 30), Granularity.Quarter), "third quarter of 2025" },
        { "2025-H1", TimexMod.None, new DateRange(new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30), Granularity.Half), "first half of 2025" },
        { "2025-SU", TimexMod.None, new DateRange(new LocalDate(2025, 6, 1), new LocalDate(2025, 8, 31), Granularity.Season), "summer 2025" },
        // Decade and century.
        { "201", TimexMod.None, new DateRange(new LocalDate(2010, 1, 1), new LocalDate(2019, 12, 31), Granularity.Decade), "the 2010s" },
        { "20", TimexMod.None, new DateRange(new LocalDate(2000, 1, 1), new LocalDate(2099, 12, 31), Granularity.Century), "the 21st century" },
        // An approximate date says so.
        { "2026-01-28", TimexMod.Approx, TestSite.Day(2026, 1, 28), "around 28 January 2026" },
    };

    [Theory]
    [MemberData(nameof(Precisions))]
    public void FormatShowsTruePrecision(string value, TimexMod mod, DateRange range, string expected) =>
        Assert.Equal(expected, DateText.Format(value, mod, range));

    [Fact]
    public void ResolutionOfADayNamesItsWeekday()
    {
        var saturday = new TemporalMention(0, 8, "Saturday", TimexType.Date, "2026-01-24", TimexMod.None, "t") { Range = TestSite.Day(2026, 1, 24) };
        Assert.Equal("Sat 24 Jan 2026", DateText.Resolution(saturday));
    }

    [Theory]
    // A duration has no calendar position: spelled as a length.
    [InlineData("P15D", "15 days")]
    [InlineData("P1W", "1 week")]
    // Anything the speller does not know is shown as its TIMEX3 value.
    [InlineData("PT5H", "PT5H")]
    public void ResolutionOfADurationIsALength(string value, string expected)
    {
        var mention = new TemporalMention(0, 4, "x", TimexType.Duration, value, TimexMod.None, "t");
        Assert.Equal(expected, DateText.Resolution(mention));
    }

    [Fact]
    public void PublishedShowsTimeAndOffsetOnlyWhenKnown()
    {
        DateTimeZone manila = DateTimeZoneProviders.Tzdb["Asia/Manila"];
        var withTime = new DocumentTime(new LocalDateTime(2026, 1, 29, 0, 30).InZoneStrictly(manila), true);
        Assert.Equal("Thu 29 Jan 2026, 00:30 (UTC+08:00)", DateText.Published(withTime));
        Assert.Equal("Wed 28 Jan 2026", DateText.Published(DocumentTime.FromDate(new LocalDate(2026, 1, 28))));
    }

    [Theory]
    // HTML has valid date strings for a day, a month, a year and a week …
    [InlineData("2026-01-24", "day", "2026-01-24")]
    [InlineData("2025-10", "month", "2025-10")]
    [InlineData("2011", "year", "2011")]
    [InlineData("2026-W04", "week", "2026-W04")]
    // … but none for a decade: no datetime attribute rather than a false one.
    [InlineData("201", "decade", null)]
    public void HtmlDateTimeOnlyForPrecisionsHtmlCanExpress(string value, string kind, string? expected)
    {
        DateRange range = kind switch
        {
            "day" => TestSite.Day(2026, 1, 24),
            "month" => TestSite.Month(2025, 10),
            "year" => new DateRange(new LocalDate(2011, 1, 1), new LocalDate(2011, 12, 31), Granularity.Year),
            "week" => new DateRange(new LocalDate(2026, 1, 19), new LocalDate(2026, 1, 25), Granularity.Week),
            _ => new DateRange(new LocalDate(2010, 1, 1), new LocalDate(2019, 12, 31), Granularity.Decade),
        };
        Assert.Equal(expected, DateText.HtmlDateTime(value, range));
    }
}
