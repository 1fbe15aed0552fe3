namespace Timeline.Site.Pipeline;

/// <summary>Where a build reads and writes, and how strict it is.</summary>
/// <remarks>Immutable; change with <c>with</c>.</remarks>
public sealed record BuildOptions(string InputDir, string OutputDir)
{
    /// <summary>Any error diagnostic fails the build (nothing is written).</summary>
    public bool Strict { get; init; }

    /// <summary>A folder holding themes (<c>NAME/layouts</c>…); null looks beside the input, then beside the program.</summary>
    public string? ThemesDir { get; init; }
}
