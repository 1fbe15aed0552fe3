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
        Assert.Equal(eventsThatDay, HappeningsOn(c, d => d == "2024-05-02"));
    }

    [Fact]
    public void SameDayEventAnotherOutletReportsStaysApart()
    {
        // Fuel rationing is the news of two outlets that day: a happening of its own, not a side of the robot's finding.
        TaggedStory other = Story("articles/09.txt", "Ledger", Thu, "A neighbouring country began rationing fuel on [Thursday|2024-05-02] because of the closure.");
        Chronology c = Build(Search, Observer("A neighbouring country began rationing fuel on [Thursday|2024-05-02] as tankers waited."), Wire(), other);
        Assert.Equal(2, HappeningsOn(c, d => d == "2024-05-02"));
    }

    [Fact]
    public void ADeckAboutOtherNewsOfTheDayStaysApartFromTheNewsOfItsOpening()
    {
        // A deck only its article reports joins the same-day news of the article's opening that other outlets report only when the
        // two share the topic (the turkey-syria-quake cluster's "Relief chief meets Syrian president in Damascus" deck above
        // Guterres's announcement); fuel rationing above a ceasefire deal shares nothing and stays its own event.
        var talks = new EventOptions("ceasefire talks with the junta");
        LocalDate mon = new(2024, 6, 3);
        TaggedStory article = Story("articles/09.txt", "Chronicle", mon,
            "Fuel rationing began in the north on [Monday|2024-06-03] as tankers waited offshore",
            "By our diplomatic correspondent.",
            "Updated this evening.",
            "The junta leader has agreed to a ceasefire deal with the rebels, the UN envoy said on [Monday|2024-06-03].");
        TaggedStory wire = Story("articles/10.txt", "Wire", mon.PlusDays(1),
            "The junta leader agreed to a ceasefire deal with the rebels on [Monday|2024-06-03], the UN envoy said.");

        Chronology c = Build(talks, article, wire);

        Assert.Equal(2, HappeningsOn(c, d => d == "2024-06-03"));
    }
}
