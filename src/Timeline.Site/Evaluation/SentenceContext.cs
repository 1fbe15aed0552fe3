using System.Text;

namespace Timeline.Site.Evaluation;

/// <summary>The sentence around an extent, on one line, with the extents marked, for error reports.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SentenceContext
{
    private const int MaxSide = 100;

    /// <summary>
    /// The sentence containing the error, whitespace collapsed, the gold extent in <c>[…]</c> and the system extent
    /// in <c>{…}</c> (when they differ from each other).
    /// </summary>
    public static string Around(string text, TaskAError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        var marks = new List<(int Offset, int Order, int Nesting, string Mark)>();
        int start = int.MaxValue, end = 0;
        if (error.Gold is { } gold)
        {
            Add(gold, "[", "]");
        }

        if (error.System is { } system && (error.Gold is null || system.Start != error.Gold.Start || system.End != error.Gold.End))
        {
            Add(system, "{", "}");
        }

        int from = SentenceStart(text, start);
        int to = SentenceEnd(text, end);
        var sb = new StringBuilder();
        if (from > 0 && from == start - MaxSide)
        {
            sb.Append('…');
        }

        // At one offset: closings before openings; the extent opened last closes first, the longer one opens first.
        marks.Sort((a, b) => (a.Offset, a.Order, a.Nesting).CompareTo((b.Offset, b.Order, b.Nesting)));
        int m = 0;
        bool space = false;
        for (int i = from; i <= to; i++)
        {
            while (m < marks.Count && marks[m].Offset == i)
            {
                // An opening mark goes after the pending space, a closing one before it.
                if (marks[m].Order == 1 && space && sb.Length > 0)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(marks[m++].Mark);
            }

            if (i == to)
            {
                break;
            }

            if (char.IsWhiteSpace(text[i]))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(text[i]);
        }

        if (to < text.Length && to == end + MaxSide)
        {
            sb.Append('…');
        }

        return sb.ToString().Trim();

        void Add(TimexAnnotation t, string open, string close)
        {
            int s = Math.Clamp(t.Start, 0, text.Length);
            int e = Math.Clamp(t.End, s, text.Length);
            marks.Add((s, 1, -e, open));
            marks.Add((e, 0, -s, close));
            start = Math.Min(start, s);
            end = Math.Max(end, e);
        }
    }

    private static int SentenceStart(string text, int offset)
    {
        int limit = Math.Max(0, offset - MaxSide);
        for (int i = offset; i > limit; i--)
        {
            char previous = text[i - 1];
            if (previous == '\n' || (char.IsWhiteSpace(previous) && i >= 2 && text[i - 2] is '.' or '!' or '?'))
            {
                return i;
            }
        }

        return limit;
    }

    private static int SentenceEnd(string text, int offset)
    {
        int limit = Math.Min(text.Length, offset + MaxSide);
        for (int i = offset; i < limit; i++)
        {
            if (text[i] == '\n')
            {
                return i;
            }

            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
        }

        return limit;
    }
}
