namespace Timeline.Core.Temporal;

/// <summary>The TIMEX3 <c>mod</c> attribute: a qualifier on a value ("early this month" is the month with <see cref="Start"/>).</summary>
public enum TimexMod
{
    None,
    Start,
    Mid,
    End,
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
}

/// <summary>TIMEX3 spellings of <see cref="TimexMod"/>.</summary>
public static class TimexModExtensions
{
    /// <summary>The TIMEX3 attribute value ("START", "LESS_THAN"…), or null for <see cref="TimexMod.None"/>.</summary>
    public static string? ToTimex(this TimexMod mod) => mod switch
    {
        TimexMod.None => null,
        TimexMod.Start => "START",
        TimexMod.Mid => "MID",
        TimexMod.End => "END",
        TimexMod.Approx => "APPROX",
        TimexMod.LessThan => "LESS_THAN",
        TimexMod.MoreThan => "MORE_THAN",
        TimexMod.EqualOrLess => "EQUAL_OR_LESS",
        TimexMod.EqualOrMore => "EQUAL_OR_MORE",
        TimexMod.Before => "BEFORE",
        TimexMod.After => "AFTER",
        TimexMod.OnOrBefore => "ON_OR_BEFORE",
        TimexMod.OnOrAfter => "ON_OR_AFTER",
        _ => throw new ArgumentOutOfRangeException(nameof(mod)),
    };

    /// <summary>Parses a TIMEX3 mod attribute; unknown or empty text gives <see cref="TimexMod.None"/>.</summary>
    public static TimexMod ParseTimexMod(string? text) => text switch
    {
        "START" => TimexMod.Start,
        "MID" => TimexMod.Mid,
        "END" => TimexMod.End,
        "APPROX" => TimexMod.Approx,
        "LESS_THAN" => TimexMod.LessThan,
        "MORE_THAN" => TimexMod.MoreThan,
        "EQUAL_OR_LESS" => TimexMod.EqualOrLess,
        "EQUAL_OR_MORE" => TimexMod.EqualOrMore,
        "BEFORE" => TimexMod.Before,
        "AFTER" => TimexMod.After,
        "ON_OR_BEFORE" => TimexMod.OnOrBefore,
        "ON_OR_AFTER" => TimexMod.OnOrAfter,
        _ => TimexMod.None,
    };
}
