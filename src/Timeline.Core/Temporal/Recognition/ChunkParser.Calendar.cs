using NodaTime;
using Timeline.Core.Temporal.Resolution;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>Rules for calendar names: explicit dates, numeric dates, years, decades, weekdays, months, quarters, seasons, holidays.</summary>
internal sealed partial class ChunkParser
{
    // ---- direction ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// The year a narrative is in when it is far from the publication date ("In 1939 … on September 17"), else null.
    /// </summary>
    private int? NarrativeYear(int i)
    {
        // A story that opened on a far year and has told nothing near publication since is still in that year (see OpenedFar).
        int? y = _paragraphYear is { } py && SameSentence(_paragraphYearToken, i) ? py
            : _st.Narrative || _st.OpenedFar ? _st.NarrativeYear : null;
        // A future clause in news points past publication, and a present one speaks of now ("has been in office since 2009 and
        // faces re-election in November"); in a history a future is one within the story ("could only continue the war until
        // December"), which stays in the story's year.
        return y is { } v && Math.Abs(v - Dct.Year) >= 2 && (_st.Narrative || TenseAt(i) is not (Cue.Future or Cue.Present)) ? v : null;
    }

    /// <summary>Picks among candidate dates by tense: the last on or before the anchor, the next on or after it, or the nearest.</summary>
    private static LocalDate? Pick(LocalDate anchor, Cue cue, LocalDate? earlier, LocalDate? same, LocalDate? later)
    {
        LocalDate?[] all = [earlier, same, later];
        LocalDate? best = null;
        if (cue == Cue.Future)
        {
            foreach (var c in all)
            {
                if (c is { } d && d >= anchor && (best is null || d < best))
                {
                    best = d;
                }
            }
        }
        else if (cue == Cue.Past)
        {
            foreach (var c in all)
            {
                if (c is { } d && d <= anchor && (best is null || d > best))
                {
                    best = d;
                }
            }
        }
        else
        {
            int bestDist = int.MaxValue;
            foreach (var c in all)
            {
                if (c is { } d)
                {
                    int dist = Math.Abs(Period.Between(anchor, d, PeriodUnits.Days).Days);
                    if (dist < bestDist)
                    {
                        best = d;
                        bestDist = dist;
                    }
                }
            }
        }

        return best ?? same;
    }

    private Resolved? MonthDayNoYear(int month, int day, int i, int end = -1)
    {
        // (A stated or narrative year without that day, February 29 in 1995, gives way to the nearest year that has it.)
        if (end >= 0 && CoordinatedYear(end) is { } cy && Cal.Date(cy, month, day) is { } coordinated)
        {
            return Cal.Day(coordinated);
        }

        if (NarrativeYear(i) is { } ny && Cal.Date(ny, month, day) is { } narrative)
        {
            return Cal.Day(narrative);
        }

        int y = Dct.Year;
        LocalDate? a = Cal.Date(y - 1, month, day), b = Cal.Date(y, month, day), c = Cal.Date(y + 1, month, day);
        var nearest = Pick(Dct, Cue.None, a, b, c);
        if (nearest is { } n && Math.Abs(Period.Between(Dct, n, PeriodUnits.Days).Days) <= 45)
        {
            return Cal.Day(n); // close to publication: tense cannot move it a year away
        }

        var cue = TenseAt(i);
        return Cal.Day(Pick(Dct, cue == Cue.Present ? Cue.None : cue, a, b, c));
    }

    /// <summary>
    /// The year stated after a coordinated month that follows <paramref name="k"/>: "in August [and September 1914]",
    /// "on the 28 [and 29 August 1918]", "between May [and July 1940]".
    /// </summary>
    private int? CoordinatedYear(int k)
    {
        if (!(Is(k, Kw.And) || Is(k, Kw.Or) || Is(k, Kw.To) || IsHyphen(k) || Word(k, "through")))
        {
            return null;
        }

        int j = k + 1;
        bool dayOnly = false;
        if (DayOfMonthAt(j, out int afterDay) > 0 && IsNumber(j) && Digits(j) <= 2)
        {
            j = afterDay;
            dayOnly = true;
        }

        if (dayOnly && MonthAt(j, out _) == 0 && IsPunct(j, ',') && YearAt(j + 1, out _) is > 0 and var dy && IsNumber(j + 1))
        {
            return dy; // "April 6-7, 1915", "May 4 and 5, 1865": the year after the second day
        }

        if (MonthAt(j, out int afterMonth) > 0)
        {
            j = afterMonth;
            if (DayOfMonthAt(j, out int ad) > 0 && IsNumber(j))
            {
                j = ad;
            }
        }
        else
        {
            return null;
        }

        if (IsPunct(j, ','))
        {
            j++;
        }

        return YearAt(j, out _) is > 0 and var y && IsNumber(j) ? y : null;
    }

    private Resolved? MonthNoYear(int month, int i, Kw rel, int end = -1)
    {
        if (rel == Kw.None && end >= 0 && CoordinatedYear(end) is { } cy)
        {
            return Cal.Month(cy, month);
        }

        if (rel == Kw.None && NarrativeYear(i) is { } ny)
        {
            return Cal.Month(ny, month);
        }

        if (rel is Kw.Previous or Kw.Following && Is(i - 2, Kw.The))
        {
            // "the previous April", "the following March" are anaphoric (TimeML): the April before the last date mentioned, not
            // before publication ("last April" is the deictic one).
            var (a, _) = NarrativeAnchor();
            return Cal.Month(rel == Kw.Previous ? (month < a.Month ? a.Year : a.Year - 1) : (month > a.Month ? a.Year : a.Year + 1), month);
        }

        int y = Dct.Year;
        int cur = Dct.Month;
        int year = rel switch
        {
            Kw.Last or Kw.Past or Kw.Previous => month < cur ? y : y - 1,
            Kw.Next or Kw.Coming => month > cur ? y : y + 1,
            Kw.This => y,
            _ when Math.Abs(month - cur) <= 1 || Math.Abs(month - cur) == 11 => month - cur > 6 ? y - 1 : month - cur < -6 ? y + 1 : y,
            _ => TenseAt(i) switch
            {
                Cue.Past when !WishedFor(i) => month <= cur ? y : y - 1,
                Cue.Past => month >= cur ? y : y + 1,
                Cue.Future => month >= cur ? y : y + 1,
                // No tense: news mostly looks back, so a month is ahead only when it is at most four months away.
                _ => ((month - cur + 12) % 12) is >= 1 and <= 4 ? (month > cur ? y : y + 1) : (month <= cur ? y : y - 1),
            },
        };
        return Cal.Month(year, month);
    }

