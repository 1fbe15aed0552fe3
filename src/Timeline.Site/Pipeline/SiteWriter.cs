using Timeline.Site.Cache;
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
        _ = Path.GetDirectoryName(full) ?? throw new ArgumentException("The output folder cannot be a root.", nameof(outputDir));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        new OutputState().Write(full, files);
    }
}
