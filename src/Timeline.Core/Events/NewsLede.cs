using System.Text.RegularExpressions;
using Timeline.Core.Temporal;
using static Timeline.Core.RegexDefaults;

namespace Timeline.Core.Events;

/// <summary>
/// The undated lede of a news report: "A judge has delayed the trial of …", "The doctor has pleaded not guilty …", "Police have
/// raided the home of …". A report's first sentence in the present perfect tells what happened on the day it was published: the
/// present perfect never takes a definite past time ("has pleaded on Monday" is not English), so an undated perfect lede is
/// today's news, and the page's publication day is its date. Stateless and thread-safe.
/// </summary>
public static partial class NewsLede
{
    /// <summary>Rule name of the publication-day time <see cref="DayOf"/> gives a lede.</summary>
    public const string Rule = "lede:perfect";

    /// <summary>
    /// The perfect verb group ("has pleaded", "have been chosen") that makes <paramref name="sentence"/> a report of the day,
    /// or null: outside quotation marks, in a main clause, not after a modal, "to" or a first- or second-person subject. The
    /// caller checks the sentence is undated (a date after the publication day, "has delayed the trial until May", does not
    /// date the perfect).
    /// </summary>
    public static (int Start, int End)? PerfectVerb(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (Clauses.IsQuestion(sentence))
        {
            return null;
        }

        foreach (Match m in PerfectRegex().Matches(sentence))
        {
            string participle = m.Groups["p"].Value.ToLowerInvariant();
            if (!IsParticiple(participle) || ReportedSpeech.IsInsideQuotation(sentence, m.Index)
                || NotMainSubject.Contains(Clauses.LastWordLower(sentence.AsSpan(0, m.Index))))
            {
                continue;
            }

            List<Segment> segments = Clauses.Segments(sentence);
            if (Clauses.ClauseAround(sentence, segments, m.Index).Relative)
            {
                return null;
            }

            return (m.Index, m.Index + m.Length);
        }

        return null;
    }

    /// <summary>A day (the publication day, or the day other reports give the happening) as the time of a lede's perfect verb group (offsets into the story text).</summary>
    public static TemporalMention DayOf(NodaTime.LocalDate day, int start, int end, string text) =>
        new(start, end, text, TimexType.Date, NodaTime.Text.LocalDatePattern.Iso.Format(day), TimexMod.None, Rule)
        {
            Range = new DateRange(day, day, Granularity.Day),
        };

    /// <summary>
    /// The statement of a lede's perfect verb at <paramref name="verbAt"/> with its subject: its clause, widened back over the
    /// verbless segments before it ("Michael Jackson's former doctor, Conrad Murray, has been sentenced …").
    /// </summary>
    internal static string Headline(string sentence, List<Segment> segments, int verbAt)
    {
        (Segment clause, _) = Clauses.ClauseAround(sentence, segments, verbAt);
        int k = segments.FindIndex(s => verbAt >= s.Start && verbAt < s.End);
        int start = Math.Min(clause.Start, k >= 0 ? segments[k].Start : clause.Start);
        while (k > 0 && !Clauses.HasVerb(sentence.AsSpan(segments[k - 1].Start, segments[k - 1].End - segments[k - 1].Start)))
        {
            k--;
            start = Math.Min(start, segments[k].Start);
        }

        return sentence[start..Math.Max(clause.End, verbAt)];
    }

    private static bool IsParticiple(string word) =>
        IrregularParticiples.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && Clauses.LooksLikeVerb(word));

    /// <summary>Words before "has"/"have" that make the verb group no report of the day: speech in the first or second person, modals, relative pronouns, "to have".</summary>
    private static readonly HashSet<string> NotMainSubject = new(StringComparer.Ordinal)
    {
        "i", "we", "you", "will", "would", "could", "should", "may", "might", "must", "to", "who", "which", "that",
    };

    /// <summary>Past participles that report a happening and that the -ed test (five letters or more) misses.</summary>
    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.Ordinal)
    {
        "died", "told", "said", "made", "given", "taken", "found", "left", "begun", "fallen", "risen", "met", "seen", "held", "won", "lost",
        "struck", "spoken", "written", "sent", "brought", "paid", "led", "sold", "shot", "broken", "bought", "caught", "fought",
        "heard", "built", "spent", "driven", "flown", "thrown", "chosen", "stolen", "torn", "hidden", "fled", "drawn", "forbidden",
        "withdrawn", "sworn", "hit", "quit", "set", "put", "cut", "shut", "split", "struck", "swept", "won", "become", "come",
        "gone", "run", "overturned", "upheld", "withheld", "undertaken", "overtaken", "beaten", "frozen", "woken", "arisen",
    };

    // "has pleaded", "have now raided", "has not been charged", "has been chosen": has/have, at most one adverb, optionally
    // "been", then the participle (checked by IsParticiple). "has been one of" and "have been searching" do not match.
    [GeneratedRegex(@"\b(has|have)\s+(\p{Ll}+ly\s+|now\s+|also\s+|already\s+|not\s+|since\s+)?(been\s+)?(?<p>\p{Ll}+)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex PerfectRegex();
}
