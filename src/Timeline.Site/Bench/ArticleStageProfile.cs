using System.Diagnostics;
using System.Runtime.InteropServices;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using Timeline.Site.Corrections;
using Timeline.Site.Loading;

namespace Timeline.Site.Bench;

/// <summary>
/// Times the per-article stages one by one (load, clean, tag, extract) on one thread over the articles of an input
/// folder, so a profile names the step to speed up. Thread CPU time, not wall-clock time: steady on a busy machine.
/// </summary>
public static class ArticleStageProfile
{
    /// <summary>One step's total thread CPU time over every article.</summary>
    public sealed record Step(string Name, TimeSpan Cpu)
    {
        /// <summary>The managed bytes the step allocated over every article (on this thread).</summary>
        public long Allocated { get; init; }
    }

    /// <summary>Runs each step over every article of <paramref name="inputDir"/>, <paramref name="rounds"/> times (the first round also warms up and is not counted when there are several).</summary>
    public static (int Articles, IReadOnlyList<Step> Steps) Run(string inputDir, int rounds = 2)
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(inputDir);
        (IReadOnlyList<EventCorrection> corrections, _) = CorrectionsLoader.Load(inputDir);
        var eventOptions = new EventOptions(config.Topic) { Corrections = corrections, SiteZone = config.TimeZone };
        string[] files = Directory.GetFiles(Path.Combine(inputDir, ArticleLoader.ArticlesFolder), "*", SearchOption.AllDirectories)
            .Where(f => ArticleLoader.FormatOf(f) is not null)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var totals = new TimeSpan[4];
        var allocated = new long[4];
        ITemporalTagger tagger = TemporalTagger.Default;
        for (int round = 0; round < rounds; round++)
        {
            var times = new TimeSpan[4];
            var bytes = new long[4];
            foreach (string file in files)
            {
                TimeSpan t0 = Thread();
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                (Article? article, _) = ArticleLoader.LoadFile(inputDir, file, config);
                long a1 = GC.GetAllocatedBytesForCurrentThread();
                TimeSpan t1 = Thread();
                times[0] += t1 - t0;
                bytes[0] += a1 - a0;
                if (article is null)
                {
                    continue;
                }

                a1 = GC.GetAllocatedBytesForCurrentThread();
                CleanedArticle cleaned = ArticleCleaner.Clean(article);
                long a2 = GC.GetAllocatedBytesForCurrentThread();
                TimeSpan t2 = Thread();
                times[1] += t2 - t1;
                bytes[1] += a2 - a1;
                a2 = GC.GetAllocatedBytesForCurrentThread();
                var source = SourceInfo.From(article);
                var tagged = cleaned.Stories.Select(s => new TaggedStory(source, s, tagger.Tag(s.Text, DatelineZone.ForStory(article.Published, s.Dateline, eventOptions.SiteZone)))).ToList();
                long a3 = GC.GetAllocatedBytesForCurrentThread();
                TimeSpan t3 = Thread();
                times[2] += t3 - t2;
                bytes[2] += a3 - a2;
                a3 = GC.GetAllocatedBytesForCurrentThread();
                foreach (TaggedStory story in tagged)
                {
                    EventPipeline.Extract(story, eventOptions);
                }

                bytes[3] += GC.GetAllocatedBytesForCurrentThread() - a3;
                times[3] += Thread() - t3;
            }

            if (round > 0 || rounds == 1)
            {
                for (int i = 0; i < 4; i++)
                {
                    totals[i] += times[i];
                    allocated[i] += bytes[i];
                }
            }
        }

