using NodaTime;
using Timeline.Core.Temporal.Resolution;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>
/// Small rules that move or cancel the reference a date is read from: "a week ago today" (the reference moved back),
/// "a free Monday email" (a weekday that names no day), "made Monday a holiday" (a day decided ahead), and a quote's "today"
/// beside the date of the speech.
/// </summary>
internal sealed partial class ChunkParser
{
    /// <summary>
    /// "a week ago today", "a month ago today", "a year ago this week", "two years ago this month": the publication day (week,
    /// month) moved back by the count, so the value has the granularity of the deictic word, not of the count: "A week ago today"
    /// written on Friday 30 June is Friday 23 June, not the week of the 19th nor the 30th.
    /// </summary>
    private Hit? AgoFromToday(int end, LocalDate shifted)
    {
        if (Is(end, Kw.Today))
        {
            return Cal.Day(shifted) is { } d ? new Hit(end + 1, d, "ago-today") : null;
        }

        if (Is(end, Kw.This) && L(end + 1) is { UnitPlural: false } u)
        {
            Resolved? r = u.Unit switch
            {
                Unit.Week => Cal.Week(shifted),
                Unit.Month => Cal.Month(shifted.Year, shifted.Month),
                _ => null,
            };
            return r is { } v ? new Hit(end + 2, v, "ago-today") : null;
        }

        return null;
    }

    /// <summary>
    /// A weekday used as a modifier after an indefinite article: "a free Monday email", "a weekly Sunday briefing", "an early
    /// Friday edition". It names a kind of thing that recurs on that weekday, not a day: TimeML writes such generic weekdays
    /// as a SET (like "every Monday"), never as a date. <paramref name="j"/> is the weekday token, <paramref name="k"/> the
    /// token after it. One modifier of a kind that describes a recurring thing ("free", "weekly", "usual") may stand between
    /// the article and the weekday; any other word there is a noun ("in a rally Saturday demanding…", "issued a joint statement
    /// Friday saying…": AP style for "on Saturday", a date).
    /// </summary>
    private bool AttributiveWeekday(int j, int k)
    {
        int a = j - 1;
        if (IsWord(a) && !Capital(a) && GenericModifier(a))
        {
            a--;
        }

        if (K(a) is not (Kw.A or Kw.An))
        {
            return false;
        }

        // The noun it qualifies: a plain lower-case word the lexicon does not know (not "morning", "night", "and", "when").
        return IsWord(k) && !Adj(k) && !Capital(k) && L(k) is null && DayPartAt(k, out _) is null;
    }

    /// <summary>
    /// A weekday that is the object of a decision about coming days: "made Monday a non-working day", "declared Friday a public
    /// holiday", "named Tuesday as a day of mourning". What is declared is ahead of the declaration, so the weekday is the next
    /// one (or today), whatever the tense of the verb. <paramref name="j"/> is the weekday token, <paramref name="k"/> the
    /// token after it.
    /// </summary>
    private bool DeclaredDay(int j, int k)
    {
        if (!DeclaringVerb(j - 1))
        {
            return false;
        }

        int t = Word(k, "as") ? k + 1 : k;
        if (K(t) is not (Kw.A or Kw.An))
        {
            return false;
        }

        for (int s = t + 1; s < _n && s <= t + 5; s++)
        {
            if (!IsWord(s) && !IsHyphen(s))
            {
                return false;
            }

            if (Word(s, "holiday") || L(s) is { Unit: Unit.Day, UnitPlural: false })
            {
                return true;
            }
        }

        return false;
    }

    private bool DeclaringVerb(int v) =>
        Word(v, "made") || Word(v, "make") || Word(v, "makes") || Word(v, "making")
        || Word(v, "declared") || Word(v, "declare") || Word(v, "declares") || Word(v, "declaring")
        || Word(v, "proclaimed") || Word(v, "proclaim") || Word(v, "proclaims")
        || Word(v, "designated") || Word(v, "designate") || Word(v, "designates")
        || Word(v, "named") || Word(v, "name") || Word(v, "names");

    /// <summary>
    /// "today" inside a quotation in a sentence that gives the day of the speech before the quote ("Tue 27/6 – Lukashenko:
    /// Prigozhin "is in Belarus today"", "On June 3 the minister said: "Today we begin""): reported speech is anchored on the
    /// time it was spoken, so "today" is that day, not the day the article was published. Null when no such day is given.
    /// </summary>
    private Resolved? SpeechDay(int i)
    {
        if (_dayBefore is not { Range: { Granularity: Granularity.Day } day } given || day.Start == Dct || _dayBeforeEnd > i
            || !SameSentence(_dayBeforeEnd - 1, i))
        {
            return null;
        }

        // Inside the quotation: an odd number of quote marks between the day and "today".
        return OddQuotesBetween(_dayBeforeEnd, i) ? given : null;
    }

