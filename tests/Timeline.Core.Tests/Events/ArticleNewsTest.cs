using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>Statements at the top of an article about its news day tell one happening, unless other outlets report them apart.</summary>
public class ArticleNewsTest
{
    private static readonly EventOptions Search = new("search for the missing research submarine");
    private static readonly LocalDate Thu = new(2024, 5, 2);

    private static TaggedStory Observer(string secondLine) => Story("articles/07.txt", "Observer", Thu,
        "A robot found pieces of the research submarine on the seabed on [Thursday|2024-05-02], the coast guard said.",
        "Rescuers had searched for four days.",
        secondLine);

    private static TaggedStory Wire() => Story("articles/08.txt", "Wire", Thu.PlusDays(1),
        "A robot found pieces of the missing submarine on the seabed on [Thursday|2024-05-02].");

    public static TheoryData<string, int> SameDay => new()
    {
        // The owner's statement in other words (no shared term): part of the article's news of the day.
        { "The operator said [today|2024-05-02] that its chief executive and the passengers have sadly been lost.", 1 },
    };

    [Theory]
    [MemberData(nameof(SameDay))]
    public void LoneStatementNearTheTopJoinsItsArticlesNewsOfTheDay(string line, int eventsThatDay)
    {
        Chronology c = Build(Search, Observer(line), Wire());
        Assert.Equal(eventsThatDay, c.Events.Count(e => e.Date == "2024-05-02"));
    }

    [Fact]
    public void SameDayEventAnotherOutletReportsStaysApart()
    {
        // Fuel rationing is the news of two outlets that day: a happening of its own, not a side of the robot's finding.
        TaggedStory other = Story("articles/09.txt", "Ledger", Thu, "A neighbouring country began rationing fuel on [Thursday|2024-05-02] because of the closure.");
        Chronology c = Build(Search, Observer("A neighbouring country began rationing fuel on [Thursday|2024-05-02] as tankers waited."), Wire(), other);
        Assert.Equal(2, c.Events.Count(e => e.Date == "2024-05-02"));
    }
}
