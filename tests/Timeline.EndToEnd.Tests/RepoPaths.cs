namespace Timeline.EndToEnd.Tests;

/// <summary>Locates the repository checkout (the folder holding Timeline.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");

    public static string Themes => Path.Combine(Root, "themes");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Timeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Timeline.sln not found above " + AppContext.BaseDirectory);
    }
}