    /// <summary>
    /// After a clock time: a place and "time" ("London time", "New York time", "U.S. Eastern time"), up to three capitalised
    /// words; the token after "time", or -1.
    /// </summary>
    private int PlaceTimeEnd(int k)
    {
        int j = k;
        int words = 0;
        while (words < 3 && IsWord(j) && Capital(j))
        {
            j++;
            words++;
            if (IsPunct(j, '.') && Adj(j))
            {
                j++; // "U.S."
                while (IsWord(j) && Adj(j) && IsPunct(j + 1, '.') && Adj(j + 1))
                {
                    j += 2;
                }
            }
        }

        return words > 0 && Word(j, "time") ? j + 1 : -1;
    }

    /// <summary>
    /// "Friday next week", "Tuesday this week", "Monday last week": the weekday <paramref name="wd"/> of the ISO week named right
    /// after it (token <paramref name="k"/>), or null.
    /// </summary>
    private Hit? WeekdayOfNamedWeek(int wd, int k)
    {
        if (K(k) is not (Kw.Next or Kw.This or Kw.Last) || L(k + 1) is not { Unit: Unit.Week, UnitPlural: false })
        {
            return null;
        }

        int weeks = K(k) == Kw.Next ? 1 : K(k) == Kw.Last ? -1 : 0;
        LocalDate monday = Dct.PlusDays(1 - (int)Dct.DayOfWeek).PlusWeeks(weeks);
        return Cal.Day(monday.PlusDays(wd - 1)) is { } d ? new Hit(k + 2, d, "weekday-week") : null;
    }

