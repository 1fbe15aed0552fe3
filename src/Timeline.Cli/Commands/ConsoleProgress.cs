using System.Diagnostics;
using Timeline.Site.Pipeline;

namespace Timeline.Cli.Commands;

/// <summary>
/// Shows a long build's progress on one terminal line, rewritten at most ten times a second and only after the build
/// has run for half a second; nothing at all when standard output is redirected (CI logs, pipes).
/// </summary>
/// <remarks>Thread-safe: the article stage reports from several threads.</remarks>
internal sealed class ConsoleProgress : IProgress<BuildProgress>, IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _lastTicks = -1;
    private int _width;

    private ConsoleProgress()
    {
    }

    /// <summary>A reporter for the console, or null when output is redirected.</summary>
    public static ConsoleProgress? ForConsole() => Console.IsOutputRedirected ? null : new ConsoleProgress();

    public void Report(BuildProgress value)
    {
        long now = _clock.ElapsedMilliseconds;
        if (now < 500 || (now - Volatile.Read(ref _lastTicks) < 100 && value.Done != value.Total))
        {
            return;
        }

        lock (_lock)
        {
            _lastTicks = now;
            string text = value.Total > 0 ? $"{value.Stage}: {value.Done}/{value.Total}" : value.Done > 0 ? $"{value.Stage}: {value.Done}" : $"{value.Stage}…";
            Console.Out.Write("\r" + text.PadRight(_width));
            _width = text.Length;
        }
    }

    /// <summary>Clears the progress line.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_width > 0)
            {
                Console.Out.Write("\r" + new string(' ', _width) + "\r");
                _width = 0;
            }
        }
    }
}
