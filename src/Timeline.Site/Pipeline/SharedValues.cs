using System.Collections.Concurrent;

namespace Timeline.Site.Pipeline;

/// <summary>
/// One instance per distinct string and per distinct list of strings among the reports of one build: wire copies and
/// follow-ups repeat sentences, names and terms word for word, and a large site keeps every report's mentions until it
/// is rendered. Equal values become the same object, so nothing reads differently (the caches keyed by a string or a
/// list compute from its content).
/// </summary>
/// <remarks>Thread-safe: the parallel article stage shares one. Drop it after that stage; it holds every value it has seen.</remarks>
internal sealed class SharedValues
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IReadOnlyList<string>, IReadOnlyList<string>> _lists = new(ListComparer.Instance);

    /// <summary>The shared instance of <paramref name="value"/>.</summary>
    public string Share(string value) => value.Length == 0 ? "" : _strings.GetOrAdd(value, value);

    /// <summary>The shared instance of a list with <paramref name="list"/>'s strings (themselves shared), as an array of its exact size.</summary>
    public IReadOnlyList<string> Share(IReadOnlyList<string> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var items = new string[list.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = Share(list[i]);
        }

        return _lists.GetOrAdd(items, items);
    }

    /// <summary>Lists equal item by item (ordinal).</summary>
    private sealed class ListComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            for (int i = 0; i < x.Count; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<string> list)
        {
            var hash = new HashCode();
            hash.Add(list.Count);
            foreach (string item in list)
            {
                // Items are shared instances already: their identity hash is as good as their content hash, and cheaper.
                hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(item));
            }

            return hash.ToHashCode();
        }
    }
}
