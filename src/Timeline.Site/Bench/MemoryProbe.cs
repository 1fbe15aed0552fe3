using System.Diagnostics;

namespace Timeline.Site.Bench;

/// <summary>
/// Where a build's memory goes, stage by stage (a diagnostic for <c>timeline bench --memory</c>): while a stage runs, a
/// sampler notes the highest working set and managed heap (live data and garbage not yet collected); when it ends, a full
/// collection measures what the build still holds for the stages after it. The full collections change when the GC runs,
/// so a probed build's own peak is a little lower than an unprobed one's.
/// </summary>
/// <remarks>Thread-safe; <see cref="Stage"/> is called by the build as each stage ends.</remarks>
public sealed class MemoryProbe : IDisposable
{
    private readonly Timer _timer;
    private readonly List<StageMemory> _stages = [];
    private readonly Lock _lock = new();
    private long _peakWorkingSet;
    private long _peakManaged;

    /// <summary>Starts sampling every <paramref name="intervalMs"/> milliseconds.</summary>
    public MemoryProbe(int intervalMs = 25)
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, intervalMs, intervalMs);
    }

    /// <summary>One stage: the highest working set and managed heap while it ran, and the managed memory still live after it.</summary>
    public sealed record StageMemory(string Stage, long PeakWorkingSet, long PeakManaged, long LiveAfter);

    /// <summary>The stages measured so far, in order.</summary>
    public IReadOnlyList<StageMemory> Stages
    {
        get
        {
            lock (_lock)
            {
                return [.. _stages];
            }
        }
    }

    /// <summary>Ends stage <paramref name="stage"/>: records its peaks, then collects fully to measure what is still live.</summary>
    public void Stage(string stage)
    {
        Sample();
        long live = GC.GetTotalMemory(forceFullCollection: true);
        lock (_lock)
        {
            _stages.Add(new StageMemory(stage, _peakWorkingSet, _peakManaged, live));
            _peakWorkingSet = 0;
            _peakManaged = 0;
        }

        Sample();
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        long workingSet = process.WorkingSet64;
        long managed = GC.GetTotalMemory(forceFullCollection: false);
        lock (_lock)
        {
            _peakWorkingSet = Math.Max(_peakWorkingSet, workingSet);
            _peakManaged = Math.Max(_peakManaged, managed);
        }
    }
}