    /// <summary>
    /// Whether "that" at token <paramref name="t"/> is a demonstrative ("on that Tuesday", "at 1:28 a.m. that Tuesday", "later that
    /// Friday", "That Sunday, …") rather than the conjunction after a verb ("officials said that Tuesday's vote …"): a preposition,
    /// a clock time, "later"/"earlier", a comma or the start of the chunk comes before it.
    /// </summary>
    private bool DemonstrativeThat(int t) =>
        t == 0 || SentenceBreakAfter(t - 1) || IsPunct(t - 1, ',') || Is(t - 1, Kw.On) || Is(t - 1, Kw.Am) || Is(t - 1, Kw.Pm)
        || (Word(t - 1, "m") && IsPunct(t - 2, '.')) || (IsPunct(t - 1, '.') && Word(t - 2, "m")) || IsNumber(t - 1)
        || Word(t - 1, "by") || Word(t - 1, "until") || Word(t - 1, "from") || Word(t - 1, "later") || Word(t - 1, "earlier") || Word(t - 1, "of");

    private LocalDate WeekdayDate(int weekday, Kw rel, int i)
    {
        var anchor = Dct;
        int dow = (int)anchor.DayOfWeek;
        int back = (dow - weekday + 7) % 7;
        int fwd = (weekday - dow + 7) % 7;
        return rel switch
        {
            Kw.Last or Kw.Past or Kw.Previous => anchor.PlusDays(-(back == 0 ? 7 : back)),
            Kw.Next or Kw.Coming => anchor.PlusDays(fwd == 0 ? 7 : fwd),
            Kw.This => anchor.PlusDays(weekday - dow),
            _ when TenseAt(i) switch { Cue.Future => true, Cue.Present => PresentArrangement(i), _ => false } || FutureTimeClause(i) || WishedFor(i) => anchor.PlusDays(fwd),
            // Written the evening before where the story happens: the day it already is there, not six days back.
            _ when fwd == 1 && StoryDate == anchor.PlusDays(1) => anchor.PlusDays(1),
            _ => anchor.PlusDays(-back),
        };
    }

    // ---- explicit dates ----------------------------------------------------------------------------------------------

    /// <summary>"January 28", "Jan. 28, 2026", "Wednesday, January 28", "28 January 2026", "the 28th of January", "October 2025".</summary>
    private Hit? ExplicitDate(int i)
    {
        int j = i;
        if (WeekdayAt(i, out int wn, out bool plural) > 0 && !plural)
        {
            int k = IsPunct(wn, ',') ? wn + 1 : wn;
            if (MonthAt(k, out _) > 0 || (IsNumber(k) && MonthAt(k + 1, out _) > 0))
            {
                j = k;
            }
        }

        int m = MonthAt(j, out int k1);
        if (m > 0)
        {
            int d = DayOfMonthAt(k1, out int k2);
            if (d > 0 && IsNumber(k1) && !((IsPunct(k2, ':') || IsPunct(k2, '.')) && IsNumber(k2 + 1) && Adj(k2 + 1)))
            {
                int k3 = IsPunct(k2, ',') ? k2 + 1 : k2;
                int y = YearAt(k3, out int k4);
                if (y > 0 && IsNumber(k3))
                {
                    return Cal.Day(Cal.Date(y, m, d)) is { } full ? new Hit(k4, full, "date-mdy") : null;
                }

                if (DayOfRelativeYear(m, d, k2) is { } mdr)
                {
                    return mdr;
                }

                return MonthDayNoYear(m, d, i, k2) is { } md ? new Hit(k2, md, "date-md") : null;
            }

            if (K(k1) is Kw.Last or Kw.This or Kw.Next && L(k1 + 1) is { Unit: Unit.Year, UnitPlural: false })
            {
                int yy = Dct.Year + (K(k1) == Kw.Last ? -1 : K(k1) == Kw.Next ? 1 : 0);
                return Cal.Month(yy, m) is { } mly ? new Hit(k1 + 2, mly, "date-month-relative-year") : null;
            }

            int k5 = IsPunct(k1, ',') || Is(k1, Kw.Of) ? k1 + 1 : k1;
            int y2 = YearAt(k5, out int k6);
            if (y2 > 0)
            {
                return Cal.Month(y2, m) is { } my ? new Hit(k6, my, "date-my") : null;
            }
        }

        int jj = Is(j, Kw.The) ? j + 1 : j;
        int d2 = DayOfMonthAt(jj, out int k7);
        if (d2 > 0 && (IsNumber(jj) || Is(k7, Kw.Of)))
        {
            int k8 = Is(k7, Kw.Of) ? k7 + 1 : k7;
            int m2 = MonthAt(k8, out int k9);
            if (m2 > 0)
            {
                int k10 = IsPunct(k9, ',') ? k9 + 1 : k9;
                int y3 = YearAt(k10, out int k11);
                if (y3 > 0 && IsNumber(k10))
                {
                    return Cal.Day(Cal.Date(y3, m2, d2)) is { } full ? new Hit(k11, full, "date-dmy") : null;
                }

                if (DayOfRelativeYear(m2, d2, k9) is { } dmr)
                {
                    return dmr;
                }

                return MonthDayNoYear(m2, d2, i, k9) is { } dm ? new Hit(k9, dm, "date-dm") : null;
            }
        }

        return null;
    }

    // ---- range endpoints ---------------------------------------------------------------------------------------------

    /// <summary>Whether token <paramref name="k"/> links the two ends of a range: "-", "–", "to", "and", "through".</summary>
    private bool IsRangeLink(int k) => IsHyphen(k) || Is(k, Kw.To) || Is(k, Kw.And) || Is(k, Kw.Through) || Word(k, "through");

