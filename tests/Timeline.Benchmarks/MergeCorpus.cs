using System.Collections.Concurrent;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using Timeline.Site.Bench;
using Timeline.Site.Loading;
using Timeline.TestSupport;

namespace Timeline.Benchmarks;

/// <summary>
/// The input of the merge stage for a synthetic corpus of a given number of articles (<see cref="SyntheticCorpus"/>
/// made from the repository's input/): every story's extracted event mentions, as the site pipeline passes them to
/// <see cref="EventPipeline.Build"/>. Generated and extracted once per size and process.
/// </summary>
internal static class MergeCorpus
{
    private static readonly ConcurrentDictionary<int, Lazy<(IReadOnlyList<StoryEvents> Stories, EventOptions Options)>> Built = new();

    public static (IReadOnlyList<StoryEvents> Stories, EventOptions Options) Get(int articles) =>
        Built.GetOrAdd(articles, n => new Lazy<(IReadOnlyList<StoryEvents>, EventOptions)>(() => Make(n))).Value;

    private static (IReadOnlyList<StoryEvents>, EventOptions) Make(int articles)
    {
        string root = RepoRoot.TryFind(Environment.CurrentDirectory) ?? RepoRoot.TryFind(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from inside the repository: the corpus is made from its input/ folder.");
        string input = Path.Combine(Path.GetTempPath(), "timeline-merge-corpus-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            SyntheticCorpus.Generate(Path.Combine(root, "input"), input, articles);
            (SiteConfig config, _) = SiteConfigLoader.Load(input);
            LoadResult loaded = ArticleLoader.LoadDirectory(input, config);
            var options = new EventOptions(config.Topic);
            List<StoryEvents> stories = loaded.Articles
                .AsParallel().AsOrdered()
                .SelectMany(a =>
                {
                    var source = SourceInfo.From(a);
                    return ArticleCleaner.Clean(a).Stories
                        .Select(s => EventPipeline.Extract(new TaggedStory(source, s, TemporalTagger.Default.Tag(s.Text, a.Published)), options))
                        .ToList();
                })
                .ToList();
            return (stories, options);
        }
        finally
        {
            if (Directory.Exists(input))
            {
                Directory.Delete(input, recursive: true);
            }
        }
    }
}
