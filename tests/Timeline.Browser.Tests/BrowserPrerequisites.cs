namespace Timeline.Browser.Tests;

/// <summary>
/// What the browser tests need beyond the .NET SDK: Debian's Chromium and the npm packages axe-core and
/// @knight-lab/timelinejs in the git-ignored <c>.tools/node_modules</c>. Missing pieces skip the tests with a message
/// saying what to install, unless <c>TIMELINE_BROWSER_TESTS=required</c> (set by .ci/run), which makes them fail.
/// </summary>
internal static class BrowserPrerequisites
{
    public const string RequiredVariable = "TIMELINE_BROWSER_TESTS";

    public static string RepoRoot { get; } = Timeline.TestSupport.RepoRoot.Path;

    public static string ToolsModules => Path.Combine(RepoRoot, ".tools", "node_modules");

    public static string AxeScript => Path.Combine(ToolsModules, "axe-core", "axe.min.js");

    public static string TimelineJsDist => Path.Combine(ToolsModules, "@knight-lab", "timelinejs", "dist");

    public static string? ChromiumPath { get; } =
        new[] { Environment.GetEnvironmentVariable("TIMELINE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when everything is present, else what to install.</summary>
    public static string? Missing { get; } = FindMissing();

    private static string? FindMissing()
    {
        var missing = new List<string>();
        if (ChromiumPath is null)
        {
            missing.Add("Chromium (apt-get install -y chromium)");
        }

        if (!File.Exists(AxeScript) || !File.Exists(Path.Combine(TimelineJsDist, "js", "timeline.js")))
        {
            missing.Add("axe-core and TimelineJS (npm install --prefix .tools axe-core @knight-lab/timelinejs)");
        }

        return missing.Count == 0 ? null : "Browser tests need " + string.Join(" and ", missing) + $"; set {RequiredVariable}=required to make their absence a failure.";
    }
}

/// <summary>A fact that is skipped, with a message, when the browser prerequisites are missing and not required.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserPrerequisites.Missing is { } missing && !BrowserPrerequisites.Required)
        {
            Skip = missing;
        }
    }
}
