using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Timeline.Core.Temporal;

namespace Timeline.Benchmarks;

/// <summary>
/// <see cref="TemporalTagger.Default"/> over the whole news corpus per operation, single-threaded, in MB/s of text.
/// Target: 20 MB/s or more on one core.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class TaggingThroughputBenchmark
{
    private IReadOnlyList<CorpusDocument> documents = [];

    [GlobalSetup]
    public void Setup()
    {
        documents = BenchmarkCorpus.Documents;
        Console.WriteLine($"// corpus: {BenchmarkCorpus.Source}, {documents.Count} documents, {BenchmarkCorpus.TextBytes:N0} bytes");
    }

    [Benchmark]
    public int TagCorpus()
    {
        int mentions = 0;
        foreach (CorpusDocument d in documents)
        {
            mentions += TemporalTagger.Default.Tag(d.Text, d.Reference).Count;
        }

        return mentions;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(() => BenchmarkCorpus.TextBytes));
    }
}
