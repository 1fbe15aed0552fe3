using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>Statements of one happening from different outlets, told in other words or only forecast, make one event.</summary>
public sealed class SameHappeningTest
{
    private static readonly EventOptions Crisis = new("President Rajan ousted by protests and replaced by a vote in parliament");
    private static readonly LocalDate Thu = new(2024, 5, 2);

    public static TheoryData<string, int, bool> Forecasts => new()
    {
        // A plan for the day it is published on: a forecast.
        { "He is expected to leave Malé for Singapore [today|2024-05-02].", 0, true },
        // A plan for a later day.
        { "Parliament will elect a new president on [Friday|2024-05-03].", 0, true },
        // The same words about a day before publication: not a forecast of the happening (a past plan, or a report).
        { "Rajan was expected to leave on [Wednesday|2024-05-01].", 0, false },
        // A report of the day: what happened.
        { "Rajan arrived in Singapore on [Thursday|2024-05-02].", 1, false },
    };

    [Theory]
    [MemberData(nameof(Forecasts))]
    public void ForecastIsATentativeStatementAboutItsPublicationDayOrLater(string line, int daysAfter, bool forecast)
    {
        StoryEvents s = EventPipeline.Extract(Story("articles/01.txt", "Brief", Thu.PlusDays(daysAfter), line), Crisis);
        Assert.Equal(forecast, EventBuilder.IsForecast(Assert.Single(s.Mentions)));
    }

    [Fact]
    public void ForecastOfTheDayDoesNotSplitTheReportedHappening()
    {
        // The brief, published first, expects the flight; the ministry's statement, published later, is more like the
        // forecast (Singapore) than like the reports of the landing and the emailed resignation, and joins it: without the
        // forecast's event joining the day's reported one, one happening is told as two events of the day.
        TaggedStory brief = Story("articles/01.txt", "Brief", Thu,
            "The country still has a president [this morning|2024-05-02], on paper.",
            "He is expected to leave Malé for Singapore [today|2024-05-02].");
        TaggedStory observer = Story("articles/02.txt", "Observer", Thu.PlusDays(1),
            "Rajan landed at Changi Airport on [Thursday evening|2024-05-02] on a flight from the Maldives and emailed his resignation as president.",
            "The foreign ministry said on [Thursday night|2024-05-02] that he had been allowed into Singapore on a private visit.");
        TaggedStory wire = Story("articles/03.txt", "Wire", Thu.PlusDays(2),
            "Rajan emailed his resignation from Singapore on [Thursday|2024-05-02].");
        TaggedStory atoll = Story("articles/04.txt", "Atoll", Thu.PlusDays(3),
            "Rajan flew on from the Maldives on [Thursday|2024-05-02] and landed at Changi Airport.");
        Chronology c = Build(Crisis, brief, observer, wire, atoll);
        Assert.Single(c.Events, e => e.Date.StartsWith("2024-05-02", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, int> SameMonth => new()
    {
        // Background of one happening in other words ("won the presidency" / "was elected"), one participant: one event.
        {
            "Rajan Perera, a former defence secretary, won the presidency in [November 2019|2019-11] on promises of security.",
            "Mr. Perera, who was elected in [November 2019|2019-11] with 6.9 million votes, is the first president to resign.",
            1
        },
        // Same month, nothing shared (neither who nor what): two happenings.
        {
            "Rajan Perera, a former defence secretary, won the presidency in [November 2019|2019-11] on promises of security.",
            "The central bank cut its lending rates in [November 2019|2019-11] to support exporters.",
            2
        },
    };

    [Theory]
    [MemberData(nameof(SameMonth))]
    public void SameMonthStatementsWithASharedParticipantJoin(string a, string b, int events)
    {
        TaggedStory wire = Story("articles/01.txt", "Wire", new LocalDate(2022, 7, 9), a);
        TaggedStory herald = Story("articles/02.txt", "Herald", new LocalDate(2022, 7, 16), b);
        Chronology c = Build(Crisis, wire, herald);
        Assert.Equal(events, HappeningsOn(c, d => d == "2019-11"));
    }
}
