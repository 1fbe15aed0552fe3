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
            foreach (SiteFile file in files)
            {
                string target = Path.GetFullPath(Path.Combine(staging, file.Path));
                if (!target.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Refusing to write '{file.Path}' outside the output folder.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, file.Content);
            }

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
            Directory.Delete(previous, recursive: true);
        }
    }
}
