using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>Statements about a date after their article was published: forecasts, plans and schedules.</summary>
public class ForecastTest
{
    private static readonly EventOptions Strike = new("Dock workers strike at the port of Rotterdam");
    private static readonly LocalDate Mon = new(2024, 3, 4);

    public static TheoryData<string> UnconfirmedForecasts => new()
    {
        // A modal in a relative clause: the permit's end is only expected.
        "The union was granted a permit for the protest, which would expire on [March 20|2024-03-20].",
        // "expected … by": a plan of one of the people quoted.
        "A port official said he expected the backlog to be cleared by [Thursday|2024-03-07].",
        // A schedule with no modal ("is due"), month-level.
        "A ruling on the legality of the strike is due in [April|2024-04].",
        // "set to" after a form of "be".
        "Talks between the union and the employers are set to resume on [Friday|2024-03-08].",
    };

    [Theory]
    [MemberData(nameof(UnconfirmedForecasts))]
    public void AForecastNoLaterReportConfirmsIsListedNotPlaced(string line)
    {
        Chronology c = Build(Strike, Story("articles/a.txt", "A", Mon, line));
        Assert.Empty(c.Events);
        Assert.Equal(ExclusionReasons.Forecast, Assert.Single(c.Excluded).Reason);
    }

    [Fact]
    public void AForecastThatALaterArticleReportsAsDoneStaysWithTheReport()
    {
        TaggedStory before = Story("articles/a.txt", "A", Mon,
            "Talks between the union and the employers will resume on [Friday|2024-03-08] in Rotterdam, the union said.");
        TaggedStory after = Story("articles/b.txt", "B", new LocalDate(2024, 3, 9),
            "Talks between the union and the employers resumed in Rotterdam on [Friday|2024-03-08] without a deal.");

        Chronology c = Build(Strike, before, after);

        TimelineEvent talks = Assert.Single(c.Events);
        Assert.Equal("2024-03-08", talks.Date);
        Assert.Equal(["articles/a.txt", "articles/b.txt"], talks.Sources.Select(s => s.Source.ArticlePath).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(c.Excluded, x => x.Reason == ExclusionReasons.Forecast);
    }

    public static TheoryData<string> KeptStatements => new()
    {
        // Said on the day of publication: the saying happened, whatever it announces.
        "The union said on [Monday|2024-03-04] that its members would stay out all week.",
        // A past-tense statement about a later date is more likely a date read the wrong way than a forecast.
        "Dockers walked out on [Tuesday|2024-03-05] after talks broke down.",
        // Past, with a modal about it: not after the publication day.
        "The strike, which could cost the port millions, began on [Saturday|2024-03-02].",
    };

    [Theory]
    [MemberData(nameof(KeptStatements))]
    public void AStatementOfTheDayOrOfThePastIsNoForecast(string line)
    {
        Chronology c = Build(Strike, Story("articles/a.txt", "A", Mon, line));
        Assert.Single(c.Events);
        Assert.DoesNotContain(c.Excluded, x => x.Reason == ExclusionReasons.Forecast);
    }

    public static TheoryData<string, bool> Schedules => new()
    {
        { "The vote is due on Friday.", true },
        { "Talks are set to resume next week.", true },
        { "The scheduled sailing was cancelled.", true },
        { "The upcoming hearing will decide it.", true },
        // "due to" as "because of", with no form of "be" before it.
        { "Sailings were delayed due to the strike.", false },
        // "set on fire", "set alight": an act, not a schedule.
        { "Two police vans were set on fire outside the terminal.", false },
        { "Tyres were set alight at the gate.", false },
        { "Dockers walked out on Tuesday.", false },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void SchedulesAreToldFromHappenings(string sentence, bool scheduled) =>
        Assert.Equal(scheduled, Clauses.IsScheduled(sentence));

    public static TheoryData<string, bool> Tentatives => new()
    {
        // The month is not the modal.
        { "He resigned on May 9 after the attack.", false },
        { "Mahinda was prime minister until May.", false },
        // The modal is.
        { "He may resign on Friday.", true },
        { "Officials said the talks could collapse.", true },
    };

    [Theory]
    [MemberData(nameof(Tentatives))]
    public void TheMonthMayIsNotTheModal(string sentence, bool tentative) =>
        Assert.Equal(tentative, Clauses.IsTentative(sentence));
}
