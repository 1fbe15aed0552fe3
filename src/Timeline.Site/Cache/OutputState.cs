using System.Security.Cryptography;
using Timeline.Site.Pipeline;
using Timeline.Site.Rendering;

namespace Timeline.Site.Cache;

/// <summary>
/// What a builder last wrote to one output folder (hash, length and time of each file), so the next build of the same
/// builder — a <c>timeline preview</c> rebuild — writes only the files whose content changed and deletes the ones that
/// went away, instead of writing the whole site again. A file changed on disk by someone else since is rewritten.
/// </summary>
/// <remarks>
/// The first write of a folder is the atomic swap of <see cref="SiteWriter"/>; later writes replace files one by one
/// (each atomically, by rename), so a reader may briefly see a mix of two builds' pages. Not thread-safe: one build at a time.
/// </remarks>
internal sealed class OutputState
{
    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) };

    private Dictionary<string, Written> _written = new(StringComparer.Ordinal);

    private readonly record struct Written(byte[] Hash, long Length, DateTime Stamp);

    /// <summary>Writes <paramref name="files"/> to <paramref name="outputDir"/>; returns how many files were written.</summary>
    public int Write(string outputDir, IReadOnlyList<SiteFile> files)
    {
        string full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        byte[][] hashes = new byte[files.Count][];
        Parallel.For(0, files.Count, Parallelism, i => hashes[i] = SHA256.HashData(files[i].Content));
        if (_written.Count == 0 || !Directory.Exists(full))
        {
            SiteWriter.Write(full, files);
            _written = Record(full, files, hashes, Enumerable.Range(0, files.Count));
            return files.Count;
        }

        var changed = new List<int>();
        for (int i = 0; i < files.Count; i++)
        {
            if (!_written.TryGetValue(files[i].Path, out Written before) || !before.Hash.AsSpan().SequenceEqual(hashes[i]) || !Unchanged(Target(full, files[i].Path), before))
            {
                changed.Add(i);
            }
        }

        Parallel.ForEach(changed, Parallelism, i => Replace(Target(full, files[i].Path), files[i].Content));
        var keep = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
        foreach (string gone in _written.Keys.Where(p => !keep.Contains(p)))
        {
            string target = Target(full, gone);
            File.Delete(target);
            DeleteEmptyFolders(Path.GetDirectoryName(target)!, full);
        }

        Dictionary<string, Written> next = Record(full, files, hashes, changed);
        foreach (SiteFile file in files)
        {
            if (!next.ContainsKey(file.Path))
            {
                next[file.Path] = _written[file.Path];
            }
        }

        _written = next;
        return changed.Count;
    }

    private static Dictionary<string, Written> Record(string full, IReadOnlyList<SiteFile> files, byte[][] hashes, IEnumerable<int> indexes)
    {
        var result = new Dictionary<string, Written>(StringComparer.Ordinal);
        foreach (int i in indexes)
        {
            var info = new FileInfo(Target(full, files[i].Path));
            result[files[i].Path] = new Written(hashes[i], info.Length, info.LastWriteTimeUtc);
        }

        return result;
    }

    private static bool Unchanged(string path, Written before)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == before.Length && info.LastWriteTimeUtc == before.Stamp;
    }

    private static string Target(string full, string relative)
    {
        string target = Path.GetFullPath(Path.Combine(full, relative));
        return target.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? target
            : throw new InvalidOperationException($"Refusing to write '{relative}' outside the output folder.");
    }

    private static void Replace(string target, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, content);
        File.Move(temp, target, overwrite: true);
    }

    private static void DeleteEmptyFolders(string folder, string root)
    {
        for (string? dir = folder; dir is not null && dir.Length > root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
        {
            Directory.Delete(dir);
        }
    }
}
