using NodaTime;
using Timeline.Core.Temporal.Resolution;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>Rules for deictic and relative expressions: "today", "last week", "two days later", "a decade ago", "the next day".</summary>
internal sealed partial class ChunkParser
{
    private static Resolved Ref(string value) => new(TimexType.Date, value, null);

    private bool SameYearOrLast(LocalDate d) => d.Year == Dct.Year || d.Year == Dct.Year - 1;

    /// <summary>The quarter an earnings story reports: the last quarter mentioned, else the one before publication.</summary>
    private int ReportedQuarter()
    {
        var d = _st.LastRef is { Range: { Granularity: Granularity.Quarter } lq } ? lq.Start : Cal.Shift(Dct, Granularity.Quarter, -1) ?? Dct;
        return ((d.Month - 1) / 3) + 1;
    }

    /// <summary>
    /// The start of the quarter an earnings story reports: the fiscal quarter the story named ("the fiscal first quarter ended
    /// Sept. 30") when it is a completed quarter of the reporting year, else the calendar quarter before publication. A quarter
    /// merely mentioned ("after a flat second quarter") does not change it.
    /// </summary>
    private LocalDate ReportedQuarterDate()
    {
        var previous = Cal.At(Cal.Shift(Dct, Granularity.Quarter, -1) ?? Dct, Granularity.Quarter)?.Range?.Start ?? Dct;
        return _st.FiscalQuarter is { } fq && fq <= previous && fq.Year == previous.Year ? fq : previous;
    }

    /// <summary>
    /// "A year earlier", "the year-ago quarter": the reported period a year back. When the last period mentioned is
    /// already a year back (the story is comparing), it is that period, so comparisons do not drift further back.
    /// </summary>
    private (LocalDate Date, Granularity Granularity) YearBack(Granularity fallback)
    {
        // An earnings comparison ("the year-ago period") looks back from a reported period, never from one still to come: after
        // "losses through the third quarter of 1990" it is the year before the quarter reported, not the quarter before that one.
        if (_st.LastRef is { Range: { } r } && !(fallback == Granularity.Quarter && r.Start > Dct))
        {
            if (r.Start.Year == Dct.Year - 1 && Period.Between(r.Start, Dct, PeriodUnits.Months).Months >= 12 && r.Granularity is Granularity.Quarter or Granularity.Year or Granularity.Half)
            {
                return (r.Start, r.Granularity);
            }

            if (Cal.Shift(r.Start, Granularity.Year, -1) is { } back)
            {
                return (back, r.Granularity is Granularity.Quarter or Granularity.Half ? r.Granularity : Granularity.Year);
            }
        }

        var basis = fallback == Granularity.Quarter ? Cal.Shift(Dct, Granularity.Quarter, -1) ?? Dct : Dct;
        return (Cal.Shift(basis, Granularity.Year, -1) ?? basis, fallback);
    }

    /// <summary>The narrative reference, or the publication date when nothing has been mentioned yet.</summary>
    private (LocalDate Date, Granularity Granularity) NarrativeAnchor() =>
        _st.LastRef is { Range: { } r } ? (r.Start, r.Granularity) : (Dct, Granularity.Day);