    /// <summary>
    /// The bare number at one end of a range, which TimeML marks as a date of its own: the first day of "10-18 June 1953",
    /// "from 15 to 22 February", "between 14 and 16 November"; the second of "April 6-7", "May 4 and 5"; the second
    /// year of "1915-16", "1983-1985"; the first year of "480-479 BC".
    /// </summary>
    private Hit? RangeEnd(int i)
    {
        if (!IsNumber(i) || (Adj(i) && (IsPunct(i - 1, '.') || IsPunct(i - 1, ',') || IsPunct(i - 1, '/') || IsPunct(i - 1, ':'))))
        {
            return null;
        }

        int afterDay = i + 1;
        int d1 = Digits(i) <= 2 ? DayOfMonthAt(i, out afterDay) : 0;
        if (d1 > 0 && IsRangeLink(afterDay) && IsNumber(afterDay + 1) && MonthAt(afterDay, out _) == 0
            && ExplicitDate(afterDay + 1) is { Value: { Type: TimexType.Date, Granularity: Granularity.Day, Range: { } second } } && second.Start.Day > d1)
        {
            return Cal.Day(Cal.Date(second.Start.Year, second.Start.Month, d1)) is { } first ? new Hit(afterDay, first, "date-range-start") : null;
        }

        if (d1 > 0 && IsRangeLink(i - 1) && _dayBeforeEnd == i - 1 && _dayBefore is { Range: { } prev } && d1 > prev.Start.Day
            && (IsNumber(i - 2) || (IsNumber(i - 3) && IsWord(i - 2) && Adj(i - 2)))
            && (IsHyphen(i - 1) || IsEnd(afterDay) || YearAt(IsPunct(afterDay, ',') ? afterDay + 1 : afterDay, out _) > 0))
        {
            // "April 6-7", "May 4 and 5": the month and year of the day just before; "and" only when nothing follows ("4 and 5 people")
            int yk = IsPunct(afterDay, ',') ? afterDay + 1 : afterDay;
            if (IsNumber(yk) && YearAt(yk, out int afterYear) is > 0 and var stated)
            {
                return Cal.Day(Cal.Date(stated, prev.Start.Month, d1)) is { } endY ? new Hit(afterYear, endY, "date-range-end") : null;
            }

            return Cal.Day(Cal.Date(prev.Start.Year, prev.Start.Month, d1)) is { } end ? new Hit(afterDay, end, "date-range-end") : null;
        }

        if (IsHyphen(i - 1) && Adj(i - 1) && Adj(i) && IsNumber(i - 2) && Digits(i - 2) == 4 && Num(i - 2) is >= 1000 and <= 2200 && Digits(i) is 2 or 4
            && !(IsHyphen(i + 1) && Adj(i + 1)))
        {
            // "1915-16", "2006-07", "1983-1985": the second year of a span (not "2026-01-28", which has a second hyphen)
            int from = Num(i - 2);
            int y = Digits(i) == 2 ? (from / 100 * 100) + Num(i) : Num(i);
            if (Digits(i) == 2 && y <= from)
            {
                y += 100;
            }

            return y - from is > 0 and <= 30 && Cal.Year(y) is { } ye ? new Hit(i + 1, ye, "year-range-end") : null;
        }

        if (Digits(i) <= 4 && IsRangeLink(i + 1) && !Is(i + 1, Kw.And) && IsNumber(i + 2) && Num(i + 2) < Num(i) && Num(i) > 0 && EraBc(i + 3, out _))
        {
            // "480-479 BC", "264 to 241 BC": the era of the second year applies to the first
            return Cal.YearBc(Num(i)) is { } bc ? new Hit(i + 1, bc, "year-bc") : null;
        }

        return null;
    }

    /// <summary>"2026-01-28", "1/28/2026", "01/28/98", "2026/01/28", "23/3/2021", "23.3.2021", "Tue 23/3", "23/03".</summary>
    private Hit? NumericDate(int i)
    {
        if (WeekdayAt(i, out int afterWeekday, out bool plural) is > 0 and var weekday && !plural)
        {
            int k = IsPunct(afterWeekday, ',') ? afterWeekday + 1 : afterWeekday;
            return IsNumber(k) ? DayMonthNumeric(i, k, weekday) : null;
        }

        if (!IsNumber(i) || (Adj(i) && (IsPunct(i - 1, '/') || IsPunct(i - 1, '-') || IsPunct(i - 1, '.'))))
        {
            return null;
        }

        if (DayMonthNumeric(i, i, 0) is { } dm)
        {
            return dm;
        }

        bool Sep(int k, char c) => IsPunct(k, c) && Adj(k) && IsNumber(k + 1) && Adj(k + 1);
        bool Tail(int k) => !(Adj(k) && (IsPunct(k, '/') || IsPunct(k, '-') || IsNumber(k)) && IsNumber(k + 1));

        foreach (char sep in "-/")
        {
            if (Digits(i) == 4 && Sep(i + 1, sep) && Sep(i + 3, sep) && Digits(i + 2) <= 2 && Digits(i + 4) <= 2 && Tail(i + 5))
            {
                if (Cal.Day(Cal.Date(Num(i), Num(i + 2), Num(i + 4))) is not { } iso)
                {
                    return null;
                }

                // "2021-03-23T16:05:00+02:00": one TIME with the local clock time; the offset stays in the extent.
                if (sep == '-' && Word(i + 5, "T") && Adj(i + 5) && Adj(i + 6) && Digits(i + 6) == 2 && Num(i + 6) <= 23 && Sep(i + 7, ':') && Digits(i + 8) == 2 && Num(i + 8) <= 59)
                {
                    int end = i + 9;
                    if (Sep(end, ':') && Digits(end + 1) == 2)
                    {
                        end += 2; // seconds: kept in the extent, dropped from the value
                    }

                    var clock = new Resolved(TimexType.Time, $"T{Cal.Two(Num(i + 6))}:{Cal.Two(Num(i + 8))}", iso.Range is { } ir ? new DateRange(ir.Start, ir.End, Granularity.Minute) : null);
                    if (Word(end, "Z") && Adj(end))
                    {
                        end++;
                    }
                    else if ((IsPunct(end, '+') || IsHyphen(end)) && Adj(end) && IsNumber(end + 1) && Adj(end + 1) && Digits(end + 1) is 2 or 4)
                    {
                        end += 2;
                        if (IsPunct(end, ':') && Adj(end) && IsNumber(end + 1) && Adj(end + 1) && Digits(end + 1) == 2)
                        {
                            end += 2;
                        }
                    }

                    return new Hit(end, Combine(iso, clock), "date-time-iso");
                }

                return new Hit(i + 5, iso, "date-iso");
            }
        }

        return null;
    }

