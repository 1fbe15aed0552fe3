using Timeline.TestSupport;

namespace Timeline.EndToEnd.Tests;

/// <summary>Locates the repository checkout (the folder holding Timeline.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoRoot.Path;

    public static string Input => Path.Combine(Root, "input");

    public static string Themes => Path.Combine(Root, "themes");
}
