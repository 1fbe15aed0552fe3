using System.Text.Json;
using Timeline.Site.Pipeline;

namespace Timeline.EndToEnd.Tests;

/// <summary>Builds the repository's sample input (input/) once into a temporary folder and parses its events.json.</summary>
public sealed class SampleSiteFixture : IDisposable
{
    public SampleSiteFixture()
    {
        OutputDir = Path.Combine(Path.GetTempPath(), "timeline-e2e-" + Guid.NewGuid().ToString("N"));
        Result = new SiteBuilder().Build(new BuildOptions(RepoPaths.Input, OutputDir) { ThemesDir = RepoPaths.Themes });
        EventsJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(OutputDir, "events.json")));
        Events = EventsJson.RootElement.GetProperty("events").EnumerateArray().ToList();
    }

    public string OutputDir { get; }

    public BuildResult Result { get; }

    public JsonDocument EventsJson { get; }

    public IReadOnlyList<JsonElement> Events { get; }

    /// <summary>The article file names ("000_x.txt") an event cites.</summary>
    public static ISet<string> SourceFiles(JsonElement e) =>
        e.GetProperty("sources").EnumerateArray().Select(s => Path.GetFileName(s.GetProperty("file").GetString()!)).ToHashSet();

    public void Dispose()
    {
        EventsJson.Dispose();
        if (Directory.Exists(OutputDir))
        {
            Directory.Delete(OutputDir, recursive: true);
        }
    }
}