    /// <summary>
    /// Whether token <paramref name="i"/> is in a time clause ("when", "once", "after", "before", "until", "as soon as") told in
    /// the present and attached to a main clause in the future: "will become prime minister when the King asks him to form a
    /// government on Tuesday" (English uses the present for the future in such clauses).
    /// </summary>
    private bool FutureTimeClause(int i)
    {
        for (int k = i - 1, d = 0; k >= 0 && d < 15 && !SentenceBreakAfter(k); k--, d++)
        {
            if (Word(k, "when") || Word(k, "once") || Word(k, "until") || (Word(k, "soon") && Word(k - 1, "as")))
            {
                return ClauseCue(k) == Cue.Future;
            }

            if (CueOf(k) is Cue.Past or Cue.Future)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the weekday at token <paramref name="i"/> follows "on" or "for" in a clause whose verb is a present "is"/"are" ("the
    /// party is holding a rally on Saturday", "the vote is on Saturday", "lawmakers are bracing for Saturday's vote", "we are just
    /// waiting for Saturday"): the present progressive or the copula with a weekday tells what is arranged ahead.
    /// </summary>
    private bool PresentArrangement(int i)
    {
        if (!(Is(i - 1, Kw.On) || Word(i - 1, "for")))
        {
            return false;
        }

        for (int k = i - 2, d = 0; k >= 0 && d < 12 && !SentenceBreakAfter(k); k--, d++)
        {
            if (CueOf(k) is var c && c != Cue.None)
            {
                return c == Cue.Present && (Word(k, "is") || Word(k, "are"));
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the date at token <paramref name="i"/> is set inside an infinitive governed by a verb of wanting or asking ("said it
    /// wanted the vote to be held on Saturday", "asked for the talks to take place in March", "urged him to resign on Friday"):
    /// the wish points ahead of when it was voiced (future in the past), whatever the tense of the verb. A verb between the
    /// infinitive and the date ("wanted the vote to be held before he left on Saturday") ends the clause.
    /// </summary>
    private bool WishedFor(int i)
    {
        int k = i - 1;
        for (int d = 0; k >= 0 && d < 10 && !SentenceBreakAfter(k); k--, d++)
        {
            if (Is(k, Kw.To) && k + 1 < i && IsWord(k + 1) && !IsDateWordAt(k + 1))
            {
                break;
            }

            if (CueOf(k) != Cue.None && !(Word(k - 1, "be") || Word(k - 1, "being")))
            {
                return false;
            }
        }

        if (k < 0 || !Is(k, Kw.To))
        {
            return false;
        }

        for (int j = k - 1, d = 0; j >= 0 && d < 6 && !SentenceBreakAfter(j); j--, d++)
        {
            if (WishVerb(j))
            {
                return true;
            }

            if (CueOf(j) != Cue.None)
            {
                return false;
            }
        }

        return false;
    }

    private bool IsDateWordAt(int k) => L(k) is { } lex && (lex.Kw != Kw.None || lex.Unit != Unit.None || lex.Month > 0 || lex.Weekday > 0);

    private bool WishVerb(int j) =>
        Word(j, "wanted") || Word(j, "wants") || Word(j, "want") || Word(j, "asked") || Word(j, "asks") || Word(j, "urged") || Word(j, "urges")
        || Word(j, "called") || Word(j, "calls") || Word(j, "proposed") || Word(j, "proposes") || Word(j, "demanded") || Word(j, "demands")
        || Word(j, "sought") || Word(j, "seeks") || Word(j, "requested") || Word(j, "requests") || Word(j, "pressed") || Word(j, "pushed")
        || Word(j, "wished") || Word(j, "preferred") || Word(j, "prefers");

    /// <summary>
    /// The day of a clock time given without one (tokens <paramref name="i"/> to <paramref name="end"/>): the publication day,
    /// unless the clause tells it in the past and the hour is still ahead of the publication time that day, so that it cannot
    /// have happened yet on it. Then it is the day before when the sentence goes on with "yesterday" ("went before the cameras
    /// at 11am and then to the House of Commons yesterday afternoon", in a paper published at 06:45), or the day the story last
    /// told when that is one of the week before ("declared martial law at 10:27 p.m. on Tuesday. … At 11 p.m., the command
    /// issued its first decree", in a paper out at 08:40 on the Wednesday). (Otherwise the publication day is kept: TimeBank's
    /// annotators date "was shot around 7:15 p.m." in a wire story stamped 01:58 on the stamp's day.)
    /// </summary>
    private Resolved ClockDay(int i, int end, int hour, int minute)
    {
        // A history tells its own days: "sounded at Kadena at 3:00 a.m." after "On 31 January 1965" is that day's 3 a.m., not the
        // publication day's (WikiWars dated all such times by the story; the publication day was never right in one).
        if (_st.Narrative && _st.LastDay is { } storyDay && storyDay != Dct && Cal.Day(storyDay) is { } sd)
        {
            return sd;
        }

        var doc = _st.Doc;
        if (doc.HasTimeOfDay && hour < 24 && doc.Published.Date == Dct && new LocalTime(hour, minute) > doc.Published.TimeOfDay
            && PastAround(i, end))
        {
            if (YesterdayAhead(i))
            {
                return Cal.Day(Dct.PlusDays(-1))!.Value;
            }

            if (_st.LastDay is { } told && told < Dct && told >= Dct.PlusDays(-7))
            {
                return Cal.Day(told)!.Value;
            }
        }

        // The mirror case: "will begin at about 5.45 pm" in a page published at 20:15 is tomorrow's 5.45 pm, the next one to come.
        // An hour's margin keeps a stamp set a little after the copy was written ("will rule at 10 a.m." stamped 10:20) on its day.
        if (doc.HasTimeOfDay && hour < 23 && doc.Published.Date == Dct && new LocalTime(hour, minute).PlusHours(1) <= doc.Published.TimeOfDay
            && FutureBefore(i))
        {
            return Cal.Day(Dct.PlusDays(1))!.Value;
        }

        return Cal.Day(Dct)!.Value;
    }

    /// <summary>Whether the nearest tense cue before token <paramref name="i"/> in its sentence points ahead ("will begin at", "is scheduled for").</summary>
    private bool FutureBefore(int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 20 && !SentenceBreakAfter(k); k--)
        {
            if (CueOf(k) is var c && c != Cue.None)
            {
                return c == Cue.Future;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the clock time at tokens <paramref name="i"/> to <paramref name="end"/> is told in the past: the nearest tense cue
    /// before it, or, in a sentence that opens with it ("At 11 p.m., the command issued …"), the first one after it (its own
    /// "am" is not read).
    /// </summary>
    private bool PastAround(int i, int end)
    {
        for (int k = i - 1; k >= 0 && k >= i - 20 && !SentenceBreakAfter(k); k--)
        {
            if (CueOf(k) is var c && c != Cue.None)
            {
                return c == Cue.Past;
            }
        }

        for (int k = end; k < _n && k < end + 20 && !SentenceBreakAfter(k - 1) && !IsQuote(k); k++)
        {
            if (CueOf(k) is var c && c != Cue.None)
            {
                return c == Cue.Past;
            }
        }

        return false;
    }

    /// <summary>Whether "yesterday" follows token <paramref name="i"/> in its sentence (within 25 tokens): the day the sentence tells.</summary>
    private bool YesterdayAhead(int i)
    {
        for (int k = i + 1; k < _n && k <= i + 25 && !SentenceBreakAfter(k - 1); k++)
        {
            if (Is(k, Kw.Yesterday))
            {
                return true;
            }
        }

        return false;
    }

    private bool GenericModifier(int k) =>
        Word(k, "free") || Word(k, "weekly") || Word(k, "regular") || Word(k, "usual") || Word(k, "typical") || Word(k, "traditional")
        || Word(k, "special") || Word(k, "normal") || Word(k, "busy") || Word(k, "quiet") || Word(k, "lazy") || Word(k, "rainy")
        || Word(k, "sunny") || Word(k, "long") || Word(k, "new") || Word(k, "popular") || Word(k, "daily");
}
