using System.Text.RegularExpressions;
using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Core.Text;

/// <summary>A publication date found in an article's text, with the words that justify it.</summary>
/// <param name="Offset">Body offset of the date.</param>
/// <param name="Evidence">The line the date was read from, as written (shortened when long).</param>
/// <param name="Kind">What kind of statement it was: "published", "first published", "posted", "dateline", "timestamp", "updated".</param>
public sealed record PublicationEvidence(DocumentTime Time, int Offset, int Length, string Evidence, string Kind);

/// <summary>
/// Infers a publication date from an article's text when its front matter gives none: a "Published Jan 29, 2026 12:30 am"
/// line, "first published June 28, 2023", a timestamp line ("06/19/23 1:10 PM ET") or a dateline with a full date.
/// Returns null when there is no such evidence: it never guesses from a date merely mentioned in a sentence.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class PublicationDateFinder
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;

    [GeneratedRegex(@"(?<label>first\s+published|originally\s+published|published|posted|last\s+updated|updated|update)\s*(?:on|at)?\s*:?\s*$", Options, RegexDefaults.TimeoutMs)]
    private static partial Regex LabelBefore();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu} .'’-]{2,40},\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex DatelinePlaceBefore();

    [GeneratedRegex(@"^\s*(?:\([^()]{1,30}\))?\s*(?:—|–|--|-)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex DatelineDashAfter();

    [GeneratedRegex(@"^[\s|•·,\-–—]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex OnlySeparators();

    /// <summary>The best publication-date evidence in <paramref name="text"/>, or null.</summary>
    /// <param name="zone">The zone for times written without one (front-matter or site time zone).</param>
    public static PublicationEvidence? Find(string text, DateTimeZone zone)
    {
        PublicationEvidence? best = null;
        int bestScore = 0;
        int firstProse = FirstProseLine(text);
        foreach (TextDate date in TextDates.FindAll(text))
        {
            int lineStart = text.LastIndexOf('\n', Math.Max(0, date.Start - 1)) + 1;
            if (date.Start == 0)
            {
                lineStart = 0;
            }

            int lineEnd = text.IndexOf('\n', date.End);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            string before = text[lineStart..date.Start];
            string after = text[date.End..lineEnd];
            (int score, string kind) = Classify(before, after);
            if (kind is "timestamp" or "dateline" && firstProse < lineStart)
            {
                // A bare date line after the story has begun belongs to a related-stories box, not to this article.
                continue;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = new PublicationEvidence(ToDocumentTime(date, zone), date.Start, date.Length, Shorten(text[lineStart..lineEnd].Trim()), kind);
            }
        }

        return best;
    }

    /// <summary>The offset of the first line of prose (a long line ending like a sentence); text length when none.</summary>
    private static int FirstProseLine(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            string trimmed = text[start..end].Trim();
            if (LineRules.WordCount(trimmed) >= 12 && LineRules.EndsLikeSentence(trimmed))
            {
                return start;
            }

            start = end + 1;
        }

        return text.Length;
    }

    private static (int Score, string Kind) Classify(string before, string after)
    {
        if (LabelBefore().Match(before) is { Success: true } label)
        {
            string word = string.Join(' ', label.Groups["label"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return word switch
            {
                "first published" or "originally published" => (5, "first published"),
                "published" => (4, "published"),
                "posted" => (4, "posted"),
                _ => (1, "updated"),
            };
        }

        if (DatelinePlaceBefore().IsMatch(before) && DatelineDashAfter().IsMatch(after))
        {
            return (3, "dateline");
        }

        if (OnlySeparators().IsMatch(before) && OnlySeparators().IsMatch(after))
        {
            return (2, "timestamp");
        }

        return (0, "");
    }

    internal static DocumentTime ToDocumentTime(TextDate date, DateTimeZone zone)
    {
        DateTimeZone effective = TextDates.ZoneFor(date.ZoneAbbreviation) ?? zone;
        return date.Time is LocalTime time
            ? new DocumentTime(date.Date.At(time).InZoneLeniently(effective), true)
            : DocumentTime.FromDate(date.Date, effective);
    }

    private static string Shorten(string line) => line.Length <= 100 ? line : line[..97] + "...";
}
