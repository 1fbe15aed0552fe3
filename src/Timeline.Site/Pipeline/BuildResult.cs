using Timeline.Core.Diagnostics;
using Timeline.Site.Rendering;

namespace Timeline.Site.Pipeline;

/// <summary>What a build did: counts for the report, every diagnostic, and whether the site was written.</summary>
public sealed record BuildResult(
    bool Succeeded,
    int ArticlesRead,
    int Stories,
    int TemporalMentions,
    int EventMentions,
    int Events,
    int Excluded,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<SiteFile> Files)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>Articles that went through Clean → Tag → Extract in this build.</summary>
    public int ArticlesProcessed { get; init; }

    /// <summary>Articles whose Clean → Tag → Extract result came from the article cache.</summary>
    public int ArticlesReused { get; init; }

    /// <summary>Files written to the output folder: all of them on a builder's first build, then only those that changed.</summary>
    public int FilesWritten { get; init; }

    /// <summary>Pages not rendered at all because their data (and the theme) had not changed since they were written.</summary>
    public int PagesReused { get; init; }

    /// <summary>Wall-clock time of each stage, in pipeline order ("load", "articles", "merge", "render", "write").</summary>
    public IReadOnlyList<StageTiming> StageTimings { get; init; } = [];

    /// <summary>A short human report: one line of counts.</summary>
    public string Summary =>
        $"{ArticlesRead} articles, {Stories} stories, {TemporalMentions} temporal expressions, {EventMentions} event mentions → " +
        $"{Events} events ({Excluded} dated statements left out); {Errors} errors, {Warnings} warnings";
}

/// <summary>How long one stage of a build took.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed)
{
    /// <summary>The process's CPU time (all threads) during the stage: steadier than wall-clock time on a busy machine.</summary>
    public TimeSpan Cpu { get; init; }
}
