using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

public class BuildTest
{
    private static readonly LocalDate Oct15 = new(2025, 10, 15);
    private static readonly LocalDate Jan28 = new(2026, 1, 28);

    // The day-level report of the first visit, with an unrelated month-level statement in the same story.
    private static TaggedStory October() => Story("articles/004.txt", "AP", Oct15,
        "Syria's interim leader Ahmad al-Sharaa held talks [Wednesday|2025-10-15] in Russia during his first visit to the Kremlin.",
        "Putin hailed Syria's parliamentary elections held [this month|2025-10] as a big success for society.",
        "Ahmad al-Sharaa led a rebel offensive [last year|2024] that ousted Bashar Assad.");

    private static TaggedStory January(string path, string outlet) => Story(path, outlet, Jan28,
        "Syria's interim President Ahmad al-Sharaa visited Moscow on [Wednesday|2026-01-28] for talks with Vladimir Putin on Russian bases.",
        "Al-Sharaa, who first visited Russia in [October|2025-10], thanked Putin for helping to stabilize Syria.",
        "He led a rebel offensive in [December 2024|2024-12] that ousted Bashar Assad from power.");

    private static TimelineEvent Single(Chronology c, string date) => Assert.Single(c.Events, e => e.Date == date);

    [Fact]
    public void MonthMentionRefinesIntoTheDayEventOfAnotherStory()
    {
        Chronology c = Build(October(), January("articles/000.txt", "AP"));
        TimelineEvent visit = Single(c, "2025-10-15");
        Assert.Contains(visit.Sources, m => m.Source.ArticlePath == "articles/000.txt" && m.Time.Value == "2025-10");
    }

    [Fact]
    public void MonthMentionOfTheStoryThatDatesTheDayIsAnotherEvent()
    {
        // 004 knows the visit was on Wednesday; its "this month" is about something else (the elections).
        Chronology c = Build(October(), January("articles/000.txt", "AP"));
        TimelineEvent elections = Single(c, "2025-10");
        Assert.Equal("articles/004.txt", Assert.Single(elections.Sources).Source.ArticlePath);
    }

    [Fact]
    public void YearMentionRefinesIntoTheMatchingMonthEvent()
    {
        Chronology c = Build(October(), January("articles/000.txt", "AP"));
        TimelineEvent ouster = Single(c, "2024-12");
        Assert.Equal(["articles/000.txt", "articles/004.txt"], ouster.Sources.Select(m => m.Source.ArticlePath).Distinct().Order());
        Assert.DoesNotContain(c.Events, e => e.Date == "2024");
    }

    [Fact]
    public void SameEventFromSeveralOutletsIsOneEventCitingAll()
    {
        Chronology c = Build(January("articles/000.txt", "AP"), January("articles/001.txt", "Manila Bulletin"), January("articles/002.txt", "Morning Star"));
        TimelineEvent visit = Single(c, "2026-01-28");
        Assert.Equal(3, visit.Sources.Count);
        Assert.Equal(3, visit.Outlets);
    }

    [Fact]
    public void StartOfMonthIsNotRefinedIntoALateDay()
    {
        TaggedStory s = Story("articles/000.txt", "AP", Jan28,
            "Fighting broke out [early this month|2026-01|START] between the SDF and government forces.",
            "The SDF and government forces extended a truce on [Saturday|2026-01-24] after fighting.");
        Chronology c = Build(s);
        Assert.Equal(Timeline.Core.Temporal.TimexMod.Start, Single(c, "2026-01").Modifier);
    }

    [Fact]
    public void MonthSortsBeforeItsDaysAndOrderIsChronological()
    {
        Chronology c = Build(October(), January("articles/000.txt", "AP"));
        Assert.Equal(["2024-12", "2025-10", "2025-10-15", "2026-01-28"], c.Events.Select(e => e.Date));
    }

    [Fact]
    public void OffTopicStoryIsExcludedWithAReason()
    {
        TaggedStory iraq = Story("articles/000.txt#1", "AP", Jan28,
            "Former Iraqi Prime Minister Nouri al-Maliki expressed defiance [Wednesday|2026-01-28] after Trump threatened Baghdad.",
            "Al-Maliki was nominated [last week|2026-01] by the Coordination Framework bloc in parliament.");
        Chronology c = Build(October(), January("articles/000.txt", "AP"), January("articles/001.txt", "MB"), January("articles/002.txt", "MS"), iraq);
        Assert.DoesNotContain(c.Events, e => e.Sources.Any(m => m.StoryId == "articles/000.txt#1"));
        Assert.Contains(c.Excluded, x => x.Mention.StoryId == "articles/000.txt#1" && x.Reason == ExclusionReasons.OffTopicStory);
    }

