using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace Timeline.Benchmarks;

/// <summary>
/// Run with <c>dotnet run -c Release --project tests/Timeline.Benchmarks -- --filter '*'</c>.
/// <c>-- make-jsonl OUT SIZE_MB</c> writes a jsonl input of at least SIZE_MB megabytes for bench-tag-jsonl.sh.
/// <c>-- merge-time ARTICLES...</c> times the merge stage once per size (after one warm-up run) in thread CPU time,
/// for sizes too large for BenchmarkDotNet's repetitions (100,000 articles).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["make-jsonl", string output, string size])
        {
            return MakeJsonl(output, long.Parse(size, CultureInfo.InvariantCulture) * 1_000_000);
        }

        if (args is ["merge-time", .. string[] sizes])
        {
            return MergeTime(sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
        }

        if (args is ["merge-dump", string dumpSize, string dumpPath])
        {
            return MergeDump(int.Parse(dumpSize, CultureInfo.InvariantCulture), dumpPath);
        }

        if (args is ["mem-census", string censusSize])
        {
            return Census(int.Parse(censusSize, CultureInfo.InvariantCulture));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Repeats the corpus documents (with numbered ids) until the file reaches <paramref name="bytes"/>.</summary>
    private static int MakeJsonl(string path, long bytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        for (int round = 0; file.Length < bytes; round++)
        {
            BenchmarkCorpus.WriteJsonl(
                BenchmarkCorpus.Documents.Select(d => d with { Id = $"{round}/{d.Id}" }),
                file);
        }

        Console.WriteLine($"{path}: {file.Length:N0} bytes from {BenchmarkCorpus.Source}");
        return 0;
    }

    private static int MergeTime(IEnumerable<int> sizes)
    {
        foreach (int size in sizes)
        {
            (IReadOnlyList<Timeline.Core.Events.StoryEvents> stories, Timeline.Core.Events.EventOptions options) = MergeCorpus.Get(size);
            int mentions = stories.Sum(s => s.Mentions.Count);
            Timeline.Core.Events.EventPipeline.Build(stories, options); // warm-up: JIT and tiering
            GC.Collect();
            var times = new List<(double Cpu, double Wall, int Events)>();
            for (int run = 0; run < 3; run++)
            {
                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                int events = Timeline.Core.Events.EventPipeline.Build(stories, options).Events.Count;
                times.Add(((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, clock.Elapsed.TotalSeconds, events));
            }

            (double bestCpu, double bestWall, int count) = times.MinBy(t => t.Cpu);
            Console.WriteLine($"merge {size,7:N0} articles: {stories.Count:N0} stories, {mentions:N0} mentions -> {count:N0} events; best of 3: CPU {bestCpu:F3} s, wall {bestWall:F3} s");
        }

        return 0;
    }

    /// <summary>
    /// Writes every field of the merge stage's result for a synthetic corpus (one line per event and citation, then the
    /// excluded mentions), so that a speed change can be shown to leave the output at scale byte-identical (diff two dumps).
    /// </summary>
    private static int MergeDump(int size, string path)
    {
        (IReadOnlyList<Timeline.Core.Events.StoryEvents> stories, Timeline.Core.Events.EventOptions options) = MergeCorpus.Get(size);
        Timeline.Core.Events.Chronology result = Timeline.Core.Events.EventPipeline.Build(stories, options);
        using var w = new StreamWriter(path);
        foreach (Timeline.Core.Events.TimelineEvent e in result.Events)
        {
            w.WriteLine(FormattableString.Invariant($"E {e.Id} {e.Date} {e.Modifier} {e.Range} key={e.Key} sal={e.Salience:R} slug={e.Slug} outlets={e.Outlets} | {e.Headline} | {string.Join(";", e.Participants)}"));
            foreach (Timeline.Core.Events.DateConflict c in e.Conflicts)
            {
                w.WriteLine($"  C {c.Value} {string.Join(",", c.ArticlePaths)} {c.Note}");
            }

            foreach (Timeline.Core.Events.EventMention m in e.Sources)
            {
                w.WriteLine(FormattableString.Invariant($"  S {m.Source.ArticlePath}#{m.QuoteStart} {m.StoryId} {m.Time.Value} {m.Time.Start} cap={m.IsCaption} rel={m.TopicRelevance:R}"));
            }
        }

        foreach (Timeline.Core.Events.ExcludedMention x in result.Excluded)
        {
            w.WriteLine(FormattableString.Invariant($"X {x.Mention.Source.ArticlePath}#{x.Mention.QuoteStart} {x.Mention.Time.Value} {x.Reason}"));
        }

        Console.WriteLine($"{path}: {result.Events.Count:N0} events, {result.Excluded.Count:N0} excluded");
        return 0;
    }

    /// <summary>
    /// What the per-article results of a synthetic corpus hold in memory (as the site pipeline keeps them for rendering),
    /// and the merge result, by field: <c>mem-census ARTICLES</c>.
    /// </summary>
    private static int Census(int size)
    {
        string root = Timeline.TestSupport.RepoRoot.TryFind(Environment.CurrentDirectory) ?? throw new InvalidOperationException("Run inside the repository.");
        string input = Path.Combine(Path.GetTempPath(), "timeline-census-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Timeline.Site.Bench.SyntheticCorpus.Generate(Path.Combine(root, "input"), input, size);
            (Timeline.Site.Loading.SiteConfig config, _) = Timeline.Site.Loading.SiteConfigLoader.Load(input);
            var options = new Timeline.Core.Events.EventOptions(config.Topic);
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var reports = Timeline.Site.Loading.ArticleLoader.LoadDirectory(input, config, a =>
            {
                var cleaned = Timeline.Core.Text.ArticleCleaner.Clean(a);
                var source = Timeline.Core.Events.SourceInfo.From(a);
                var tagged = cleaned.Stories.Select(s => new Timeline.Core.Events.TaggedStory(source, s, Timeline.Core.Temporal.TemporalTagger.Default.Tag(s.Text, a.Published))).ToList();
                var events = tagged.Select(t => Timeline.Core.Events.EventPipeline.Extract(t, options)).ToList();
                var light = a with { Body = "", RawBody = null, BodyMap = null };
                return new Timeline.Site.Rendering.ArticleReport(light, cleaned with { Article = light }, tagged, events);
            }).Items;
            long held = GC.GetTotalMemory(forceFullCollection: true) - before;
            Console.WriteLine(FormattableString.Invariant($"{reports.Count} reports: {held / 1e6:F1} MB live ({held / Math.Max(1, reports.Count) / 1e3:F1} KB per article)"));
            Print(MemoryCensus.Of(reports));
            var chronology = Timeline.Core.Events.EventPipeline.Build(reports.SelectMany(r => r.Events), options);
            long merged = GC.GetTotalMemory(forceFullCollection: true) - before - held;
            Console.WriteLine(FormattableString.Invariant($"chronology: {chronology.Events.Count} events, {merged / 1e6:F1} MB more live"));
            Print(MemoryCensus.Of(new object[] { reports, chronology }).Where(l => true));
            GC.KeepAlive(reports);
            GC.KeepAlive(chronology);
            return 0;
        }
        finally
        {
            if (Directory.Exists(input))
            {
                Directory.Delete(input, recursive: true);
            }
        }
    }

    private static void Print(IEnumerable<MemoryCensus.Line> lines)
    {
        var all = lines.ToList();
        Console.WriteLine(FormattableString.Invariant($"  total {all.Sum(l => l.Bytes) / 1e6:F1} MB in {all.Sum(l => l.Objects):N0} objects"));
        foreach (MemoryCensus.Line l in all.Take(30))
        {
            Console.WriteLine(FormattableString.Invariant($"  {l.Bytes / 1e6,8:F2} MB {l.Objects,10:N0}  {l.Field}"));
        }
    }
}
