using Timeline.Site.Pipeline;

namespace Timeline.Site.Preview;

/// <summary>How <c>timeline preview</c> builds, where it listens, and how long it waits for edits to settle.</summary>
/// <remarks>Immutable; change with <c>with</c>.</remarks>
public sealed record PreviewOptions(BuildOptions Build)
{
    /// <summary>The address to listen on: loopback unless told otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (see <see cref="PreviewServer.Address"/>).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>How long the input must stay quiet after a change before a rebuild starts.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(200);
}

/// <summary>
/// The outcome of the latest preview build, sent to open pages: <see cref="Failed"/> when nothing could be written
/// (the previous site stays up), <see cref="Errors"/> as <c>file(line,col): error: message</c> lines.
/// </summary>
public sealed record BuildStatus(int Build, bool Failed, IReadOnlyList<string> Errors, string Summary);
