using System.Text.RegularExpressions;
using static Timeline.Core.RegexDefaults;

namespace Timeline.Core.Events;

/// <summary>
/// Cues that a dated statement tells a plan, a deadline or a plan called off rather than a happening: "ordered them to sign
/// contracts by July 1" (a deadline), "under the ministry's command from 1 July" (an onset set ahead), "the plan, which had been
/// due on Oct. 31, was postponed to Nov. 17" (a plan that did not take place on its date). Read from the words right around the
/// date in its sentence. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Every answer depends only on the sentence's text and the date's offset in it: <c>EventBuilder</c>'s plan-cue memo
/// (<c>PlanCache</c>, keyed by the sentence string) relies on that. A cue that read anything else (the article, the
/// publication date, a neighbouring sentence) must change that memo's key too.
/// </remarks>
public static partial class PlanCues
{
    /// <summary>
    /// Whether the date of <paramref name="m"/> is a deadline or the start of an arrangement: "by July 1", "from 1 July",
    /// "until Friday", "no later than March 3", "effective Jan. 1", "starting Monday" right before the date, or a timetable told in
    /// the present simple ("his term ends in 2027", "the permit expires on May 1"). Meaningful only for a date after the statement
    /// was written (what is set for a coming date has not happened yet).
    /// </summary>
    public static bool IsDeadline(EventMention m) =>
        Before(m) is { Length: > 0 } before && (DeadlineBefore().IsMatch(before) || TimetableBefore().IsMatch(before));

    /// <summary>
    /// Whether the date of <paramref name="m"/> is a target someone set, not when something happened: a deadline ("by", "until",
    /// "no later than") after a word of aim in the same clause ("had set a goal of reopening the channel by the end of May",
    /// "aims to cut emissions by 2030", "the target of finishing by June"). Nothing is told as happening on that date, whenever
    /// the statement was written: a target reported after its date was met or missed, and either is told on its own.
    /// </summary>
    public static bool IsTarget(EventMention m) =>
        Before(m) is { Length: > 0 } before && DeadlineBefore().Match(before) is { Success: true } deadline
        && AimBefore().IsMatch(before.AsSpan(0, deadline.Index));

    /// <summary>
    /// Whether the date of <paramref name="m"/> is that of a plan the sentence says was changed or called off: a plan word in the
    /// past perfect or marked as the original one before the date ("had been due on Oct. 31", "was originally scheduled for
    /// Monday") and a verb of calling off in the sentence ("postponed", "put back", "delayed", "cancelled", "called off",
    /// "scrapped"). Nothing happened on that date, whenever the statement was written.
    /// </summary>
    public static bool IsCalledOff(EventMention m) =>
        Before(m) is { Length: > 0 } before && ChangedPlanBefore().IsMatch(before) && CalledOffVerb().IsMatch(m.Quote);

    /// <summary>The text of the sentence before the date (at most 80 characters), or empty when the offsets do not fit.</summary>
    private static string Before(EventMention m)
    {
        int at = m.Time.Start - m.QuoteStart;
        if (at <= 0 || at > m.Quote.Length)
        {
            return "";
        }

        int from = Math.Max(0, at - 80);
        return m.Quote[from..at];
    }

    [GeneratedRegex(@"\b(by|from|until|till|no\s+later\s+than|effective|starting|deadline\s+of)\s+(on\s+|the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex DeadlineBefore();

    // A timetable in the present simple: "his term ends in 2027", "the licence expires on March 1", "the season opens in April".
    [GeneratedRegex(@"\b(ends|expires|lapses|begins|starts|opens|closes|finishes|concludes|resumes|runs\s+out|takes\s+effect|comes\s+into\s+(force|effect))\s+(in|on|at)\s+(the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex TimetableBefore();

    // A word of aim in the clause before the deadline: "set a goal of …", "aims to …", "targets …", "hoped to …", "pledged to …".
    [GeneratedRegex(@"\b(goals?|targets?|targeted|targeting|aim(s|ed|ing)?|deadline|hop(e|es|ed|ing)|pledg(e|es|ed|ing)|vow(s|ed)?|promis(e|es|ed|ing)|intend(s|ed)?)\b[^.;:!?]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex AimBefore();

    [GeneratedRegex(@"\b(had\s+been|(was|were|is|are)\s+originally|originally)\s+(due|scheduled|planned|expected|set|slated|meant)\b[^.;]{0,40}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex ChangedPlanBefore();

    [GeneratedRegex(@"\b(postponed?|postponing|put\s+back|pushed\s+back|delay(ed|ing)?|cancell?ed|called\s+off|scrapped|shelved|deferred|moved\s+to)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex CalledOffVerb();
}
