using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime.Text;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Site.Loading;

/// <summary>A new article file: its name and content, and what the user should know about it.</summary>
public sealed record ArticleFile(string FileName, string Content, IReadOnlyList<string> Notes);

/// <summary>
/// Builds article files: <c>timeline import</c> (a saved web page → front matter from its metadata + its main text)
/// and <c>timeline new</c> (an empty article with front matter). Writing never overwrites an existing file.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class ArticleFiles
{
    /// <summary>ASCII letters for U+00C0..U+017F ('-' where there is none).</summary>
    private const string LatinFold =
        "aaaaaaaceeeeiiii" + "dnooooo-ouuuuyts" + "aaaaaaaceeeeiiii" + "dnooooo-ouuuuyty" +
        "aaaaaaccccccccdd" + "ddeeeeeeeeeegggg" + "gggghhhhiiiiiiii" + "iijjjjkkklllllll" +
        "lllnnnnnnnnnoooo" + "oooorrrrrrssssss" + "ssttttttuuuuuuuu" + "uuuuwwyyyzzzzzzs";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"^[\p{L}\p{N}(][^\n""{}\[\]]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex PlainScalar();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex NonSlug();

    /// <summary>Reads a saved page's text (UTF-8, UTF-16 with BOM, or Windows-1252). Throws IOException when unreadable.</summary>
    public static string ReadPage(string path)
    {
        DecodedText decoded = TextDecoding.Decode(File.ReadAllBytes(path));
        if (decoded.IsBinary)
        {
            throw new IOException("the file is binary, not a web page");
        }

        return decoded.Text;
    }

    /// <summary>Turns a saved news page into an article file (front matter + main text, one paragraph per block).</summary>
    public static ArticleFile Import(string html, string pageName)
    {
        HtmlPage page = HtmlExtractor.Extract(html);
        var notes = new List<string>();
        string title = page.Title ?? Path.GetFileNameWithoutExtension(pageName);
        if (page.Title is null)
        {
            notes.Add($"the page has no title (og:title, JSON-LD headline, <h1>, <title>); used '{title}'");
        }

        string source = page.SiteName ?? "";
        if (source.Length == 0)
        {
            notes.Add("the page names no outlet (og:site_name, JSON-LD publisher); fill in 'source:'");
        }

        var front = new List<(string Key, string Value, string? Comment)>
        {
            ("title", title, null),
            ("source", source, null),
        };

        DocumentTime? published = page.Published is { } meta ? DateValues.Parse(meta.Value, NodaTime.DateTimeZone.Utc, zoneIsExplicit: false) : null;
        if (published is not null)
        {
            front.Add(("published", Format(published), null));
        }
        else if (PublicationDateFinder.Find(page.Text, NodaTime.DateTimeZone.Utc) is { } evidence)
        {
            front.Add(("published", Format(evidence.Time), $"inferred from \"{evidence.Evidence}\"; check it"));
            notes.Add($"no publication date in the page's metadata; inferred {Format(evidence.Time)} from \"{evidence.Evidence}\"");
        }
        else
        {
            notes.Add("no publication date found; add 'published: YYYY-MM-DD' before building");
        }

        if (page.Url is not null)
        {
            front.Add(("url", page.Url, null));
        }

        if (page.Author is not null)
        {
            front.Add(("author", page.Author, null));
        }

        var content = new StringBuilder();
        WriteFrontMatter(content, front, page.Tags);
        foreach (string line in page.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            content.Append(line).Append("\n\n");
        }

        return new ArticleFile(Slug(title) + ".txt", content.ToString(), notes);
    }

    /// <summary>An empty article with front matter; null with an error message when <paramref name="published"/> is not a date.</summary>
    public static (ArticleFile? File, string? Error) New(string title, string source, string published, string? timeZone = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return (null, "the title is empty");
        }

        var zone = NodaTime.DateTimeZone.Utc;
        if (timeZone is not null)
        {
            if (DateValues.Zone(timeZone) is not { } z)
            {
                return (null, $"time zone '{timeZone}' is not an IANA time zone (for example Europe/Moscow)");
            }

            zone = z;
        }

        if (DateValues.Parse(published, zone, timeZone is not null) is null)
        {
            return (null, $"published: {published} is not a date ({DateValues.Expected})");
        }

        var front = new List<(string, string, string?)> { ("title", title.Trim(), null), ("source", source.Trim(), null), ("published", published.Trim(), null) };
        if (timeZone is not null)
        {
            front.Add(("time_zone", timeZone.Trim(), null));
        }

        var content = new StringBuilder();
        WriteFrontMatter(content, front, []);
        content.Append('\n');
        return (new ArticleFile(Slug(title) + ".md", content.ToString(), []), null);
    }

    /// <summary>Writes <paramref name="file"/> into <paramref name="folder"/>; refuses to overwrite. Returns the path or an error.</summary>
    public static (string? Path, string? Error) Write(ArticleFile file, string folder)
    {
        string path = System.IO.Path.Combine(folder, file.FileName);
        try
        {
            Directory.CreateDirectory(folder);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(file.Content);
            return (path, null);
        }
        catch (IOException) when (File.Exists(path))
        {
            return (null, $"{path} already exists; not overwritten (rename or delete it first)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot write {path}: {ex.Message}");
        }
    }

    /// <summary>A file-name slug: lower-case ASCII letters and digits joined by '-', at most 80 characters.</summary>
    public static string Slug(string title)
    {
        // Normalisation is unavailable under InvariantGlobalization, so Latin letters are folded with a table.
        var ascii = new StringBuilder(title.Length);
        foreach (char c in title.ToLowerInvariant())
        {
            if (c is '\'' or '’')
            {
                continue;
            }

            int fold = c >= '\u00C0' && c < '\u0180' ? c - '\u00C0' : -1;
            ascii.Append(fold >= 0 && LatinFold[fold] != '-' ? LatinFold[fold] : c);
        }

        string slug = NonSlug().Replace(ascii.ToString(), "-").Trim('-');
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
            int cut = slug.LastIndexOf('-');
            slug = cut > 40 ? slug[..cut] : slug;
        }

        return slug.Length == 0 ? "article" : slug;
    }

    private static string Format(DocumentTime time) => time.HasTimeOfDay
        ? OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>").Format(time.Published.ToOffsetDateTime())
        : LocalDatePattern.Iso.Format(time.Date);

    private static void WriteFrontMatter(StringBuilder content, IEnumerable<(string Key, string Value, string? Comment)> entries, IReadOnlyList<string> tags)
    {
        content.Append("---\n");
        foreach ((string key, string value, string? comment) in entries)
        {
            content.Append(key).Append(": ").Append(Scalar(value));
            if (comment is not null)
            {
                content.Append("  # ").Append(comment.Replace('\n', ' '));
            }

            content.Append('\n');
        }

        if (tags.Count > 0)
        {
            content.Append("tags:\n");
            foreach (string tag in tags)
            {
                content.Append("  - ").Append(Scalar(tag)).Append('\n');
            }
        }

        content.Append("---\n");
    }

    /// <summary>A YAML scalar: plain when safe, else double-quoted (JSON string syntax is valid YAML).</summary>
    internal static string Scalar(string value) =>
        PlainScalar().IsMatch(value) && !value.EndsWith(' ') && !value.EndsWith(':')
        && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
        && value is not ("true" or "false" or "null" or "yes" or "no" or "~")
            ? value
            : JsonSerializer.Serialize(value, Json);
}
