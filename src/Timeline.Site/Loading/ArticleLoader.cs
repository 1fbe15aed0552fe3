using System.Globalization;
using System.Security.Cryptography;
using NodaTime;
using Timeline.Core.Diagnostics;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Site.Loading;

/// <summary>The articles that loaded and everything noticed while loading them.</summary>
public sealed record LoadResult(IReadOnlyList<Article> Articles, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Loads <c>input/articles/**</c>: front matter, encoding, format (text, Markdown, saved web page), publication date
/// (front matter, page metadata, or inferred from the text with a warning), duplicates. One bad file never stops the
/// others; every problem becomes a <see cref="Diagnostic"/> with file(line,col).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class ArticleLoader
{
    /// <summary>Files larger than this are read up to this size, with a warning.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public const string ArticlesFolder = "articles";

    private static readonly string[] KnownKeys = ["title", "source", "published", "time_zone", "url", "author", "tags"];

    /// <summary>The format for a file name's extension, or null when it is not an article format.</summary>
    public static ArticleFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => ArticleFormat.Text,
        ".md" or ".markdown" => ArticleFormat.Markdown,
        ".html" or ".htm" => ArticleFormat.Html,
        _ => null,
    };

    /// <summary>Loads every article under <paramref name="inputDir"/>/articles, in ordinal path order.</summary>
    public static LoadResult LoadDirectory(string inputDir, SiteConfig config)
    {
        (IReadOnlyList<Article> articles, IReadOnlyList<Diagnostic> diagnostics) = LoadDirectory(inputDir, config, article => article);
        return new LoadResult(articles, diagnostics);
    }

    /// <summary>
    /// Loads every article under <paramref name="inputDir"/>/articles and hands each to <paramref name="process"/> as soon
    /// as it is loaded (in parallel, on every core), so a caller that keeps only what <paramref name="process"/> returns
    /// never holds every article's text at once. Results are in ordinal path order; duplicates are dropped as by
    /// <see cref="LoadDirectory(string, SiteConfig)"/> (they are processed too, then left out).
    /// </summary>
    public static (IReadOnlyList<T> Items, IReadOnlyList<Diagnostic> Diagnostics) LoadDirectory<T>(string inputDir, SiteConfig config, Func<Article, T> process) =>
        LoadDirectory(inputDir, config, process, unchanged: null);

    /// <summary>
    /// As <see cref="LoadDirectory{T}(string, SiteConfig, Func{Article, T})"/>, but a file that <paramref name="unchanged"/>
    /// recognises by its <see cref="FileStamp"/> is neither read nor processed: its remembered result is used.
    /// </summary>
    public static (IReadOnlyList<T> Items, IReadOnlyList<Diagnostic> Diagnostics) LoadDirectory<T>(
        string inputDir, SiteConfig config, Func<Article, T> process, IUnchangedFiles<T>? unchanged)
    {
        ArgumentNullException.ThrowIfNull(process);
        var diagnostics = new List<Diagnostic>();
        var items = new List<T>();
        string root = Path.Combine(inputDir, ArticlesFolder);
        if (!Directory.Exists(root))
        {
            diagnostics.Add(Diagnostic.Error(ArticlesFolder, 0, 0, $"folder '{root}' not found: put one file per article there"));
            return (items, diagnostics);
        }

        List<string> files;
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.System };
            files = Directory.EnumerateFiles(root, "*", options)
                .Select(f => (Full: f, Rel: Relative(inputDir, f)))
                .OrderBy(f => f.Rel, StringComparer.Ordinal)
                .Select(f => f.Full)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(ArticlesFolder, 0, 0, $"cannot list '{root}': {ex.Message}"));
            return (items, diagnostics);
        }

        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var byUrlTitle = new Dictionary<(string, string), string>();
        // Reading, hashing, parsing and processing are per file: in parallel, each result in its file's slot; duplicates
        // are then found in path order. Only what duplicate detection needs is kept of each article. Parallel.For hands out
        // files in small, growing ranges and lets an idle thread take the rest of a busy one's: PLINQ over a list cut it
        // into one fixed half per core, so a core that finished its half (or one descheduled on a busy machine) left the
        // other working alone at the end.
        var loadedFiles = new (Identity?, T, IReadOnlyList<Diagnostic>)[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => loadedFiles[i] = LoadOne(files[i]));

        (Identity?, T, IReadOnlyList<Diagnostic>) LoadOne(string file)
        {
            if (Path.GetFileName(file).StartsWith('.') || FormatOf(file) is null)
            {
                return default;
            }

            // The stamp is taken before the read: a write during the read leaves a stamp that no longer matches.
            FileStamp? stamp = unchanged is null ? null : FileStamp.Of(file);
            DateTime statTime = DateTime.UtcNow;
            string full = unchanged is null ? file : Path.GetFullPath(file);
            if (stamp is { } known && unchanged!.TryReuse(full, known, out Article same, out T reused, out IReadOnlyList<Diagnostic> sameDiagnostics))
            {
                return (new Identity(same.ContentHash, same.Url, same.Title), reused, sameDiagnostics);
            }

            (Article? article, IReadOnlyList<Diagnostic> fileDiagnostics) = LoadFile(inputDir, file, config);
            if (article is null)
            {
                return (null, default!, fileDiagnostics);
            }

            try
            {
                T item = process(article);
                if (stamp is { } taken && taken.IsSettled(statTime))
                {
                    unchanged!.Loaded(full, taken, item, fileDiagnostics);
                }

                return (new Identity(article.ContentHash, article.Url, article.Title), item, fileDiagnostics);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // A fault in one article's stages is that article's error: the others are still built (--strict fails the build).
                Diagnostic failed = Diagnostic.Error(article.Path, 0, 0,
                    $"could not be processed ({ex.GetType().Name}: {ex.Message}); the article is left out, the others are built");
                return (null, default!, (IReadOnlyList<Diagnostic>)[.. fileDiagnostics, failed]);
            }
        }

        for (int i = 0; i < files.Count; i++)
        {
            string file = files[i];
            string rel = Relative(inputDir, file);
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue;
            }

            if (FormatOf(file) is null)
            {
                diagnostics.Add(Diagnostic.Info(rel, 0, 0, $"ignored: '{Path.GetExtension(file)}' is not an article format (.txt, .md, .html)"));
                continue;
            }

            (Identity? article, T item, IReadOnlyList<Diagnostic> fileDiagnostics) = loadedFiles[i];
            diagnostics.AddRange(fileDiagnostics);
            if (article is null)
            {
                continue;
            }

            if (byHash.TryGetValue(article.ContentHash, out string? same))
            {
                diagnostics.Add(Diagnostic.Info(rel, 0, 0, $"same content as {same}; loaded once"));
                continue;
            }

            if (article.Url is { Length: > 0 } url && byUrlTitle.TryGetValue((url, article.Title), out string? twin))
            {
                diagnostics.Add(Diagnostic.Warning(rel, 0, 0, $"same url and title as {twin}; loaded once (delete one copy)"));
                continue;
            }

            byHash[article.ContentHash] = rel;
            if (article.Url is { Length: > 0 } u)
            {
                byUrlTitle[(u, article.Title)] = rel;
            }

            items.Add(item);
        }

        return (items, diagnostics);
    }

    /// <summary>What duplicate detection compares.</summary>
    private sealed record Identity(string ContentHash, string? Url, string Title);

    /// <summary>Loads one file; the article is null when the file cannot be used (see the diagnostics).</summary>
    public static (Article? Article, IReadOnlyList<Diagnostic> Diagnostics) LoadFile(string inputDir, string file, SiteConfig config)
    {
        string rel = Relative(inputDir, file);
        byte[] bytes;
        string hash;
        bool capped;
        try
        {
            // One unbuffered read of the whole file, hashed in memory; only a file over the cap is hashed from the stream
            // (the hash is of every byte, the text of the first MaxFileBytes).
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            long length = stream.Length;
            capped = length > MaxFileBytes;
            if (capped)
            {
                hash = Convert.ToHexStringLower(SHA256.HashData(stream));
                stream.Position = 0;
                bytes = new byte[MaxFileBytes];
                stream.ReadExactly(bytes);
            }
            else
            {
                bytes = ReadToEnd(stream, (int)length);
                hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [Diagnostic.Error(rel, 0, 0, $"cannot read the file: {ex.Message}")]);
        }

        var diagnostics = new List<Diagnostic>();
        if (capped)
        {
            diagnostics.Add(Diagnostic.Warning(rel, 0, 0, $"file is larger than {MaxFileBytes / (1024 * 1024)} MB; only the first {MaxFileBytes / (1024 * 1024)} MB are read"));
        }

        ReadOnlySpan<byte> span = capped ? TextDecoding.CapAtCharBoundary(bytes, MaxFileBytes) : bytes;
        try
        {
            (Article? article, IReadOnlyList<Diagnostic> more) = Parse(rel, span, hash, config);
            diagnostics.AddRange(more);
            return (article, diagnostics);
        }
#pragma warning disable CA1031 // One bad file must never stop the others: any failure becomes a diagnostic.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Add(Diagnostic.Error(rel, 0, 0, $"cannot load the file ({ex.GetType().Name}: {ex.Message}); please report this as a bug"));
            return (null, diagnostics);
        }
    }

    /// <summary>
    /// The first <paramref name="length"/> bytes of <paramref name="stream"/> (its length when opened), or as many as it
    /// holds when it shrank since (a file being written: the stamp taken before the read keeps such a result out of the cache).
    /// </summary>
    private static byte[] ReadToEnd(FileStream stream, int length)
    {
        byte[] bytes = new byte[length];
        int read = stream.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
        return read < length ? bytes[..read] : bytes;
    }

    /// <summary>Parses the bytes of the file at input-relative path <paramref name="rel"/>.</summary>
    internal static (Article? Article, IReadOnlyList<Diagnostic> Diagnostics) Parse(string rel, ReadOnlySpan<byte> bytes, string hash, SiteConfig config)
    {
        var diagnostics = new List<Diagnostic>();
        DecodedText decoded = TextDecoding.Decode(bytes);
        if (decoded.IsBinary)
        {
            diagnostics.Add(Diagnostic.Error(rel, 0, 0, "binary file (not text); skipped"));
            return (null, diagnostics);
        }

        if (decoded.Note is not null)
        {
            diagnostics.Add(Diagnostic.Warning(rel, 0, 0, $"{decoded.Note}; save the file as UTF-8"));
        }

        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            diagnostics.Add(Diagnostic.Warning(rel, 0, 0, "empty file; skipped"));
            return (null, diagnostics);
        }

        FrontMatter split = FrontMatter.Split(decoded.Text);
        if (split.Unclosed)
        {
            diagnostics.Add(Diagnostic.Error(rel, 1, 1, "front matter opened with '---' is never closed: add a '---' line after the last key"));
            return (null, diagnostics);
        }

        var entries = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        if (split.Yaml is not null)
        {
            (var list, var yamlDiagnostics) = YamlMap.Parse(split.Yaml, rel, split.YamlLine);
            diagnostics.AddRange(yamlDiagnostics);
            if (yamlDiagnostics.Any(d => d.Severity == Severity.Error))
            {
                return (null, diagnostics);
            }

            foreach (YamlEntry entry in list)
            {
                entries[entry.Key] = entry;
            }
        }

        ArticleFormat format = FormatOf(rel) ?? ArticleFormat.Text;
        string raw = split.Body;
        if (format != ArticleFormat.Html && LooksLikeHtmlPage(raw))
        {
            diagnostics.Add(Diagnostic.Info(rel, split.BodyLine, 1, "the body is a saved web page; reading it as HTML (rename the file to .html)"));
            format = ArticleFormat.Html;
        }

        string body = raw;
        SourceMap? map = null;
        HtmlPage? page = null;
        if (format == ArticleFormat.Markdown)
        {
            (body, map) = MarkdownText.ToPlainText(raw);
        }
        else if (format == ArticleFormat.Html)
        {
            page = HtmlExtractor.Extract(raw);
            (body, map) = (page.Text, page.Map);
        }

        // Time zone: front matter, else the site's.
        DateTimeZone zone = config.TimeZone;
        bool zoneExplicit = false;
        if (entries.TryGetValue("time_zone", out YamlEntry? tzEntry))
        {
            if (DateValues.Zone(tzEntry.Value.Text) is { } tz)
            {
                zone = tz;
                zoneExplicit = true;
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(rel, tzEntry.Value.Line, tzEntry.Value.Column,
                    $"time_zone: '{tzEntry.Value.Text}' is not an IANA time zone (for example Europe/Moscow or America/New_York)"));
            }
        }

        string title = Text(entries, "title") ?? page?.Title ?? "";
        if (title.Length == 0)
        {
            title = Path.GetFileNameWithoutExtension(rel);
            diagnostics.Add(Diagnostic.Warning(rel, split.Yaml is null ? 0 : 1, split.Yaml is null ? 0 : 1, $"title: missing; using the file name '{title}'"));
        }

        string source = Text(entries, "source") ?? page?.SiteName ?? "";
        if (source.Length == 0)
        {
            source = "Unknown source";
            diagnostics.Add(Diagnostic.Warning(rel, split.Yaml is null ? 0 : 1, split.Yaml is null ? 0 : 1, "source: missing; add 'source: <outlet>' to the front matter"));
        }

        string? url = Text(entries, "url") ?? page?.Url;
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) && parsed.Scheme is "http" or "https"))
        {
            (int l, int c) = entries.TryGetValue("url", out YamlEntry? ue) ? (ue.Value.Line, ue.Value.Column) : (0, 0);
            diagnostics.Add(Diagnostic.Warning(rel, l, c, $"url: '{url}' is not an absolute http(s) URL"));
        }

        IReadOnlyList<string> tags = entries.TryGetValue("tags", out YamlEntry? tagEntry)
            ? (tagEntry.Value.Items ?? (tagEntry.Value.Scalar ?? "").Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).ToList()
            : page?.Tags ?? [];

        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (YamlEntry entry in entries.Values)
        {
            if (!KnownKeys.Contains(entry.Key))
            {
                metadata[entry.Key] = entry.Value.Text;
            }
        }

        bool hasErrors = diagnostics.Any(d => d.Severity == Severity.Error);
        var article = new Article(rel, title, source, DocumentTime.FromDate(new LocalDate(1970, 1, 1)), format, body, split.BodyLine)
        {
            Url = url,
            Author = Text(entries, "author") ?? page?.Author,
            Tags = tags,
            Metadata = metadata,
            ContentHash = hash,
            RawBody = map is null ? null : raw,
            BodyMap = map,
        };

        DocumentTime? published = ResolvePublished(article, entries, page, zone, zoneExplicit, diagnostics);
        if (published is null || hasErrors || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return (null, diagnostics);
        }

        return (article with { Published = published }, diagnostics);
    }

    private static DocumentTime? ResolvePublished(
        Article article, Dictionary<string, YamlEntry> entries, HtmlPage? page, DateTimeZone zone, bool zoneExplicit, List<Diagnostic> diagnostics)
    {
        string rel = article.Path;
        if (entries.TryGetValue("published", out YamlEntry? entry))
        {
            if (DateValues.Parse(entry.Value.Text, zone, zoneExplicit) is { } time)
            {
                return time;
            }

            diagnostics.Add(Diagnostic.Error(rel, entry.Value.Line, entry.Value.Column, $"published: {entry.Value.Text} is not a date ({DateValues.Expected})"));
            return null;
        }

        if (page?.Published is { } metaDate)
        {
            if (DateValues.Parse(metaDate.Value, zone, zoneExplicit) is { } time)
            {
                return time;
            }

            diagnostics.Add(Diagnostic.Warning(rel, 0, 0, $"the page's {metaDate.Source} '{metaDate.Value}' is not a date; looking for one in the text"));
        }

        if (PublicationDateFinder.Find(article.Body, zone) is { } evidence)
        {
            (int line, int column) = article.Locate(evidence.Offset);
            string when = evidence.Time.HasTimeOfDay
                ? evidence.Time.Published.ToOffsetDateTime().ToString("uuuu'-'MM'-'dd'T'HH':'mmo<g>", CultureInfo.InvariantCulture)
                : evidence.Time.Date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
            diagnostics.Add(Diagnostic.Warning(rel, line, column,
                $"published: missing; inferred {when} from the {evidence.Kind} line \"{evidence.Evidence}\" (add 'published:' to the front matter to confirm)"));
            return evidence.Time;
        }

        diagnostics.Add(Diagnostic.Error(rel, entries.Count > 0 ? 1 : 0, entries.Count > 0 ? 1 : 0,
            "published: missing and no publication date found in the text; add 'published: YYYY-MM-DD' to the front matter (article left out)"));
        return null;
    }

    private static bool LooksLikeHtmlPage(string body)
    {
        ReadOnlySpan<char> start = body.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Text(Dictionary<string, YamlEntry> entries, string key) =>
        entries.TryGetValue(key, out YamlEntry? entry) && entry.Value.Text.Trim() is { Length: > 0 } value ? value : null;

    /// <summary><paramref name="file"/> relative to <paramref name="inputDir"/>, with '/' separators.</summary>
    internal static string Relative(string inputDir, string file) =>
        Path.GetRelativePath(inputDir, file).Replace(Path.DirectorySeparatorChar, '/');
}
