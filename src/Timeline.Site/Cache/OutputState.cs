using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Timeline.Site.Rendering;

namespace Timeline.Site.Cache;

/// <summary>
/// What was last written to one output folder (hash, length, time and page fingerprint of each file), so the next build
/// renders only the pages whose data changed and writes only the files whose bytes changed, and deletes the ones that
/// went away. Kept in memory by a builder (<c>timeline preview</c>) and, when given a state file (in the cache folder),
/// on disk for the next <c>timeline build</c>. A file changed on disk by someone else since is rewritten.
/// </summary>
/// <remarks>
/// Nothing touches the output folder before every file of a build is computed: files go to a staging folder beside it
/// (see <see cref="OutputSession"/>), and only <see cref="OutputSession.Commit"/> moves them in. A first write (no
/// output folder) swaps the whole staging folder in with two renames; a later write (with or without a state) renames
/// each changed file into place (each atomically) from a journal that a cut-short commit is finished from, so a reader
/// may briefly see a mix of two builds' pages, never a half-written file, and the folder always ends as one whole build.
/// Not thread-safe: one build at a time.
/// </remarks>
internal sealed class OutputState
{
    private const string Header = "timeline-output-state 1";

    private readonly string? _stateFile;
    private Dictionary<string, Written> _written;

    /// <param name="stateFile">Where the state is kept between processes; null keeps it in memory only.</param>
    public OutputState(string? stateFile = null)
    {
        _stateFile = stateFile;
        _written = Load(stateFile);
    }

    /// <summary>What the last build's rendering made that the next may reuse (in memory only; see <see cref="RenderMemo"/>).</summary>
    internal RenderMemo Memo { get; } = new();

    /// <summary>One file as last written: content hash, length and time on disk, and the page fingerprint if any.</summary>
    internal sealed record Written(byte[] Hash, long Length, DateTime Stamp, string? Fingerprint);

    /// <summary>The state file, in cache folder <paramref name="cacheDir"/>, of output folder <paramref name="outputDir"/>.</summary>
    public static string StateFileFor(string cacheDir, string outputDir)
    {
        string full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(cacheDir, "output", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..16] + ".tsv");
    }

    /// <summary>Starts writing a build's files to <paramref name="outputDir"/>; nothing is visible there before <see cref="OutputSession.Commit"/>.</summary>
    public OutputSession Begin(string outputDir)
    {
        string full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        OutputSession.Recover(full);
        return new OutputSession(this, full, incremental: Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any());
    }

    /// <summary>Writes <paramref name="files"/> to <paramref name="outputDir"/>; returns how many files were written.</summary>
    public int Write(string outputDir, IReadOnlyList<SiteFile> files)
    {
        using OutputSession session = Begin(outputDir);
        try
        {
            Parallel.For(0, files.Count, OutputSession.Parallelism, i => session.Add(files[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return session.Commit();
    }

    internal bool TryGet(string path, out Written written) => _written.TryGetValue(path, out written!);

    internal IEnumerable<string> Paths => _written.Keys;

    /// <summary>How many files the last build wrote.</summary>
    internal int Count => _written.Count;

    internal void Replace(Dictionary<string, Written> written)
    {
        _written = written;
        if (_stateFile is null)
        {
            return;
        }

        string temp = $"{_stateFile}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_stateFile)!);
            string[] paths = [.. written.Keys];
            Array.Sort(paths, StringComparer.Ordinal);
            using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
            {
                writer.Write(Header + "\n");
                // Each line formatted into one buffer (no string per line: the state of a large site has a line per page).
                Span<char> line = stackalloc char[160];
                foreach (string path in paths)
                {
                    Written w = written[path];
                    writer.Write(path);
                    int at = 0;
                    line[at++] = '\t';
                    Convert.TryToHexStringLower(w.Hash, line[at..], out int hex);
                    at += hex;
                    line[at++] = '\t';
                    w.Length.TryFormat(line[at..], out int length, provider: CultureInfo.InvariantCulture);
                    at += length;
                    line[at++] = '\t';
                    w.Stamp.Ticks.TryFormat(line[at..], out int ticks, provider: CultureInfo.InvariantCulture);
                    at += ticks;
                    line[at++] = '\t';
                    writer.Write(line[..at]);
                    writer.Write(w.Fingerprint);
                    writer.Write('\n');
                }
            }

            File.Move(temp, _stateFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A state that cannot be saved only makes the next build write the whole site.
            try
            {
                File.Delete(temp);
            }
            catch (Exception inner) when (inner is IOException or UnauthorizedAccessException)
            {
                // Left behind; harmless.
            }
        }
    }

    /// <summary>Reads a state file; anything unreadable is an empty state (the next write is then a whole-site swap).</summary>
    private static Dictionary<string, Written> Load(string? stateFile)
    {
        var written = new Dictionary<string, Written>(StringComparer.Ordinal);
        if (stateFile is null || !File.Exists(stateFile))
        {
            return written;
        }

        try
        {
            using var reader = new StreamReader(stateFile, Encoding.UTF8);
            if (reader.ReadLine() != Header)
            {
                return [];
            }

            while (reader.ReadLine() is { } line)
            {
                string[] parts = line.Split('\t');
                if (parts.Length != 5
                    || parts[1].Length != 64
                    || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                    || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                    || ticks > DateTime.MaxValue.Ticks)
                {
                    return [];
                }

                written[parts[0]] = new Written(Convert.FromHexString(parts[1]), length, new DateTime(ticks, DateTimeKind.Utc), parts[4].Length == 0 ? null : parts[4]);
            }

            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return [];
        }
    }
}
