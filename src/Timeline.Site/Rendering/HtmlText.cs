using System.Buffers;
using System.Globalization;
using System.Text;

namespace Timeline.Site.Rendering;

/// <summary>
/// HTML encoding exactly as <see cref="System.Net.WebUtility.HtmlEncode(string)"/> does it (<c>&lt; &gt; &amp; &quot;</c>,
/// <c>&amp;#39;</c> for the apostrophe, <c>&amp;#NNN;</c> for U+00A0–U+00FF and for characters outside the BMP, U+FFFD
/// for an unpaired surrogate), but appended piece by piece from a span: no substring and no encoded copy per piece.
/// </summary>
/// <remarks>Thread-safe. A test compares it with <see cref="System.Net.WebUtility.HtmlEncode(string)"/> on generated text.</remarks>
internal static class HtmlText
{
    // ASCII that WebUtility keeps: all but five characters. Anything else is looked at one by one (Latin-1's upper half
    // and surrogates are encoded; the rest of Unicode is kept).
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(PlainAsciiChars());

    // "&#160;" … "&#255;", made once.
    private static readonly string[] Latin1 = [.. Enumerable.Range(0, 96).Select(i => "&#" + (160 + i).ToString(CultureInfo.InvariantCulture) + ";")];

    /// <summary>Where the first character that encoding changes is; -1 when there is none (the text is its own encoding).</summary>
    public static int IndexOfEncoded(ReadOnlySpan<char> text)
    {
        int from = 0;
        while (true)
        {
            int at = text[from..].IndexOfAnyExcept(PlainAscii);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            char c = text[at];
            if (c is '<' or '>' or '"' or '\'' or '&' or (>= '\u00a0' and <= '\u00ff') || char.IsSurrogate(c))
            {
                return at;
            }

            from = at + 1;
        }
    }

    /// <summary>Appends <paramref name="text"/> HTML-encoded.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text)
    {
        int at;
        while ((at = IndexOfEncoded(text)) >= 0)
        {
            sb.Append(text[..at]);
            int used = Entity(text, at, out string entity);
            sb.Append(entity);
            text = text[(at + used)..];
        }

        sb.Append(text);
    }

    /// <summary>
    /// What the character at <paramref name="at"/> (one that <see cref="IndexOfEncoded"/> finds) becomes: an entity, or
    /// (for an unpaired surrogate) the replacement character U+FFFD. Returns how many characters it stands for (2 for a pair).
    /// </summary>
    public static int Entity(ReadOnlySpan<char> text, int at, out string entity)
    {
        char c = text[at];
        switch (c)
        {
            case '<':
                entity = "&lt;";
                return 1;
            case '>':
                entity = "&gt;";
                return 1;
            case '"':
                entity = "&quot;";
                return 1;
            case '\'':
                entity = "&#39;";
                return 1;
            case '&':
                entity = "&amp;";
                return 1;
        }

        if (c is >= '\u00a0' and <= '\u00ff')
        {
            entity = Latin1[c - 0xa0];
            return 1;
        }

        if (at + 1 < text.Length && Rune.TryCreate(c, text[at + 1], out Rune rune))
        {
            entity = "&#" + rune.Value.ToString(CultureInfo.InvariantCulture) + ";";
            return 2;
        }

        entity = "\ufffd";
        return 1;
    }

    private static string PlainAsciiChars()
    {
        var chars = new StringBuilder();
        for (char c = '\0'; c <= '\u007f'; c++)
        {
            if (c is not ('<' or '>' or '"' or '\'' or '&'))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}
