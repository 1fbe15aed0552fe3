using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>Shared helpers: tag a sentence against a publication date and find the mention of a phrase.</summary>
internal static class TaggerAssert
{
    /// <summary>Wednesday 2026-01-28, the publication date of most sample articles.</summary>
    public const string DefaultDct = "2026-01-28";

    public static IReadOnlyList<TemporalMention> Tag(string text, string dct = DefaultDct) =>
        TemporalTagger.Default.Tag(text, DocumentTime.FromDate(LocalDatePattern.Iso.Parse(dct).Value));

    /// <summary>Asserts that exactly one mention covers <paramref name="extent"/>, with that exact extent, and returns it.</summary>
    public static TemporalMention Mention(string text, string extent, string dct = DefaultDct)
    {
        var mentions = Tag(text, dct);
        int at = text.IndexOf(extent, StringComparison.Ordinal);
        Assert.True(at >= 0, $"test bug: '{extent}' is not in '{text}'");
        var covering = mentions.Where(m => m.Start < at + extent.Length && at < m.End).ToList();
        Assert.True(covering.Count == 1, $"expected one mention over '{extent}', got [{string.Join(", ", mentions.Select(m => $"'{m.Text}'={m.Value}"))}]");
        Assert.Equal(extent, covering[0].Text);
        return covering[0];
    }

    public static void Value(string text, string extent, string value, TimexMod mod = TimexMod.None, string dct = DefaultDct)
    {
        var m = Mention(text, extent, dct);
        Assert.Equal(value, m.Value);
        Assert.Equal(mod, m.Mod);
    }
}
