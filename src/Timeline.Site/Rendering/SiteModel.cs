using Timeline.Core.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Text;
using Timeline.Site.Loading;

namespace Timeline.Site.Rendering;

/// <summary>
/// One output file: a path relative to the output folder (forward slashes) and its bytes. A file a build has written
/// (or found unchanged) in the output folder holds only its location and reads its bytes from there on demand, so a
/// large site is never held in memory whole.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class SiteFile
{
    private readonly byte[]? _content;

    // For a written file: the output folder it is in (shared by every file of a build), so a large site's list of files
    // holds no full path per file.
    private readonly string? _folder;

    /// <summary>A file whose bytes are in memory.</summary>
    public SiteFile(string path, byte[] content)
    {
        Path = path;
        _content = content;
    }

    private SiteFile(string path, string folder)
    {
        Path = path;
        _folder = folder;
    }

    /// <summary>The path relative to the output folder, with forward slashes ("events/2026-01-24-x/index.html").</summary>
    public string Path { get; }

    /// <summary>The bytes: from memory, or read from the output folder for a file already written there.</summary>
    public byte[] Content => _content ?? File.ReadAllBytes(System.IO.Path.Combine(_folder!, Path));

    /// <summary>
    /// For a rendered page, a hash of everything it was rendered from (theme, engine, page data); null for other
    /// files. Equal fingerprints mean equal bytes, so a build can skip rendering a page it has written before.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>Whether <see cref="Content"/> is held in memory (false: read from <paramref name="Path"/>'s written file).</summary>
    internal bool InMemory => _content is not null;

    /// <summary>A file already written at <paramref name="path"/> in output folder <paramref name="folder"/> (a full path).</summary>
    internal static SiteFile Written(string path, string folder, string? fingerprint) => new(path, folder) { Fingerprint = fingerprint };

    public override string ToString() => Path;
}

/// <summary>Everything the per-article stages produced for one article, for its article page and the report.</summary>
public sealed record ArticleReport(Article Article, CleanedArticle Cleaned, IReadOnlyList<TaggedStory> Stories, IReadOnlyList<StoryEvents> Events);

/// <summary>The whole input of rendering: settings, the ordered events, the articles, and what the build noticed.</summary>
public sealed record SiteModel(
    SiteConfig Config,
    Chronology Chronology,
    IReadOnlyList<ArticleReport> Articles,
    IReadOnlyList<Diagnostic> Diagnostics);
