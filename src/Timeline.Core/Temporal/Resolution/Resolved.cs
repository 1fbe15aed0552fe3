using System.Globalization;
using NodaTime;
using NodaTime.Calendars;

namespace Timeline.Core.Temporal.Resolution;

/// <summary>A resolved TIMEX3 value: type, value string, optional calendar range and mod.</summary>
internal readonly record struct Resolved(TimexType Type, string Value, DateRange? Range, TimexMod Mod = TimexMod.None)
{
    public Resolved WithMod(TimexMod mod) => this with { Mod = mod };

    public Granularity Granularity => Range?.Granularity ?? Granularity.None;
}

/// <summary>
/// Builds TIMEX3 values and their <see cref="DateRange"/>s from NodaTime values. Every factory checks its bounds
/// and returns null instead of throwing, so impossible dates ("February 30", "year 99999999") simply do not resolve.
/// </summary>
internal static class Cal
{
    public const int MinYear = 1;
    public const int MaxYear = 9998;

    private static readonly IWeekYearRule Iso = WeekYearRules.Iso;

    public static bool ValidYear(long year) => year is >= MinYear and <= MaxYear;

    public static string Year4(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static string Two(int n) => n.ToString("D2", CultureInfo.InvariantCulture);

    public static LocalDate? Date(long year, long month, long day)
    {
        if (!ValidYear(year) || month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        return day > CalendarSystem.Iso.GetDaysInMonth((int)year, (int)month) ? null : new LocalDate((int)year, (int)month, (int)day);
    }

    public static Resolved? Day(LocalDate? date)
    {
        if (date is not { } d || !ValidYear(d.Year))
        {
            return null;
        }

        return new Resolved(TimexType.Date, $"{Year4(d.Year)}-{Two(d.Month)}-{Two(d.Day)}", new DateRange(d, d, Granularity.Day));
    }

    public static Resolved? Month(long year, int month)
    {
        if (!ValidYear(year) || month is < 1 or > 12)
        {
            return null;
        }

        var first = new LocalDate((int)year, month, 1);
        return new Resolved(TimexType.Date, $"{Year4((int)year)}-{Two(month)}", new DateRange(first, first.PlusMonths(1).PlusDays(-1), Granularity.Month));
    }

    public static Resolved? Year(long year)
    {
        if (!ValidYear(year))
        {
            return null;
        }

        return new Resolved(TimexType.Date, Year4((int)year), new DateRange(new LocalDate((int)year, 1, 1), new LocalDate((int)year, 12, 31), Granularity.Year));
    }

    /// <summary>A year before the common era: "241 BC" is BC0241, astronomical year -240 in the ISO calendar.</summary>
    public static Resolved? YearBc(long year)
    {
        if (!ValidYear(year))
        {
            return null;
        }

        var first = new LocalDate(1 - (int)year, 1, 1);
        return new Resolved(TimexType.Date, "BC" + Year4((int)year), new DateRange(first, first.PlusYears(1).PlusDays(-1), Granularity.Year));
    }

    public static Resolved? Decade(long decade)
    {
        if (!ValidYear(decade * 10) || !ValidYear((decade * 10) + 9))
        {
            return null;
        }

        int y = (int)decade * 10;
        return new Resolved(TimexType.Date, decade.ToString("D3", CultureInfo.InvariantCulture), new DateRange(new LocalDate(y, 1, 1), new LocalDate(y + 9, 12, 31), Granularity.Decade));
    }

    /// <summary>Century <paramref name="century"/> as TIMEX3 writes it: "19" is 1900–1999 (the twentieth century).</summary>
    public static Resolved? Century(long century)
    {
        long y = century * 100;
        if (!ValidYear(Math.Max(y, 1)) || !ValidYear(y + 99))
        {
            return null;
        }

        return new Resolved(TimexType.Date, century.ToString("D2", CultureInfo.InvariantCulture), new DateRange(new LocalDate((int)Math.Max(y, 1), 1, 1), new LocalDate((int)y + 99, 12, 31), Granularity.Century));
    }

    public static Resolved? Quarter(long year, int quarter)
    {
        if (!ValidYear(year) || quarter is < 1 or > 4)
        {
            return null;
        }

        var first = new LocalDate((int)year, ((quarter - 1) * 3) + 1, 1);
        return new Resolved(TimexType.Date, $"{Year4((int)year)}-Q{quarter}", new DateRange(first, first.PlusMonths(3).PlusDays(-1), Granularity.Quarter));
    }

    public static Resolved? Half(long year, int half)
    {
        if (!ValidYear(year) || half is < 1 or > 2)
        {
            return null;
        }

        var first = new LocalDate((int)year, half == 1 ? 1 : 7, 1);
        return new Resolved(TimexType.Date, $"{Year4((int)year)}-H{half}", new DateRange(first, first.PlusMonths(6).PlusDays(-1), Granularity.Half));
    }

    /// <summary>Season 1..4 = spring, summer, autumn, winter (northern meteorological seasons; winter starts in December).</summary>
    public static Resolved? Season(long year, int season)
    {
        if (!ValidYear(year) || !ValidYear(year + 1) || season is < 1 or > 4)
        {
            return null;
        }

        var first = new LocalDate((int)year, (season * 3) % 12 == 0 ? 12 : season * 3, 1);
        string code = season switch { 1 => "SP", 2 => "SU", 3 => "FA", _ => "WI" };
        return new Resolved(TimexType.Date, $"{Year4((int)year)}-{code}", new DateRange(first, first.PlusMonths(3).PlusDays(-1), Granularity.Season));
    }

    public static Resolved? Week(LocalDate? date)
    {
        if (date is not { } d || !ValidYear(d.Year - 1) || !ValidYear(d.Year + 1))
        {
            return null;
        }

        int wy = Iso.GetWeekYear(d);
        int w = Iso.GetWeekOfWeekYear(d);
        var monday = d.PlusDays(-((int)d.DayOfWeek - 1));
        return new Resolved(TimexType.Date, $"{Year4(wy)}-W{Two(w)}", new DateRange(monday, monday.PlusDays(6), Granularity.Week));
    }

    public static Resolved? Weekend(LocalDate? date)
    {
        if (Week(date) is not { } w)
        {
            return null;
        }

        var sat = w.Range!.Value.Start.PlusDays(5);
        return new Resolved(TimexType.Date, w.Value + "-WE", new DateRange(sat, sat.PlusDays(1), Granularity.Week));
    }

    /// <summary>The value of the unit-sized period containing <paramref name="date"/> at <paramref name="g"/>.</summary>
    public static Resolved? At(LocalDate? date, Granularity g)
    {
        if (date is not { } d || !ValidYear(d.Year))
        {
            return null;
        }

        return g switch
        {
            Granularity.Day or Granularity.PartOfDay or Granularity.Hour or Granularity.Minute or Granularity.Second => Day(d),
            Granularity.Week => Week(d),
            Granularity.Month => Month(d.Year, d.Month),
            Granularity.Quarter => Quarter(d.Year, ((d.Month - 1) / 3) + 1),
            Granularity.Half => Half(d.Year, d.Month <= 6 ? 1 : 2),
            Granularity.Season => Season(d.Year, SeasonOf(d)),
            Granularity.Year => Year(d.Year),
            Granularity.Decade => Decade(d.Year / 10),
            Granularity.Century => Century(d.Year / 100),
            _ => null,
        };
    }

    public static int SeasonOf(LocalDate d) => d.Month switch
    {
        3 or 4 or 5 => 1,
        6 or 7 or 8 => 2,
        9 or 10 or 11 => 3,
        _ => 4,
    };

    /// <summary>Shifts a date by <paramref name="n"/> units without throwing; null when the result leaves the supported years.</summary>
    public static LocalDate? Shift(LocalDate d, Granularity unit, long n)
    {
        if (n is > 100_000 or < -100_000)
        {
            return null;
        }

        double approxYears = unit switch
        {
            Granularity.Day or Granularity.PartOfDay => n / 365.0,
            Granularity.Week => n * 7 / 365.0,
            Granularity.Month => n / 12.0,
            Granularity.Quarter or Granularity.Season => n / 4.0,
            Granularity.Half => n / 2.0,
            Granularity.Year => n,
            Granularity.Decade => n * 10.0,
            Granularity.Century => n * 100.0,
            _ => 0,
        };
        long approx = d.Year + (long)approxYears;
        if (!ValidYear(approx - 1) || !ValidYear(approx + 1))
        {
            return null;
        }

        var r = unit switch
        {
            Granularity.Day or Granularity.PartOfDay => d.PlusDays((int)n),
            Granularity.Week => d.PlusWeeks((int)n),
            Granularity.Month => d.PlusMonths((int)n),
            Granularity.Quarter or Granularity.Season => d.PlusMonths((int)n * 3),
            Granularity.Half => d.PlusMonths((int)n * 6),
            Granularity.Year => d.PlusYears((int)n),
            Granularity.Decade => d.PlusYears((int)n * 10),
            Granularity.Century => d.PlusYears((int)n * 100),
            _ => d,
        };
        return ValidYear(r.Year) ? r : null;
    }

    public static Granularity ToGranularity(Recognition.Unit unit) => unit switch
    {
        Recognition.Unit.Day or Recognition.Unit.Night => Granularity.Day,
        Recognition.Unit.Week or Recognition.Unit.Weekend or Recognition.Unit.Fortnight => Granularity.Week,
        Recognition.Unit.Month => Granularity.Month,
        Recognition.Unit.Quarter => Granularity.Quarter,
        Recognition.Unit.Year => Granularity.Year,
        Recognition.Unit.Decade => Granularity.Decade,
        Recognition.Unit.Century or Recognition.Unit.Millennium => Granularity.Century,
        Recognition.Unit.Hour => Granularity.Hour,
        Recognition.Unit.Minute => Granularity.Minute,
        Recognition.Unit.Second => Granularity.Second,
        _ => Granularity.None,
    };

    /// <summary>A TIMEX3 duration: "P15D", "PT3H", "PXY" (<paramref name="n"/> null means unknown amount).</summary>
    /// <summary>"2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M; null for units without an exact half in the next unit down.</summary>
    public static string? DurationAndHalf(long n, Recognition.Unit unit)
    {
        string w = n.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            Recognition.Unit.Year => n == 0 ? "P6M" : $"P{w}Y6M",
            Recognition.Unit.Day => n == 0 ? "PT12H" : $"P{w}DT12H",
            Recognition.Unit.Hour => n == 0 ? "PT30M" : $"PT{w}H30M",
            Recognition.Unit.Minute => n == 0 ? "PT30S" : $"PT{w}M30S",
            Recognition.Unit.Decade => $"P{(n * 10) + 5}Y",
            Recognition.Unit.Century => $"P{(n * 100) + 50}Y",
            _ => null,
        };
    }

    public static string Duration(long? n, Recognition.Unit unit)
    {
        string amount = n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "X";
        long? scaled(long k) => n is { } v2 ? v2 * k : null;
        string s(long? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "X";
        return unit switch
        {
            Recognition.Unit.Second => $"PT{amount}S",
            Recognition.Unit.Minute => $"PT{amount}M",
            Recognition.Unit.Hour => $"PT{amount}H",
            Recognition.Unit.Day or Recognition.Unit.Night => $"P{amount}D",
            Recognition.Unit.Weekend => $"P{amount}WE",
            Recognition.Unit.Week => $"P{amount}W",
            Recognition.Unit.Fortnight => $"P{s(scaled(2))}W",
            Recognition.Unit.Month => $"P{amount}M",
            Recognition.Unit.Quarter => $"P{amount}Q",
            Recognition.Unit.Year => $"P{amount}Y",
            Recognition.Unit.Decade => n is null ? "PXDE" : $"P{s(scaled(10))}Y",
            Recognition.Unit.Century => n is null ? "PXC" : $"P{s(scaled(100))}Y",
            Recognition.Unit.Millennium => n is null ? "PXL" : $"P{amount}L",
            _ => "PX",
        };
    }
}
