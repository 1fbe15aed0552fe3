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

    /// <summary>A short human report: one line of counts.</summary>
    public string Summary =>
        $"{ArticlesRead} articles, {Stories} stories, {TemporalMentions} temporal expressions, {EventMentions} event mentions → " +
        $"{Events} events ({Excluded} dated statements left out); {Errors} errors, {Warnings} warnings";
}
