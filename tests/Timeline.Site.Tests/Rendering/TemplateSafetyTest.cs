using System.Net;
using System.Text;
using Scriban.Syntax;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

/// <summary>Article text is data: it is HTML-encoded wherever it appears and never evaluated as a template.</summary>
public sealed class TemplateSafetyTest
{
    private static readonly IReadOnlyDictionary<string, string> Site = TestSite.Render();

    // Every page and every markup or JSON export; events.ics is plain text, where the payload is literal text (checked with Ical.Net).
    public static TheoryData<string> AllFiles => new(Site.Keys
        .Where(k => !k.StartsWith("assets/", StringComparison.Ordinal) && !k.EndsWith(".ics", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal));

    public static TheoryData<string> PagesShowingThePayload => new(
        "index.html", "sources/index.html", "events/2026-01-28-payload/index.html",
        Site.Keys.Single(k => k.StartsWith("articles/2026-01-29-", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void NoFileCarriesTheScriptTag(string path) =>
        Assert.DoesNotContain("<script>alert(1)</script>", Site[path], StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(PagesShowingThePayload))]
    public void PayloadRendersLiterallyAndEscaped(string path)
    {
        // Literally: the template syntax is shown, not evaluated (StrictVariables would have thrown on the unknown name).
        Assert.Contains("{{ articles_filter_1561_widget.title }}&lt;script&gt;alert(1)&lt;/script&gt;", Site[path], StringComparison.Ordinal);
    }

    [Fact]
    public void JavascriptUrlsAreNeverLinked()
    {
        Assert.All(Site.Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal)), p =>
            Assert.DoesNotContain("javascript:", p.Value, StringComparison.OrdinalIgnoreCase));
        // … while an http(s) original is linked.
        Assert.Contains(Site, p => p.Value.Contains("href=\"https://example.org/ap-story\"", StringComparison.Ordinal));
    }

    [Theory]
    // The eval built-ins are removed: a template cannot turn a string into a template.
    [InlineData("{{ object.eval '1 + 1' }}")]
    [InlineData("{{ object.eval_template '{{ 1 + 1 }}' }}")]
    // Strict variables: an unknown name is an error, not an empty string.
    [InlineData("{{ no_such_variable }}")]
    public void DangerousOrMistakenTemplatesFail(string template)
    {
        using var site = new TempDir();
        site.Write("layouts/404.sbnhtml", template);
        var renderer = new SiteRenderer(ThemeFiles.Locate(TestSite.ThemeDir, site.Path, "default"));
        Assert.ThrowsAny<ScriptRuntimeException>(() => renderer.Render(TestSite.Model()));
    }

    [Fact]
    public void RawHtmlIsTheOnlyUnencodedValue()
    {
        using var site = new TempDir();
        site.Write("layouts/404.sbnhtml", "{{ page.title }}|{{ site.title }}");
        var model = TestSite.Model() with { Config = TestSite.Model().Config with { Title = "<b>&" } };
        var files = new SiteRenderer(ThemeFiles.Locate(TestSite.ThemeDir, site.Path, "default")).Render(model);
        Assert.Equal("Page not found|" + WebUtility.HtmlEncode("<b>&"), Encoding.UTF8.GetString(files.Single(f => f.Path == "404.html").Content));
    }

    [Fact]
    public void HighlightedQuoteEncodesEveryPiece()
    {
        string quote = "<i>x</i> on Wednesday & more";
        var mention = new Timeline.Core.Temporal.TemporalMention(9, 21, "on Wednesday", Timeline.Core.Temporal.TimexType.Date, "2026-01-28",
            Timeline.Core.Temporal.TimexMod.None, "t") { Range = TestSite.Day(2026, 1, 28) };
        RawHtml html = Highlighter.Quote(quote, 0, mention);
        Assert.StartsWith("&lt;i&gt;x&lt;/i&gt; <mark class=\"timex\"", html.Html, StringComparison.Ordinal);
        Assert.EndsWith(">on Wednesday</mark> &amp; more", html.Html, StringComparison.Ordinal);
    }
}
