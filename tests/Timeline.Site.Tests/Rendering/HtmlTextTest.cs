using System.Net;
using System.Text;
using Scriban;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

/// <summary>HtmlText must encode exactly as WebUtility.HtmlEncode, which the site's pages were made with.</summary>
public sealed class HtmlTextTest
{
    [Theory]
    [InlineData("")] // nothing to write
    [InlineData("Plain ASCII text, with (punctuation)!")] // no entity at all
    [InlineData("<b>\"Tom\" & 'Jerry'</b>")] // the five ASCII characters WebUtility encodes
    [InlineData("\u009f\u00a0")] // just below Latin-1's upper half (kept), its first character (encoded)
    [InlineData("\u00ff\u0100")] // its last character (encoded), just above it (kept)
    [InlineData("caf\u00e9 \u201cquoted\u201d \u2192")] // é is encoded; curly quotes and arrows are not
    [InlineData("\ud83d\ude00 smile")] // a surrogate pair becomes one numeric entity
    [InlineData("lone \ud83d")] // an unpaired high surrogate at the end becomes U+FFFD
    [InlineData("\ude00 lone low")] // an unpaired low surrogate becomes U+FFFD
    [InlineData("\ud83d\ud83d\ude00")] // a high surrogate followed by a pair: U+FFFD, then the pair's entity
    public void EncodesAsWebUtility(string text)
    {
        var sb = new StringBuilder();
        HtmlText.Append(sb, text);
        Assert.Equal(WebUtility.HtmlEncode(text), sb.ToString());
        Assert.Equal(WebUtility.HtmlEncode(text) == text, HtmlText.IndexOfEncoded(text) < 0);
    }

    [Fact]
    public void EncodesRandomTextAsWebUtility()
    {
        // Characters around every boundary the encoder knows, mixed at random (fixed seed: the same cases every run).
        char[] alphabet = ['a', ' ', '\n', '<', '>', '&', '"', '\'', '#', ';', '\u007f', '\u009f', '\u00a0', '\u00e9', '\u00ff', '\u0100', '\u2019', '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000', '\ufffd'];
        var random = new Random(1234);
        for (int n = 0; n < 20_000; n++)
        {
            char[] chars = new char[random.Next(0, 12)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            var sb = new StringBuilder();
            HtmlText.Append(sb, text);
            Assert.Equal(WebUtility.HtmlEncode(text), sb.ToString());
        }
    }

    [Theory]
    [InlineData("Tom & \"Jerry\" \ud83d\ude00 caf\u00e9 \ud83d")] // every kind of piece a value is written in
    [InlineData("no entity")] // written whole
    public void TemplateValuesAreWrittenAsWebUtilityEncodesThem(string value)
    {
        var context = new HtmlTemplateContext();
        var globals = new Scriban.Runtime.ScriptObject { ["v"] = value };
        context.PushGlobal(globals);
        Assert.Equal("[" + WebUtility.HtmlEncode(value) + "]", Template.Parse("[{{ v }}]").Render(context));
    }
}

/// <summary>Contexts are reused from page to page: nothing a page's template does may reach the next page.</summary>
public sealed class ContextPoolTest
{
    [Fact]
    public void AReusedContextForgetsThePreviousPage()
    {
        var templates = new ThemeTemplates(ThemeFiles.ForTheme(TestSite.ThemeDir));
        HtmlTemplateContext first = templates.RentContext();
        first.PushGlobal(new Scriban.Runtime.ScriptObject());
        Assert.Equal("set", Template.Parse("{{ leaked = 'yes' }}set").Render(first));
        templates.ReturnContext(first);

        HtmlTemplateContext second = templates.RentContext();
        Assert.Same(first, second);
        second.PushGlobal(new Scriban.Runtime.ScriptObject());
        // Strict variables: a variable the previous page assigned is unknown here, as in a new context.
        Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => Template.Parse("{{ leaked }}").Render(second));

        // A failed render's context is dropped, never returned; a new one still includes the theme's partials.
        HtmlTemplateContext third = templates.RentContext();
        third.PushGlobal(new Scriban.Runtime.ScriptObject { ["site"] = new Scriban.Runtime.ScriptObject { ["home_url"] = "/", ["title"] = "T", ["sources_url"] = "/s", ["methodology_url"] = "/m" }, ["page"] = new Scriban.Runtime.ScriptObject { ["is_home"] = true, ["layout"] = "index" } });
        Assert.Contains("site-header", Template.Parse("{{ include 'header' }}").Render(third), StringComparison.Ordinal);
    }
}
