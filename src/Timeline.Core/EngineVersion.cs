namespace Timeline.Core;

/// <summary>
/// Identifies the behaviour of the per-article stages (Clean, Tag, Extract) so cached results of an older engine
/// are never reused: <see cref="Schema"/> (bumped by hand when a behaviour change lives outside this assembly's code)
/// plus the module version id of this assembly, which deterministic builds derive from its content — any code
/// change in Timeline.Core gives a new value.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class EngineVersion
{
    /// <summary>Bump to invalidate every cache entry by hand.</summary>
    public const int Schema = 1;

    /// <summary>"1+0123abcd…": stable for one build of Timeline.Core.</summary>
    public static string Value { get; } = $"{Schema}+{typeof(EngineVersion).Assembly.ManifestModule.ModuleVersionId:N}";
}
