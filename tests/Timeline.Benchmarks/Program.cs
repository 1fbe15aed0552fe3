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
}