    /// <summary>"today", "yesterday morning", "tonight", "now", "recently", "the future", "soon", "currently".</summary>
    private Hit? Deictic(int i)
    {
        switch (K(i))
        {
            case Kw.Today:
                return new Hit(i + 1, SpeechDay(i) ?? QuotedSpeechDay(i) ?? Cal.Day(Dct)!.Value, "today");
            case Kw.Yesterday or Kw.Tomorrow:
            {
                var day = Cal.Day(Dct.PlusDays(K(i) == Kw.Yesterday ? -1 : 1))!.Value;
                return DayPartAt(i + 1, out int k) is { } part ? new Hit(k, WithDayPart(day, part), "deictic-daypart") : new Hit(i + 1, day, "deictic-day");
            }

            case Kw.Tonight:
                return new Hit(i + 1, WithDayPart(Cal.Day(Dct)!.Value, "NI"), "tonight");
            case Kw.Now:
                return new Hit(i + 1, Ref("PRESENT_REF"), "now");
            case Kw.Currently or Kw.Nowadays:
                return new Hit(i + 1, Ref("PRESENT_REF"), "present");
            case Kw.Current when IsWord(i + 1) && !Word(i + 1, "account") && !Word(i + 1, "accounts") && !Word(i + 1, "events") && !Word(i + 1, "affairs") && L(i + 1) is not { Unit: not Unit.None }:
                // "the then current price", "the then-current owner": current at a time already past
                return new Hit(i + 1, Ref(Word(i - 1, "then") || (IsHyphen(i - 1) && Word(i - 2, "then")) ? "PAST_REF" : "PRESENT_REF"), "present");
            case Kw.Recently or Kw.Lately:
                return new Hit(i + 1, Ref("PAST_REF"), "past-ref");
            case Kw.Recent when L(i + 1) is not { Unit: not Unit.None } && IsWord(i + 1):
                return new Hit(i + 1, Ref("PAST_REF"), "past-ref");
            // (Not before a past verb: "a trickle of cash that soon became a flood", "he was soon released" tell a past sequel,
            // no reference to the future.)
            case Kw.Soon when !Is(i + 1, Kw.After) && !Is(i + 1, Kw.Before) && !(Word(i - 1, "as") && Word(i + 1, "as")) && !Word(i - 1, "too")
                && !(i + 1 < _n && CueOf(i + 1) == Cue.Past):
                return new Hit(i + 1, Ref("FUTURE_REF"), "future-ref");
            case Kw.Future when Is(i - 1, Kw.In):
                return new Hit(i + 1, Ref("FUTURE_REF"), "future-ref");
            case Kw.These when L(i + 1) is { Unit: Unit.Day, UnitPlural: true }:
                return new Hit(i + 2, Ref("PRESENT_REF"), "present");
            case Kw.The:
                if (Is(i + 1, Kw.Past) && !NumberAt(i + 2, out _, out _) && L(i + 2) is not { Unit: not Unit.None } && !Is(i + 2, Kw.Few) && !Is(i + 2, Kw.Several))
                {
                    return new Hit(i + 2, Ref("PAST_REF"), "past-ref");
                }

                if (Is(i + 1, Kw.Future))
                {
                    return new Hit(i + 2, Ref("FUTURE_REF"), "future-ref");
                }

                if ((Word(i + 1, "near") || Word(i + 1, "short") || Word(i + 1, "long")) && Is(i + 2, Kw.Term) && !IsHyphen(i + 3))
                {
                    return new Hit(i + 3, Ref("FUTURE_REF"), "future-ref"); // "in the near term", "in the short term"
                }

                if (Word(i + 1, "near") && Is(i + 2, Kw.Future))
                {
                    return new Hit(i + 3, Ref("FUTURE_REF"), "future-ref");
                }

                if (L(i + 1) is { Unit: Unit.Weekend, UnitPlural: false })
                {
                    // "the weekend": the one just past, or the coming one in a future clause
                    int dow = (int)Dct.DayOfWeek;
                    var sat = TenseAt(i) == Cue.Future ? Dct.PlusDays((6 - dow + 7) % 7) : Dct.PlusDays(dow >= 6 ? 6 - dow : -(dow + 1));
                    return Cal.Weekend(sat) is { } we ? new Hit(i + 2, we, "the-weekend") : null;
                }

                if (L(i + 1) is { Unit: Unit.Week, UnitPlural: false } && Is(i + 2, Kw.Of) && ExplicitDate(i + 3) is { } weekOf && weekOf.Value.Granularity == Granularity.Day)
                {
                    // "the week of March 6"
                    return Cal.Week(weekOf.Value.Range!.Value.Start) is { } wo ? new Hit(weekOf.End, wo, "week-of") : null;
                }

                if (Is(i + 1, Kw.Full) && L(i + 2) is { Unit: Unit.Year, UnitPlural: false } && !IsHyphen(i + 3))
                {
                    // "the full year": the whole current (reported) year, or a year's length after "for" or "over"
                    return K(i - 1) is Kw.Over or Kw.During || Word(i - 1, "throughout")
                        ? new Hit(i + 3, new Resolved(TimexType.Duration, Cal.Duration(1, Unit.Year), null), "the-unit-duration")
                        : Cal.Year(Dct.Year) is { } fy ? new Hit(i + 3, fy, "the-unit") : null;
                }

                // "the fiscal year" reads as "the year" (TimeBank wsj_0136, wsj_0505, wsj_0928 had it untagged).
                int u = Is(i + 1, Kw.Fiscal) && L(i + 2) is { Unit: Unit.Year, UnitPlural: false } ? i + 2 : i + 1;
                if (L(u) is { Unit: Unit.Year or Unit.Month or Unit.Week, UnitPlural: false } yw && !IsHyphen(u + 1) && !IsNumber(u + 1) && !Is(u + 1, Kw.Before) && !Is(u + 1, Kw.After) && !Is(u + 1, Kw.Earlier))
                {
                    // "the year", "the week": the current one, or a year's length after "over", "during" or "throughout". After
                    // "for" it is the period a figure is reported for ("For the year, volume was flat", "a high for the year"):
                    // the current one, unless its end is given ("for the year ended June 30" is a year's length).
                    if (K(i - 1) is Kw.Over or Kw.During || Word(i - 1, "throughout"))
                    {
                        return new Hit(u + 1, new Resolved(TimexType.Duration, Cal.Duration(1, yw.Unit), null), "the-unit-duration");
                    }

                    if (Word(u + 1, "ended") || Word(u + 1, "ending") || Word(u + 1, "ends"))
                    {
                        return new Hit(u + 1, new Resolved(TimexType.Duration, Cal.Duration(1, yw.Unit), null), "the-unit-duration");
                    }

                    if (yw.Unit == Unit.Week)
                    {
                        // A bare "the week" points back at the week a story is about ("For the week, the index dropped 3.8%"
                        // after Friday's close in a Monday paper, "the week's most active session", "the week following last
                        // month's squeeze"), which the words do not say; publication's week was wrong in most. Its year is the
                        // story's; the week is left open, TimeML's YYYY-WXX, with no calendar range to misplace it.
                        int wy = (_st.LastDay ?? Dct).Year;
                        return Cal.ValidYear(wy) ? new Hit(u + 1, new Resolved(TimexType.Date, Cal.Year4(wy) + "-WXX", null), "the-unit-week") : null;
                    }

                    var basis = Dct;
                    var ug = yw.Unit switch { Unit.Year => Granularity.Year, Unit.Month => Granularity.Month, _ => Granularity.Week };
                    if (yw.Unit == Unit.Month && _st.LastRef is { Range: { Granularity: Granularity.Day or Granularity.Month } lm })
                    {
                        basis = lm.Start; // "by the end of the month" after "on June 10": the month of the date just mentioned
                    }
                    else if (yw.Unit == Unit.Year && _st.Narrative && _st.LastRef is { Range: { Granularity: >= Granularity.Year and <= Granularity.Day } ly })
                    {
                        basis = ly.Start; // in a history, "by the end of the year" is the year the story has reached, not publication's
                        if (basis.Year < 1)
                        {
                            return Cal.YearBc(1 - basis.Year) is { } bc ? new Hit(u + 1, bc, "the-unit") : null; // "the year's campaign" in 490 BC
                        }
                    }

                    return Cal.At(basis, ug) is { } ty ? new Hit(u + 1, ty, "the-unit") : null;
                }

                if (L(i + 1) is { Ordinal: >= 1 and <= 31 } && L(i + 2) is { Unit: Unit.Day, UnitPlural: false } && !IsHyphen(i + 3))
                {
                    // "today is the eighth day of the blockade", "It's the second day of an offensive": the day of publication;
                    // "On 21 July, the fifth day of the rising": the day just named. Elsewhere the day is not known.
                    if (((Word(i - 1, "is") || Word(i - 1, "was")) && (Is(i - 2, Kw.Today) || Word(i - 2, "it") || Word(i - 2, "this")))
                        || (Word(i - 1, "s") && IsApostrophe(i - 2) && Word(i - 3, "it")))
                    {
                        return Cal.Day(Dct) is { } od ? new Hit(i + 3, od, "ordinal-day") : null;
                    }

                    return IsPunct(i - 1, ',') && _dayBeforeEnd == i - 1 && _dayBefore is { } named ? new Hit(i + 3, named, "ordinal-day") : null;
                }

                if (K(i - 1) is Kw.In or Kw.During && DayPartAt(i + 1, out int pk) is { } dp and not "NI" && !Is(pk, Kw.Of))
                {
                    // "placed orders in the morning": a part of the day the story is telling (the last day named), else of
                    // publication. Not "the night" ("from the night the plane went down" names no part of a known day).
                    return Cal.Day(_st.LastDay ?? Dct) is { } pd ? new Hit(pk, WithDayPart(pd, dp), "the-daypart") : null;
                }

                if (Is(i + 1, Kw.Present) && !IsWord(i + 2))
                {
                    return new Hit(i + 2, Ref("PRESENT_REF"), "present");
                }

                if (Is(i + 1, Kw.Moment) && Is(i - 1, Kw.At))
                {
                    return new Hit(i + 2, Ref("PRESENT_REF"), "present");
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// "last week", "this month", "next year", "last night", "this morning", "the next day", "that week", "the following month",
    /// "the previous year", "the same day", "year-earlier".
    /// </summary>
    private Hit? Relative(int i)
    {
        int j = i;
        bool the = false;
        if (Is(j, Kw.The))
        {
            the = true;
            j++;
        }

        Kw rel = K(j);
        if (rel == Kw.This && Is(j + 1, Kw.Past))
        {
            rel = Kw.Last;
            j++;
        }
        else if (rel == Kw.That && Is(j + 1, Kw.Same))
        {
            rel = Kw.Same;
            j++;
        }

        // "year-earlier", "year-ago": the narrative reference a year back.
        if (!the && L(j) is { Unit: Unit.Year, UnitPlural: false } && IsHyphen(j + 1) && K(j + 2) is Kw.Earlier or Kw.Ago && Adj(j + 1) && Adj(j + 2))
        {
            var (a, g) = YearBack(Granularity.Year);
            return Cal.At(a, g) is { } ye ? new Hit(j + 3, ye, "year-earlier") : null;
        }

        if (YearEnd(j) is { } yeEnd)
        {
            return yeEnd;
        }

        if (rel is not (Kw.This or Kw.Last or Kw.Next or Kw.Past or Kw.Previous or Kw.Coming or Kw.Upcoming or Kw.Current or Kw.Following or Kw.That or Kw.Same))
        {
            return null;
        }

        int k = j + 1;
        if (Is(k, Kw.Fiscal) && L(k + 1) is { Unit: Unit.Year })
        {
            k++;
        }

        if (L(k) is { DayPart: not DayPart.None, UnitPlural: false } dp && dp.Unit is Unit.None or Unit.Night && (!the || rel is Kw.Next or Kw.Following or Kw.Same or Kw.Previous))
        {
            // "this morning", "last night", "tomorrow night" (tomorrow handled by the deictic rule)
            string part = DayPartAt(k, out int after)!;
            var day = rel switch
            {
                Kw.This or Kw.Current => Dct,
                Kw.Last or Kw.Past or Kw.Previous when dp.Unit == Unit.Night || dp.DayPart == DayPart.Evening => Dct.PlusDays(-1),
                Kw.That or Kw.Same => NarrativeAnchor().Date,
                _ => Dct,
            };
            if (rel is Kw.Next or Kw.Following or Kw.Coming or Kw.Upcoming)
            {
                // "the next morning" follows the day last mentioned; "next morning" without the article, publication
                day = (the || rel == Kw.Following ? NarrativeAnchor().Date : Dct).PlusDays(1);
            }

            return Cal.Day(day) is { } dd ? new Hit(after, WithDayPart(dd, part), "relative-daypart") : null;
        }

        if (L(k) is not { Unit: not Unit.None, UnitPlural: false } ul)
        {
            return null;
        }

        var unit = ul.Unit;
        var g2 = Cal.ToGranularity(unit);
        if (g2 is Granularity.None or Granularity.Hour or Granularity.Minute or Granularity.Second)
        {
            return null;
        }

        // "the past year", "the last week" (with the article) are durations in TimeML; "the next day" is narrative.
        if (the && rel is Kw.Past or Kw.Last && unit is Unit.Year or Unit.Decade)
        {
            // "the past year", "the last decade": the previous calendar year or decade, as TimeBank annotates them
            return Cal.At(Cal.Shift(Dct, Cal.ToGranularity(unit), -1), Cal.ToGranularity(unit)) is { } py ? new Hit(k + 1, py, "relative-the-past") : null;
        }

        if (the && (rel is Kw.Past or Kw.Last || (rel is Kw.Next or Kw.Coming && K(i - 1) is Kw.For or Kw.Over or Kw.During or Kw.Within)))
        {
            return new Hit(k + 1, new Resolved(TimexType.Duration, Cal.Duration(1, unit), null), "duration-the-past");
        }

        if (rel == Kw.This && unit == Unit.Day && !the && j == i && (Word(i - 1, "to") || Word(i - 1, "until")) && !IsWord(k + 1))
        {
            // "its effects continue to this day.", "To this day, no one knows": up to now, no day of its own. A word after it
            // makes "to" another verb's ("referred to this day as the Black Day"): that is the day being told.
            return new Hit(k + 1, Ref("PRESENT_REF"), "present-ref");
        }

        // "this day" in a history ("The battle began at dawn; by the end of this day …") is the day being told, not publication.
        bool narrative = rel is Kw.That or Kw.Same or Kw.Following || (the && rel is Kw.Next or Kw.Previous)
            || (rel == Kw.This && unit == Unit.Day && _st.Narrative && _st.LastRef is not null);
        if (rel == Kw.That && unit is not (Unit.Day or Unit.Week or Unit.Month or Unit.Year or Unit.Weekend or Unit.Night))
        {
            return null;
        }

        int shift = rel switch
        {
            Kw.This or Kw.Current or Kw.That or Kw.Same => 0,
            Kw.Last or Kw.Past or Kw.Previous => -1,
            _ => 1,
        };
        var (anchor, anchorG) = narrative ? NarrativeAnchor() : (Dct, Granularity.Day);

        if (narrative && anchorG < g2)
        {
            // "the next day" after a month-level reference: stay at the reference's precision.
            g2 = anchorG;
        }

        if (unit == Unit.Weekend)
        {
            var wk = Cal.Shift(anchor, Granularity.Week, shift);
            return Cal.Weekend(wk) is { } we ? new Hit(k + 1, we, "relative-weekend") : null;
        }

        if (unit == Unit.Night)
        {
            return Cal.Day(Cal.Shift(anchor, Granularity.Day, shift)) is { } nd ? new Hit(k + 1, WithDayPart(nd, "NI"), "relative-night") : null;
        }

        int step = unit == Unit.Fortnight ? 2 : 1;
        var stepG = unit == Unit.Fortnight ? Granularity.Week : Cal.ToGranularity(unit);
        var shifted = Cal.Shift(anchor, stepG, shift * step);
        if (narrative && unit == Unit.Day && g2 is Granularity.Month && Cal.At(shifted, g2) is { } monthOnly)
        {
            // "that same day" after "in October": a day of that month, which one not told. The value keeps the day open
            // (1998-10-XX) rather than turning the day into a month; the range stays the month's.
            return new Hit(k + 1, monthOnly with { Value = monthOnly.Value + "-XX" }, "relative-narrative");
        }

        return Cal.At(shifted, g2) is { } v ? new Hit(k + 1, v, narrative ? "relative-narrative" : "relative") : null;
    }

    /// <summary>
    /// "year-end", "year end", "year's end": the end of the publication year (TimeML value YYYY, mod END), or of the year
    /// before after "since" ("the change is since year-end").
    /// </summary>
    private Hit? YearEnd(int j)
    {
        if (L(j) is not { Unit: Unit.Year, UnitPlural: false })
        {
            return null;
        }

        int k = j + 1;
        if (IsHyphen(k) && Adj(k) && Adj(k + 1))
        {
            k++;
        }
        else if (IsApostrophe(k) && Adj(k) && Word(k + 1, "s") && Adj(k + 1))
        {
            k += 2;
        }

        if (!Is(k, Kw.End) || Is(k + 1, Kw.Of))
        {
            return null;
        }

        int start = Is(j - 1, Kw.The) ? j - 1 : j;
        int year = Is(start - 1, Kw.Since) ? Dct.Year - 1 : Dct.Year;
        return Cal.Year(year) is { } y ? new Hit(k + 1, y.WithMod(TimexMod.End), "year-end") : null;
    }

    /// <summary>
    /// "two days ago", "a decade ago" (a year, approximate), "three years earlier" (from the last date mentioned),
    /// "a week later", "two weeks from now", "the day before".
    /// </summary>
    private Hit? Ago(int i)
    {
        int j = i;
        long n;
        if (Is(j, Kw.The) && L(j + 1) is { Unit: Unit.Day, UnitPlural: false } && K(j + 2) is Kw.Before or Kw.After)
        {
            int delta = K(j + 2) == Kw.Before ? -1 : 1;
            if (IsEnd(j + 3))
            {
                var (a, _) = NarrativeAnchor();
                return Cal.Day(a.PlusDays(delta)) is { } r ? new Hit(j + 3, r, "narrative-day") : null;
            }

            // "the day before last Tuesday", "the day after Christmas": one day from the day named after it.
            if ((DayAt(j + 3) ?? Holiday(j + 3)) is { Value: { Type: TimexType.Date, Granularity: Granularity.Day, Range: { } named } } dh)
            {
                return Cal.Day(named.Start.PlusDays(delta)) is { } r ? new Hit(dh.End, r, "day-before-date") : null;
            }
        }

        if (!NumberAt(j, out int k, out n, allowArticle: true))
        {
            // "years ago", "months earlier" with no number
            if (L(j) is { Unit: not Unit.None, UnitPlural: true } && K(j + 1) is Kw.Ago or Kw.Earlier or Kw.Later)
            {
                k = j;
                n = Lexicon.Vague;
            }
            else
            {
                return null;
            }
        }

        var unit = UnitAt(k, out bool plural);
        if (unit == Unit.None)
        {
            return null;
        }

        _ = plural;
        int dirTok = k + 1;
        if (Is(dirTok, Kw.Or) && Word(dirTok + 1, "so"))
        {
            dirTok += 2;
        }

        Kw dir = K(dirTok);
        int end = dirTok + 1;
        if (dir is Kw.From && Is(dirTok + 1, Kw.Now))
        {
            dir = Kw.Hence;
            end = dirTok + 2;
        }
        else if (dir is Kw.Before or Kw.After)
        {
            if (!IsEnd(end))
            {
                return null; // "two days after the attack": a duration and a preposition, not a date
            }
        }
        else if (dir is not (Kw.Ago or Kw.Earlier or Kw.Later or Kw.Hence))
        {
            return null;
        }

        bool back = dir is Kw.Ago or Kw.Earlier or Kw.Before;
        if (unit is Unit.Hour or Unit.Minute or Unit.Second && dir is not Kw.Ago)
        {
            // "an hour later": TimeML marks the length; the clock time is not known
            return new Hit(k + 1, new Resolved(TimexType.Duration, Cal.Duration(n == Lexicon.Vague ? null : n, unit), null), "duration");
        }

        bool fromDct = dir is Kw.Ago or Kw.Hence;
        if (n == Lexicon.Vague)
        {
            // "several years ago" is the vague past (TimeML); "months later", "a few days earlier" mark the unknown length
            return dir == Kw.Ago && unit is Unit.Year or Unit.Decade
                ? new Hit(end, Ref("PAST_REF"), "ago-vague")
                : new Hit(end, new Resolved(TimexType.Duration, Cal.Duration(null, unit), null), "ago-vague");
        }

        var g = Cal.ToGranularity(unit);
        long amount = unit == Unit.Fortnight ? n * 2 : n;
        var stepG = unit == Unit.Fortnight ? Granularity.Week : g is Granularity.Hour or Granularity.Minute or Granularity.Second ? Granularity.Day : g;
        if (unit is Unit.Hour or Unit.Minute or Unit.Second)
        {
            amount = unit == Unit.Hour ? amount / 24 : 0;
        }

        var (anchor, anchorG) = fromDct ? (Dct, Granularity.Day) : NarrativeAnchor();
        var shifted = Cal.Shift(anchor, stepG, back ? -amount : amount);
        if (!fromDct && back && n == 1 && unit == Unit.Year && _st.LastRef is not null)
        {
            (shifted, anchorG) = YearBack(Granularity.Year);
            return Cal.At(shifted, anchorG is Granularity.Quarter or Granularity.Half ? anchorG : Granularity.Year) is { } yb ? new Hit(end, yb, "ago-narrative") : null;
        }
        var mod = TimexMod.None;
        var outG = g;
        if (g is Granularity.Century)
        {
            // "more than a century ago", "two centuries ago": the value keeps the granularity of the expression (TIDES/TimeML;
            // HeidelTime resolves these to a century too): "18", not 1813 with an approximation mark, which is false precision.
            outG = Granularity.Century;
        }
        else if (g is Granularity.Decade)
        {
            outG = Granularity.Year;
            mod = TimexMod.Approx;
        }
        else if (g is Granularity.Hour or Granularity.Minute or Granularity.Second)
        {
            outG = Granularity.Day;
        }

        if (!fromDct && _st.LastRef is not null && anchorG is Granularity.Quarter or Granularity.Half)
        {
            outG = anchorG; // "a year earlier" after a quarter is that quarter a year back
        }

        if (fromDct && n == 1 && unit == Unit.Year && _st.LastRef is { Range: { Granularity: Granularity.Quarter } lq } && SameYearOrLast(lq.Start))
        {
            // Earnings reports: "up from $10 million a year ago" compares with the same quarter a year back.
            outG = Granularity.Quarter;
            shifted = YearBack(Granularity.Quarter).Date;
        }

        if (dir == Kw.Ago && shifted is { } moved && AgoFromToday(end, moved) is { } agoToday)
        {
            return agoToday; // "a week ago today": the day, not the week
        }

        return Cal.At(shifted, outG) is { } v ? new Hit(end, v.WithMod(mod), fromDct ? "ago" : "ago-narrative") : null;
    }
}
