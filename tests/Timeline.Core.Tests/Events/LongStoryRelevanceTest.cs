using Timeline.Core.Events;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// A very long story that names the topic rarely is judged by its parts: a week of radio listings that mentions the topic once
/// shares some vocabulary with any corpus (its whole-text similarity looks ordinary), but none of its parts is about the topic.
/// </summary>
public class LongStoryRelevanceTest
{
    private const string Topic = "The wildfire on the Greek island of Rhodes and the evacuation of tourists";

    private static readonly string[] Corpus =
    [
        "Firefighters battled a wildfire on Rhodes for a sixth day as strong winds drove the flames towards coastal villages and hotels. Thousands of tourists were evacuated from beaches by boat and coach.",
        "The Greek fire service said the blaze in the south of Rhodes was still out of control. Tourists slept in schools and sports halls after the evacuation of hotels near Lindos.",
        "Tour operators cancelled flights to Rhodes as the wildfire spread. Evacuated tourists described walking along the beach with their luggage while smoke covered the sky above the hotels.",
        "Water-dropping planes and firefighters from several countries joined the fight against the Rhodes wildfire. The evacuation of villages and hotels continued through the night, officials said.",
        "Hotel staff on Rhodes helped tourists onto buses as the wildfire reached the hills above the coast. The Greek government said the evacuation was the largest in the country's history.",
        "Residents of villages in the south of Rhodes returned to find burnt olive groves and houses. Firefighters said the wildfire had been contained after a week, and tourists began to return to the hotels.",
    ];

    /// <summary>Eight days of radio listings, one of which names the island in a travel programme.</summary>
    private static readonly string Listings = string.Join(' ', Enumerable.Range(0, 8).SelectMany(day => new[]
    {
        $"Day {day}: the breakfast show presents music, travel news and a quiz for listeners at home.",
        "The afternoon play is a comedy about two brothers who run a bakery in a small northern town.",
        "Live sport follows, with commentary on the cricket and the latest football results from around the country.",
        "The evening concert features a string quartet playing works by Haydn and Schubert from a festival hall.",
        day == 3 ? "A travel programme visits Rhodes and its medieval old town." : "A late-night jazz programme plays new recordings from young bands and talks to their leaders.",
    }));

    /// <summary>A long live blog of the fire whose entries seldom name the topic's own words but tell of the fire throughout.</summary>
    private static readonly string LiveBlog = string.Join(' ', Enumerable.Range(0, 8).SelectMany(hour => new[]
    {
        $"Update {hour}: firefighters say the flames have reached the hills above the coastal villages and hotels.",
        "Smoke covered the sky above the beach as coaches took guests from the hotels to schools and sports halls.",
        "Planes dropped water on the blaze while strong winds pushed the fire towards more villages in the south.",
        hour == 5 ? "Officials said the evacuation of the island's hotels would continue through the night." : "Hotel staff handed out water and blankets to families sleeping in a school gym near the coast.",
    }));

    public static TheoryData<string, bool> LongStories => new()
    {
        // Radio listings that name the island once: off topic, though its whole-text similarity is not low.
        { Listings, true },
        // A long live blog of the fire, sparse in the topic's own words: every part tells of the fire, so it stays.
        { LiveBlog, false },
    };

    [Theory]
    [MemberData(nameof(LongStories))]
    public void ALongSparseStoryIsJudgedByItsParts(string text, bool offTopic)
    {
        var stories = Corpus.Select((t, i) => Story($"articles/{i}.txt", t)).Append(Story("articles/long.txt", text)).ToList();
        Assert.True(stories[^1].Terms.Count >= TopicRelevance.LongStoryFactor * stories.Take(Corpus.Length).Select(s => s.Terms.Count).Order().ElementAt(Corpus.Length / 2), "test bug: the story is not long");
        TopicRelevance.Score(stories, Topic, out HashSet<string> off);
        Assert.Equal(offTopic, off.Contains("articles/long.txt"));
        Assert.DoesNotContain(off, id => id != "articles/long.txt");
    }

    [Fact]
    public void AShortStoryIsNeverJudgedByParts()
    {
        // A short, on-topic hospital report with few of the topic's words (its density is low, its similarity high): kept.
        var stories = Corpus.Select((t, i) => Story($"articles/{i}.txt", t))
            .Append(Story("articles/short.txt", "Doctors at the hospital treated burns and smoke injuries among firefighters and hotel staff from the villages."))
            .ToList();
        TopicRelevance.Score(stories, Topic, out HashSet<string> off);
        Assert.Empty(off);
    }

    private static StoryEvents Story(string id, string text) => new(id, [], []) { Terms = Terms.Of(text) };
}
