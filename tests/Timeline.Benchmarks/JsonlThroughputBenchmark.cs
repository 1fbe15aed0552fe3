using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Benchmarks;

/// <summary>
/// <c>tag --jsonl</c> in process: JSON reading and writing around the tagger, over the corpus as jsonl, in MB/s of
/// jsonl input. Compare with <see cref="TaggingThroughputBenchmark"/> to see what the JSON costs.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class JsonlThroughputBenchmark
{
    private static readonly Lazy<string> Jsonl = new(() =>
    {
        using var buffer = new MemoryStream();
        BenchmarkCorpus.WriteJsonl(BenchmarkCorpus.Documents, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    });

    [Benchmark]
    public int TagJsonl() => JsonlTagging.Run(new StringReader(Jsonl.Value), TextWriter.Null, TextWriter.Null, "bench", TemporalTagger.Default);

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(() => Encoding.UTF8.GetByteCount(Jsonl.Value)));
    }
}
