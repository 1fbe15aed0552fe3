using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// Dated statements that are not happenings of the story: a year named as a point of comparison, a deadline or an onset set
/// for a coming date, a plan the sentence says was called off; and dates read on the site's calendar (a zone abbreviation's
/// gloss, a "today" from a zone ahead). Found as wrong dates in the session-5 blind clusters, checked on other sentences.
/// </summary>
public class PlanAndComparisonTest
{
    private static readonly EventOptions Mutiny = new("The Wagner mutiny in Russia and its aftermath");
    private static readonly LocalDate Sat = new(2023, 6, 24);

    public static TheoryData<string> Comparisons => new()
    {
        // The object of "compared … to": a reference point in history, not when this story's happening took place.
        "He compared the moment to [1917|1917], when a country at war had its victory stolen.",
        "Commentators likened the protests to [1968|1968].",
        // "since" after a superlative or "not seen": the record measured against, not an event.
        "It was the worst unrest since [1993|1993].",
        "Markets saw the biggest one-day fall since [2008|2008].",
        "Such a column had not been seen since [1991|1991].",
        "The scenes were reminiscent of [1991|1991].",
        // A year remembered as the object of "remember"/"recall": another story held up against this one.
        "Older traders still remember [2008|2008], when the interbank market froze overnight.",
        "She recalled [1998|1998], when the river last flooded the town.",
        // The compared thing named with its year after "since" and a superlative or a comparative with "than".
        "Seismologists said the quake was stronger than anything since the Great Alaska earthquake in [1964|1964].",
        "Officials called it the deadliest fire to hit the state since the Camp Fire in [2018|2018].",
        "Traders said it was the sharpest fall since the crash of [1987|1987].",
        // The object of "comparable to / likened to" named with its year.
        "Some engineers said the outage was comparable to Northeast Blackout in [2003|2003].",
        "The minister likened the drought to the famine of [1984|1984].",
        // What could be done in that year, held up against now: an ability or habit of then, not a happening.
        "\"In [1995|1995] we could still fish off the pier every morning,\" one resident said.",
        "Back in [2010|2010], the ferry used to leave every hour, a captain said.",
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void AComparedYearIsNoEventDate(string line)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "A", Sat, line), Mutiny);
        Assert.Empty(e.Mentions);
        Assert.Equal(ExclusionReasons.ComparisonPoint, Assert.Single(e.Excluded).Reason);
    }

    public static TheoryData<string> YearsOfTheStory => new()
    {
        // A year that dates the statement itself stays.
        "The group was founded in [2014|2014].",
        // "since" with no superlative opens a span: the start of a state of the story.
        "He has led the company since [2014|2014].",
        // "recalled that in …": the year is the time of what is recalled, told as a happening.
        "He recalled that in [2014|2014] the plant had closed for a month.",
        // A comparison in another clause does not reach the year.
        "Sales compared well; the plant opened in [2014|2014].",
        // "since" with a named start but no superlative or comparative: the start of a state of the story.
        "The town has been rebuilding since Cyclone Winston in [2016|2016].",
        // "could have" is a missed chance, "would" may tell what came next: both left as the year's statement.
        "In [2015|2015] he would become the party's leader.",
        "In [2012|2012] the council could have closed the road, but it did not.",
    };

    [Theory]
    [MemberData(nameof(YearsOfTheStory))]
    public void AYearOfTheStoryStays(string line)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "A", Sat, line), Mutiny);
        Assert.DoesNotContain(e.Excluded, x => x.Reason == ExclusionReasons.ComparisonPoint);
    }

    public static TheoryData<string> Deadlines => new()
    {
        // An order with a deadline ahead of the article: the deadline is not a happening until a report says so.
        "The ministry ordered all volunteer formations to sign contracts with it by [July 1|2023-07-01].",
        // An onset ahead: "from 1 July".
        "The order put its fighters under the ministry's command from [1 July|2023-07-01].",
        "The regulator told the banks to comply no later than [August 15|2023-08-15].",
        // A timetable in the present simple: what "ends" or "expires" on a coming date is a schedule, not a happening.
        "The mayor said his second term ends in [2026|2026], and he cannot stand again.",
        "Officials said the ceasefire expires on [July 10|2023-07-10] unless both sides extend it.",
    };

    public static TheoryData<string, int> Targets => new()
    {
        // A target set for a date, told after it: it was met or missed, and neither happened "by" the target.
        { "The utility had set a goal of restoring power to every home by [the end of June|2023-06], but storms slowed the work.", 7 },
        { "The agency aimed to clear the backlog by [May 31|2023-05-31]; it is still working through it.", 7 },
        // The same told before the date: a forecast as well.
        { "The ministry said it hopes to finish the new runway by [the end of July|2023-07].", 6 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void ATargetDateIsNoHappeningWhenever(string line, int publishedMonth)
    {
        Chronology c = Build(Mutiny, Story("articles/a.txt", "A", new LocalDate(2023, publishedMonth, 24), line));
        Assert.Empty(c.Events);
        Assert.Equal(ExclusionReasons.Forecast, Assert.Single(c.Excluded).Reason);
    }

    public static TheoryData<string> NoTargets => new()
    {
        // A deadline met, told after it, without a word of aim: when it was done.
        "Most units had signed contracts by [June 20|2023-06-20].",
        // A word of aim in an earlier clause does not reach a deadline told as done ("hoped" is closed by the full stop).
        "The crews had hoped for calm weather. They cleared the channel by [June 20|2023-06-20].",
        // A timetable verb in the past is a report of what happened.
        "The festival opened on [June 20|2023-06-20] with a parade.",
    };

    [Theory]
    [MemberData(nameof(NoTargets))]
    public void AReportedDateBeforePublicationStays(string line)
    {
        Chronology c = Build(Mutiny, Story("articles/a.txt", "A", Sat, line));
        Assert.Single(c.Events);
    }

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void ADeadlineAheadIsListedAsAForecast(string line)
    {
        Chronology c = Build(Mutiny, Story("articles/a.txt", "A", Sat, line));
        Assert.Empty(c.Events);
        Assert.Equal(ExclusionReasons.Forecast, Assert.Single(c.Excluded).Reason);
    }

    [Fact]
    public void APlanPutBackCountsAgainstTheForecastsThatRepeatIt()
    {
        // Two articles repeat a plan for 31 October in the present ("is still due"); a third says it was postponed. Nothing
        // reports it as done on the 31st: not an event.
        TaggedStory a = Story("articles/a.txt", "A", new LocalDate(2022, 10, 14),
            "Hunt's medium-term fiscal plan is still due on [Mon 31/10|2022-10-31], whoever is prime minister.");
        TaggedStory b = Story("articles/b.txt", "B", new LocalDate(2022, 10, 21),
            "Hunt's medium-term fiscal plan remains on the calendar for [October 31|2022-10-31].");
        TaggedStory later = Story("articles/c.txt", "C", new LocalDate(2022, 10, 26),
            "Hunt said the fiscal plan, which had been due on [Monday, Oct. 31|2022-10-31], was put back to [Nov. 17|2022-11-17].");
        Chronology c = Build(Mutiny, a, b, later);
        Assert.DoesNotContain(c.Events, e => e.Date == "2022-10-31");
    }

    [Fact]
    public void APlanCalledOffIsNoEventEvenWhenToldAfterItsDate()
    {
        TaggedStory later = Story("articles/c.txt", "C", new LocalDate(2022, 11, 5),
            "The summit, which had been scheduled for [October 31|2022-10-31], was cancelled at the last minute.");
        Chronology c = Build(Mutiny, later);
        Assert.Empty(c.Events);
    }

    [Fact]
    public void APlanThatHappenedStaysWhenALaterReportConfirmsIt()
    {
        // "was originally scheduled for …, was postponed" speaks of the old date; the report of the 17th keeps its own event.
        TaggedStory report = Story("articles/d.txt", "D", new LocalDate(2022, 11, 18),
            "Hunt delivered the autumn statement on [Thursday|2022-11-17], after it was postponed from the end of October.");
        Chronology c = Build(Mutiny, report);
        Assert.Contains(c.Events, e => e.Date == "2022-11-17");
    }

    [Theory]
    // Sydney at 06:30 is 23:30 the day before in Moscow: "5am AEST today" glosses "late on Monday night in Moscow".
    [InlineData("The address was broadcast shortly after [5am AEST today|2023-06-27], late on [Monday night|2023-06-26] in Moscow.", "2023-06-26")]
    // An abbreviation after the clock ("9pm EDT") names the zone as well.
    [InlineData("He spoke at [9pm EDT Sunday|2023-06-25], early on [Monday|2023-06-26] in Moscow.", "2023-06-26")]
    public void AZoneAbbreviationMarksALocalTimeGloss(string line, string kept)
    {
        DateTimeZone moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
        TaggedStory story = Story("articles/a.txt", "A", new LocalDate(2023, 6, 27), line);
        story = story with { Source = story.Source with { Published = new DocumentTime(new LocalDateTime(2023, 6, 27, 6, 30).InZoneLeniently(DateTimeZoneProviders.Tzdb["Australia/Sydney"]), true) } };
        StoryEvents e = EventPipeline.Extract(story, Mutiny with { SiteZone = moscow });
        Assert.Equal([kept], e.Mentions.Select(m => m.Time.Value));
    }

    public static TheoryData<string, int, string, string, string> TodayOnTheSiteCalendar => new()
    {
        // Auckland at 08:00 on Tuesday is 20:00 on Monday in London: the morning's market move is Monday's on the site.
        { "Pacific/Auckland", 8, "The New Zealand dollar eased today as the pound recovered.", "Europe/London", "2022-10-17" },
        // A forecast for "today" is left alone: the rest of the Auckland day runs into the London Tuesday.
        { "Pacific/Auckland", 8, "The central bank will announce its decision today.", "Europe/London", "2022-10-18" },
        // Tokyo at 15:00 is 07:00 in London the same day: the same calendar day, nothing moves.
        { "Asia/Tokyo", 15, "Shares fell today in Tokyo.", "Europe/London", "2022-10-18" },
        // A zone behind the site (New York evening, London night): StoryDate's business, not this rule's.
        { "America/New_York", 20, "Stocks rose today.", "Europe/London", "2022-10-18" },
    };

    [Theory]
    [MemberData(nameof(TodayOnTheSiteCalendar))]
    public void TodayFromAZoneAheadIsReadOnTheSiteCalendar(string zone, int hour, string sentence, string site, string value)
    {
        var published = new DocumentTime(new LocalDateTime(2022, 10, 18, hour, 0).InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]), true);
        int at = sentence.IndexOf("today", StringComparison.Ordinal);
        var today = new TemporalMention(at, at + 5, "today", TimexType.Date, "2022-10-18", TimexMod.None, "today") { Range = Day(2022, 10, 18) };
        Assert.Equal(value, SiteDay.Today(today, published, DateTimeZoneProviders.Tzdb[site], sentence).Value);
    }
}
