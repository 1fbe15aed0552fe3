using System.Text.RegularExpressions;
using NodaTime;
using static Timeline.Core.RegexDefaults;

namespace Timeline.Core.Events;

/// <summary>
/// When a statement about a coming date was written, and whether it tells a happening at all: the writer's own "tomorrow" is
/// read from the writer's day, and a statement about a coming date told with no verb in the past ("June 16: the sentencing
/// hearing, as the court has it now", "The ferry leaves on Friday") is a schedule, not a report. Stateless and thread-safe.
/// </summary>
public static partial class ForecastCues
{
    /// <summary>
    /// Whether <paramref name="m"/> only says its date is possible: a date after the writer's day named as the earliest one ("could
    /// leave as early as tomorrow", "may open as soon as Friday") or set in a possibility under a condition ("could land on Thursday
    /// if the runway is cleared"). Such a date is no happening, and no report of the day may cite it: what happens that day is
    /// told by others, and the possibility may not come true. So is a coming date told as a hypothetical ("which would point to
    /// Sunday"): written before the day, it reports nothing.
    /// </summary>
    public static bool IsPossibility(EventMention m)
    {
        int at = m.Time.Start - m.QuoteStart;
        if (m.Time.Range is not { } r || r.Start <= WrittenOn(m) || at <= 0 || at > m.Quote.Length)
        {
            return false;
        }

        ReadOnlySpan<char> before = m.Quote.AsSpan(0, at);
        return EarliestBefore().IsMatch(before) || (PossibleBefore().IsMatch(before) && Condition().IsMatch(m.Quote))
            || HypotheticalBefore().IsMatch(before);
    }

    /// <summary>
    /// The day a statement was written, against which a forecast's date is compared. Where the story happens it may already be
    /// the next day (<see cref="Temporal.DocumentTime.StoryDate"/>: a past-tense weekday may then be that day); but an expression
    /// anchored on the writer's own day ("tomorrow", "tonight", "today") was resolved on the writer's calendar, so it is compared
    /// with the writer's day: "could leave as early as tomorrow", written late on Monday in Sydney when it is Tuesday in Tonga,
    /// still looks a day ahead.
    /// </summary>
    public static LocalDate WrittenOn(EventMention m)
    {
        LocalDate own = m.Source.Published.Date;
        if (m.Source.Published.StoryDate is not { } there || there <= own || OwnDay(m.Time.Text))
        {
            return own;
        }

        return there;
    }

    /// <summary>
    /// Whether the statement of <paramref name="m"/> (its clause, or its sentence) has no verb in the past: no word ending in "-ed"
    /// that looks like a verb and none of the common irregular past forms. Told of a coming date, such a statement can only be a
    /// schedule or a plan; a past verb with a coming date is more likely a date resolved the wrong way, and is kept.
    /// </summary>
    public static bool HasNoPastVerb(EventMention m)
    {
        string text = m.Clause.Length > 0 ? m.Clause : m.Quote;
        foreach (string word in Clauses.Words(text))
        {
            if (word.Length == 0 || char.IsUpper(word[0]))
            {
                continue; // a name, or the sentence's first word (checked below)
            }

            if (IrregularPast.Contains(word) || (word.EndsWith("ed", StringComparison.Ordinal) && Clauses.LooksLikeVerb(word)))
            {
                return false;
            }
        }

        string first = Clauses.FirstWordLower(text);
        return !(IrregularPast.Contains(first) || (first.EndsWith("ed", StringComparison.Ordinal) && Clauses.LooksLikeVerb(first)));
    }

    private static bool OwnDay(string expression)
    {
        foreach (string w in Clauses.Words(expression))
        {
            if (w.Equals("tomorrow", StringComparison.OrdinalIgnoreCase) || w.Equals("tonight", StringComparison.OrdinalIgnoreCase)
                || w.Equals("today", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Common irregular past forms (simple past or participle) that do not end in "-ed".</summary>
    private static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "were", "had", "did", "said", "told", "went", "gone", "came", "took", "taken", "made", "gave", "given", "found", "left",
        "began", "begun", "fell", "fallen", "rose", "risen", "met", "saw", "seen", "held", "won", "lost", "struck", "ran", "spoke",
        "spoken", "wrote", "written", "knew", "known", "got", "gotten", "became", "sent", "kept", "brought", "paid", "led", "sold",
        "shot", "broke", "broken", "thought", "bought", "caught", "fought", "taught", "felt", "heard", "meant", "stood", "understood",
        "built", "spent", "drove", "driven", "flew", "flown", "grew", "grown", "threw", "thrown", "chose", "chosen", "froze",
        "swept", "slept", "sank", "sunk", "swam", "rang", "sang", "stole", "stolen", "tore", "torn", "wore", "hid", "hidden",
        "bit", "lay", "laid", "lit", "fled", "fed", "dealt", "drew", "drawn", "ate", "eaten", "forgot", "forgotten", "shook",
        "woke", "overtook", "withdrew", "undertook", "arose", "sought", "bore", "born", "blew", "blown", "burnt", "dug", "hung",
    };

    // "as early as", "as soon as" right before the date: the earliest it may be.
    [GeneratedRegex(@"\bas\s+(early|soon)\s+as\s+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex EarliestBefore();

    // A modal of possibility before the date in its sentence ("May" the month is capitalised, the modal is not).
    [GeneratedRegex(@"\b(could|might|may)\b[^.;:!?]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex PossibleBefore();

    // A hypothetical before a coming date in its sentence ("which would put it on Sunday", "would normally come ten days after"):
    // what would happen, not what did. A "would" after a verb of saying is a plan reported ("the party said a new motion would be
    // put to a vote on Dec. 14"), which later reports may confirm: left to them.
    [GeneratedRegex(@"^(?![^.;:!?]*\b(said|says|told|tells|announced|announces|promised|pledged|vowed|added|stated|confirmed|insisted|warned|agreed|decided)\b)[^.;:!?]*\bwould\b[^.;:!?]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex HypotheticalBefore();

    // A condition in the sentence: "if", "unless", "provided", "weather permitting".
    [GeneratedRegex(@"\b(if|unless|provided|weather\s+permitting)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex Condition();
}