    /// <summary>
    /// Numeric dates in either order, with or without a year: "23/3/2021", "23.3.2021", "3/23/21", "23/03", "Tue 23/3".
    /// Day-first when the first number cannot be a month, when a weekday confirms it, or when the document's time zone is
    /// outside the Americas; month-first otherwise. Without a year the year comes from the document time and the tense,
    /// and a weekday picks the neighbouring year it fits. Returns null for forms it leaves to other rules.
    /// </summary>
    private Hit? DayMonthNumeric(int start, int i, int weekday)
    {
        if (!IsNumber(i) || Digits(i) > 2 || (Adj(i) && (IsPunct(i - 1, '/') || IsPunct(i - 1, '-') || IsPunct(i - 1, '.'))))
        {
            return null;
        }

        bool Sep(int k, char c) => IsPunct(k, c) && Adj(k) && IsNumber(k + 1) && Adj(k + 1);
        char sep = Sep(i + 1, '/') ? '/' : Sep(i + 1, '.') ? '.' : '\0';
        if (sep == '\0' || Digits(i + 2) > 2)
        {
            return null;
        }

        int a = Num(i), b = Num(i + 2);
        int end = i + 3;
        int year = 0;
        if (Sep(end, sep) && Digits(end + 1) is 2 or 4)
        {
            year = Num(end + 1);
            if (Digits(end + 1) == 2)
            {
                year += year <= (Dct.Year % 100) + 10 ? (Dct.Year / 100) * 100 : ((Dct.Year / 100) - 1) * 100;
            }
            else if (sep == '.' && year < 1000)
            {
                return null;
            }

            end += 2;
        }
        else if (sep == '.' && weekday == 0)
        {
            return null; // "23.3" is a decimal unless a weekday says otherwise
        }

        if (Adj(end) && (IsNumber(end) || ((IsPunct(end, '/') || IsPunct(end, '-') || IsPunct(end, '.') || IsPunct(end, ':')) && IsNumber(end + 1) && Adj(end + 1))))
        {
            return null; // "1.2.3.4", "23/3/2021/5", "10/3:20": not a date
        }

        if (year == 0 && weekday == 0)
        {
            // Without a year or a weekday, "3/4" is a fraction and "24/7" a slogan: take only "23/03" or "on 23/3".
            bool twoDigits = Digits(i) == 2 && Digits(i + 2) == 2;
            bool prep = K(i - 1) is Kw.On or Kw.Since or Kw.Until or Kw.By or Kw.From or Kw.Before or Kw.After;
            if (!(twoDigits || prep) || (a == 24 && b == 7))
            {
                return null;
            }
        }

        LocalDate? Resolve(int month, int day)
        {
            if (month is < 1 or > 12 || day is < 1 or > 31)
            {
                return null;
            }

            if (year > 0)
            {
                return Cal.Date(year, month, day);
            }

            if (MonthDayNoYear(month, day, start)?.Range is not { } r)
            {
                return null;
            }

            var d = r.Start;
            if (weekday > 0 && (int)d.DayOfWeek != weekday)
            {
                foreach (int dy in (ReadOnlySpan<int>)[-1, 1])
                {
                    if (Cal.Date(d.Year + dy, month, day) is { } alt && (int)alt.DayOfWeek == weekday)
                    {
                        return alt;
                    }
                }
            }

            return d;
        }

        var dayFirst = Resolve(b, a);
        var monthFirst = sep == '.' ? null : Resolve(a, b);
        LocalDate? date;
        if (dayFirst is { } df && monthFirst is { } mf && df != mf)
        {
            bool dfFits = weekday > 0 && (int)df.DayOfWeek == weekday;
            bool mfFits = weekday > 0 && (int)mf.DayOfWeek == weekday;
            date = dfFits != mfFits ? (dfFits ? df : mf) : DayFirstZone() ? df : mf;
        }
        else
        {
            date = dayFirst ?? monthFirst;
        }

        return Cal.Day(date) is { } v ? new Hit(end, v, year > 0 ? "date-numeric" : "date-numeric-dm") : null;
    }

    /// <summary>Whether the document's time zone is where dates are written day first (outside the Americas and UTC).</summary>
    private bool DayFirstZone()
    {
        string id = _st.Doc.Published.Zone.Id;
        return !(id.StartsWith("America/", StringComparison.Ordinal) || id.StartsWith("US/", StringComparison.Ordinal) || id.StartsWith("Etc/", StringComparison.Ordinal)
            || id is "UTC" or "Pacific/Honolulu");
    }

    /// <summary>Bare years ("in 2011", "1990"), "fiscal 1989", "the year 1998".</summary>
    private Hit? YearRule(int i)
    {
        if (IsNumber(i) && Digits(i) <= 4 && Num(i) >= 1 && EraBc(i + 1, out int afterEra))
        {
            return Cal.YearBc(Num(i)) is { } bc ? new Hit(afterEra, bc, "year-bc") : null;
        }

        int j = i;
        if (Is(j, Kw.Fiscal))
        {
            j++;
            if (L(j) is { Unit: Unit.Year, UnitPlural: false })
            {
                j++;
            }
        }
        else if (Is(j, Kw.The) && L(j + 1) is { Unit: Unit.Year, UnitPlural: false } && YearAt(j + 2, out _) > 0)
        {
            j += 2;
        }

        int y = YearAt(j, out int k);
        if (y == 0 || (j == i && !PlausibleYear(i, y, k)))
        {
            return null;
        }

        return Cal.Year(y) is { } r ? new Hit(k, r, "year") : null;
    }

    /// <summary>"BC", "BCE", "B.C." or "B.C.E." at <paramref name="i"/>.</summary>
    private bool EraBc(int i, out int next)
    {
        next = i;
        if (Word(i, "BC") || Word(i, "BCE"))
        {
            next = i + 1; // a full stop after "BC" ends the sentence
            // Only the capitalised era ("241 BC"): "2Bc", "bc" are codes or typos, not years before the common era.
            return _text.AsSpan(_t[i].Start, _t[i].End - _t[i].Start) is "BC" or "BCE";
        }

        if (Word(i, "B") && Capital(i) && IsPunct(i + 1, '.') && Adj(i + 1) && Word(i + 2, "C") && Capital(i + 2) && Adj(i + 2))
        {
            next = SkipDot(i + 3);
            if (Word(next, "E") && Adj(next))
            {
                next = SkipDot(next + 1);
            }

            return true;
        }

        return false;
    }

    private bool PlausibleYear(int i, int y, int next)
    {
        bool prepBefore = K(i - 1) is Kw.In or Kw.Since or Kw.By or Kw.Of or Kw.From or Kw.Until or Kw.During or Kw.Before or Kw.After or Kw.Through or Kw.And or Kw.Or or Kw.Early or Kw.Late or Kw.Mid or Kw.To
            || L(i - 1) is { Month: > 0 } || IsHyphen(i - 1);
        if (IsApostrophe(i))
        {
            return prepBefore && !IsWord(next);
        }

        if (y > 2199 || (y < 1600 && !prepBefore))
        {
            return false;
        }

        if (i > 0 && Adj(i) && (_t[i - 1].Kind != TokenKind.Punct || _text[_t[i - 1].Start] is not ('(' or '[' or '"' or '\'' or '\u201C' or '\u2018' or '-' or '\u2013')))
        {
            return false;
        }

        if (Word(i - 1, "No") || Word(i - 1, "number") || Word(i - 1, "route") || Word(i - 1, "flight") || Word(i - 1, "room"))
        {
            return false;
        }

        if (next < _n && Adj(next) && (_t[next].Kind != TokenKind.Punct || _text[_t[next].Start] is '%' or '/' or ':' || (_text[_t[next].Start] == '.' && IsNumber(next + 1) && Adj(next + 1)) || (_text[_t[next].Start] == ',' && IsNumber(next + 1) && Adj(next + 1))))
        {
            return false;
        }

        if (IsWord(next) && !Capital(next) && L(next) is null)
        {
            var w = _text.AsSpan(_t[next].Start, _t[next].Length);
            if (w.Length > 3 && w[^1] == 's' && w[^2] != 's' && !prepBefore)
            {
                return false; // "1500 troops"
            }
        }

        return L(next) is not { Unit: not Unit.None } && !Word(next, "percent");
    }

