using System.Globalization;
using Timeline.Core.Temporal.Resolution;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>Rules for durations, sets, clock times and the modifiers in front of any expression.</summary>
internal sealed partial class ChunkParser
{
    /// <summary>
    /// "15 days", "another 15 days", "the last two years", "four-day", "a week", "several years", "the first nine months",
    /// "the next few days", "for years" (an unknown number).
    /// </summary>
    private Hit? DurationRule(int i)
    {
        int j = i;
        if (Word(i, "one") && L(i + 1) is { Unit: Unit.Day, UnitPlural: false } && IsModal(i - 1) && IsWord(i + 2))
        {
            // "will one day be", "could one day replace": an indefinite future (TimeML FUTURE_REF), not a day's length
            return new Hit(i + 2, Ref("FUTURE_REF"), "future-ref");
        }

        if (K(i) is Kw.Coming && K(i - 1) is Kw.In or Kw.Over or Kw.During or Kw.For or Kw.Within
            && L(i + 1) is { Unit: Unit.Year or Unit.Month or Unit.Week or Unit.Day or Unit.Decade, UnitPlural: true } bu)
        {
            // "in coming weeks" without the article: the same vague span ahead as "the coming weeks"
            return new Hit(i + 2, new Resolved(TimexType.Duration, Cal.Duration(null, bu.Unit), null), "duration-vague");
        }

        if (K(i) is Kw.The && L(i + 1) is { Unit: Unit.Year or Unit.Month or Unit.Week or Unit.Day or Unit.Decade, UnitPlural: true } au
            && (Word(i + 2, "ahead") || (K(i - 1) is Kw.Over || Word(i - 1, "throughout")) && !Is(i + 2, Kw.Of) && !Is(i + 2, Kw.Since) && !IsNumber(i + 2)))
        {
            // "in the weeks ahead", "over the years": an unknown number of units
            return new Hit(Word(i + 2, "ahead") ? i + 3 : i + 2, new Resolved(TimexType.Duration, Cal.Duration(null, au.Unit), null), "duration-vague");
        }

        if (K(i) is Kw.Past && K(i - 1) is Kw.In or Kw.Over or Kw.During && L(i + 1) is { Unit: Unit.Year or Unit.Decade, UnitPlural: true })
        {
            return new Hit(i + 2, Ref("PAST_REF"), "past-ref"); // "in past years", as "in recent years"
        }

        if (K(j) is Kw.The or Kw.Another)
        {
            j++;
        }

        if (K(j) is Kw.Past or Kw.Last or Kw.Next or Kw.Coming or Kw.Previous or Kw.Following or Kw.Full or Kw.Whole or Kw.Entire
            || (L(j) is { Ordinal: 1 } && K(i) == Kw.The) || Word(j, "final") || Word(j, "remaining") || Word(j, "additional") || Word(j, "initial") || Word(j, "extra"))
        {
            if (j > i || K(j) is not (Kw.Last or Kw.Next or Kw.Past or Kw.Previous or Kw.Following or Kw.Coming))
            {
                j++;
            }
            else if (!NumberAt(j + 1, out _, out _))
            {
                return null; // "last week" without "the" is a date: the relative rule owns it
            }
            else
            {
                j++;
            }
        }

        bool article = j == i || K(j - 1) is Kw.Another;
        if (NumberAt(j, out int k, out long n, allowArticle: article || K(j - 1) is Kw.Full or Kw.Whole or Kw.Entire))
        {
            if ((Is(k, Kw.To) || Is(k, Kw.Or) || (IsHyphen(k) && IsNumber(k + 1))) && NumberAt(k + 1, out int k2, out long n2) && n2 > n && UnitAt(k2, out _) != Unit.None)
            {
                k = k2; // "two to three weeks", "12-18 months": one expression, valued by its lower bound
            }

            // "2 1/2 years", "two and a half hours"; "a minute and a half" is checked after the unit
            bool half = false;
            if (IsNumber(k) && Num(k) == 1 && IsPunct(k + 1, '/') && Adj(k + 1) && Num(k + 2) == 2 && Digits(k + 2) == 1 && Adj(k + 2) && IsNumber(j))
            {
                half = true;
                k += 3;
            }
            else if (Is(k, Kw.And) && K(k + 1) is Kw.A && Is(k + 2, Kw.Half))
            {
                half = true;
                k += 3;
            }

            if (Word(k, "more") || Word(k, "additional") || Word(k, "extra"))
            {
                k++;
            }

            bool hyphen = IsHyphen(k) && Adj(k) && IsNumber(k - 1) == IsNumber(k - 1);
            int u = hyphen ? k + 1 : k;
            var unit = UnitAt(u, out bool plural);
            if (unit == Unit.None || (hyphen && plural))
            {
                return null;
            }

            if (IsNumber(j) && Digits(j) == 4 && !plural)
            {
                return null; // "the 1988 quarter" is a period of 1988
            }

            if (IsNumber(j) && Capital(u))
            {
                return null; // "60 Minutes", "24 Hours of Le Mans": a title
            }

            if (K(j) is Kw.A or Kw.An && n == 1 && (plural || (IsHyphen(u + 1) && Adj(u + 1) && Word(u + 2, "long"))))
            {
                return null; // "a decades-long dispute", "a day-long meeting": the article belongs to the noun; "day-long" is matched on its own
            }

            if (K(j) is Kw.A or Kw.An && n == 1 && IsHyphen(u + 1) && Adj(u + 1) && K(u + 2) is Kw.Earlier or Kw.Ago)
            {
                return null; // "a year-earlier loss": the article belongs to the noun; "year-earlier" is a date matched on its own
            }

            if (unit == Unit.Second && !plural && K(j) is Kw.A && IsWord(u + 1) && (L(u + 1) is null || K(u + 1) is Kw.Time or Kw.Term))
            {
                return null; // "a second group", "a second term": the ordinal before a noun, not a second's length
            }

            if (InName(j, u))
            {
                return null; // "the Six-Day War", "the Seven Years' War", "the Hundred Days": the name of an event
            }

            if (n == 1 && plural && IsNumber(j))
            {
                plural = false;
            }

            // "40-year-old", "a 10-year-old boy", "Reupke, 52 years old,": an age, not a duration (TimeBank leaves ages unmarked)
            if ((IsHyphen(u + 1) && Word(u + 2, "old")) || (unit == Unit.Year && plural && Word(u + 1, "old")))
            {
                return null;
            }

            // "the 1990 year" or "2011 years" after a preposition are years, not durations of two thousand years
            if (IsNumber(j) && Digits(j) == 4 && K(i - 1) is Kw.In or Kw.Since && unit is Unit.Year)
            {
                return null;
            }

            long? amount = n == Lexicon.Vague ? null : n;
            if (amount is null && K(i) == Kw.The && K(i + 1) is Kw.Past or Kw.Last)
            {
                return new Hit(u + 1, Ref("PAST_REF"), "past-ref"); // "the past several quarters"
            }

            if (unit == Unit.Quarter && Is(u + 1, Kw.Of) && n != Lexicon.Vague && !QuarterOfPeriod(u + 2))
            {
                // "a quarter of a century" is 25 years; "more than a quarter of the market", "three quarters of voters" are fractions
                // (a vague count is never a fraction: "after several quarters of losses")
                return amount == 1 && !plural && K(u + 2) is Kw.A && L(u + 3) is { Unit: Unit.Century, UnitPlural: false }
                    ? new Hit(u + 4, new Resolved(TimexType.Duration, "P25Y", null), "duration")
                    : null;
            }

            if (unit == Unit.Quarter && amount is { } qn)
            {
                return new Hit(u + 1, new Resolved(TimexType.Duration, Cal.Duration(qn * 3, Unit.Month), null), "duration");
            }
            if (n == 0 && L(j)?.Number != 0 && !IsNumber(j))
            {
                return null;
            }

            int durEnd = u + 1;
            if (!half && !plural && Is(durEnd, Kw.And) && K(durEnd + 1) is Kw.A && Is(durEnd + 2, Kw.Half))
            {
                half = true;
                durEnd += 3;
            }

            if (half && amount is { } whole && Cal.DurationAndHalf(whole, unit) is { } hv)
            {
                return new Hit(durEnd, new Resolved(TimexType.Duration, hv, null), "duration");
            }

            return new Hit(u + 1, new Resolved(TimexType.Duration, Cal.Duration(amount, unit), null), "duration");
        }

        // "day-long", "decades-long", "week-long": a unit made an adjective is a duration of one (or an unknown number of) units.
        if (j == i && L(j) is { Unit: not (Unit.None or Unit.Quarter) } lu && IsHyphen(j + 1) && Adj(j + 1) && Word(j + 2, "long") && Adj(j + 2))
        {
            return new Hit(j + 3, new Resolved(TimexType.Duration, Cal.Duration(lu.UnitPlural ? null : 1, lu.Unit), null), "duration-long");
        }

        // "the past year", "the next month" are handled by the relative rule; here: bare plural units after "for", "over", "within".
        if (j == i && L(j) is { Unit: not Unit.None, UnitPlural: true } pl && K(i - 1) is Kw.For or Kw.Over or Kw.Within or Kw.In && !IsNumber(i - 1) && pl.Unit is not (Unit.Second or Unit.Quarter))
        {
            if (K(j + 1) is Kw.Of && pl.Unit is Unit.Day or Unit.Week)
            {
                return null;
            }

            return new Hit(j + 1, new Resolved(TimexType.Duration, Cal.Duration(null, pl.Unit), null), "duration-vague");
        }

        if (j == i && K(j) is Kw.Recent && L(j + 1) is { Unit: Unit.Year or Unit.Month or Unit.Week or Unit.Day or Unit.Decade, UnitPlural: true } ru)
        {
            // TimeBank and HeidelTime value "in recent years" as the vague past; shorter spans keep their unknown length.
            return ru.Unit is Unit.Year or Unit.Decade
                ? new Hit(j + 2, Ref("PAST_REF"), "past-ref")
                : new Hit(j + 2, new Resolved(TimexType.Duration, Cal.Duration(null, ru.Unit), null), "duration-recent");
        }

        // "the coming months", "the next days"; and the spans a story moves through: "the following days", "the succeeding months",
        // "the intervening years" (WikiWars tags all six it has, with an unknown count of units).
        if (K(i) is Kw.The && (K(i + 1) is Kw.Coming or Kw.Next or Kw.Following or Kw.Previous || SequenceWord(i + 1))
            && L(i + 2) is { Unit: Unit.Year or Unit.Month or Unit.Week or Unit.Day or Unit.Decade, UnitPlural: true } cu)
        {
            return new Hit(i + 3, new Resolved(TimexType.Duration, Cal.Duration(null, cu.Unit), null), "duration-vague");
        }

        return null;
    }

