using System.Text.Json;
using Microsoft.Playwright;

namespace Timeline.Browser.Tests;

/// <summary>The built sample site in a real browser (Debian's Chromium, headless): order, keyboard, axe, mobile, TimelineJS.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SampleSiteBrowserTest(SampleSiteBrowserFixture site)
{
    [BrowserFact]
    public async Task IndexShowsKeyEventsInOrderAndTabReachesEachOfThem()
    {
        (IPage page, List<string> external) = await site.NewPageAsync();
        await page.GotoAsync(site.Url(""));

        Assert.NotEmpty(site.KeyEvents);
        var shown = await page.Locator("li.event.key a.headline").AllInnerTextsAsync();
        Assert.Equal(site.KeyEvents.Select(e => Flat(e.Headline)), shown.Select(Flat));
        var hrefs = await page.Locator("li.event.key a.headline").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");

        // The first Tab lands on the skip link; Tab keeps going through every key event link.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        int focusable = await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href], input, select, summary').length");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < focusable + 5 && !hrefs.All(reached.Contains); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            string? href = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.closest('li.event') ? document.activeElement.href : null");
            if (href is not null)
            {
                reached.Add(href);
            }
        }

        Assert.All(hrefs, h => Assert.Contains(h, reached));
        Assert.Empty(external);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task FilterNarrowsTheListAsProgressiveEnhancement()
    {
        (IPage page, _) = await site.NewPageAsync();
        await page.GotoAsync(site.Url(""));
        Assert.True(await page.Locator("#filter").IsVisibleAsync());
        int all = await page.Locator("li.event").CountAsync();
        await page.FillAsync("#filter-text", "zzzz-no-such-event");
        Assert.Equal(0, await page.Locator("li.event:visible").CountAsync());
        Assert.Contains($"0 of {all} events shown", await page.Locator("#filter-status").InnerTextAsync(), StringComparison.Ordinal);
        await page.FillAsync("#filter-text", "");
        Assert.Equal(await page.Locator("li.event.key").CountAsync(), await page.Locator("li.event.key:visible").CountAsync());
        await page.Context.CloseAsync();
    }


    [BrowserFact]
    public async Task AxeFindsNoSeriousOrCriticalViolation()
    {
        (string eventPage, string articlePage) = site.SamplePages();
        var failures = new List<string>();
        foreach ((string which, ColorScheme scheme) in new[] { ("", ColorScheme.Light), ("", ColorScheme.Dark), (eventPage, ColorScheme.Light), (articlePage, ColorScheme.Light), (articlePage, ColorScheme.Dark) })
        {
            (IPage page, _) = await site.NewPageAsync(scheme: scheme);
            await page.GotoAsync(site.Url(which));
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserPrerequisites.AxeScript });
            JsonElement violations = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
            foreach (JsonElement v in violations.EnumerateArray())
            {
                string impact = v.GetProperty("impact").GetString() ?? "";
                if (impact is "serious" or "critical")
                {
                    failures.Add($"/{which} ({scheme}): {impact} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {v.GetProperty("targets")}");
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [BrowserFact]
    public async Task NothingScrollsHorizontallyOnAPhone()
    {
        (string eventPage, string articlePage) = site.SamplePages();
        foreach (string path in new[] { "", eventPage, articlePage, "sources/", "methodology/" })
        {
            (IPage page, _) = await site.NewPageAsync(390, 844);
            await page.GotoAsync(site.Url(path));
            int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            int viewport = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            Assert.True(scrollWidth <= viewport, $"/{path} is {scrollWidth}px wide in a {viewport}px viewport");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task TimelineJsRendersOurTimelineJsonWithoutConsoleErrors()
    {
        (IPage page, List<string> external) = await site.NewPageAsync(1280, 800);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(site.Url("__harness/timelinejs.html"));
        await page.WaitForFunctionAsync("() => window.harness && window.harness.loaded", null, new PageWaitForFunctionOptions { Timeout = 20000 });
        await page.WaitForSelectorAsync(".tl-timemarker", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        int events = site.KeyEvents.Count + await CountBackground();
        Assert.Equal(events, await page.Locator(".tl-timemarker").CountAsync());
        Assert.Equal(0, await page.Locator(".tl-message-content:visible").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSiteBrowserFixture.ScreenshotDir, "timelinejs-desktop.png") });
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors) + Environment.NewLine + "external requests: " + string.Join(", ", external));
        Assert.True(external.Count == 0, "external requests: " + string.Join(", ", external));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task DesktopAndMobileScreenshotsAreSaved()
    {
        (string eventPage, string articlePage) = site.SamplePages();
        foreach ((string name, string path) in new[] { ("index", ""), ("event", eventPage), ("article", articlePage) })
        {
            foreach ((string device, int w, int h) in new[] { ("desktop", 1280, 900), ("mobile", 390, 844) })
            {
                (IPage page, _) = await site.NewPageAsync(w, h);
                await page.GotoAsync(site.Url(path));
                string file = Path.Combine(SampleSiteBrowserFixture.ScreenshotDir, $"{name}-{device}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 1000, file);
                await page.Context.CloseAsync();
            }
        }

        (IPage dark, _) = await site.NewPageAsync(1280, 900, ColorScheme.Dark);
        await dark.GotoAsync(site.Url(""));
        await dark.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleSiteBrowserFixture.ScreenshotDir, "index-desktop-dark.png"), FullPage = true });
        await dark.Context.CloseAsync();
    }

    private async Task<int> CountBackground()
    {
        using JsonDocument doc = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(site.OutputDir, "events.json")));
        return doc.RootElement.GetProperty("events").EnumerateArray().Count(e => !e.GetProperty("key").GetBoolean());
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
