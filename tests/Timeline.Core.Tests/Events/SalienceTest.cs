using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>Key events: background history is never key, the story's latest development is.</summary>
public class SalienceTest
{
    private static readonly EventOptions Search = new("search for the missing research submarine");

    private static TaggedStory Wire(string path, string outlet, LocalDate published, params string[] extra) =>
        Story(path, outlet, published, [
            "The research submarine lost contact with its support ship on [Wednesday|2024-05-01] during a dive to the wreck.",
            .. extra]);

    // Four outlets over five days; two recall the liner's sinking in 1912, the last reports a new development in its lede.
    private static TaggedStory[] Cluster(string sinkingLede = "") =>
    [
        Wire("articles/01.txt", "AP", new LocalDate(2024, 5, 2), "The liner it was diving to sank in [1912|1912] after striking an iceberg."),
        Story("articles/02.txt", "BBC", new LocalDate(2024, 5, 3),
            "Rescuers widened the search for the research submarine on [Thursday|2024-05-02] as hopes faded.",
            "The submarine lost contact with its support ship on [Wednesday|2024-05-01].",
            "The liner sank in [1912|1912] after hitting an iceberg."),
        Wire("articles/03.txt", "CNN", new LocalDate(2024, 5, 4)),
        Wire("articles/04.txt", "Reuters", new LocalDate(2024, 5, 4), sinkingLede.Length > 0 ? [sinkingLede] : []),
        Story("articles/05.txt", "DW", new LocalDate(2024, 5, 6),
            "Divers recovered the hull of the research submarine from the seabed on [Monday|2024-05-06].",
            "The submarine had lost contact with its support ship on [May 1|2024-05-01]."),
    ];

    [Fact]
    public void HistoryLongBeforeTheStoryIsBackgroundAndNeverKey()
    {
        Chronology c = Build(Search, Cluster());
        TimelineEvent sinking = Assert.Single(c.Events, e => e.Date == "1912");
        Assert.Equal(2, sinking.Outlets);
        Assert.True(sinking.Background);
        Assert.False(sinking.Key);
        Assert.All(c.Events.Where(e => e.Date.StartsWith("2024", StringComparison.Ordinal)), e => Assert.False(e.Background));
    }

    public static TheoryData<string, bool> StoryItself => new()
    {
        // Two of five articles recall it in their body: background.
        { "", true },

        // Three of five: more than half of the story's articles state it, so it is the story itself, not background.
        { "The liner sank in [1912|1912] after striking an iceberg.", false },
    };

    [Theory]
    [MemberData(nameof(StoryItself))]
    public void HistoryStatedByMostArticlesIsTheStoryItself(string fourthArticleAdds, bool background)
    {
        TimelineEvent sinking = Assert.Single(Build(Search, Cluster(fourthArticleAdds)).Events, e => e.Date == "1912");
        Assert.Equal(background, sinking.Background);
    }

    public static TheoryData<string, bool> HalfOfSix => new()
    {
        // Three of six articles recall it (the two above and a sixth): exactly half is a recollection each outlet adds for its
        // readers (foreign papers' local solidarity marches of a year before), not the story itself: background.
        { "", true },

        // Four of six: more than half, the story itself.
        { "The liner sank in [1912|1912] after striking an iceberg.", false },
    };

    [Theory]
    [MemberData(nameof(HalfOfSix))]
    public void HistoryStatedByHalfTheArticlesIsStillBackground(string fourthArticleAdds, bool background)
    {
        TaggedStory sixth = Wire("articles/06.txt", "AFP", new LocalDate(2024, 5, 5), "The liner sank in [1912|1912], the wreck's owners recalled.");
        TimelineEvent sinking = Assert.Single(Build(Search, [.. Cluster(fourthArticleAdds), sixth]).Events, e => e.Date == "1912");
        Assert.Equal(background, sinking.Background);
    }

    [Fact]
    public void LatestDevelopmentOutranksAnEarlierSingleSourceLede()
    {
        // Both are one article's lede on the day it was published; only the newest article can report the hull's recovery.
        Chronology c = Build(Search, Cluster());
        TimelineEvent recovered = Assert.Single(c.Events, e => e.Date == "2024-05-06");
        TimelineEvent widened = Assert.Single(c.Events, e => e.Date == "2024-05-02");
        Assert.True(recovered.Salience > widened.Salience, $"{recovered.Salience} <= {widened.Salience}");
        Assert.True(recovered.Key);
        Assert.False(recovered.Background);
    }
}
