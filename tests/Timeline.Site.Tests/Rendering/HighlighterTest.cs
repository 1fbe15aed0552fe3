using Timeline.Core.Temporal;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

public sealed class HighlighterTest
{
    [Theory]
    // News text puts each paragraph on its own line; blank lines and surrounding spaces do not make paragraphs.
    [InlineData("One.\nTwo.\n\n  Three.  \n", new[] { "One.", "Two.", "Three." })]
    [InlineData("\n\n", new string[0])]
    [InlineData("Single line", new[] { "Single line" })]
    public void ParagraphsAreTheNonBlankLines(string text, string[] expected) =>
        Assert.Equal(expected, Highlighter.ParagraphSpans(text).Select(p => text[p.Start..p.End]));

    [Fact]
    public void EveryMentionIsMarkedWithItsResolution()
    {
        const string text = "Talks ended Saturday.\nThey resume in October 2025.";
        var saturday = new TemporalMention(12, 20, "Saturday", TimexType.Date, "2026-01-24", TimexMod.None, "t") { Range = TestSite.Day(2026, 1, 24) };
        var october = new TemporalMention(37, 49, "October 2025", TimexType.Date, "2025-10", TimexMod.None, "t") { Range = TestSite.Month(2025, 10) };
        string html = Highlighter.Paragraphs(text, [october, saturday]).Html;
        Assert.Equal(
            "<p>Talks ended <mark class=\"timex\" data-timex=\"2026-01-24\" title=\"→ Sat 24 Jan 2026\">Saturday</mark><span class=\"resolved\"> [Sat 24 Jan 2026]</span>.</p>\n" +
            "<p>They resume in <mark class=\"timex\" data-timex=\"2025-10\" title=\"→ October 2025\">October 2025</mark><span class=\"resolved\"> [October 2025]</span>.</p>\n",
            html);
    }

    [Fact]
    public void AQuoteWhoseOffsetsDriftedIsStillMarkedByText()
    {
        // The quote was trimmed, so the mention's offset (relative to the sentence start) is off by the leading spaces.
        var m = new TemporalMention(14, 22, "Saturday", TimexType.Date, "2026-01-24", TimexMod.None, "t") { Range = TestSite.Day(2026, 1, 24) };
        Assert.Contains(">Saturday</mark>", Highlighter.Quote("Truce expired Saturday.", 0, m with { Start = 40, End = 48 }).Html, StringComparison.Ordinal);
    }
}
