namespace Timeline.TestSupport;

/// <summary>
/// Finds the repository checkout (the folder holding Timeline.sln) from a test or benchmark binary.
/// Linked into every project under tests/ by tests/Directory.Build.props.
/// </summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Found = new(() =>
        TryFind(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Timeline.sln not found above " + AppContext.BaseDirectory));

    /// <summary>The checkout above the running binary; throws when there is none.</summary>
    public static string Path => Found.Value;

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Timeline.sln, or null.</summary>
    public static string? TryFind(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Timeline.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