    /// <summary>"the 1990s", "the '90s", "the 1800s" (a century), "the twentieth century", "the nineties".</summary>
    private Hit? Decades(int i)
    {
        int j = Is(i, Kw.The) ? i + 1 : i;
        if (IsNumber(j) && Digits(j) == 4 && Num(j) % 10 == 0 && Word(j + 1, "s") && Adj(j + 1))
        {
            int y = Num(j);
            var r = y % 100 == 0 ? Cal.Century(y / 100) : Cal.Decade(y / 10);
            return r is { } v ? new Hit(j + 2, v, "decade") : null;
        }

        if (IsApostrophe(j) && IsNumber(j + 1) && Adj(j + 1) && Digits(j + 1) == 2 && Num(j + 1) % 10 == 0 && Word(j + 2, "s") && Adj(j + 2))
        {
            int y = Num(j + 1);
            int century = y <= (Dct.Year % 100) ? Dct.Year / 100 : (Dct.Year / 100) - 1;
            return Cal.Decade((century * 10) + (y / 10)) is { } v ? new Hit(j + 3, v, "decade") : null;
        }

        if (j > i && IsWord(j))
        {
            var w = _text.AsSpan(_t[j].Start, _t[j].Length);
            ReadOnlySpan<string> names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
            for (int k = 0; k < names.Length; k++)
            {
                if (w.Equals(names[k], StringComparison.OrdinalIgnoreCase))
                {
                    return Cal.Decade(190 + k + 2) is { } v ? new Hit(j + 1, v, "decade-words") : null;
                }
            }
        }

        // "the 20th century", "the twentieth century", "the 19th and 20th centuries" (first part only);
        // without the article only as a modifier: "a 20th century democrat", "the fabled 11th century temple", "eighteenth-century France"
        if (j > i || IsNumber(j) || L(j) is { Ordinal: > 0 })
        {
            int ord = 0;
            int k = j;
            if (IsNumber(j) && Digits(j) <= 2 && IsWord(j + 1) && Adj(j + 1) && (Word(j + 1, "st") || Word(j + 1, "nd") || Word(j + 1, "rd") || Word(j + 1, "th")))
            {
                ord = Num(j);
                k = j + 2;
            }
            else if (DayOfMonthAt(j, out int kk) > 0 && !IsNumber(j))
            {
                ord = DayOfMonthAt(j, out _);
                k = kk;
            }

            if (j == i && IsHyphen(k) && Adj(k) && L(k + 1) is { Unit: Unit.Century, UnitPlural: false })
            {
                k++;
            }

            if (ord > 0 && L(k) is { Unit: Unit.Century, UnitPlural: false } && (j > i || IsWord(k + 1)))
            {
                return Cal.Century(ord - 1) is { } v ? new Hit(k + 1, v, "century") : null;
            }
        }

        return null;
    }

    // ---- weekdays and months -----------------------------------------------------------------------------------------

