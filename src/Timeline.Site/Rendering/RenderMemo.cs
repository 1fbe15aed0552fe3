using System.Collections.Concurrent;

namespace Timeline.Site.Rendering;

/// <summary>
/// What one build's rendering made that the next build of the same output may reuse: where each export wrote each
/// event's fragment, keyed by the event's content digest (see <see cref="EventDigest"/>). The bytes stay in the written
/// export file, which the next build reads them back from (when that file is unchanged since), so the memo holds a few
/// numbers per event instead of a second copy of every export. Also, per page, the key of the inputs its data was made
/// from and the fingerprint that data had: a page whose input key is unchanged is reused without making its data at
/// all (see <c>PageData.ArticleInputs</c>, <c>PageData.EventInputs</c>, <c>PageData.YearInputs</c>). Kept in memory only, beside the output state
/// (so by <c>timeline preview</c>, whose builder lives across rebuilds).
/// </summary>
/// <remarks>
/// A build <see cref="Begin"/>s with a key of everything outside the events that the fragments depend on (engine, code,
/// links, site settings); a different key drops every fragment. Entries not used by a committed build are dropped, so
/// the memo never holds more than one build's fragments. Lookups and stores are thread-safe; Begin and Commit are not.
/// </remarks>
internal sealed class RenderMemo
{
    private string _settings = "";
    private Dictionary<(int Kind, UInt128 Key), Span> _previous = [];
    private ConcurrentDictionary<(int Kind, UInt128 Key), Span> _current = new();

    // Page path → the input key and fingerprint it was last rendered (or reused) with.
    private Dictionary<string, PageEntry> _previousPages = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, PageEntry> _currentPages = new(StringComparer.Ordinal);

    /// <summary>A page as the last committed build made it: the key of everything its data was made from, and its fingerprint.</summary>
    private readonly record struct PageEntry(UInt128 InputKey, string Fingerprint);

    /// <summary>How many fragments this build read back from the previous one's files (for tests and the profile).</summary>
    public int Hits => _hits;

    private int _hits;

    /// <summary>Where a fragment is in its export file as last written: offset and length in bytes, without its separator.</summary>
    public readonly record struct Span(long Offset, int Length);

    /// <summary>Starts a build whose fragments depend on <paramref name="settings"/> besides each event's own data.</summary>
    public void Begin(string settings)
    {
        if (!string.Equals(settings, _settings, StringComparison.Ordinal))
        {
            _previous = [];
            _settings = settings;
        }

        _current = new();
        _currentPages = new(StringComparer.Ordinal);
        _hits = 0;
    }

    /// <summary>
    /// The fingerprint the last committed build gave page <paramref name="path"/> when it was made from the inputs keyed
    /// <paramref name="inputKey"/> (see <c>SiteRenderer</c>): the same inputs make the same data, so the same fingerprint.
    /// </summary>
    public bool TryGetPage(string path, UInt128 inputKey, out string fingerprint)
    {
        if (_previousPages.TryGetValue(path, out PageEntry entry) && entry.InputKey == inputKey)
        {
            fingerprint = entry.Fingerprint;
            return true;
        }

        fingerprint = "";
        return false;
    }

    /// <summary>Notes that this build made page <paramref name="path"/> from the inputs keyed <paramref name="inputKey"/> with <paramref name="fingerprint"/>.</summary>
    public void PutPage(string path, UInt128 inputKey, string fingerprint) => _currentPages[path] = new PageEntry(inputKey, fingerprint);

    /// <summary>Where the last committed build wrote the fragment of kind <paramref name="kind"/> stored under <paramref name="key"/>.</summary>
    public bool TryGet(int kind, UInt128 key, out Span span)
    {
        return _previous.TryGetValue((kind, key), out span);
    }

    /// <summary>Counts a fragment read back from the previous build's file.</summary>
    public void Reused() => Interlocked.Increment(ref _hits);

    /// <summary>Notes where this build wrote the fragment of kind <paramref name="kind"/> stored under <paramref name="key"/>.</summary>
    public void Put(int kind, UInt128 key, Span span) => _current[(kind, key)] = span;

    /// <summary>The build was written: its fragments (and only those) are what the next build may reuse.</summary>
    public void Commit()
    {
        _previous = new Dictionary<(int Kind, UInt128 Key), Span>(_current);
        _current = new();
        _previousPages = new Dictionary<string, PageEntry>(_currentPages, StringComparer.Ordinal);
        _currentPages = new(StringComparer.Ordinal);
    }
}
