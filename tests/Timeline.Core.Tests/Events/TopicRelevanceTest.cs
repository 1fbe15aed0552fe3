using Timeline.Core.Events;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// Which stories the topic judge leaves out: a second story printed in the same file as the collected one ("Also in
/// Business") is off topic unless it shares the corpus's vocabulary, even when it names a country of the topic in passing.
/// </summary>
public class TopicRelevanceTest
{
    private const string Topic = "The wildfire on the Greek island of Rhodes and the evacuation of tourists from its beaches";

    private static readonly string[] Corpus =
    [
        "Firefighters battled a wildfire on Rhodes for a sixth day as strong winds drove the flames towards coastal villages and hotels. Thousands of tourists were evacuated from beaches by boat and coach.",
        "The Greek fire service said the blaze in the south of Rhodes was still out of control. Tourists slept in schools and sports halls after the evacuation of hotels near Lindos.",
        "Tour operators cancelled flights to Rhodes as the wildfire spread. Evacuated tourists described walking along the beach with their luggage while smoke covered the sky above the hotels.",
        "Water-dropping planes and firefighters from several countries joined the fight against the Rhodes wildfire. The evacuation of villages and hotels continued through the night, officials said.",
    ];

    public static TheoryData<string, bool> SecondStories => new()
    {
        // Names the topic's country and island words, but shares none of the story's vocabulary: a box of business news.
        { "Greek shipowners ordered a record number of new ferries for island routes, the Greek shipowners' union said.", true },
        // Names the topic's country once, in passing: caught already by its low share of the topic's words.
        { "Greek exports of olive oil rose by a fifth in the first half of the year, the statistics office said, helped by a poor harvest in Spain and strong demand from Italy and Germany.", true },
        // Names nothing of the topic at all.
        { "Shares in the country's largest bank rose after it reported record quarterly profit and raised its dividend.", true },
        // A second report on the same fire, printed below the first: on topic.
        { "On Rhodes, firefighters said the wildfire near the hotels of Kiotari had been contained, and some evacuated tourists returned to the beaches.", false },
    };

    [Theory]
    [MemberData(nameof(SecondStories))]
    public void ASecondStoryIsOffTopicUnlessItSharesTheStorysVocabulary(string second, bool offTopic)
    {
        var stories = Corpus.Select((text, i) => Story($"articles/{i}.txt", text)).Append(Story("articles/0.txt#1", second)).ToList();
        TopicRelevance.Score(stories, Topic, out HashSet<string> off);
        Assert.Equal(offTopic, off.Contains("articles/0.txt#1"));
        Assert.DoesNotContain(off, id => !id.Contains('#', StringComparison.Ordinal));
    }

    private static StoryEvents Story(string id, string text) => new(id, [], []) { Terms = Terms.Of(text) };
}
