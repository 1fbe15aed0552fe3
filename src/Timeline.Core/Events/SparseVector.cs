namespace Timeline.Core.Events;

/// <summary>
/// A sparse term-weight vector (term ids ascending), for TF-IDF cosine similarity. Immutable once built.
/// </summary>
internal sealed class SparseVector
{
    public static readonly SparseVector Empty = new([], []);

    private readonly int[] _ids;
    private readonly double[] _weights;

    private SparseVector(int[] ids, double[] weights)
    {
        _ids = ids;
        _weights = weights;
        double sum = 0;
        foreach (double w in weights)
        {
            sum += w * w;
        }

        Norm = Math.Sqrt(sum);
    }

    public double Norm { get; }

    public int Count => _ids.Length;

    public IEnumerable<(int Id, double Weight)> Entries => _ids.Zip(_weights);

    /// <summary>The term ids, ascending (for loops that must not allocate).</summary>
    public ReadOnlySpan<int> Ids => _ids;

    /// <summary>The weights, in the order of <see cref="Ids"/>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>
    /// A vector from (id, weight) pairs in any order, repeated ids adding up; sorts <paramref name="ids"/> and
    /// <paramref name="weights"/> in place (only their first <paramref name="count"/> items are read).
    /// </summary>
    public static SparseVector FromPairs(int[] ids, double[] weights, int count)
    {
        Array.Sort(ids, weights, 0, count);
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (n > 0 && ids[n - 1] == ids[i])
            {
                weights[n - 1] += weights[i];
            }
            else
            {
                ids[n] = ids[i];
                weights[n] = weights[i];
                n++;
            }
        }

        return n == 0 ? Empty : new SparseVector(ids[..n], weights[..n]);
    }

    /// <summary>A vector from (id, weight) pairs; repeated ids add up.</summary>
    public static SparseVector From(IEnumerable<KeyValuePair<int, double>> entries)
    {
        var sum = new Dictionary<int, double>();
        foreach ((int id, double w) in entries)
        {
            sum[id] = sum.GetValueOrDefault(id) + w;
        }

        int[] ids = [.. sum.Keys];
        double[] weights = [.. sum.Values];
        Array.Sort(ids, weights);
        return new SparseVector(ids, weights);
    }

    /// <summary>The sum of the vectors, each scaled to unit length first (a centroid direction).</summary>
    public static SparseVector Centroid(IEnumerable<SparseVector> vectors)
    {
        var sum = new Dictionary<int, double>();
        foreach (SparseVector v in vectors)
        {
            if (v.Norm == 0)
            {
                continue;
            }

            for (int i = 0; i < v._ids.Length; i++)
            {
                sum[v._ids[i]] = sum.GetValueOrDefault(v._ids[i]) + (v._weights[i] / v.Norm);
            }
        }

        return From(sum);
    }

    /// <summary>
    /// <see cref="Centroid(IEnumerable{SparseVector})"/> summed in <paramref name="dense"/> (all zero, as it is left) with
    /// <paramref name="marks"/> (all zero, as it is left), both at least as long as the largest id: the same sums in
    /// the same order, without a dictionary.
    /// </summary>
    public static SparseVector Centroid(IEnumerable<SparseVector> vectors, double[] dense, int[] marks)
    {
        var touched = new List<int>();
        foreach (SparseVector v in vectors)
        {
            if (v.Norm == 0)
            {
                continue;
            }

            for (int i = 0; i < v._ids.Length; i++)
            {
                int id = v._ids[i];
                if (marks[id] == 0)
                {
                    marks[id] = 1;
                    touched.Add(id);
                }

                dense[id] += v._weights[i] / v.Norm;
            }
        }

        int[] ids = [.. touched];
        Array.Sort(ids);
        double[] weights = new double[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            weights[i] = dense[ids[i]];
            dense[ids[i]] = 0;
            marks[ids[i]] = 0;
        }

        return new SparseVector(ids, weights);
    }

    /// <summary>This vector plus <paramref name="other"/> scaled by <paramref name="factor"/>.</summary>
    public SparseVector Add(SparseVector other, double factor)
    {
        var sum = new Dictionary<int, double>(_ids.Length + other._ids.Length);
        for (int i = 0; i < _ids.Length; i++)
        {
            sum[_ids[i]] = _weights[i];
        }

        for (int i = 0; i < other._ids.Length; i++)
        {
            sum[other._ids[i]] = sum.GetValueOrDefault(other._ids[i]) + (factor * other._weights[i]);
        }

        return From(sum.Where(kv => kv.Value > 1e-12));
    }

    /// <summary>
    /// <see cref="Cosine"/> with this vector spread out in <paramref name="dense"/> (its weight at each of its ids, 0
    /// elsewhere): O(entries of <paramref name="other"/>) instead of a walk over both. The dot product adds the same
    /// products in the same (id) order as <see cref="Cosine"/>, so the result is the same to the last bit.
    /// </summary>
    public double CosineDense(double[] dense, SparseVector other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }

        double dot = 0;
        int[] ids = other._ids;
        double[] weights = other._weights;
        for (int j = 0; j < ids.Length; j++)
        {
            double w = dense[ids[j]];
            if (w != 0)
            {
                dot += w * weights[j];
            }
        }

        return dot / (Norm * other.Norm);
    }

    /// <summary>Writes this vector's weights into <paramref name="dense"/> at its ids (or zeroes them with <paramref name="clear"/>).</summary>
    public void Spread(double[] dense, bool clear)
    {
        for (int i = 0; i < _ids.Length; i++)
        {
            dense[_ids[i]] = clear ? 0 : _weights[i];
        }
    }

    /// <summary>Cosine similarity, 0 when either vector is empty.</summary>
    public double Cosine(SparseVector other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }

        double dot = 0;
        int i = 0, j = 0;
        while (i < _ids.Length && j < other._ids.Length)
        {
            int c = _ids[i].CompareTo(other._ids[j]);
            if (c == 0)
            {
                dot += _weights[i++] * other._weights[j++];
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot / (Norm * other.Norm);
    }
}
