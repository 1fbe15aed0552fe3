using System.Globalization;
using System.Text;

namespace Timeline.Site.Rendering;

/// <summary>
/// Turns any text into a safe URL and folder segment: ASCII letters, digits and single hyphens, at most
/// <see cref="MaxLength"/> characters, never empty, never a reserved device name (CON, NUL, COM1…), never "." or "..".
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class Slugs
{
    /// <summary>Longest slug produced (a path segment well under every file system's limit).</summary>
    public const int MaxLength = 80;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "con", "prn", "aux", "nul",
        "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>The slug of <paramref name="text"/>, or <paramref name="fallback"/>'s slug when nothing usable remains.</summary>
    public static string Sanitize(string? text, string fallback = "item")
    {
        string slug = Clean(text);
        if (slug.Length == 0)
        {
            slug = Clean(fallback);
        }

        if (slug.Length == 0)
        {
            slug = "item";
        }

        return Reserved.Contains(slug) ? slug + "-page" : slug;
    }

    /// <summary>
    /// Makes slugs unique in order: the first keeps its slug, later duplicates get "-2", "-3"… (still within
    /// <see cref="MaxLength"/>). Deterministic for a given order.
    /// </summary>
    public static IReadOnlyList<string> MakeUnique(IEnumerable<string> slugs)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string slug in slugs)
        {
            string candidate = slug;
            for (int n = 2; !taken.Add(candidate); n++)
            {
                string suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
                candidate = slug[..Math.Min(slug.Length, MaxLength - suffix.Length)].TrimEnd('-') + suffix;
            }

            result.Add(candidate);
        }

        return result;
    }

    // Latin letters with diacritics and ligatures, folded to ASCII by table: the build runs with invariant
    // globalization, where string.Normalize cannot decompose them.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧþùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrssssttttuuuuuuuuuuwyyyzzz";

    private static string? Fold(char c)
    {
        char lower = char.ToLowerInvariant(c);
        int i = Accented.IndexOf(lower);
        if (i >= 0)
        {
            return Plain[i].ToString();
        }

        return lower switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ð' => "d",
            _ => null,
        };
    }

    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(Math.Min(text.Length, MaxLength * 2));
        foreach (char c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAscii(c) && c != '\'')
            {
                // Spaces and ASCII punctuation (no fold, mark or apostrophe among them): a separator.
                if (sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
            }
            else if (Fold(c) is { } folded)
            {
                sb.Append(folded);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format
                || c is '\'' or '’' or '‘')
            {
                // Accents and apostrophes vanish: "Sharaa’s" → "sharaas", "café" → "cafe".
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }

            if (sb.Length > MaxLength + 1)
            {
                break;
            }
        }

        string slug = sb.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            int cut = slug.LastIndexOf('-', MaxLength);
            slug = (cut >= MaxLength / 2 ? slug[..cut] : slug[..MaxLength]).Trim('-');
        }

        return slug;
    }
}
