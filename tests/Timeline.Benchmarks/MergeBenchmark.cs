using BenchmarkDotNet.Attributes;
using Timeline.Core.Events;

namespace Timeline.Benchmarks;

/// <summary>
/// The global event stage (<see cref="EventPipeline.Build"/>: topic relevance, merging across outlets, salience, ids,
/// ordering) on the mentions extracted from synthetic corpora of 1,000 and 10,000 articles. Target: well under 1 s at
/// 10,000 articles (the whole build must fit in 5 s), and growing about linearly with the number of mentions.
/// <c>dotnet run -c Release --project tests/Timeline.Benchmarks -- --filter '*MergeBenchmark*'</c>; add
/// <c>--job short</c> on a busy machine. 100,000 articles: <c>-- merge-time 100000</c> (one timed run, CPU time).
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmark
{
    private IReadOnlyList<StoryEvents> stories = [];
    private EventOptions options = new("");

    [Params(1000, 10000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (stories, options) = MergeCorpus.Get(Articles);
        Console.WriteLine($"// {Articles} articles: {stories.Count} stories, {stories.Sum(s => s.Mentions.Count)} mentions");
    }

    [Benchmark]
    public int Merge() => EventPipeline.Build(stories, options).Events.Count;
}
