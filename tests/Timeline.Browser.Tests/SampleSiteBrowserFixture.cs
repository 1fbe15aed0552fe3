using System.Text.Json;
using Microsoft.Playwright;
using Timeline.Site.Pipeline;

namespace Timeline.Browser.Tests;

/// <summary>
/// Builds the repository's sample site once, serves it on 127.0.0.1 and launches Debian's Chromium headless through
/// Playwright (never a downloaded browser). When prerequisites are missing the tests are skipped before this runs,
/// unless they are required, in which case this fails with what to install.
/// </summary>
public sealed class SampleSiteBrowserFixture : IAsyncLifetime
{
    private TempFolder? _output;
    private IPlaywright? _playwright;

    public string OutputDir => _output!.Path;

    internal StaticSiteServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The key events of events.json, in chronological order: (id, headline).</summary>
    public IReadOnlyList<(string Id, string Headline)> KeyEvents { get; private set; } = [];

    public static string ScreenshotDir { get; } =
        Path.Combine(BrowserPrerequisites.RepoRoot, "tests", "Timeline.Browser.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (BrowserPrerequisites.Missing is { } missing)
        {
            if (BrowserPrerequisites.Required)
            {
                throw new InvalidOperationException(missing);
            }

            return;
        }

        _output = new TempFolder();
        BuildResult result = new SiteBuilder().Build(new BuildOptions(Path.Combine(BrowserPrerequisites.RepoRoot, "input"), _output.Path)
        {
            ThemesDir = Path.Combine(BrowserPrerequisites.RepoRoot, "themes"),
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The sample site did not build.");
        }

        using (JsonDocument events = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(OutputDir, "events.json"))))
        {
            KeyEvents = events.RootElement.GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("key").GetBoolean())
                .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("headline").GetString()!))
                .ToList();
        }

        Server = new StaticSiteServer(OutputDir, new Dictionary<string, string> { ["/__harness/timelinejs.html"] = TimelineJsHarness });
        Directory.CreateDirectory(ScreenshotDir);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPrerequisites.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Server?.Dispose();
        _output?.Dispose();
    }

    /// <summary>A new page in its own context; requests to anything but the local server are blocked and recorded.</summary>
    public async Task<(IPage Page, List<string> External)> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            ReducedMotion = ReducedMotion.Reduce,
        });
        var external = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(Server.BaseUrl, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (external)
                {
                    external.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        return (await context.NewPageAsync(), external);
    }

    /// <summary>The site URL of a site-relative path.</summary>
    public string Url(string relative) => Server.BaseUrl + relative.TrimStart('/');

    /// <summary>The first event page and the first article page of the built site, site-relative.</summary>
    public (string EventPage, string ArticlePage) SamplePages()
    {
        string Of(string folder) => Directory.EnumerateDirectories(Path.Combine(OutputDir, folder)).Order(StringComparer.Ordinal)
            .Select(d => $"{folder}/{Path.GetFileName(d)}/").First();
        string eventPage = KeyEvents.Count > 0 ? $"events/{KeyEvents[0].Id}/" : Of("events");
        if (!Directory.Exists(Path.Combine(OutputDir, eventPage)))
        {
            eventPage = Of("events");
        }

        return (eventPage, Of("articles"));
    }

    private const string TimelineJsHarness = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>TimelineJS harness</title>
        <link rel="stylesheet" href="/__tools/@knight-lab/timelinejs/dist/css/timeline.css">
        <script src="/__tools/@knight-lab/timelinejs/dist/js/timeline.js"></script>
        </head>
        <body style="margin:0">
        <div id="timeline-embed" style="width:100%;height:640px"></div>
        <script>
        window.harness = { loaded: false };
        window.timeline = new TL.Timeline('timeline-embed', '/timeline.json', {
          script_path: new URL('/__tools/@knight-lab/timelinejs/dist/js/', location.href).toString(),
          hash_bookmark: false,
          font: false
        });
        window.timeline.on('loaded', function () { window.harness.loaded = true; });
        </script>
        </body>
        </html>
        """;

    private sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "timeline-browser-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SampleSiteBrowserFixture>
{
    public const string Name = "Browser";
}
