namespace Timeline.Site.Evaluation;

/// <summary>What is wrong with one gold or system timex.</summary>
public enum TaskAErrorKind
{
    /// <summary>A gold timex no system timex overlaps.</summary>
    Missed,

    /// <summary>A system timex that overlaps no gold timex.</summary>
    Spurious,

    /// <summary>Overlapping, but the extents differ.</summary>
    WrongExtent,

    /// <summary>Overlapping, different type.</summary>
    WrongType,

    /// <summary>Overlapping, different value.</summary>
    WrongValue,
}

/// <summary>One scoring error: the gold timex (null when spurious) and the system timex (null when missed).</summary>
public sealed record TaskAError(TaskAErrorKind Kind, TimexAnnotation? Gold, TimexAnnotation? System)
{
    /// <summary>Where the error is in the plain text, for ordering reports.</summary>
    public int Position => (Gold ?? System)!.Start;
}

/// <summary>The counts of one document and what went wrong in it, in text order.</summary>
public sealed record TaskAResult(TaskACounts Counts, IReadOnlyList<TaskAError> Errors);

/// <summary>
/// TempEval-3 Task A scoring of one document, as a pure function of its gold and system timexes
/// (the DCT must not be among them).
/// </summary>
/// <remarks>
/// Follows TE3-evaluation.py: relaxed match = the extents overlap; strict match = identical extents once
/// surrounding whitespace is trimmed (the toolkit compares the token strings of both extents, which comes to the
/// same thing for overlapping extents). Recall counts gold timexes, precision counts system timexes, each
/// against any counterpart. Type and value are compared on relaxed-matched gold timexes, against the paired system
/// timex: the one with the identical extent, else the one overlapping most (first on ties). Timexes with empty
/// (all-whitespace) extents are ignored, as the toolkit does. Stateless and thread-safe.
/// </remarks>
public static class TaskAScorer
{
    public static TaskAResult Score(IReadOnlyList<TimexAnnotation> gold, IReadOnlyList<TimexAnnotation> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);

        Span[] g = Trimmed(gold);
        Span[] s = Trimmed(system);
        var errors = new List<TaskAError>();
        int goldRelaxed = 0, goldStrict = 0, typeOk = 0, valueOk = 0;
        var systemRelaxed = new bool[s.Length];
        var systemStrict = new bool[s.Length];

        for (int i = 0; i < g.Length; i++)
        {
            int best = -1, bestOverlap = 0;
            bool strict = false;
            for (int j = 0; j < s.Length; j++)
            {
                int overlap = Math.Min(g[i].End, s[j].End) - Math.Max(g[i].Start, s[j].Start);
                if (overlap <= 0)
                {
                    continue;
                }

                systemRelaxed[j] = true;
                bool same = g[i].Start == s[j].Start && g[i].End == s[j].End;
                if (same)
                {
                    systemStrict[j] = true;
                }

                if (!strict && (same || overlap > bestOverlap))
                {
                    best = j;
                    bestOverlap = overlap;
                    strict = same;
                }
            }

            TimexAnnotation goldTimex = g[i].Timex;
            if (best < 0)
            {
                errors.Add(new TaskAError(TaskAErrorKind.Missed, goldTimex, null));
                continue;
            }

            TimexAnnotation paired = s[best].Timex;
            goldRelaxed++;
            if (strict)
            {
                goldStrict++;
            }
            else
            {
                errors.Add(new TaskAError(TaskAErrorKind.WrongExtent, goldTimex, paired));
            }

            if (string.Equals(goldTimex.Type, paired.Type, StringComparison.Ordinal))
            {
                typeOk++;
            }
            else
            {
                errors.Add(new TaskAError(TaskAErrorKind.WrongType, goldTimex, paired));
            }

            if (string.Equals(goldTimex.Value, paired.Value, StringComparison.Ordinal))
            {
                valueOk++;
            }
            else
            {
                errors.Add(new TaskAError(TaskAErrorKind.WrongValue, goldTimex, paired));
            }
        }

        for (int j = 0; j < s.Length; j++)
        {
            if (!systemRelaxed[j])
            {
                errors.Add(new TaskAError(TaskAErrorKind.Spurious, null, s[j].Timex));
            }
        }

        var counts = new TaskACounts(
            g.Length,
            s.Length,
            goldRelaxed,
            goldStrict,
            systemRelaxed.Count(x => x),
            systemStrict.Count(x => x),
            typeOk,
            valueOk);
        errors.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Kind.CompareTo(b.Kind));
        return new TaskAResult(counts, errors);
    }

    /// <summary>Extents without surrounding whitespace, dropping empty ones, in text order.</summary>
    private static Span[] Trimmed(IReadOnlyList<TimexAnnotation> timexes)
    {
        var result = new List<Span>(timexes.Count);
        foreach (TimexAnnotation t in timexes)
        {
            // Trim by the text only when it is the extent's own text; otherwise trust the offsets.
            string text = t.Text.Length == t.End - t.Start ? t.Text : new string('x', Math.Max(0, t.End - t.Start));
            int lead = 0;
            while (lead < text.Length && char.IsWhiteSpace(text[lead]))
            {
                lead++;
            }

            int trail = 0;
            while (trail < text.Length - lead && char.IsWhiteSpace(text[text.Length - 1 - trail]))
            {
                trail++;
            }

            if (lead + trail < text.Length)
            {
                result.Add(new Span(t.Start + lead, t.End - trail, t));
            }
        }

        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return [.. result];
    }

    private readonly record struct Span(int Start, int End, TimexAnnotation Timex);
}
