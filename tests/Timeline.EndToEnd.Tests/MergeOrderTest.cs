using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using Timeline.Site.Exports;
using Timeline.Site.Loading;
using Timeline.Site.Rendering;

namespace Timeline.EndToEnd.Tests;

/// <summary>
/// The merge stage's result is a function of the set of stories and mentions, not of the order they arrive in (the
/// order of files on disk, of parallel extraction, of a cache): shuffled input gives byte-identical events.json.
/// </summary>
public sealed class MergeOrderTest
{
    private static readonly string ClusterInput = Path.Combine(RepoPaths.Root, "tests", "Timeline.EndToEnd.Tests", "Clusters", "ever-given", "input");

    public static TheoryData<string, int> Inputs => new()
    {
        // The sample: month mentions refining into days of other stories, an off-topic story, captions.
        { "sample", 1 },
        { "sample", 2 },
        { "sample", 3 },

        // The cluster: twelve outlets over ten days, time-of-day statements, date conflicts.
        { "cluster", 1 },
        { "cluster", 2 },
        { "cluster", 3 },
        { "cluster", 4 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ShuffledStoriesAndMentionsGiveTheSameEventsJson(string input, int seed)
    {
        (SiteConfig config, List<StoryEvents> stories, EventOptions options) = Extract(input == "sample" ? RepoPaths.Input : ClusterInput);
        string expected = EventsJsonOf(config, EventPipeline.Build(stories, options));

        var random = new Random(seed);
        List<StoryEvents> shuffled = [.. stories.Select(s => s with { Mentions = Shuffle([.. s.Mentions], random) })];
        string actual = EventsJsonOf(config, EventPipeline.Build(Shuffle(shuffled, random), options));

        Assert.Contains("\"id\"", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TimeOfDayStatementPlacedBeforeItsEventGrewJoinsIt()
    {
        // 01_gws (the first report) says the winds swept the area "this morning": compared before the day's grounding
        // event had other sources, it used to stay an event of its own dated 2021-03-23TMO.
        (SiteConfig _, List<StoryEvents> stories, EventOptions options) = Extract(ClusterInput);
        Chronology c = EventPipeline.Build(stories, options);
        TimelineEvent grounding = Assert.Single(c.Events, e => e.Date.StartsWith("2021-03-23", StringComparison.Ordinal));
        Assert.Contains(grounding.Sources, m => m.Time.Value == "2021-03-23TMO");
    }

    private static List<T> Shuffle<T>(List<T> items, Random random)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    private static string EventsJsonOf(SiteConfig config, Chronology chronology) =>
        Encoding.UTF8.GetString(EventsJson.Write(new SiteModel(config, chronology, [], [])).Content);

    private static (SiteConfig, List<StoryEvents>, EventOptions) Extract(string inputDir)
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(inputDir);
        LoadResult loaded = ArticleLoader.LoadDirectory(inputDir, config);
        var options = new EventOptions(config.Topic);
        var stories = new List<StoryEvents>();
        foreach (Article article in loaded.Articles)
        {
            var source = SourceInfo.From(article);
            foreach (Story story in ArticleCleaner.Clean(article).Stories)
            {
                stories.Add(EventPipeline.Extract(new TaggedStory(source, story, TemporalTagger.Default.Tag(story.Text, article.Published)), options));
            }
        }

        return (config, stories, options);
    }
}
