using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Timeline.Site.Bench;
using Timeline.Site.Pipeline;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline bench [--articles 1000 10000] [--sample input] [--work DIR] [--distinct]</c>: builds synthetic corpora of the given
/// sizes (see <see cref="SyntheticCorpus"/>) and reports full-build time (wall clock and CPU time: on a busy machine CPU time is the steadier figure), rebuild times with the cache after one new
/// article, the time of each stage, and the process's peak memory. Sizes run in the order given, in one process, so
/// the peak memory of a size includes the sizes before it: run the largest alone for its own figure.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var articles = new Option<int[]>("--articles") { Description = "Corpus sizes to build.", DefaultValueFactory = _ => [1000, 10000], AllowMultipleArgumentsPerToken = true };
        var sample = new Option<string>("--sample") { Description = "The input folder whose articles the corpus is made from.", DefaultValueFactory = _ => "input" };
        var work = new Option<string?>("--work") { Description = "Where corpora, caches and sites go (default: a folder under the temp folder, deleted after)." };
        var runs = new Option<string[]>("--runs") { Description = "Which runs, in order: nocache, fill, unchanged, new-disk, new-memory (default: all; at 100,000 articles pick a few).", DefaultValueFactory = _ => [.. AllRuns], AllowMultipleArgumentsPerToken = true };
        var profile = new Option<int>("--profile") { Description = "Instead: time load, clean, tag and extract one by one, on one thread, over a corpus of this many articles." };
        var memory = new Option<bool>("--memory") { Description = "Also report each stage's peak and retained memory (collects garbage fully between stages, so builds run a little slower)." };
        var distinct = new Option<bool>("--distinct") { Description = "Make a corpus whose sentences are nearly all distinct, as in a real archive (names, numbers and a tenth of the words varied per article; wire copies repeat), instead of one that repeats the sample's sentences." };
        var sentences = new Option<bool>("--sentences") { Description = "Also count the corpus's sentences and how many are distinct (before building; reads the corpus once more)." };
        var command = new Command("bench", "Measure build speed and memory on synthetic corpora.") { articles, sample, work, runs, profile, memory, distinct, sentences };
        command.SetAction(parse => MissingSample(parse.GetValue(sample)!, parse.InvocationConfiguration.Error) ? 2
            : parse.GetValue(profile) is > 0 and int n
            ? Profile(n, parse.GetValue(sample)!, parse.GetValue(distinct))
            : Run(parse.GetValue(articles)!, parse.GetValue(sample)!, parse.GetValue(work), parse.GetValue(runs)!, new Flags(parse.GetValue(memory), parse.GetValue(distinct), parse.GetValue(sentences))));
        return command;
    }

    /// <summary>
    /// True (after saying so on <paramref name="error"/>) when <paramref name="sample"/> has no <c>articles</c> folder to make a
    /// corpus from: run from a checkout's root, or name the input folder with <c>--sample</c>.
    /// </summary>
    private static bool MissingSample(string sample, TextWriter error)
    {
        string articles = Path.Combine(sample, "articles");
        if (Directory.Exists(articles))
        {
            return false;
        }

        error.WriteLine($"error: no sample articles in '{Path.GetFullPath(articles)}': run from the checkout's root or pass --sample INPUT_DIR");
        return true;
    }

    private static readonly string[] AllRuns = ["nocache", "fill", "unchanged", "new-disk", "new-memory"];

    /// <summary>The switches of a run: stage memory, the corpus kind, the sentence count.</summary>
    private sealed record Flags(bool Memory, bool Distinct, bool Sentences);

    private static int Run(int[] sizes, string sample, string? work, string[] runs, Flags flags)
    {
        if (runs.FirstOrDefault(r => !AllRuns.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            Console.Error.WriteLine($"error: unknown run '{unknown}'; runs are {string.Join(", ", AllRuns)}");
            return 2;
        }

        string root = work ?? Path.Combine(Path.GetTempPath(), "timeline-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine($"timeline bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(flags.Distinct ? "distinct" : "repeated")} corpus, work folder {root}");
            Warm(sample, Path.Combine(root, "warm"));
            foreach (int size in sizes)
            {
                RunSize(size, sample, Path.Combine(root, size.ToString(CultureInfo.InvariantCulture)), [.. runs], flags);
            }

            return 0;
        }
        finally
        {
            if (work is null && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static int Profile(int size, string sample, bool distinct)
    {
        string root = Path.Combine(Path.GetTempPath(), "timeline-profile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            string input = Path.Combine(root, "input");
            long bytes = SyntheticCorpus.Generate(sample, input, size, distinct: distinct);
            (int count, IReadOnlyList<ArticleStageProfile.Step> steps) = ArticleStageProfile.Run(input);
            Console.WriteLine($"per-article stages, one thread, {count} articles ({bytes / 1e6:F1} MB), thread CPU time of the second round:");
            Console.WriteLine("| step | total | per article | allocated per article |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (ArticleStageProfile.Step step in steps)
            {
                Console.WriteLine($"| {step.Name} | {step.Cpu.TotalSeconds:F2} s | {step.Cpu.TotalMilliseconds / Math.Max(1, count):F3} ms | {step.Allocated / Math.Max(1, count) / 1e3:F1} KB |");
            }

            Console.WriteLine($"| all | {steps.Sum(s => s.Cpu.TotalSeconds):F2} s | {steps.Sum(s => s.Cpu.TotalMilliseconds) / Math.Max(1, count):F3} ms | {steps.Sum(s => s.Allocated) / Math.Max(1, count) / 1e3:F1} KB |");
            (int kept, long processed, long compacted) = ArticleStageProfile.Held(input);
            Console.WriteLine();
            Console.WriteLine($"managed memory the {kept} reports hold until rendering: as processed {processed / 1e6:F1} MB ({processed / Math.Max(1, kept) / 1e3:F1} KB per article), " +
                $"compacted as a build keeps them {compacted / 1e6:F1} MB ({compacted / Math.Max(1, kept) / 1e3:F1} KB per article)");
            Console.WriteLine();
            Console.WriteLine("| part of the compacted results | total | per article |");
            Console.WriteLine("|---|---:|---:|");
            foreach ((string part, long held) in ArticleStageProfile.HeldParts(input))
            {
                Console.WriteLine($"| {part} | {held / 1e6:F1} MB | {held / Math.Max(1, kept) / 1e3:F1} KB |");
            }

            return 0;
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>One build of the sample, so the figures do not include JIT compilation of the first build.</summary>
    private static void Warm(string sample, string dir) =>
        new SiteBuilder().Build(new BuildOptions(sample, Path.Combine(dir, "output")) { CacheDir = Path.Combine(dir, "cache"), ThemesDir = ThemesBeside(sample) });

    private static void RunSize(int size, string sample, string dir, HashSet<string> runs, Flags flags)
    {
        bool memory = flags.Memory;
        string input = Path.Combine(dir, "input");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        long bytes = SyntheticCorpus.Generate(sample, input, size, distinct: flags.Distinct);
        Console.WriteLine();
        Console.WriteLine($"## {size:N0} articles, {(flags.Distinct ? "distinct" : "repeated")} corpus ({bytes / 1e6:F1} MB), generated in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();
        if (flags.Sentences)
        {
            (long sentences, long distinct) = SyntheticCorpus.CountSentences(input);
            Console.WriteLine($"sentences: {sentences:N0}, distinct {distinct:N0} ({100.0 * distinct / Math.Max(1, sentences):F1}%)");
            Console.WriteLine();
        }

        Console.WriteLine("| run | wall | CPU | processed | reused | pages reused | written | stages (wall/CPU, s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var options = new BuildOptions(input, Path.Combine(dir, "output")) { CacheDir = Path.Combine(dir, "cache"), ThemesDir = ThemesBeside(sample) };
        var probes = new List<(string Run, MemoryProbe Probe)>();
        void Measure(string name, SiteBuilder builder, BuildOptions options)
        {
            MemoryProbe? probe = memory ? new MemoryProbe() : null;
            using (probe)
            {
                MeasureBuild(name, builder, options with { MemoryProbe = probe });
            }

            if (probe is not null)
            {
                probes.Add((name, probe));
            }
        }


        if (runs.Contains("nocache"))
        {
            Measure("full build, no cache", new SiteBuilder(), options with { NoCache = true });
        }

        if (runs.Contains("fill") || runs.Contains("unchanged") || runs.Contains("new-disk"))
        {
            Measure("full build, empty cache (fills it)", new SiteBuilder(), options);
        }

        if (runs.Contains("unchanged"))
        {
            Measure("rebuild, nothing changed, cache on disk", new SiteBuilder(), options);
        }

        var builder = new SiteBuilder();
        if (runs.Contains("new-memory") && !runs.Contains("new-disk"))
        {
            Measure("full build, cache in memory (as `timeline preview` starts)", builder, options);
        }

        if (runs.Contains("new-disk"))
        {
            SyntheticCorpus.AddArticle(sample, input, story: 900_000, distinct: flags.Distinct);
            Measure("one new article, cache on disk (a new `timeline build`)", builder, options);
        }

        if (runs.Contains("new-memory"))
        {
            SyntheticCorpus.AddArticle(sample, input, story: 900_001, distinct: flags.Distinct);
            Measure("one new article, cache in memory (as in `timeline preview`)", builder, options);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine();
        Console.WriteLine($"peak working set so far: {process.PeakWorkingSet64 / 1e6:F0} MB; managed heap now: {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
        if (probes.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("| run | stage | peak working set | peak managed heap | live after (full GC) |");
            Console.WriteLine("|---|---|---:|---:|---:|");
            foreach ((string run, MemoryProbe probe) in probes)
            {
                foreach (MemoryProbe.StageMemory s in probe.Stages)
                {
                    Console.WriteLine($"| {run} | {s.Stage} | {s.PeakWorkingSet / 1e6:F0} MB | {s.PeakManaged / 1e6:F0} MB | {s.LiveAfter / 1e6:F0} MB |");
                }
            }
        }
    }

    private static void MeasureBuild(string name, SiteBuilder builder, BuildOptions options)
    {
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        TimeSpan paused = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = builder.Build(options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A stage that fails at this size (a template's loop limit, say) is a finding, not the end of the benchmark.
            Console.WriteLine($"| {name} | failed after {clock.Elapsed.TotalSeconds:F2} s: {e.Message.ReplaceLineEndings(" ")} | | | | | | |");
            return;
        }

        TimeSpan elapsed = clock.Elapsed;
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        string stages = string.Join(", ", result.StageTimings.Select(t => $"{t.Stage} {t.Elapsed.TotalSeconds:F2}/{t.Cpu.TotalSeconds:F2}"));
        Console.WriteLine($"| {name} | {elapsed.TotalSeconds:F2} s | {cpu.TotalSeconds:F2} s | {result.ArticlesProcessed} | {result.ArticlesReused} | {result.PagesReused} | {result.FilesWritten} | {stages} |");
        // Where the parallel stages lose their second core: the GC pauses every thread (workstation GC collects on one).
        Console.WriteLine($"|  | GC: paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s, collections gen0/1/2 {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC | | | | | | |");
        if (!result.Succeeded)
        {
            Console.WriteLine($"build failed: {result.Summary}");
        }
    }

    /// <summary>The repository's themes folder when the sample is a checkout's input/, else the default lookup.</summary>
    private static string? ThemesBeside(string sample)
    {
        string themes = Path.Combine(Path.GetFullPath(sample), "..", "themes");
        return Directory.Exists(themes) ? themes : null;
    }
}
