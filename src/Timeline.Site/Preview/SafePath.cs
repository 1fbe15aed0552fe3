using Timeline.Site.Pipeline;

namespace Timeline.Site.Preview;

/// <summary>
/// Maps a request path to a file under the output folder, refusing anything that could leave it: dot segments
/// (also when percent-encoded), encoded or back slashes, drive letters and NUL. The last check is on the full
/// path, so a symlink-free output folder can never be left.
/// </summary>
/// <remarks>Thread-safe (stateless).</remarks>
public static class SafePath
{
    /// <summary>
    /// The full path <paramref name="requestPath"/> (as decoded by the server, starting with '/') names under
    /// <paramref name="root"/>, or null when the path is refused.
    /// </summary>
    public static string? Resolve(string root, string requestPath)
    {
        if (requestPath.Length == 0 || requestPath[0] != '/')
        {
            return null;
        }

        string relative = requestPath[1..];
        // A trailing or doubled '/' names a folder's index: empty segments are allowed here, not in written paths.
        if (relative.AsSpan().IndexOfAny(':', '%') >= 0 || !SitePath.HasPlainSegments(relative, allowEmptySegments: true))
        {
            return null;
        }

        string fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        string full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        return full == fullRoot || full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
