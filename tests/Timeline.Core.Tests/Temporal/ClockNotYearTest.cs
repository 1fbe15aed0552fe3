namespace Timeline.Core.Tests.Temporal;

/// <summary>Four-digit clock times written without a colon (HHMM) that must never be read as years.</summary>
public class ClockNotYearTest
{
    private const string Dct = "2016-02-10";

    public static TheoryData<string, string> NotYears => new()
    {
        // A zone after the number: a clock time (and the day before it keeps its own date).
        { "10 FEBRUARY, 1130 GMT, TOWN CENTRE At a petrol station the queues are long.", "1130" },
        // "local time" after it.
        { "The tremor struck at 1653 local time on Tuesday.", "1653" },
        // The same moment in another zone in brackets after it.
        { "The hospital director said that by 1100 (1600 GMT) the wards were full.", "1100" },
        // The bracketed moment itself.
        { "The hospital director said that by 1100 (1600 GMT) the wards were full.", "1600" },
    };

    [Theory]
    [MemberData(nameof(NotYears))]
    public void AClockIsNoYear(string text, string number)
    {
        int at = text.IndexOf(number, StringComparison.Ordinal);
        Assert.DoesNotContain(TaggerAssert.Tag(text, Dct), m => m.Start <= at && at < m.End && m.Value.Length == 4);
    }

    [Fact]
    public void AClockInLocalTimeIsATimeOfTheDayAfterIt() =>
        TaggerAssert.Value("The tremor struck at 1653 local time on Tuesday.", "1653 local time", "2016-02-09T16:53", dct: Dct);

    [Fact]
    public void AZonedClockAfterADateIsATimeOfThatDay()
    {
        const string Text = "8 FEBRUARY, 1130 GMT, TOWN CENTRE At a petrol station the queues are long.";
        TaggerAssert.Value(Text, "8 FEBRUARY", "2016-02-08", dct: Dct);
        TaggerAssert.Value(Text, "1130 GMT", "2016-02-08T11:30", dct: Dct);
    }

    /// <summary>A live blog: entries open with their time, some run into the entry before (no full stop).</summary>
    private static readonly string LiveBlog = string.Join(' ',
        "(All times GMT.)",
        "2358 The relief agency says its staff are safe.",
        "2249 The airport has reopened to aid flights.",
        "2131 Rescuers pulled a girl from the rubble of a school",
        "1817 The navy says two ships are on their way.",
        "1626 A charity worker tells the BBC that water is running out.",
        "1540 \"We need doctors,\" a nurse says.",
        "1122 Aid pledges pass $100m.",
        "0957 The quake was felt on the neighbouring islands.");

    public static TheoryData<string> BlogClocks => new()
    {
        // Opening a sentence.
        "1626",
        // After a sentence that ends with a quote and a full stop.
        "1122",
        // Run into the entry before it, which has no full stop.
        "1817",
        // The leading zero makes it no year anyway; here as a check that the page reads as a blog.
        "0957",
    };

    [Theory]
    [MemberData(nameof(BlogClocks))]
    public void ALiveBlogsEntryTimesAreNoYears(string number)
    {
        int at = LiveBlog.IndexOf(number, StringComparison.Ordinal);
        Assert.DoesNotContain(TaggerAssert.Tag(LiveBlog, Dct), m => m.Start <= at && at < m.End);
    }

    public static TheoryData<string, string> Years => new()
    {
        // A chronology whose entries open with years: 1983 is no clock (83 minutes), so the page is no live blog.
        { "1983 The doctor graduates from medical school. 2000 He opens a practice in the city. 2006 He meets the singer. 2008 He moves to the coast. 2009 He is hired for the tour. 2010 He is charged.", "2006" },
        // Years that are valid clocks but span less than an hour as clocks: a run of recent years, not a live blog.
        { "2001 The company is founded. 2003 It opens a second office. 2005 It is listed. 2007 It buys a rival. 2009 It is fined. 2011 It is sold.", "2005" },
        // Too few entries to make a page a live blog.
        { "1815 The old bridge is built. 1914 It is closed for the war.", "1815" },
        // A year after "in" in a sentence of a live blog stays a year.
        { "1626 A historian says: \"The last great quake here was in 1751 Spanish records show.\" 1540 The airport reopens. 1122 Aid arrives. 0957 A ship docks. 2358 Rain falls. 2249 Night falls.", "1751" },
    };

    [Theory]
    [MemberData(nameof(Years))]
    public void YearsStayYears(string text, string year)
    {
        int at = text.IndexOf(year, StringComparison.Ordinal);
        Assert.Contains(TaggerAssert.Tag(text, Dct), m => m.Start == at && m.Value == year);
    }
}
