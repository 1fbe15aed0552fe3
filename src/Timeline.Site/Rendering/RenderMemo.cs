using System.Collections.Concurrent;

namespace Timeline.Site.Rendering;

/// <summary>
/// What one build's rendering made that the next build of the same output may reuse: where each export wrote each
/// event's fragment, keyed by the event's content digest (see <see cref="EventDigest"/>). The bytes stay in the written
/// export file, which the next build reads them back from (when that file is unchanged since), so the memo holds a few
/// numbers per event instead of a second copy of every export. Kept in memory only, beside the output state (so by
/// <c>timeline preview</c>, whose builder lives across rebuilds).
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
        _hits = 0;
    }

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
    }
}
