namespace Timeline.Core.Temporal;

/// <summary>How precise a resolved calendar value is. Ordered from coarsest to finest.</summary>
public enum Granularity
{
    /// <summary>No calendar position (durations, PAST_REF…).</summary>
    None,
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Day,
    PartOfDay,
    Hour,
    Minute,
    Second,
}
