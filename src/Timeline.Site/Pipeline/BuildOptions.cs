namespace Timeline.Site.Pipeline;

/// <summary>Where a build reads and writes, and how strict it is.</summary>
/// <remarks>Immutable; change with <c>with</c>.</remarks>
public sealed record BuildOptions(string InputDir, string OutputDir)
{
    /// <summary>Any error diagnostic fails the build (nothing is written).</summary>
    public bool Strict { get; init; }

    /// <summary>A folder holding themes (<c>NAME/layouts</c>…); null looks beside the input, then beside the program.</summary>
    public string? ThemesDir { get; init; }

    /// <summary>Re-process every article and neither read nor write the article cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>The article cache folder; null means <c>.timeline-cache</c> beside the input folder.</summary>
    public string? CacheDir { get; init; }

    /// <summary>Told how far the build is (from several threads at once); null reports nothing.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }

    /// <summary>Measures each stage's memory as it ends (a diagnostic: it collects garbage fully between stages); null measures nothing.</summary>
    public Bench.MemoryProbe? MemoryProbe { get; init; }

    /// <summary>Above how many events the index is paged by year (see <see cref="Rendering.SiteRenderer.PagedIndexAbove"/>); null keeps the renderer's default. For tests of paged sites made from a small input.</summary>
    internal int? PagedIndexAbove { get; init; }
}

/// <summary>How far a build is: <paramref name="Done"/> of <paramref name="Total"/> items of <paramref name="Stage"/>.</summary>
public sealed record BuildProgress(string Stage, int Done, int Total);
