using Timeline.Site.Pipeline;

namespace Timeline.Site.Tests.Pipeline;

/// <summary>The segment check shared by the writer and the preview server: what each may join to the output folder.</summary>
public sealed class SitePathTest
{
    public static TheoryData<string, bool, bool> Paths => new()
    {
        { "events/x/index.html", false, true }, // a page the renderer writes
        { "index.html", false, true }, // one segment
        { "a..b/c.d", false, true }, // dots inside a name are a name, not a dot segment
        { "events/../../etc/passwd", true, false }, // climbing out, even where empty segments are allowed
        { "./index.html", true, false }, // a "." segment
        { "events/..", false, false }, // ".." at the end
        { "events\\..\\x", true, false }, // a back slash is a separator on Windows
        { "a\0b", true, false }, // NUL ends a path in native calls
        { "events//x", false, false }, // the writer never makes an empty segment
        { "events//x", true, true }, // the server allows it (a doubled slash in a URL)
        { "events/", true, true }, // a folder's index in a URL
        { "", true, true }, // the root's index in a URL
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void RefusesDotSegmentsBackSlashesAndNul(string relative, bool allowEmpty, bool plain) =>
        Assert.Equal(plain, SitePath.HasPlainSegments(relative, allowEmpty));
}
