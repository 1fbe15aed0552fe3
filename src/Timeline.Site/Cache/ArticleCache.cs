using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Timeline.Core.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Text;
using Timeline.Site.Loading;
using Timeline.Site.Rendering;

namespace Timeline.Site.Cache;

/// <summary>
/// Remembers the result of the per-article stages (Clean → Tag → Extract) so a rebuild only re-processes the
/// articles that changed. Two layers: memory (kept for the life of this object, which is what makes
/// <c>timeline preview</c> rebuilds fast) and, when a folder is given, one JSON file per article under
/// <c>FOLDER/articles/ENGINE/</c> (what makes CI and repeated <c>timeline build</c> runs fast).
/// </summary>
/// <remarks>
/// The key is a SHA-256 of: the engine version, the settings that affect extraction, the article's path, the hash
/// of its file's bytes and the source facts the loader derived from it. An entry that cannot be read (truncated,
/// garbage, another engine's, a key mismatch) is treated as missing and overwritten: the cache never fails a build.
/// Thread-safe: <see cref="TryGet"/> and <see cref="Put"/> are called from the parallel article stage.
/// </remarks>
public sealed class ArticleCache
{
    /// <summary>The folder name used beside the input folder when none is given.</summary>
    public const string DefaultFolderName = ".timeline-cache";

    private readonly ConcurrentDictionary<string, ArticleReport> _memory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    /// <summary>By full file path: the stamp the file had when this cache last saw it read, and what came of it.</summary>
    private readonly ConcurrentDictionary<string, Unchanged> _stamps = new(StringComparer.Ordinal);
    private readonly string? _entriesDir;

    /// <param name="directory">The cache folder, or null for a memory-only cache.</param>
    /// <param name="engine">The engine version (see <see cref="Timeline.Core.EngineVersion"/>); entries of another engine are never read.</param>
    public ArticleCache(string? directory, string engine)
    {
        Directory = directory is null ? null : Path.GetFullPath(directory);
        Engine = engine;
        _entriesDir = Directory is null ? null : Path.Combine(Directory, "articles", Hash(engine)[..16]);
    }

    /// <summary>The cache folder, or null when the cache lives only in memory.</summary>
    public string? Directory { get; }

    public string Engine { get; }