        string[] names = ["load", "clean", "tag", "extract"];
        return (files.Length, names.Select((n, i) => new Step(n, totals[i] / Math.Max(1, rounds - 1)) { Allocated = allocated[i] / Math.Max(1, rounds - 1) }).ToList());
    }

    /// <summary>
    /// The managed memory the per-article results of <paramref name="inputDir"/> hold as a build keeps them until rendering
    /// (raw text dropped), in bytes: as processed, and compacted as a build keeps them (repeated strings and term lists shared
    /// across reports; the figure includes the pool that shares them, which a build lets go after the article stage).
    /// </summary>
    public static (int Articles, long Processed, long Compacted) Held(string inputDir)
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(inputDir);
        var eventOptions = new EventOptions(config.Topic) { SiteZone = config.TimeZone };
        var builder = new Pipeline.SiteBuilder();
        int count = 0;
        long Measure(Func<Rendering.ArticleReport, Rendering.ArticleReport> keep)
        {
            long before = GC.GetTotalMemory(forceFullCollection: true);
            IReadOnlyList<Rendering.ArticleReport> reports = ArticleLoader.LoadDirectory(
                inputDir, config, a => keep(Pipeline.SiteBuilder.WithoutRawText(builder.Process(a, eventOptions)))).Items;
            long held = GC.GetTotalMemory(forceFullCollection: true) - before;
            count = reports.Count;
            GC.KeepAlive(reports);
            return held;
        }

        long processed = Measure(r => r);
        var shared = new Pipeline.SharedValues();
        long compacted = Measure(r => Pipeline.SiteBuilder.Compact(r, shared));
        return (count, processed, compacted);
    }

    /// <summary>
    /// Where the managed memory of the compacted per-article results goes, in bytes, measured by letting go of one part
    /// after another (full collection between): the sharing pool (let go after the article stage), what the merge reads
    /// and the events keep (mentions, anchored statements, story terms: let go after the merge), the tagged stories'
    /// temporal expressions, the left-out statements, and what is left (article metadata, cleaned stories as UTF-8,
    /// their sentences and source maps).
    /// </summary>
    public static IReadOnlyList<(string Part, long Bytes)> HeldParts(string inputDir)
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(inputDir);
        var eventOptions = new EventOptions(config.Topic) { SiteZone = config.TimeZone };
        var builder = new Pipeline.SiteBuilder();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        Pipeline.SharedValues? shared = new();
        Rendering.ArticleReport[] reports = [.. ArticleLoader.LoadDirectory(
            inputDir, config, a => Pipeline.SiteBuilder.Compact(Pipeline.SiteBuilder.WithoutRawText(builder.Process(a, eventOptions)), shared)).Items];
        var held = new List<long> { GC.GetTotalMemory(forceFullCollection: true) - before };
        void Then(Func<Rendering.ArticleReport, Rendering.ArticleReport> drop)
        {
            for (int i = 0; i < reports.Length; i++)
            {
                reports[i] = drop(reports[i]);
            }

            held.Add(GC.GetTotalMemory(forceFullCollection: true) - before);
        }

        shared = null;
        Then(r => r);
        Then(r => r with { Events = [.. r.Events.Select(e => new StoryEvents(e.StoryId, [], e.Excluded))] });
        Then(r => r with { Stories = [.. r.Stories.Select(t => t with { Mentions = [] })] });
        Then(r => r with { Events = [.. r.Events.Select(e => new StoryEvents(e.StoryId, [], []))] });
        GC.KeepAlive(reports);
        return
        [
            ("sharing pool (article stage only)", held[0] - held[1]),
            ("event mentions, anchored statements, story terms (until the merge's end)", held[1] - held[2]),
            ("tagged stories' temporal expressions", held[2] - held[3]),
            ("left-out statements", held[3] - held[4]),
            ("the rest: article metadata, cleaned stories (UTF-8), sentences, source maps", held[4]),
        ];
    }

    /// <summary>
    /// The current thread's CPU time (user + system) on Linux, to the nanosecond: clock_gettime of the thread's CPU clock,
    /// a call of well under a microsecond (reading /proc/thread-self/stat, as before, cost some 30 µs a call and was
    /// counted in the steps). Elsewhere, wall-clock time.
    /// </summary>
    private static TimeSpan Thread()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out TimeSpec now) == 0)
        {
            return TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    /// <summary>CLOCK_THREAD_CPUTIME_ID.</summary>
    private const int ThreadCpuClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
