namespace Timeline.Core.Text;

/// <summary>
/// Maps offsets of a clean text back to offsets of the original body it was cut from. The clean text is a
/// concatenation of runs copied from the body (plus inserted separators, which map to the start of the next run).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SourceMap
{
    private readonly int[] _cleanStarts;
    private readonly int[] _sourceStarts;

    /// <param name="runs">(clean offset, source offset) pairs, in increasing clean order; each run continues until the next.</param>
    public SourceMap(IEnumerable<(int CleanStart, int SourceStart)> runs)
    {
        var list = runs.ToList();
        _cleanStarts = list.Select(r => r.CleanStart).ToArray();
        _sourceStarts = list.Select(r => r.SourceStart).ToArray();
        for (int i = 1; i < _cleanStarts.Length; i++)
        {
            if (_cleanStarts[i] < _cleanStarts[i - 1])
            {
                throw new ArgumentException("Runs must be in increasing clean order.", nameof(runs));
            }
        }
    }

    /// <summary>A map for a clean text identical to its source, shifted by <paramref name="offset"/>.</summary>
    public static SourceMap Identity(int offset = 0) => new([(0, offset)]);

    /// <summary>The body offset that clean offset <paramref name="cleanOffset"/> came from.</summary>
    public int ToSource(int cleanOffset)
    {
        if (_cleanStarts.Length == 0)
        {
            return cleanOffset;
        }

        int i = Array.BinarySearch(_cleanStarts, cleanOffset);
        if (i < 0)
        {
            i = Math.Max(0, ~i - 1);
        }

        return _sourceStarts[i] + (cleanOffset - _cleanStarts[i]);
    }

    /// <summary>Runs as (clean start, source start) pairs.</summary>
    public IEnumerable<(int CleanStart, int SourceStart)> Runs => _cleanStarts.Zip(_sourceStarts);
}
