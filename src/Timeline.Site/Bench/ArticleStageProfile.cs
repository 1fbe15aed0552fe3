using System.Diagnostics;
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
    public sealed record Step(string Name, TimeSpan Cpu);

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
        ITemporalTagger tagger = TemporalTagger.Default;
        for (int round = 0; round < rounds; round++)
        {
            var times = new TimeSpan[4];
            foreach (string file in files)
            {
                TimeSpan t0 = Thread();
                (Article? article, _) = ArticleLoader.LoadFile(inputDir, file, config);
                TimeSpan t1 = Thread();
                times[0] += t1 - t0;
                if (article is null)
                {
                    continue;
                }

                CleanedArticle cleaned = ArticleCleaner.Clean(article);
                TimeSpan t2 = Thread();
                times[1] += t2 - t1;
                var source = SourceInfo.From(article);
                var tagged = cleaned.Stories.Select(s => new TaggedStory(source, s, tagger.Tag(s.Text, DatelineZone.ForStory(article.Published, s.Dateline, eventOptions.SiteZone)))).ToList();
                TimeSpan t3 = Thread();
                times[2] += t3 - t2;
                foreach (TaggedStory story in tagged)
                {
                    EventPipeline.Extract(story, eventOptions);
                }

                times[3] += Thread() - t3;
            }

            if (round > 0 || rounds == 1)
            {
                for (int i = 0; i < 4; i++)
                {
                    totals[i] += times[i];
                }
            }
        }

        string[] names = ["load", "clean", "tag", "extract"];
        return (files.Length, names.Select((n, i) => new Step(n, totals[i] / Math.Max(1, rounds - 1))).ToList());
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
    /// The current thread's CPU time (user + system) on Linux, in 10 ms ticks: summed over thousands of articles the
    /// ticks fall on each step in proportion to its time. Elsewhere, wall-clock time.
    /// </summary>
    private static TimeSpan Thread()
    {
        // /proc/thread-self/stat fields 14 and 15: user and system time in clock ticks (100 per second on Linux).
        if (File.Exists("/proc/thread-self/stat"))
        {
            string stat = File.ReadAllText("/proc/thread-self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }

        return Stopwatch.GetElapsedTime(0);
    }
}
