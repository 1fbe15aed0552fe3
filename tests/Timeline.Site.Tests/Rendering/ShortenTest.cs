using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

public sealed class ShortenTest
{
    [Theory]
    // Short text: whitespace runs (tabs, newlines, non-breaking space) become one space, ends trimmed.
    [InlineData("  Talks\tended \n\n Saturday.\u00A0 ", 90, "Talks ended Saturday.")]
    // Exactly max characters once flattened: kept whole.
    [InlineData("abcd efgh", 9, "abcd efgh")]
    // Longer: cut at the last space before max (when past half of it), with an ellipsis.
    [InlineData("abcd efghi", 7, "abcd…")]
    // The space that ends the cut is the flattened one, not the original run of spaces.
    [InlineData("abcd    \n  efgh ijkl", 12, "abcd efgh…")]
    // No space in the second half: cut inside the word.
    [InlineData("a bcdefghijklmnop", 10, "a bcdefgh…")]
    // Trailing punctuation before the cut is dropped.
    [InlineData("first, second; third: fourth", 22, "first, second; third…")]
    // Empty and blank text.
    [InlineData("", 10, "")]
    [InlineData(" \n\t ", 10, "")]
    public void Cases(string text, int max, string expected) => Assert.Equal(expected, PageData.Shorten(text, max));

    [Fact]
    public void EqualsFlatteningTheWholeTextFirst()
    {
        // Shorten reads only as far as the cut; it must give what flattening the whole text and then cutting gives.
        var random = new Random(7);
        string[] pieces = ["word", "a", "longerword", ",", ";", " ", "  ", "\n", "\t", "\u2003", "é", "x:"];
        for (int n = 0; n < 2000; n++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            int max = random.Next(2, 60);
            Assert.Equal(Reference(text, max), PageData.Shorten(text, max));
        }
    }

    private static string Reference(string text, int max)
    {
        string flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        int cut = flat.LastIndexOf(' ', max - 1);
        return flat[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