    /// <summary>Whether "setting up", "paving the way for" or "ahead of" opens the phrase that ends before token <paramref name="j"/> (within eight tokens).</summary>
    private bool SetsUpBefore(int j)
    {
        for (int t = j - 2; t >= 0 && t >= j - 9; t--)
        {
            if (SentenceBreakAfter(t) || IsPunct(t, ','))
            {
                return false;
            }

            if ((Word(t, "setting") && Word(t + 1, "up")) || (Word(t, "paving") && Word(t + 1, "the") && Word(t + 2, "way")) || (Word(t, "ahead") && Is(t + 1, Kw.Of)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Saturday", "last Friday", "next Wednesday", "Wednesday evening"; plural "Mondays" is a SET.</summary>
    private Hit? WeekdayRule(int i)
    {
        if (Is(i, Kw.The) && K(i + 1) is Kw.Previous or Kw.Following && WeekdayAt(i + 2, out int nk, out bool pl) is > 0 and var nwd && !pl)
        {
            // "the previous Friday": the one before the day last mentioned
            var basis = _st.LastRef is { Range: { Granularity: Granularity.Day } lr } ? lr.Start : Dct;
            int dow = (int)basis.DayOfWeek;
            int delta = K(i + 1) == Kw.Previous ? -(((dow - nwd + 7) % 7) is 0 ? 7 : (dow - nwd + 7) % 7) : (((nwd - dow + 7) % 7) is 0 ? 7 : (nwd - dow + 7) % 7);
            return Cal.Day(basis.PlusDays(delta)) is { } pd ? new Hit(nk, pd, "weekday-narrative") : null;
        }

        Kw rel = K(i) is Kw.Last or Kw.Next or Kw.This or Kw.Coming or Kw.Past or Kw.Previous ? K(i) : Kw.None;
        int j = rel == Kw.None ? i : i + 1;
        if (rel == Kw.This && Is(j, Kw.Past))
        {
            rel = Kw.Last;
            j++;
        }

        int wd = WeekdayAt(j, out int k, out bool plural);
        if (wd == 0 || (L(j)!.Abbreviation && k == j + 1))
        {
            return null; // a bare "Sun" or "Wed" is a weekday only as part of a date ("Wed 24/3")
        }

        if (plural)
        {
            return rel == Kw.None ? new Hit(k, new Resolved(TimexType.Set, $"XXXX-WXX-{wd}", null), "weekday-set") : null;
        }

        // "struck the pier at 1:28 a.m. that Tuesday": "that" points back to the day the story is telling, not to publication;
        // the weekday is the one nearest it (TimeML's anaphoric reading).
        if (rel == Kw.None && Is(j - 1, Kw.That) && DemonstrativeThat(j - 1) && _st.LastDay is { } told && told != Dct)
        {
            int delta = (wd - (int)told.DayOfWeek + 7) % 7;
            return Cal.Day(told.PlusDays(delta > 3 ? delta - 7 : delta)) is { } td ? new Hit(k, td, "weekday-narrative") : null;
        }

        // "on June 23, a Saturday, …", "A week ago today, on Friday evening, …": the weekday restates the day just given (when it
        // is that day's weekday).
        if (rel == Kw.None && _dayBefore is { Range: { Granularity: Granularity.Day } before } restated && (int)before.Start.DayOfWeek == wd
            && ((Word(j - 1, "a") && IsPunct(j - 2, ',') && _dayBeforeEnd == j - 2) || (IsPunct(j - 1, ',') && _dayBeforeEnd == j - 1)
                || (Is(j - 1, Kw.On) && IsPunct(j - 2, ',') && _dayBeforeEnd == j - 2)))
        {
            return DayPartAt(k, out int ak) is { } apart ? new Hit(ak, WithDayPart(restated, apart), "weekday-apposition") : new Hit(k, restated, "weekday-apposition");
        }

        // "a free Monday email": a generic weekday, a SET like "every Monday".
        if (rel == Kw.None && AttributiveWeekday(j, k))
        {
            return new Hit(k, new Resolved(TimexType.Set, $"XXXX-WXX-{wd}", null), "weekday-generic");
        }

        // "accepted the nominations on Tuesday, setting up a ballot on Wednesday": what the clause sets up comes after the day just given.
        if (rel == Kw.None && _dayBefore is { Range: { Granularity: Granularity.Day } given } && SetsUpBefore(j))
        {
            int ahead = (wd - (int)given.Start.DayOfWeek + 7) % 7;
            return Cal.Day(given.Start.PlusDays(ahead == 0 ? 7 : ahead)) is { } next ? new Hit(k, next, "weekday-set-up") : null;
        }

        // "by Friday next week", "on Tuesday this week": the weekday of the week named after it.
        if (rel == Kw.None && WeekdayOfNamedWeek(wd, k) is { } named)
        {
            return named;
        }

        // "made Monday a non-working day": the day decided is ahead of the decision.
        var date = rel == Kw.None && DeclaredDay(j, k) ? Dct.PlusDays((wd - (int)Dct.DayOfWeek + 7) % 7) : WeekdayDate(wd, rel, j);
        if (Cal.Day(date) is not { } day)
        {
            return null;
        }

        if (DayPartAt(k, out int k2) is { } part)
        {
            return new Hit(k2, WithDayPart(day, part), "weekday-daypart");
        }

        return new Hit(k, day, "weekday");
    }

    private string? DayPartAt(int i, out int next)
    {
        next = i + 1;
        if (L(i) is { DayPart: not DayPart.None } lex && (lex.Unit == Unit.None || !lex.UnitPlural))
        {
            return lex.DayPart switch
            {
                DayPart.Morning => "MO",
                DayPart.Afternoon => "AF",
                DayPart.Evening => "EV",
                _ => "NI",
            };
        }

        return null;
    }

    private static Resolved WithDayPart(Resolved day, string part) =>
        new(TimexType.Time, day.Value + "T" + part, day.Range is { } r ? new DateRange(r.Start, r.End, Granularity.PartOfDay) : null);

    /// <summary>"October", "last October", "next May"; the year comes from the tense of the clause.</summary>
    private Hit? MonthRule(int i)
    {
        Kw rel = K(i) is Kw.Last or Kw.Next or Kw.This or Kw.Coming or Kw.Past or Kw.Previous ? K(i) : Kw.None;
        int j = rel == Kw.None ? i : i + 1;
        if (Is(i, Kw.The) && K(i + 1) is Kw.Previous or Kw.Following)
        {
            rel = K(i + 1); // "the previous April": the article is part of the extent
            j = i + 2;
        }

        int m = MonthAt(j, out int k);
        if (m == 0 || (L(j)!.Abbreviation && k == j + 1))
        {
            return null;
        }

        if (rel is Kw.Last or Kw.Next && j == i + 1 && IsNumber(k) && DayOfMonthAt(k, out int kd) is > 0 and var day && YearAt(IsPunct(kd, ',') ? kd + 1 : kd, out _) == 0)
        {
            // "last Oct. 23", "next March 5": the nearest such day before (after) publication, not the month alone
            var thisYear = Cal.Date(Dct.Year, m, day);
            var date = rel == Kw.Last ? (thisYear < Dct ? thisYear : Cal.Date(Dct.Year - 1, m, day)) : (thisYear > Dct ? thisYear : Cal.Date(Dct.Year + 1, m, day));
            return Cal.Day(date) is { } d ? new Hit(kd, d, "date-md-relative") : null;
        }

        return MonthNoYear(m, j, rel, k) is { } r ? new Hit(k, r, "month") : null;
    }

    // ---- quarters, halves, seasons -----------------------------------------------------------------------------------

    /// <summary>"the third quarter", "third-quarter", "Q3", "the fourth quarter of 1997", "the first half", "the latest quarter".</summary>
    private Hit? QuarterRule(int i)
    {
        int j = Is(i, Kw.The) ? i + 1 : i;
        if (Is(j, Kw.Fiscal))
        {
            j++;
        }

        int q = 0;
        bool half = false;
        Kw rel = Kw.None;
        int k;
        int statedYear = 0;
        if (K(j) is Kw.This or Kw.Last or Kw.Next && L(j + 1) is { Unit: Unit.Year, UnitPlural: false } && IsApostrophe(j + 2) && Word(j + 3, "s"))
        {
            // "this year's third quarter", "last year's quarter"
            statedYear = Dct.Year + (K(j) == Kw.Last ? -1 : K(j) == Kw.Next ? 1 : 0);
            j += 4;
            if (L(j) is { Unit: Unit.Quarter, UnitPlural: false } || Is(j, Kw.Period))
            {
                int rq = ReportedQuarter();
                return Cal.Quarter(statedYear, rq) is { } yq ? new Hit(j + 1, yq, "quarter-of-year") : null;
            }
        }

        if (j > i && IsNumber(j) && YearAt(j, out int afterYear) > 0)
        {
            if (L(afterYear) is { Unit: Unit.Quarter, UnitPlural: false } || Is(afterYear, Kw.Period))
            {
                // "the 1988 quarter", "the 1988 period": the reported quarter of that year (the year itself when the story
                // reports a longer span: "In the first nine months, net was $306 million, compared with … in the 1988 period")
                if (_st.SpanReported && Is(afterYear, Kw.Period))
                {
                    return Cal.Year(Num(j)) is { } py ? new Hit(afterYear + 1, py, "year-period") : null;
                }

                return Cal.Quarter(Num(j), ReportedQuarter()) is { } pq ? new Hit(afterYear + 1, pq, "quarter-of-year") : null;
            }

            if (L(afterYear)?.Ordinal is >= 1 and <= 4 || Word(afterYear, "Q"))
            {
                statedYear = Num(j); // "the 1988 second quarter"
                j = afterYear;
            }
        }

        if (j > i && (Word(j, "comparable") || Word(j, "corresponding") || Is(j, Kw.Same)) && L(j + 1) is { Unit: Unit.Year, UnitPlural: false })
        {
            j++; // "the comparable year-ago quarter", "the corresponding year-earlier period": the same comparison
        }

        if (j > i && L(j) is { Unit: Unit.Year, UnitPlural: false } && IsHyphen(j + 1) && K(j + 2) is Kw.Ago or Kw.Earlier
            && (L(j + 3) is { Unit: Unit.Quarter, UnitPlural: false } || Is(j + 3, Kw.Period)))
        {
            // "the year-ago quarter": the quarter being reported, a year back.
            return Cal.At(YearBack(Granularity.Quarter).Date, Granularity.Quarter) is { } ya ? new Hit(j + 4, ya, "quarter-year-ago") : null;
        }

        bool yearBack = false;
        if (j > i && L(j) is { Unit: Unit.Year, UnitPlural: false } && IsHyphen(j + 1) && K(j + 2) is Kw.Ago or Kw.Earlier && L(j + 3) is { Ordinal: >= 1 and <= 4 })
        {
            // "the year-ago third quarter", "the year-earlier first half": that period of the year before publication.
            yearBack = true;
            j += 3;
        }

        if (j > i && K(j) is Kw.Latest or Kw.Recent && Is(j + 1, Kw.Period))
        {
            return Cal.At(ReportedQuarterDate(), Granularity.Quarter) is { } lp ? new Hit(j + 2, lp, "quarter-latest-period") : null;
        }

        if (IsWord(j) && _t[j].Length == 2 && (_text[_t[j].Start] is 'Q' or 'H') && char.IsAsciiDigit(_text[_t[j].Start + 1]))
        {
            return null; // "Q3" is a letter and a digit run: handled below
        }

        if (Word(j, "Q") && IsNumber(j + 1) && Adj(j + 1) && Num(j + 1) is >= 1 and <= 4 && StandaloneQuarterCode(j))
        {
            q = Num(j + 1);
            k = j + 2;
        }
        else if (L(j) is { Ordinal: >= 1 and <= 4 } o && (IsHyphen(j + 1) ? L(j + 2) : L(j + 1)) is { Unit: Unit.Quarter, UnitPlural: false })
        {
            q = o.Ordinal;
            k = IsHyphen(j + 1) ? j + 3 : j + 2;
        }
        else if (IsNumber(j) && Num(j) is >= 1 and <= 4 && (Word(j + 1, "st") || Word(j + 1, "nd") || Word(j + 1, "rd") || Word(j + 1, "th")) && Adj(j + 1)
            && (IsHyphen(j + 2) ? L(j + 3) : L(j + 2)) is { Unit: Unit.Quarter, UnitPlural: false })
        {
            q = Num(j);
            k = IsHyphen(j + 2) ? j + 4 : j + 3;
        }
        else if (L(j) is { Ordinal: 1 or 2 } h && (IsHyphen(j + 1) ? L(j + 2) : L(j + 1)) is { Kw: Kw.Half })
        {
            q = h.Ordinal;
            half = true;
            k = IsHyphen(j + 1) ? j + 3 : j + 2;
        }
        else if (j > i && (K(j) is Kw.Last || Word(j, "latter")) && Is(j + 1, Kw.Half) && Is(j + 2, Kw.Of))
        {
            q = 2; // "the last half of 1989", "the latter half of 2008"
            half = true;
            k = j + 2;
        }
        else if (j > i && K(j) is Kw.Latest or Kw.Current or Kw.Last or Kw.Past or Kw.Previous or Kw.Next or Kw.Recent && L(j + 1) is { Unit: Unit.Quarter, UnitPlural: false })
        {
            rel = K(j);
            k = j + 2;
        }
        else if (j > i && L(j) is { Unit: Unit.Quarter, UnitPlural: false } && !IsNumber(j + 1) && !Is(j + 1, Kw.Of))
        {
            rel = Kw.Latest; // "the quarter": the one the story reports
            k = j + 1;
        }
        else if (j == i && K(j) is Kw.Last or Kw.Next or Kw.This && L(j + 1) is { Unit: Unit.Quarter, UnitPlural: false })
        {
            rel = K(j);
            k = j + 2;
        }
        else
        {
            return null;
        }

        var cur = Cal.At(Dct, Granularity.Quarter)!.Value;
        if (rel != Kw.None)
        {
            int shift = rel switch { Kw.Current or Kw.This => 0, Kw.Next => 1, _ => -1 };
            if (Is(k, Kw.A) && L(k + 1) is { Unit: Unit.Year, UnitPlural: false } && K(k + 2) is Kw.Ago or Kw.Earlier)
            {
                // "the quarter a year ago": the reported quarter, a year back
                return Cal.At(YearBack(Granularity.Quarter).Date, Granularity.Quarter) is { } qa ? new Hit(k + 3, qa, "quarter-year-ago") : null;
            }

            // "the quarter", "the latest quarter": the quarter the story reports, which a fiscal calendar may name differently from
            // the one before publication ("the fiscal first quarter ended Sept. 30 … sales in the quarter"). "last quarter",
            // "the past quarter", "this quarter" count from publication.
            var basis = rel == Kw.Latest ? ReportedQuarterDate() : Cal.Shift(Dct, Granularity.Quarter, shift);
            return Cal.At(basis, Granularity.Quarter) is { } rq ? new Hit(k, rq, "quarter-relative") : null;
        }

        // A half of a decade or century: that period with its start or end ("the last half of the '80s": 198, END).
        if (half && Is(k, Kw.Of) && Decades(k + 1) is { Value.Granularity: Granularity.Decade or Granularity.Century } dh)
        {
            return new Hit(dh.End, dh.Value.WithMod(q == 1 ? TimexMod.Start : TimexMod.End), "half");
        }

        // An explicit year: "of 1997", "of last year", "of this year", "1997", "'s" after a year is handled by the year rule.
        int year;
        int end = k;
        int yk = Is(k, Kw.Of) || Is(k, Kw.In) ? k + 1 : k;
        if (Is(yk, Kw.Fiscal))
        {
            yk++;
        }

        if (statedYear > 0)
        {
            year = statedYear;
        }
        else if (YearAt(yk, out int after) is > 0 and var y)
        {
            year = y;
            end = after;
        }
        else if (yk > k && K(yk) is Kw.Last or Kw.This or Kw.Next && L(yk + 1) is { Unit: Unit.Year, UnitPlural: false })
        {
            year = Dct.Year + (K(yk) == Kw.Last ? -1 : K(yk) == Kw.Next ? 1 : 0);
            end = yk + 2;
        }
        else if (yk > k && Is(yk, Kw.The) && L(yk + 1) is { Unit: Unit.Year, UnitPlural: false })
        {
            year = _st.LastRef is { Range: { } lr } ? lr.Start.Year : Dct.Year;
            end = yk + 2;
        }
        else
        {
            // No year: the most recent such period that has started (or the next one in a future clause).
            int curIndex = half ? (Dct.Month <= 6 ? 1 : 2) : ((Dct.Month - 1) / 3) + 1;
            // Earnings news reports the quarter just ended even in the future tense ("expects to report third-quarter loss").
            year = Dct.Year;
            if (q > curIndex && !(q == curIndex + 1 && TenseAt(i) == Cue.Future))
            {
                year--;
            }
        }

        _ = cur;
        if (yearBack)
        {
            year = Dct.Year - 1;
        }

        var r = half ? Cal.Half(year, q) : Cal.Quarter(year, q);
        return r is { } v ? new Hit(end, v, half ? "half" : "quarter") : null;
    }

    /// <summary>
    /// Whether the "Q" at <paramref name="j"/> and the digit after it stand alone ("Q3", "(Q3)", "Q3-2014"), not inside a
    /// longer run of letters and digits such as a link or a code ("t.co/q3Kyo0vF1D", "XQ3").
    /// </summary>
    private bool StandaloneQuarterCode(int j) =>
        !(j > 0 && Adj(j) && (_t[j - 1].Kind != TokenKind.Punct || IsPunct(j - 1, '/') || IsPunct(j - 1, '.')))
        && !(j + 2 < _n && Adj(j + 2) && _t[j + 2].Kind != TokenKind.Punct);

    /// <summary>"summer", "this summer", "last fall", "the winter of 2025", "spring 2026".</summary>
    private Hit? SeasonRule(int i)
    {
        Kw rel = K(i) is Kw.Last or Kw.Next or Kw.This or Kw.Coming or Kw.Past or Kw.The ? K(i) : Kw.None;
        int j = rel == Kw.None ? i : i + 1;
        if (L(j) is not { Season: > 0 } lex)
        {
            return null;
        }

        int season = lex.Season;
        int k = j + 1;
        int yk = Is(k, Kw.Of) ? k + 1 : k;
        int y = YearAt(yk, out int after);
        bool ambiguous = lex.Kw is Kw.Fall or Kw.Spring;
        if (y > 0)
        {
            return Cal.Season(y, season) is { } v ? new Hit(after, v, "season") : null;
        }

        if (ambiguous && (rel == Kw.None || (rel == Kw.The && Is(k, Kw.Of))))
        {
            return null; // "fall" and "spring" are ordinary words unless a determiner or a year makes them seasons
        }

        if (rel is Kw.None or Kw.The && SeasonModifiesNoun(k))
        {
            return null; // "the spring tides", "summer break", "the winter collection": a kind of thing, not a date
        }

        if (!ambiguous && !Capital(j) && rel == Kw.None && K(i - 1) is not (Kw.In or Kw.During or Kw.By or Kw.Until or Kw.Since or Kw.This or Kw.Last or Kw.Next)
            && !SeasonAfterPointModifier(i))
        {
            return null;
        }

        if (rel is Kw.None or Kw.The && NarrativeYear(i) is { } ny)
        {
            return Cal.Season(ny, season) is { } nv ? new Hit(k, nv, "season") : null;
        }

        var dct = Dct;
        int cur = Cal.SeasonOf(dct);
        int curYear = dct.Month <= 2 ? dct.Year - 1 : dct.Year;
        int year = curYear;
        var cue = rel switch
        {
            Kw.Last or Kw.Past => Cue.Past,
            Kw.Next or Kw.Coming => Cue.Future,
            Kw.This => Cue.None,
            _ => TenseAt(i),
        };
        if (cue == Cue.Past && season >= cur)
        {
            year = season == cur && rel == Kw.None ? curYear : curYear - 1;
        }
        else if (cue == Cue.Future && season <= cur)
        {
            year = season == cur && rel == Kw.None ? curYear : curYear + 1;
        }

        if (season == 4 && cur != 4 && cue != Cue.Past && rel != Kw.Last)
        {
            year = dct.Year; // the coming winter starts in December of this year
        }

        return Cal.Season(year, season) is { } r ? new Hit(k, r, "season") : null;
    }

    /// <summary>
    /// Whether the season word at <paramref name="i"/> follows a modifier of a point in time ("the early summer", "the middle
    /// of summer") or a season it is coordinated with ("the spring and summer"): a season, not a kind of thing.
    /// </summary>
    private bool SeasonAfterPointModifier(int i) =>
        K(i - 1) is Kw.Early or Kw.Late or Kw.Mid
        || (IsHyphen(i - 1) && Is(i - 2, Kw.Mid))
        || (Is(i - 1, Kw.Of) && K(i - 2) is Kw.Middle or Kw.End or Kw.Beginning or Kw.Start)
        || (K(i - 1) is Kw.And or Kw.Or && L(i - 2) is { Season: > 0 });

    /// <summary>Whether the word at <paramref name="k"/> is a noun that a season word in front of it only qualifies.</summary>
    private bool SeasonModifiesNoun(int k)
    {
        if (!IsWord(k) || Capital(k))
        {
            return false;
        }

        var w = _text.AsSpan(_t[k].Start, _t[k].Length);
        foreach (var noun in (ReadOnlySpan<string>)["tide", "tides", "break", "breaks", "term", "terms", "semester", "collection", "collections",
            "offensive", "offensives", "sale", "sales", "storm", "storms", "weather", "wheat", "crop", "crops", "camp", "camps",
            "cleaning", "training", "fashion", "fashions", "clothes", "coat", "coats", "tyres", "tires", "sports", "solstice", "equinox"])
        {
            if (w.Equals(noun, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Christmas, New Year's Day, Thanksgiving: fixed or computed days in the year the tense points to.</summary>
    private Hit? Holiday(int i)
    {
        int month;
        int day;
        int k;
        if (Is(i, Kw.Christmas))
        {
            bool eve = Is(i + 1, Kw.Eve);
            month = 12;
            day = eve ? 24 : 25;
            k = eve || L(i + 1) is { Unit: Unit.Day, UnitPlural: false } ? i + 2 : i + 1;
        }
        else if (Is(i, Kw.New) && Capital(i) && L(i + 1) is { Unit: Unit.Year } && Capital(i + 1))
        {
            k = i + 2;
            if (IsApostrophe(k) && Word(k + 1, "s"))
            {
                k += 2;
            }

            if (Is(k, Kw.Eve))
            {
                month = 12;
                day = 31;
                k++;
            }
            else if (L(k) is { Unit: Unit.Day, UnitPlural: false })
            {
                month = 1;
                day = 1;
                k++;
            }
            else
            {
                return null;
            }
        }
        else if (Is(i, Kw.Thanksgiving))
        {
            k = L(i + 1) is { Unit: Unit.Day, UnitPlural: false } ? i + 2 : i + 1;
            var cue = TenseAt(i);
            int y = Dct.Year;
            LocalDate? Thanks(int year) => Cal.ValidYear(year) ? new LocalDate(year, 11, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Thursday)).PlusDays(21) : null;
            return Cal.Day(Pick(Dct, cue, Thanks(y - 1), Thanks(y), Thanks(y + 1))) is { } t ? new Hit(k, t, "holiday") : null;
        }
        else if (Is(i, Kw.Election) && Capital(i) && L(i + 1) is { Unit: Unit.Day, UnitPlural: false } && Capital(i + 1))
        {
            // "Election Day" (capitalised, the United States' general election): the Tuesday after the first Monday in November.
            var cue = TenseAt(i);
            int y = Dct.Year;
            LocalDate? Election(int year) => Cal.ValidYear(year) ? new LocalDate(year, 11, 2).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Tuesday)) : null;
            return Cal.Day(Pick(Dct, cue, Election(y - 1), Election(y), Election(y + 1))) is { } e ? new Hit(i + 2, e, "holiday") : null;
        }
        else
        {
            return null;
        }

        return MonthDayNoYear(month, day, i) is { } r ? new Hit(k, r, "holiday") : null;
    }
}
