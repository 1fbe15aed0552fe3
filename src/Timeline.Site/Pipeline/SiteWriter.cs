using Timeline.Site.Rendering;

namespace Timeline.Site.Pipeline;

/// <summary>
/// Writes site files atomically: everything goes to a fresh sibling folder, which then replaces the output folder,
/// so a failed build never leaves a half-written site.
/// </summary>
public static class SiteWriter
{
    public static void Write(string outputDir, IReadOnlyList<SiteFile> files)
    {
        string full = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new ArgumentException("The output folder cannot be a root.", nameof(outputDir));
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Guid.NewGuid():N}");
        string previous = Path.Combine(parent, $".{Path.GetFileName(full)}.previous-{Guid.NewGuid():N}");
        try
        {
            string[] targets = new string[files.Count];
            var folders = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < files.Count; i++)
            {
                targets[i] = Path.GetFullPath(Path.Combine(staging, files[i].Path));
                if (!targets[i].StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Refusing to write '{files[i].Path}' outside the output folder.");
                }

                folders.Add(Path.GetDirectoryName(targets[i])!);
            }

            // Folders once each, then the files in parallel: small-file writes wait on the file system, not the CPU.
            foreach (string folder in folders.Order(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(folder);
            }

            Parallel.For(0, files.Count, WriteParallelism, i => File.WriteAllBytes(targets[i], files[i].Content));

            if (Directory.Exists(full))
            {
                Directory.Move(full, previous);
            }

            Directory.Move(staging, full);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (!Directory.Exists(full) && Directory.Exists(previous))
            {
                Directory.Move(previous, full);
            }

            throw;
        }

        if (Directory.Exists(previous))
        {
            DeleteTree(previous);
        }
    }

    private static readonly ParallelOptions WriteParallelism = new() { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) };

    /// <summary>Deletes a folder tree, its files in parallel.</summary>
    internal static void DeleteTree(string folder)
    {
        Parallel.ForEach(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), WriteParallelism, File.Delete);
        Directory.Delete(folder, recursive: true);
    }
}
