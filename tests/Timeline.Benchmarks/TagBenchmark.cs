using BenchmarkDotNet.Attributes;
using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Benchmarks;

/// <summary>
/// Throughput of the temporal tagger on news text: the sample articles, tagged one by one against their publication day.
/// MB/s = <see cref="Bytes"/> / mean time. Run with <c>--filter '*Tag*' --memory</c> to see allocations per call.
/// </summary>
[MemoryDiagnoser]
public class TagBenchmark
{
    private readonly List<string> _texts = [];
    private readonly DocumentTime _published = DocumentTime.FromDate(new LocalDate(2026, 1, 28), DateTimeZone.Utc);

    /// <summary>UTF-8 bytes tagged per invocation.</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Timeline.sln")))
        {
            dir = dir.Parent;
        }

        string articles = Path.Combine(dir?.FullName ?? ".", "input", "articles");
        foreach (var file in Directory.GetFiles(articles).Order(StringComparer.Ordinal))
        {
            _texts.Add(File.ReadAllText(file));
        }

        Bytes = _texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"// TagBenchmark: {_texts.Count} articles, {Bytes} bytes per invocation");
    }

    [Benchmark]
    public int TagArticles()
    {
        int n = 0;
        foreach (var text in _texts)
        {
            n += TemporalTagger.Default.Tag(text, _published).Count;
        }

        return n;
    }
}
