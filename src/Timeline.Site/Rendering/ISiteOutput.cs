namespace Timeline.Site.Rendering;

/// <summary>
/// Where <see cref="SiteRenderer"/> puts the files it makes, as it makes them (from several threads at once): memory,
/// or a build's write to the output folder (<see cref="Cache.OutputSession"/>), which can also hand back a page it
/// already wrote when the page's fingerprint has not changed, so that page is not rendered again.
/// </summary>
internal interface ISiteOutput
{
    /// <summary>The already written file at <paramref name="path"/> when it was made from <paramref name="fingerprint"/>; null to render it.</summary>
    SiteFile? Reuse(string path, string fingerprint);

    /// <summary>Takes a finished file; returns the file to list in the build's result (perhaps one that reads its bytes back on demand).</summary>
    SiteFile Add(SiteFile file);

    /// <summary>
    /// Takes the file at <paramref name="path"/> that <paramref name="write"/> writes (a large export, written straight
    /// to where it goes instead of held in memory whole); returns the file to list in the build's result.
    /// </summary>
    SiteFile Add(string path, Action<Stream> write);

    /// <summary>
    /// The file at <paramref name="path"/> as the last committed build wrote it, when it is still there unchanged
    /// (the <see cref="Memo"/>'s fragments are read back from it); null otherwise. The caller disposes it.
    /// </summary>
    Stream? OpenPrevious(string path);

    /// <summary>What the previous build of this output made that this one may reuse; null to reuse nothing.</summary>
    RenderMemo? Memo { get; }
}

/// <summary>Keeps every file in memory and reuses nothing.</summary>
internal sealed class MemoryOutput : ISiteOutput
{
    public static readonly MemoryOutput Instance = new();

    public SiteFile? Reuse(string path, string fingerprint) => null;

    public SiteFile Add(SiteFile file) => file;

    public SiteFile Add(string path, Action<Stream> write) => Exports.ExportContext.InMemory(path, write);

    public Stream? OpenPrevious(string path) => null;

    public RenderMemo? Memo => null;
}
