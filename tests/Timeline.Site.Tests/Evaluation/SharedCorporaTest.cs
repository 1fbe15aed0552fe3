using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

/// <summary>
/// Checks on the full gold corpora in ../shared/eval (TBAQ, WikiWars, TweeTIME). They are not in the repository,
/// so these tests skip when the folder is absent; set TIMELINE_EVAL_DIR to point at it elsewhere.
/// </summary>
public sealed class SharedCorporaTest : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "timeline-shared-eval-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    public static TheoryData<string, int, int> Corpora => new()
    {
        // Folder, documents, in-text TIMEX3 (DCT excluded) as counted in each corpus's SOURCE.md.
        { "tbaq", 256, 1822 },
        { "wikiwars/tml", 22, 2636 },
        { "tweets", 942, 1129 },
    };

    [SharedEvalTheory]
    [MemberData(nameof(Corpora))]
    public void Every_file_parses_with_every_gold_timex(string folder, int documents, int timexes)
    {
        string gold = Path.Combine(SharedEval.Directory!, folder);
        var read = Directory.EnumerateFiles(gold, "*.tml", SearchOption.AllDirectories)
            .Select(f => TimeMlReader.ReadFile(f, Path.GetRelativePath(gold, f)))
            .ToList();

        Assert.Empty(read.SelectMany(r => r.Diagnostics));
        Assert.Equal(documents, read.Count);
        Assert.Equal(timexes, read.Sum(r => r.Document!.Gold.Count));
        Assert.All(read.SelectMany(r => r.Document!.Gold.Select(g => (r.Document, g))), x => Assert.Equal(x.g.Text, x.Document.PlainText[x.g.Start..x.g.End]));
        Assert.All(read.SelectMany(r => r.Document!.Gold), g => Assert.NotNull(TimexSpelling.ParseType(g.Type)));
    }

    [SharedEvalTheory]
    [MemberData(nameof(Corpora))]
    public void Gold_echo_scores_100_and_its_written_files_score_100_again(string folder, int documents, int timexes)
    {
        string gold = Path.Combine(SharedEval.Directory!, folder);
        var tagger = new GoldEchoTagger(Directory.EnumerateFiles(gold, "*.tml", SearchOption.AllDirectories).Select(f => TimeMlReader.ReadFile(f, f).Document!));

        EvaluationReport report = TimeMlEvaluation.Run(gold, temp, tagger, 0);
        EvaluationReport rewritten = TimeMlEvaluation.Run(temp, null, tagger, 0);

        Assert.Equal(documents, report.Overall.Documents);
        Assert.Equal(timexes, report.Overall.Counts.Gold);
        foreach (TaskACounts counts in new[] { report.Overall.Counts, rewritten.Overall.Counts })
        {
            Assert.Equal((1.0, 1.0, 1.0, 1.0), (counts.StrictF1, counts.RelaxedF1, counts.TypeF1, counts.ValueF1));
        }
    }
}

/// <summary>Where ../shared/eval is, or null.</summary>
internal static class SharedEval
{
    public static string? Directory { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("TIMELINE_EVAL_DIR") is { Length: > 0 } configured)
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        if (Timeline.TestSupport.RepoRoot.TryFind(AppContext.BaseDirectory) is not { } root)
        {
            return null;
        }

        string candidate = Path.Combine(root, "..", "shared", "eval");
        return System.IO.Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }
}

/// <summary>A theory that skips, saying why, when the shared evaluation corpora are absent.</summary>
internal sealed class SharedEvalTheoryAttribute : TheoryAttribute
{
    public SharedEvalTheoryAttribute()
    {
        if (SharedEval.Directory is null)
        {
            Skip = "Needs the gold corpora in ../shared/eval (next to the repository) or TIMELINE_EVAL_DIR; not part of the repository.";
        }
    }
}
