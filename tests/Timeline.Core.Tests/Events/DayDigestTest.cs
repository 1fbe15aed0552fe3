using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>A day's happenings are one timeline entry, with the most salient as its headline and the others inside it.</summary>
public class DayDigestTest
{
    private static readonly EventOptions Search = new("search for the missing research submarine");
    private static readonly LocalDate Thu = new(2024, 5, 2);

    // Two happenings of one day, each reported by two outlets in their own words: the merge keeps them apart.
    private static TaggedStory[] TwoHappenings() =>
    [
        Story("articles/07.txt", "Observer", Thu, "A robot found pieces of the research submarine on the seabed on [Thursday|2024-05-02], the coast guard said."),
        Story("articles/08.txt", "Wire", Thu.PlusDays(1), "A robot found pieces of the missing submarine on the seabed on [Thursday|2024-05-02]."),
        Story("articles/09.txt", "Ledger", Thu, "A neighbouring country began rationing fuel on [Thursday|2024-05-02] because of the closure."),
        Story("articles/10.txt", "Courier", Thu.PlusDays(1), "A neighbouring country began rationing fuel on [Thursday|2024-05-02] as tankers waited."),
    ];

    [Fact]
    public void TheHappeningsOfOneDayAreOneEntryCitingEverySource()
    {
        Chronology c = Build(Search, TwoHappenings());
        TimelineEvent day = Assert.Single(c.Events, e => e.Date == "2024-05-02");
        Assert.Equal(2, day.Happenings.Count);
        Assert.Equal(["articles/07.txt", "articles/08.txt", "articles/09.txt", "articles/10.txt"],
            day.Sources.Select(m => m.Source.ArticlePath).Distinct().Order(StringComparer.Ordinal));

        // The entry is its lead happening (id, headline, salience); every happening keeps its own id and citations.
        Happening lead = day.Happenings[0];
        Assert.Equal((lead.Id, lead.Headline, lead.Salience), (day.Id, day.Headline, day.Salience));
        Assert.True(day.Happenings.All(h => h.Salience <= lead.Salience));
        Assert.Equal(day.Sources.Count, day.Happenings.Sum(h => h.Sources.Count));
        Assert.Single(day.Happenings, h => h.Headline.Contains("robot", StringComparison.Ordinal));
        Assert.Single(day.Happenings, h => h.Headline.Contains("fuel", StringComparison.Ordinal));
        Assert.Equal(4, day.Outlets);
    }

    [Fact]
    public void ASingleHappeningDayIsLeftAsItIs()
    {
        Chronology c = Build(Search, TwoHappenings()[..2]);
        TimelineEvent day = Assert.Single(c.Events);
        Assert.Empty(day.Happenings);
    }

    public static TheoryData<string, string, string, int> Values => new()
    {
        // Two times of one day: the entry is the day; each happening keeps its time.
        { "2023-02-06T04:17", "2023-02-06T13:24", "2023-02-06", 1 },
        // A time and its day: the day.
        { "2023-02-06T04:17", "2023-02-06", "2023-02-06", 1 },
        // A month and a day of it: a month is not a happening of any one day, so two entries.
        { "2023-02", "2023-02-06", "2023-02-06", 2 },
        // Two days: two entries.
        { "2023-02-05", "2023-02-06", "2023-02-06", 2 },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void AnEntryGathersExactlyOneDay(string first, string second, string entryDate, int entries)
    {
        var options = new EventOptions("earthquake in southern Turkey and northern Syria");
        LocalDate pub = new(2023, 2, 7);
        Chronology c = Build(options,
            Story("articles/01.txt", "Courier", pub, $"A magnitude 7.8 earthquake struck southern Turkey [on that day|{first}], the survey said."),
            Story("articles/02.txt", "Wire", pub, $"A magnitude 7.8 earthquake struck southern Turkey [on that day|{first}]."),
            Story("articles/03.txt", "Herald", pub, $"Rescue teams from Greece flew to Adana [then|{second}] with sniffer dogs."),
            Story("articles/04.txt", "Post", pub, $"Greek rescue teams with sniffer dogs flew to Adana [then|{second}]."));
        Assert.Equal(entries, c.Events.Count);
        Assert.Contains(c.Events, e => e.Date == entryDate);
        if (entries == 1)
        {
            Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), c.Events[0].Happenings.Select(h => h.Date).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void AnEntryIsKeyWhenOneOfItsHappeningsIs()
    {
        Chronology c = Build(Search, TwoHappenings());
        TimelineEvent day = Assert.Single(c.Events);
        Assert.Equal(day.Happenings.Any(h => h.Key), day.Key);
        Assert.True(day.Key);
    }
}