    [Fact]
    public void CaptionWithoutAReportedEventIsExcluded()
    {
        TaggedStory s = Story("articles/000.txt", "AP", Jan28,
            "Syria's interim President Ahmad al-Sharaa visited Moscow on [Wednesday|2026-01-28] for talks with Vladimir Putin.",
            "CAPTION:Vladimir Putin welcomes Ahmad al-Sharaa for talks in Moscow, on [Wednesday, Jan. 28, 2026|2026-01-28].",
            "CAPTION:Vladimir Putin lays flowers at a cemetery in St. Petersburg, [Tuesday, Jan. 27, 2026|2026-01-27].");
        Chronology c = Build(s);
        Assert.Contains(Single(c, "2026-01-28").Sources, m => m.IsCaption);
        Assert.DoesNotContain(c.Events, e => e.Date == "2026-01-27");
        Assert.Contains(c.Excluded, x => x.Reason == ExclusionReasons.Caption && x.Mention.Time.Value == "2026-01-27");
    }

    [Fact]
    public void NearIdenticalStatementsOnDifferentDaysAreOneEventWithAConflict()
    {
        TaggedStory a = Story("articles/a.txt", "AP", Jan28, "The Kremlin confirmed that Ahmad al-Sharaa arrived in Moscow on [Tuesday|2026-01-27] for talks on Russian military bases.");
        TaggedStory b = Story("articles/b.txt", "Reuters", Jan28, "The Kremlin confirmed that Ahmad al-Sharaa arrived in Moscow on [Wednesday|2026-01-28] for talks on Russian military bases.");
        TaggedStory c2 = Story("articles/c.txt", "AFP", Jan28, "The Kremlin confirmed that Ahmad al-Sharaa arrived in Moscow on [Wednesday|2026-01-28] for talks on Russian military bases.");
        Chronology c = Build(a, b, c2);
        TimelineEvent e = Assert.Single(c.Events);
        Assert.Equal("2026-01-28", e.Date);
        Assert.Equal(3, e.Sources.Count);
        Assert.Contains(e.Conflicts, x => x.Value == "2026-01-27" && x.ArticlePaths.SequenceEqual(["articles/a.txt"]));
    }

    [Fact]
    public void TheSameHappeningOnTwoDaysToldByOneArticleIsTwoEventsNotAConflict()
    {
        // Rescue divers bring boys out on two days running; one outlet tells both days, so the near-identical reports of
        // the others are not a disagreement about one date.
        TaggedStory a = Story("articles/a.txt", "AP", Jan28, "Divers brought four boys out of the flooded cave on [Monday|2026-01-26], officials said.");
        TaggedStory b = Story("articles/b.txt", "Reuters", Jan28, "Divers brought four more boys out of the flooded cave on [Tuesday|2026-01-27], officials said.");
        TaggedStory both = Story("articles/c.txt", "AFP", Jan28,
            "Divers brought four boys out of the flooded cave on [Monday|2026-01-26], officials said.",
            "Divers brought four more boys out of the flooded cave on [Tuesday|2026-01-27], officials said.");
        Chronology c = Build(a, b, both);
        Assert.Equal(["2026-01-26", "2026-01-27"], c.Events.Select(e => e.Date));
        Assert.All(c.Events, e => Assert.Empty(e.Conflicts));

        // Without the outlet that tells both days, the two reports are one event whose sources disagree.
        TimelineEvent merged = Assert.Single(Build(a, b).Events);
        Assert.NotEmpty(merged.Conflicts);
    }

    [Fact]
    public void IdsAreStableWhenAnUnrelatedArticleIsAdded()
    {
        Chronology before = Build(October(), January("articles/000.txt", "AP"));
        TaggedStory unrelated = Story("articles/999.txt", "BBC", new LocalDate(2026, 2, 3),
            "Heavy snow closed schools across Scotland on [Monday|2026-02-02] as temperatures fell.");
        Chronology after = Build(October(), unrelated, January("articles/000.txt", "AP"));
        foreach (TimelineEvent e in before.Events)
        {
            Assert.Contains(after.Events, x => x.Id == e.Id && x.Date == e.Date);
        }
    }

    [Fact]
    public void SalienceFavoursEventsReportedByMoreOutlets()
    {
        Chronology c = Build(October(), January("articles/000.txt", "AP"), January("articles/001.txt", "MB"));
        TimelineEvent visit = Single(c, "2026-01-28");
        TimelineEvent elections = Single(c, "2025-10");
        Assert.True(visit.Salience > elections.Salience);
        Assert.InRange(c.Events.Max(e => e.Salience), 0.999, 1.0);
        Assert.True(visit.Key);
    }

    [Fact]
    public void BuildIsDeterministic()
    {
        Chronology a = Build(October(), January("articles/000.txt", "AP"), January("articles/001.txt", "MB"));
        Chronology b = Build(January("articles/001.txt", "MB"), January("articles/000.txt", "AP"), October());
        Assert.Equal(a.Events.Select(e => (e.Id, e.Headline, e.Salience)), b.Events.Select(e => (e.Id, e.Headline, e.Salience)));
    }
}