    /// <summary>"subsequent", "succeeding", "ensuing", "intervening", "preceding": a span placed after (before) the story's point.</summary>
    private bool SequenceWord(int k) =>
        Word(k, "subsequent") || Word(k, "succeeding") || Word(k, "ensuing") || Word(k, "intervening") || Word(k, "preceding");

    /// <summary>
    /// Whether the number word at <paramref name="j"/> and the unit at <paramref name="u"/> are capitalised inside a sentence
    /// (not at its start, not in an all-capitals line): part of a proper name, which TimeML does not mark.
    /// </summary>
    private bool InName(int j, int u)
    {
        if (IsNumber(j) || !Capital(j) || !Capital(u) || j == 0 || SentenceBreakAfter(j - 1) || _t[j].NewlineBefore)
        {
            return false;
        }

        for (int k = j; k <= u; k++)
        {
            if (IsWord(k) && _text.AsSpan(_t[k].Start, _t[k].Length).ContainsAnyInRange('a', 'z') is false)
            {
                return false; // "SIX DAYS": shouting, not a name
            }
        }

        // A capitalised word before it ("Ever Given Six Days") may be a title-case headline; "the"/"a" or lower case before it is prose.
        return !Capital(j - 1) || Is(j - 1, Kw.The);
    }

    /// <summary>"daily", "every year", "each Monday", "every other week", "a year" after a rate ("$5 a year").</summary>
    private Hit? SetRule(int i)
    {
        string? adverb = K(i) switch
        {
            Kw.Daily => "P1D",
            Kw.Weekly => "P1W",
            Kw.Monthly => "P1M",
            Kw.Annually or Kw.Yearly => "P1Y",
            Kw.Hourly => "PT1H",
            Kw.Nightly => "P1D",
            _ => null,
        };
        if (adverb is not null)
        {
            if (i > 0 && Capital(i - 1) && Capital(i + 1) && !_t[i].Capitalized)
            {
                return null; // "the Communist Party daily Granma", "the Israeli daily Haaretz": a newspaper, not a frequency
            }

            return new Hit(i + 1, new Resolved(TimexType.Set, adverb, null), "set-adverb");
        }

        if (K(i) is Kw.Every or Kw.Each)
        {
            int j = i + 1;
            long n = 1;
            if (Is(j, Kw.Other))
            {
                n = 2;
                j++;
            }
            else if (NumberAt(j, out int after, out long v) && v != Lexicon.Vague)
            {
                n = v;
                j = after;
            }

            if (WeekdayAt(j, out int wk, out _) is > 0 and var wd)
            {
                return new Hit(wk, new Resolved(TimexType.Set, $"XXXX-WXX-{wd}", null), "set-weekday");
            }

            // "each July", "every March" (not followed by a day: "every March 15" is not a month set): TimeML writes a month
            // that recurs every year as a SET with the year left open, XXXX-07.
            if (n == 1 && MonthAt(j, out int mk) is > 0 and var month && !IsNumber(mk))
            {
                return new Hit(mk, new Resolved(TimexType.Set, "XXXX-" + Cal.Two(month), null), "set-month");
            }

            if (UnitAt(j, out _) is not Unit.None and var unit)
            {
                return new Hit(j + 1, new Resolved(TimexType.Set, Cal.Duration(n, unit), null), "set-every");
            }

            if (DayPartAt(j, out int dk) is { } part)
            {
                return new Hit(dk, new Resolved(TimexType.Set, "XXXX-XX-XXT" + part, null), "set-daypart");
            }

            return null;
        }

        // "per year", "a year" after a rate: "$5 a year", "twice a week", "8% a year"
        if (K(i) is Kw.A or Kw.Per or Kw.An && L(i + 1) is { Unit: not Unit.None, UnitPlural: false } u1)
        {
            bool rate = K(i) == Kw.Per || IsNumber(i - 1) || IsPunct(i - 1, '%') || Word(i - 1, "percent") || K(i - 1) is Kw.Twice or Kw.Once or Kw.Times
                || Word(i - 1, "dollars") || Word(i - 1, "cents") || Word(i - 1, "million") || Word(i - 1, "billion");
            if (rate)
            {
                return new Hit(i + 2, new Resolved(TimexType.Set, Cal.Duration(1, u1.Unit), null), "set-rate");
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the words at <paramref name="i"/>, after "quarters of", name the year the quarters belong to ("of 1990", "of the
    /// year", "of this year", "of fiscal 1990", "of the fiscal year"): then "three quarters of" is a period, not a fraction.
    /// </summary>
    private bool QuarterOfPeriod(int i)
    {
        int k = K(i) is Kw.The or Kw.This or Kw.Last or Kw.Next or Kw.Fiscal ? i + 1 : i;
        if (Is(k, Kw.Fiscal))
        {
            k++;
        }

        return L(k) is { Unit: Unit.Year, UnitPlural: false } || YearAt(k, out _) > 0;
    }

    /// <summary>"3 p.m.", "10:30 a.m. EST", "14:30", "noon", "midnight", "5 o'clock".</summary>
    private Hit? ClockRule(int i)
    {
        int hour;
        int minute = 0;
        int k;
        if (K(i) is Kw.Noon or Kw.Midnight)
        {
            if (K(i) == Kw.Noon && Word(i - 1, "high"))
            {
                return null; // "High Noon", "high noon comes today": the moment of a showdown, not a clock time
            }

            hour = K(i) == Kw.Noon ? 12 : 24;
            k = i + 1;
        }
        else if (IsNumber(i) && Digits(i) == 4 && Num(i) / 100 <= 23 && Num(i) % 100 <= 59 && !Adj(i)
            && ((IsWord(i + 1) && _t[i + 1].Length is >= 2 and <= 4 && IsZone(i + 1)) || (Word(i + 1, "local") && Word(i + 2, "time"))))
        {
            hour = Num(i) / 100; // military style "0540 GMT", "1430 UTC", "1653 local time"
            minute = Num(i) % 100;
            k = i + 1;
        }
        else if (IsNumber(i) && Digits(i) is 3 or 4 && Num(i) / 100 is >= 1 and <= 12 && Num(i) % 100 <= 59 && Adj(i + 1) && AmPm(i + 1, out int afterAmPm) is > 0 and var half)
        {
            // "1030am", "730pm": the clock time written without its colon
            hour = Num(i) / 100;
            hour = half == 1 ? (hour == 12 ? 0 : hour) : (hour == 12 ? 12 : hour + 12);
            minute = Num(i) % 100;
            k = afterAmPm;
        }
        else if (IsNumber(i) && Digits(i) <= 2 && Num(i) <= 24 && !(Adj(i) && (IsPunct(i - 1, ':') || IsPunct(i - 1, '.') || IsPunct(i - 1, '$'))))
        {
            hour = Num(i);
            k = i + 1;
            bool hasMinutes = false;
            if ((IsPunct(k, ':') || IsPunct(k, '.')) && Adj(k) && IsNumber(k + 1) && Adj(k + 1) && Digits(k + 1) == 2 && Num(k + 1) <= 59)
            {
                minute = Num(k + 1);
                hasMinutes = true;
                k += 2;
                if (IsPunct(k, ':') && Adj(k) && IsNumber(k + 1) && Adj(k + 1) && Digits(k + 1) == 2)
                {
                    k += 2; // seconds: kept in the extent, dropped from the value
                }
            }

            int ampm = AmPm(k, out int after);
            if (ampm != 0)
            {
                if (hour is 0 or > 12)
                {
                    return null;
                }

                hour = ampm == 1 ? (hour == 12 ? 0 : hour) : (hour == 12 ? 12 : hour + 12);
                k = after;
            }
            else if (Word(k, "o") && IsApostrophe(k + 1) && Word(k + 2, "clock"))
            {
                k += 3;
            }
            else if (!hasMinutes && hour is >= 1 and <= 12 && K(i - 1) is Kw.At or Kw.Around or Kw.About or Kw.By or Kw.Until
                && Is(k, Kw.In) && Is(k + 1, Kw.The) && DayPartAt(k + 2, out int afterPart) is { } dayPart)
            {
                // "at 4 in the morning", "until 8 in the evening": the part of day says a.m. or p.m.
                hour = dayPart == "MO" ? (hour == 12 ? 0 : hour) : (hour == 12 ? 12 : hour + 12);
                k = afterPart;
            }
            else if (!hasMinutes || IsPunct(k - 2, '.') || hour > 23 || IsNumber(k) || (IsPunct(k, '-') && IsNumber(k + 1)))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        if (IsWord(k) && _t[k].Length is >= 2 and <= 4 && IsZone(k))
        {
            k++;
        }
        else if (Word(k, "local") && Word(k + 1, "time"))
        {
            k += 2;
        }

        // "on March 23 at 7:40 a.m.": a day written just before the clock time is its day.
        var date = _dayBefore is { } db && ClockFollowsDay(i) ? db : ClockDay(i, k, hour, minute);
        string value = $"{date.Value}T{Cal.Two(hour)}:{Cal.Two(minute)}";
        return new Hit(k, new Resolved(TimexType.Time, value, date.Range is { } r ? new DateRange(r.Start, r.End, minute == 0 ? Granularity.Hour : Granularity.Minute) : null), "clock");
    }

    /// <summary>1 for a.m., 2 for p.m., 0 otherwise; accepts "a.m.", "am", "AM", "p.m", "pm".</summary>
    private int AmPm(int i, out int next)
    {
        next = i;
        if (Is(i, Kw.Am) || Is(i, Kw.Pm))
        {
            next = i + 1;
            return Is(i, Kw.Am) ? 1 : 2;
        }

        if ((Word(i, "a") || Word(i, "p")) && IsPunct(i + 1, '.') && Word(i + 2, "m") && Adj(i + 1) && Adj(i + 2))
        {
            next = IsPunct(i + 3, '.') && Adj(i + 3) ? i + 4 : i + 3;
            return Word(i, "a") ? 1 : 2;
        }

        return 0;
    }

    private bool IsZone(int k)
    {
        var w = _text.AsSpan(_t[k].Start, _t[k].Length);
        foreach (var z in (ReadOnlySpan<string>)["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "ET", "PT", "CT", "BST", "CET", "CEST", "MSK",
            "IST", "JST", "KST", "HKT", "SGT", "PHT", "WIB", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "SAST", "EET", "EEST", "HST"])
        {
            if (w.SequenceEqual(z))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Joins a day and a clock time written next to each other ("3 p.m. Wednesday", "Wednesday 3 p.m.") into one TIME.</summary>
    private Hit WithClock(int i, Hit h)
    {
        _ = i;
        if (h.Value.Type == TimexType.Date && h.Value.Granularity == Granularity.Day && h.End < _n && ClockRule(h.End) is { } clock)
        {
            return new Hit(clock.End, Combine(h.Value, clock.Value), "date-time");
        }

        if (h.Rule == "clock" && h.End < _n)
        {
            int k = IsPunct(h.End, ',') ? h.End + 1 : h.End;
            Hit? day = DayAt(k);
            if (day is { } d)
            {
                return new Hit(d.End, Combine(d.Value, h.Value), "time-date");
            }

            // "at 7:40 a.m. on March 23", "07:40 (0540 GMT) on 23 March 2021": the clock keeps its extent and takes the day.
            k = h.End;
            if (IsPunct(k, '(') && ParentheticalZoneEnd(k + 1) is > 0 and var close)
            {
                k = close + 1; // "(0540 GMT)": the same instant in another zone, left untagged as in TimeBank and AQUAINT
            }
            else if (IsPunct(k, ')'))
            {
                k++;
            }
            else if (PlaceTimeEnd(k) is > 0 and var placeTime)
            {
                k = placeTime; // "at 11am London time on Monday": the clock is read in that place, on the day that follows
            }

            k = IsPunct(k, ',') ? k + 1 : k;
            // ("at 1:28 a.m. that Tuesday": the day the story is telling.)
            if (k > h.End || Is(k, Kw.On) || (Is(k, Kw.That) && WeekdayAt(k + 1, out _, out _) > 0))
            {
                if (DayAt(Is(k, Kw.On) || Is(k, Kw.That) ? k + 1 : k) is { } later)
                {
                    return new Hit(h.End, Combine(later.Value, h.Value), "clock-date");
                }
            }
        }

        return h;
    }

    /// <summary>The ")" closing a short parenthetical that names a time zone ("0540 GMT", "05:40 UTC"), or -1.</summary>
    private int ParentheticalZoneEnd(int k)
    {
        bool zone = false;
        for (int j = k; j < _n && j <= k + 5; j++)
        {
            if (IsPunct(j, ')'))
            {
                return zone ? j : -1;
            }

            zone |= IsWord(j) && _t[j].Length is >= 2 and <= 4 && IsZone(j);
        }

        return -1;
    }

    /// <summary>A single day at <paramref name="k"/> ("Monday", "March 23", "23/3", "yesterday"), or null.</summary>
    private Hit? DayAt(int k)
    {
        Hit? day = WeekdayRule(k) ?? Deictic(k) ?? ExplicitDate(k) ?? NumericDate(k);
        if (day is { } w && w.Rule.StartsWith("weekday", StringComparison.Ordinal) && (ExplicitDate(k) ?? NumericDate(k)) is { } full && full.End > w.End)
        {
            day = full; // "at 11am on Monday, 19 September": the weekday stands in apposition to the date, which decides the day
        }

        return day is { } d && d.Value.Granularity == Granularity.Day && d.Value.Type == TimexType.Date ? d : null;
    }

    /// <summary>Whether only "at", "about", "around" or a comma stand between the last day mentioned and the clock at <paramref name="i"/>.</summary>
    private bool ClockFollowsDay(int i)
    {
        if (_dayBeforeEnd < 0 || i < _dayBeforeEnd || i - _dayBeforeEnd > 3)
        {
            return false;
        }

        for (int k = _dayBeforeEnd; k < i; k++)
        {
            // "on March 23, at 7:40", "Sat 24/6 – At 10:00 Moscow time" (a bullet's date, its dash, then the hour), "24 June: at 10:00"
            if (!(Is(k, Kw.At) || K(k) is Kw.About or Kw.Around or Kw.Approximately or Kw.Roughly || IsPunct(k, ',')
                || IsPunct(k, '–') || IsPunct(k, '—') || IsPunct(k, '-') || IsPunct(k, ':')))
            {
                return false;
            }
        }

        return true;
    }

    private static Resolved Combine(Resolved day, Resolved clock)
    {
        int t = clock.Value.IndexOf('T', StringComparison.Ordinal);
        string time = t >= 0 ? clock.Value[t..] : string.Empty;
        return new Resolved(TimexType.Time, day.Value + time, day.Range is { } r ? new DateRange(r.Start, r.End, clock.Granularity) : null, clock.Mod);
    }

    /// <summary>
    /// Modifier words before an expression: "early"/"late"/"mid"/"the end of" on points (START, END, MID),
    /// "about"/"nearly"/"more than"/"at least" on quantities (APPROX, LESS_THAN, MORE_THAN…). Returns the first token after them.
    /// </summary>
    private int Modifiers(int i, out TimexMod mod, out bool point, out bool quantity)
    {
        mod = TimexMod.None;
        point = false;
        quantity = false;
        int j = i;
        bool the = Is(j, Kw.The);
        int p = the ? j + 1 : j;
        switch (K(p))
        {
            case Kw.End or Kw.Beginning or Kw.Start or Kw.Middle when Is(p + 1, Kw.Of):
                mod = K(p) switch { Kw.End => TimexMod.End, Kw.Middle => TimexMod.Mid, _ => TimexMod.Start };
                point = true;
                return p + 2;
            case Kw.Early or Kw.Late or Kw.Mid:
                mod = K(p) switch { Kw.Early => TimexMod.Start, Kw.Late => TimexMod.End, _ => TimexMod.Mid };
                point = true;
                return IsHyphen(p + 1) ? p + 2 : p + 1;
            case Kw.Earlier or Kw.Later when !the && (K(p + 1) is Kw.This or Kw.Today or Kw.Yesterday or Kw.Tomorrow or Kw.Tonight || L(p + 1) is { Weekday: > 0 } || MonthAt(p + 1, out _) > 0):
                mod = K(p) == Kw.Earlier ? TimexMod.Start : TimexMod.End;
                point = true;
                return p + 1;
        }

        if (the)
        {
            return i;
        }

        quantity = true;
        switch (K(j))
        {
            case Kw.About or Kw.Around or Kw.Approximately or Kw.Roughly:
                mod = TimexMod.Approx;
                return j + 1;
            case Kw.Some when IsNumber(j + 1) || L(j + 1) is { Number: > 1 }:
                mod = TimexMod.Approx;
                return j + 1;
            case Kw.Nearly:
                mod = TimexMod.EqualOrLess;
                return j + 1;
            case Kw.Almost:
                mod = TimexMod.LessThan;
                return j + 1;
            case Kw.More when Is(j + 1, Kw.Than):
                mod = TimexMod.MoreThan;
                return j + 2;
            case Kw.Over when NumberAt(j + 1, out _, out _, allowArticle: true):
                mod = TimexMod.MoreThan;
                return j + 1;
            case Kw.Less when Is(j + 1, Kw.Than):
                mod = TimexMod.LessThan;
                return j + 2;
            case Kw.Under when NumberAt(j + 1, out _, out _, allowArticle: true):
                mod = TimexMod.LessThan;
                return j + 1;
            case Kw.At when K(j + 1) is Kw.Least or Kw.Most:
                mod = K(j + 1) == Kw.Least ? TimexMod.EqualOrMore : TimexMod.EqualOrLess;
                return j + 2;
            case Kw.Up when Is(j + 1, Kw.To):
                mod = TimexMod.EqualOrLess;
                return j + 2;
            case Kw.No when Is(j + 1, Kw.More) && Is(j + 2, Kw.Than):
                mod = TimexMod.EqualOrLess;
                return j + 3;
        }

        quantity = false;
        return i;
    }

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the token at <paramref name="k"/> is a modal verb ("will", "would", "could", "may", "might", "can", "should", "must").</summary>
    private bool IsModal(int k) =>
        Word(k, "will") || Word(k, "would") || Word(k, "could") || Word(k, "may") || Word(k, "might") || Word(k, "can") || Word(k, "should") || Word(k, "must");
}
