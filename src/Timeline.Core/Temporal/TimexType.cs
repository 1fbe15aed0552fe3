namespace Timeline.Core.Temporal;

/// <summary>The four TimeML TIMEX3 types.</summary>
public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}