    /// <summary>The default cache folder of an input folder: <c>.timeline-cache</c> beside it (so the input watcher never sees it).</summary>
    public static string DefaultDirectoryFor(string inputDir)
    {
        string full = Path.GetFullPath(inputDir).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(full) ?? full, DefaultFolderName);
    }

    /// <summary>The cache key of <paramref name="article"/> processed with <paramref name="settings"/> (a fingerprint of the extraction settings).</summary>
    public string KeyFor(Article article, string settings)
    {
        string content = article.ContentHash.Length > 0 ? article.ContentHash : Hash(article.Body);
        var text = new StringBuilder()
            .Append(Engine).Append('\n')
            .Append(settings).Append('\n')
            .Append(article.Path).Append('\n')
            .Append(content).Append('\n')
            .Append(article.Format).Append('\n')
            .Append(article.BodyLine).Append('\n')
            .Append(SourceInfo.From(article));
        return Hash(text.ToString());
    }

    /// <summary>Finds the report stored under <paramref name="key"/>, with <paramref name="article"/> (the fresh one) put back in it.</summary>
    public bool TryGet(string key, Article article, out ArticleReport report)
    {
        _used[key] = 0;
        if (_memory.TryGetValue(key, out ArticleReport? cached) || TryRead(key, out cached))
        {
            _memory[key] = cached;
            report = WithArticle(cached, article);
            return true;
        }

        report = null!;
        return false;
    }

    /// <summary>
    /// The result of <paramref name="file"/> as a previous build of this process left it, without reading the file: when
    /// its <see cref="FileStamp"/> (size, last-write time) is the one it had when it was read, with the same
    /// <paramref name="settings"/>, and the entry is still in memory.
    /// </summary>
    /// <remarks>
    /// What this trusts: that an edit changes the file's size or its last-write time. Every write through the file API
    /// sets the last-write time (nanoseconds on Linux file systems), so only a tool that puts the old time back on purpose
    /// (<c>touch -r</c>, <c>rsync -t</c> or <c>cp -p</c> of a same-size file) can hide an edit; coarse file-system clocks
    /// are covered by never remembering a stamp younger than <see cref="FileStamp.SettleTime"/> (see there). Only the memory
    /// layer uses stamps, so such an edit is missed at most until the process ends (or <see cref="Forget"/> is called,
    /// as a file watcher can): a new <c>timeline build</c> reads and hashes every file again.
    /// </remarks>
    public bool TryGetUnchanged(string file, FileStamp stamp, string settings, out ArticleReport report, out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (_stamps.TryGetValue(file, out Unchanged? seen) && seen.Stamp == stamp
            && string.Equals(seen.Settings, settings, StringComparison.Ordinal) && _memory.ContainsKey(seen.Key))
        {
            _used[seen.Key] = 0;
            (report, diagnostics) = (seen.Report, seen.Diagnostics);
            return true;
        }

        (report, diagnostics) = (null!, []);
        return false;
    }

    /// <summary>Remembers that <paramref name="file"/>, with <paramref name="stamp"/> (taken before it was read), gave the entry <paramref name="key"/>, as <paramref name="report"/> with <paramref name="diagnostics"/> from loading.</summary>
    public void RememberUnchanged(string file, FileStamp stamp, string settings, string key, ArticleReport report, IReadOnlyList<Diagnostic> diagnostics) =>
        _stamps[file] = new Unchanged(stamp, settings, key, report, diagnostics);

    /// <summary>Forgets the stamp of <paramref name="file"/> (a watcher saw it change): the next build reads and hashes it again.</summary>
    public void Forget(string file)
    {
        if (!_stamps.TryRemove(file, out _))
        {
            // A folder (moved, renamed, or a watcher that overflowed): forget every file under it.
            string folder = file.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (string known in _stamps.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal)))
            {
                _stamps.TryRemove(known, out _);
            }
        }
    }

    private sealed record Unchanged(FileStamp Stamp, string Settings, string Key, ArticleReport Report, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>Stores <paramref name="report"/> under <paramref name="key"/> in memory and, if there is a folder, on disk.</summary>
    public void Put(string key, ArticleReport report)
    {
        _used[key] = 0;
        _memory[key] = report;
        if (_entriesDir is null)
        {
            return;
        }

        string path = PathOf(key);
        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            byte[] bytes;
            using (Sharing.Begin())
            {
                bytes = JsonSerializer.SerializeToUtf8Bytes(new CacheEntry(key, Engine, report), CacheJson.Options);
            }

            OutputSession.WriteNew(temp, bytes); // no truncation: see WriteNew
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            // A cache that cannot be written only makes the next build slower.
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Forgets what the builds since the last call did not use: memory entries, this engine's files for articles that
    /// changed or went away, and the folders of other engine versions. Call after a complete build.
    /// </summary>
    public void Prune()
    {
        foreach (string key in _memory.Keys)
        {
            if (!_used.ContainsKey(key))
            {
                _memory.TryRemove(key, out _);
            }
        }

        foreach (KeyValuePair<string, Unchanged> stamp in _stamps)
        {
            if (!_used.ContainsKey(stamp.Value.Key))
            {
                _stamps.TryRemove(stamp);
            }
        }

        if (_entriesDir is not null && System.IO.Directory.Exists(Path.GetDirectoryName(_entriesDir)))
        {
            try
            {
                foreach (string dir in System.IO.Directory.EnumerateDirectories(Path.GetDirectoryName(_entriesDir)!))
                {
                    if (!string.Equals(dir, _entriesDir, StringComparison.Ordinal))
                    {
                        System.IO.Directory.Delete(dir, recursive: true);
                    }
                }

                if (System.IO.Directory.Exists(_entriesDir))
                {
                    foreach (string file in System.IO.Directory.EnumerateFiles(_entriesDir, "*", SearchOption.AllDirectories))
                    {
                        string name = Path.GetFileName(file);
                        if (!name.EndsWith(".json", StringComparison.Ordinal) || !_used.ContainsKey(name[..^5]))
                        {
                            TryDelete(file);
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Pruning is housekeeping; the next build tries again.
            }
        }

        _used.Clear();
    }

    internal string PathOf(string key) => Path.Combine(_entriesDir ?? throw new InvalidOperationException("Memory-only cache."), key[..2], key + ".json");

    private bool TryRead(string key, out ArticleReport report)
    {
        report = null!;
        if (_entriesDir is null)
        {
            return false;
        }

        string path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            byte[] bytes = File.ReadAllBytes(path);
            CacheEntry? entry;
            using (Sharing.Begin())
            {
                entry = JsonSerializer.Deserialize<CacheEntry>(bytes, CacheJson.Options);
            }

            if (entry is null || entry.Key != key || entry.Engine != Engine || !IsComplete(entry.Report))
            {
                TryDelete(path);
                return false;
            }

            report = entry.Report;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Corrupt or unreadable: rebuilt and overwritten by Put.
            TryDelete(path);
            return false;
        }
    }

    /// <summary>Whether a deserialized report has every part the later stages rely on (JSON can say null anywhere).</summary>
    private static bool IsComplete(ArticleReport? report) =>
        report is { Cleaned.Stories: not null, Stories: not null, Events: not null }
        && report.Cleaned.Stories.All(s => s is { Text: not null, Sentences: not null, Map: not null } && s.Sentences.All(x => x is not null))
        && report.Stories.All(t => t is { Source: not null, Story: not null, Mentions: not null } && t.Mentions.All(m => m is not null))
        && report.Events.All(e => e is { Mentions: not null, Excluded: not null } && e.Mentions.All(m => m is { Source: not null, Time: not null }) && e.Excluded.All(x => x is { Mention: not null }));

    private static ArticleReport WithArticle(ArticleReport report, Article article) =>
        report with { Article = article, Cleaned = report.Cleaned with { Article = article } };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next prune.
        }
    }
}
