namespace Timeline.Core;

/// <summary>Settings every regular expression of the project shares.</summary>
public static class RegexDefaults
{
    /// <summary>
    /// The match timeout, in milliseconds. The patterns are written to run in linear time, so this only bounds a pattern
    /// that misbehaves; it is generous because .NET measures it in wall-clock time, and a thread starved of CPU on a
    /// crowded build machine (load 40 on 2 cores was seen to pass 1 s) must not turn a valid article into an error.
    /// </summary>
    public const int TimeoutMs = 10_000;
}
