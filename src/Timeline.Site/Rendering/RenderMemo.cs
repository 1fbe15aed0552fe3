using System.Collections.Concurrent;

namespace Timeline.Site.Rendering;

/// <summary>
/// What one build's rendering made that the next build of the same output may reuse: the bytes each export writes for
/// each event, keyed by the event's content digest (see <see cref="EventDigest"/>). Kept in memory only, beside the
/// output state (so by <c>timeline preview</c>, whose builder lives across rebuilds).
/// </summary>
/// <remarks>
/// A build <see cref="Begin"/>s with a key of everything outside the events that the fragments depend on (engine, code,
/// links, site settings); a different key drops every fragment. Entries not used by a committed build are dropped, so
/// the memo never holds more than one build's fragments. Lookups and stores are thread-safe; Begin and Commit are not.
/// </remarks>
internal sealed class RenderMemo
{
    private string _settings = "";
    private Dictionary<(int Kind, UInt128 Key), byte[]> _previous = [];
    private ConcurrentDictionary<(int Kind, UInt128 Key), byte[]> _current = new();

    /// <summary>How many fragments this build took from the previous one (for tests and the profile).</summary>
    public int Hits => _hits;

    private int _hits;

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

    /// <summary>The fragment of kind <paramref name="kind"/> stored under <paramref name="key"/> by this build or the last committed one.</summary>
    public bool TryGet(int kind, UInt128 key, out byte[] fragment)
    {
        if (_current.TryGetValue((kind, key), out fragment!))
        {
            return true;
        }

        if (_previous.TryGetValue((kind, key), out fragment!))
        {
            _current[(kind, key)] = fragment;
            Interlocked.Increment(ref _hits);
            return true;
        }

        return false;
    }

    public void Put(int kind, UInt128 key, byte[] fragment) => _current[(kind, key)] = fragment;

    /// <summary>The build was written: its fragments (and only those) are what the next build may reuse.</summary>
    public void Commit()
    {
        _previous = new Dictionary<(int Kind, UInt128 Key), byte[]>(_current);
        _current = new();
    }
}
