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
        // A possible date: the earliest one ("as early as") or one under a condition ("could … if").
        "The harbour master said a relief ship could dock as early as [Thursday|2024-03-07] if the channel was dredged.",
        "Port officials said the terminal might reopen on [Friday|2024-03-08] if the talks succeed.",
        // "set for" after a comma: a reduced schedule ("a hearing, set for …").
        "The employers face an arbitration hearing, set for [March 20|2024-03-20].",
        // "pencilled in": a provisional schedule.
        "The union's ballot is pencilled in for [March 18|2024-03-18].",
        // A dated list item with no verb in the past: a schedule ("What's next: March 20: the hearing").
        "[March 20|2024-03-20]: the arbitration hearing; both sides have their witnesses ready.",
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
        // An irregular past verb does the same ("broke").
        "Dockers broke through the police line on [Wednesday|2024-03-06].",
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
        { "Their trial, set for 23 August, was moved.", true },
        { "The vote is pencilled in for June.", true },
        // "set for" with no comma or form of "be" before it is not read as a schedule ("the stage he set for the talks").
        { "It was the stage he set for the talks.", false },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void SchedulesAreToldFromHappenings(string sentence, bool scheduled) =>
        Assert.Equal(scheduled, Clauses.IsScheduled(sentence));

    public static TheoryData<string, bool> WrittenTheDayBefore => new()
    {
        // Written late on Monday in Sydney, when it is already Tuesday where the story happens: the writer's "tomorrow" is still a
        // day ahead of the writer, so a possible date then is a forecast.
        { "A relief flight could leave as early as [tomorrow|2024-03-05] if the runway is cleared.", true },
        // A weekday is read where the story happens (already Tuesday): the same sentence with "on Tuesday" is that day's.
        { "A relief flight could leave on [Tuesday|2024-03-05] if the runway is cleared.", false },
    };

    [Theory]
    [MemberData(nameof(WrittenTheDayBefore))]
    public void TheWritersTomorrowIsAheadOfTheWriter(string line, bool forecast)
    {
        TaggedStory story = Story("articles/a.txt", "A", Mon, line);
        story = story with { Source = story.Source with { Published = story.Source.Published with { StoryDate = Mon.PlusDays(1) } } };
        StoryEvents e = EventPipeline.Extract(story, Strike);
        Assert.Equal(forecast, e.Excluded.Any(x => x.Reason == ExclusionReasons.Forecast));
    }

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

    public static TheoryData<string, bool> Hypotheticals => new()
    {
        // A hypothetical date ("would put it on") written before the day: not a report of it, whatever happens that day.
        { "Under the old plan the vote would normally come ten days later, which would put it on [Friday|2024-03-08].", true },
        // So is one in a relative clause after a reported plan's date ("which would").
        { "Officials planned the vote for ten days later, which would point to [Friday|2024-03-08].", true },
        // A "would" after a verb of saying is a plan reported, which a later report may confirm: left as a forecast to be joined.
        { "The party said a new motion would be put to a vote on [Friday|2024-03-08].", false },
        // The same words about a past date are a report and stay.
        { "The two sides would meet on [Saturday|2024-03-02], they said, and did, for six hours.", false },
        // A coming date without a hypothetical or a schedule stays a forecast the later reports may confirm (see above).
        { "Talks between the union and the employers will resume on [Friday|2024-03-08] in Rotterdam, the union said.", false },
    };

    [Theory]
    [MemberData(nameof(Hypotheticals))]
    public void AHypotheticalIsNoReportOfItsDay(string line, bool excluded)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "A", Mon, line), Strike);
        Assert.Equal(excluded, e.Excluded.Any(x => x.Reason == ExclusionReasons.Forecast));
    }
}
