using System.Net;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Temporal;

namespace Timeline.Site.Rendering;

/// <summary>
/// Builds the only article-derived markup of the site: text with its temporal expressions in <c>&lt;mark&gt;</c>.
/// Every piece of article text is HTML-encoded here before it is joined with the theme's tags.
/// </summary>
/// <remarks>
/// Thread-safe. Nothing is remembered: a quote shown on an event page and in two exports is marked three times (about
/// 0.2 s of CPU at 10,000 articles), since remembering every quote's markup until the exports are written kept ~4 KB
/// per article alive through rendering (410 MB at 100,000 articles); whole stories likewise.
/// </remarks>
public static class Highlighter
{
    /// <summary>The quote of <paramref name="m"/> with its expression marked (see <see cref="Quote(string, int, TemporalMention)"/>).</summary>
    public static RawHtml Quote(EventMention m) => Quote(m.Quote, m.QuoteStart, m.Time);

    /// <summary>
    /// A quote with the expression <paramref name="time"/> marked. <paramref name="quoteStart"/> is the offset of the
    /// quote's sentence in the story text the mention's offsets refer to; when the offsets do not line up (the quote
    /// was trimmed or rewritten) the expression is found by its text, and failing that the quote is shown unmarked.
    /// </summary>
    public static RawHtml Quote(string quote, int quoteStart, TemporalMention time)
    {
        int at = LocateIn(quote, quoteStart, time);
        if (at < 0)
        {
            return new RawHtml(Encode(quote));
        }

        var sb = new StringBuilder(quote.Length + 64);
        HtmlText.Append(sb, quote.AsSpan(0, at));
        AppendMark(sb, time, quote.AsSpan(at, time.Text.Length), withResolution: false);
        HtmlText.Append(sb, quote.AsSpan(at + time.Text.Length));
        return new RawHtml(sb.ToString());
    }

    /// <summary>
    /// A story's clean text as paragraphs (one per line; news text puts each paragraph on its own line), every temporal expression marked and followed by
    /// its resolved value. Overlapping mentions or mentions that cross a paragraph break are left unmarked.
    /// </summary>
    public static RawHtml Paragraphs(string text, IEnumerable<TemporalMention> mentions)
    {
        var ordered = mentions
            .Where(m => m.Start >= 0 && m.End <= text.Length && m.Start < m.End)
            .OrderBy(m => m.Start).ThenByDescending(m => m.End)
            .ToList();
        var sb = new StringBuilder(text.Length * 5 / 4 + 64);
        int next = 0;
        foreach ((int start, int end) in ParagraphSpans(text))
        {
            sb.Append("<p>");
            int pos = start;
            while (next < ordered.Count && ordered[next].Start < end)
            {
                TemporalMention m = ordered[next++];
                if (m.Start < pos || m.End > end)
                {
                    continue;
                }

                HtmlText.Append(sb, text.AsSpan(pos, m.Start - pos));
                AppendMark(sb, m, text.AsSpan(m.Start, m.End - m.Start), withResolution: true);
                pos = m.End;
            }

            HtmlText.Append(sb, text.AsSpan(pos, end - pos));
            sb.Append("</p>\n");
        }

        return new RawHtml(sb.ToString());
    }

    /// <summary>The paragraphs of a text: its lines, trimmed, blank lines skipped.</summary>
    public static IEnumerable<(int Start, int End)> ParagraphSpans(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                yield break;
            }

            int start = i;
            int end = text.IndexOf('\n', i);
            end = end < 0 ? text.Length : end;
            int trimmed = end;
            while (trimmed > start && char.IsWhiteSpace(text[trimmed - 1]))
            {
                trimmed--;
            }

            yield return (start, trimmed);
            i = end;
        }
    }

    private static int LocateIn(string quote, int quoteStart, TemporalMention time)
    {
        if (time.Text.Length == 0)
        {
            return -1;
        }

        int byOffset = time.Start - quoteStart;
        if (byOffset >= 0 && byOffset + time.Text.Length <= quote.Length &&
            string.CompareOrdinal(quote, byOffset, time.Text, 0, time.Text.Length) == 0)
        {
            return byOffset;
        }

        // The quote may have been trimmed: look near the expected place first, then anywhere.
        for (int shift = 1; shift <= 4 && byOffset - shift >= 0; shift++)
        {
            if (byOffset - shift + time.Text.Length <= quote.Length &&
                string.CompareOrdinal(quote, byOffset - shift, time.Text, 0, time.Text.Length) == 0)
            {
                return byOffset - shift;
            }
        }

        return quote.IndexOf(time.Text, StringComparison.Ordinal);
    }

    private static void AppendMark(StringBuilder sb, TemporalMention m, ReadOnlySpan<char> written, bool withResolution)
    {
        string resolution = DateText.Resolution(m);
        sb.Append("<mark class=\"timex\" data-timex=\"");
        HtmlText.Append(sb, m.Value);
        sb.Append("\" title=\"→ ");
        HtmlText.Append(sb, resolution);
        sb.Append("\">");
        HtmlText.Append(sb, written);
        sb.Append("</mark>");
        if (withResolution)
        {
            sb.Append("<span class=\"resolved\"> [");
            HtmlText.Append(sb, resolution);
            sb.Append("]</span>");
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
