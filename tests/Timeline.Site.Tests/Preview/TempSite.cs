using Timeline.Site.Pipeline;

namespace Timeline.Site.Tests.Preview;

/// <summary>A temporary copy of the repository's sample input and themes, with its own output and cache folders.</summary>
public sealed class TempSite : IDisposable
{
    public TempSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "timeline-test-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(RepoRoot, "input"), Input);
        Copy(Path.Combine(RepoRoot, "themes"), Themes);
    }

    public static string RepoRoot { get; } = Timeline.TestSupport.RepoRoot.Path;

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Themes => Path.Combine(Root, "themes");

    public string Output => Path.Combine(Root, "output");

    public string CacheDir => Path.Combine(Root, ".timeline-cache");

    public BuildOptions Options => new(Input, Output) { ThemesDir = Themes, CacheDir = CacheDir };

    /// <summary>The sample article files, in name order.</summary>
    public IReadOnlyList<string> Articles => [.. Directory.GetFiles(Path.Combine(Input, "articles")).Order(StringComparer.Ordinal)];

    public string Layout(string name) => Path.Combine(Themes, "default", "layouts", name);

    /// <summary>Appends a line to an article's body.</summary>
    public void AppendToArticle(string path, string line) => File.AppendAllText(path, "\n" + line + "\n");

    /// <summary>Adds an article (a copy of the first one with another name and an extra line) and returns its path.</summary>
    public string AddArticle(string name, string extraLine)
    {
        string path = Path.Combine(Input, "articles", name);
        File.WriteAllText(path, File.ReadAllText(Articles[0]) + "\n" + extraLine + "\n");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher or server may still hold a handle for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (string dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
