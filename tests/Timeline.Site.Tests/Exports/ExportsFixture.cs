using System.Text;
using Timeline.Site.Rendering;
using Timeline.Site.Tests.Rendering;

namespace Timeline.Site.Tests.Exports;

/// <summary>The test site rendered under an absolute base URL, as text by path.</summary>
internal static class ExportsFixture
{
    public const string Base = "https://example.org/timeline/";

    public static IReadOnlyDictionary<string, string> Site { get; } = new SiteRenderer(TestSite.ThemeDir)
        .Render(TestSite.Model(Base))
        .ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Content), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> RootedSite { get; } = TestSite.Render();
}
