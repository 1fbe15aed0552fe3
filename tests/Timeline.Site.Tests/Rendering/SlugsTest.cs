using System.Text.RegularExpressions;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

public sealed partial class SlugsTest
{
    [Theory]
    // Path traversal cannot survive: dots and slashes become separators.
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("..\\..\\windows\\system32", "windows-system32")]
    // Windows device names are reserved as file and folder names.
    [InlineData("CON", "con-page")]
    [InlineData("nul", "nul-page")]
    [InlineData("com1", "com1-page")]
    // Accents fold to ASCII, curly apostrophes vanish, other scripts drop out.
    [InlineData("Al-Sharaa’s café", "al-sharaas-cafe")]
    [InlineData("2026-01-28 Визит в Москву", "2026-01-28")]
    // Nothing usable left: the fallback.
    [InlineData("", "item")]
    [InlineData("!!!", "item")]
    // The date-and-headline form is kept as is.
    [InlineData("2026-01-28-al-sharaa-visits-moscow", "2026-01-28-al-sharaa-visits-moscow")]
    public void SanitizeMakesSafeSegments(string input, string expected) =>
        Assert.Equal(expected, Slugs.Sanitize(input));

    [Fact]
    public void LongTextIsCappedAtAWordWithoutTrailingHyphen()
    {
        string slug = Slugs.Sanitize(string.Join(' ', Enumerable.Repeat("syria russia", 40)));
        Assert.InRange(slug.Length, 1, Slugs.MaxLength);
        Assert.Matches(SlugShape(), slug);
    }

    [Theory]
    // Mixed junk of every kind still yields the slug shape.
    [InlineData("<script>alert(1)</script>")]
    [InlineData("{{ articles_filter_1561_widget.title }}")]
    [InlineData("  --a--b--  ")]
    [InlineData("\u0000\u200b\ud83d\ude00 emoji")]
    public void SanitizeAlwaysYieldsTheSlugShape(string input) =>
        Assert.Matches(SlugShape(), Slugs.Sanitize(input));

    [Fact]
    public void MakeUniqueNumbersLaterDuplicates() =>
        Assert.Equal(["a", "b", "a-2", "a-3"], Slugs.MakeUnique(["a", "b", "a", "a"]));

    [Fact]
    public void MakeUniqueStaysWithinTheCap()
    {
        string longSlug = new('x', Slugs.MaxLength);
        IReadOnlyList<string> unique = Slugs.MakeUnique([longSlug, longSlug]);
        Assert.Equal(2, unique.Distinct().Count());
        Assert.All(unique, s => Assert.True(s.Length <= Slugs.MaxLength));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SlugShape();
}
