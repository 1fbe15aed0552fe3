namespace Timeline.Site.Tests.Loading;

/// <summary>A copy of a fixture input folder in a fresh temp directory, deleted on dispose.</summary>
internal sealed class TempInput : IDisposable
{
    public TempInput(string? fixture = null)
    {
        Dir = Path.Combine(Path.GetTempPath(), "timeline-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        if (fixture is not null)
        {
            string from = FixturePath(fixture);
            foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                string to = Path.Combine(Dir, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        Directory.CreateDirectory(Path.Combine(Dir, "articles"));
    }

    public string Dir { get; }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Loading", "Fixtures", name);

    public string Write(string relative, byte[] bytes)
    {
        string path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test run.
        }
    }
}
