using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Timeline.Core.Text;

namespace Timeline.Site.Loading;

/// <summary>A metadata value read from a page and where it came from ("article:published_time", "JSON-LD datePublished").</summary>
public sealed record PageValue(string Value, string Source);

/// <summary>What a saved news page says about itself, and its main text (one line per block) mapped back to the HTML.</summary>
public sealed record HtmlPage(string Text, SourceMap Map)
{
    public string? Title { get; init; }

    public string? SiteName { get; init; }

    public PageValue? Published { get; init; }

    public string? Url { get; init; }

    public string? Author { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// Extracts the article from a saved web page with AngleSharp: metadata from Open Graph, <c>article:*</c> meta tags,
/// JSON-LD (<c>NewsArticle</c> and friends) and <c>&lt;time datetime&gt;</c>; main text from the element that holds the
/// article (<c>itemprop=articleBody</c>, <c>&lt;article&gt;</c>, <c>&lt;main&gt;</c>, else the densest paragraph container),
/// without scripts, styles, navigation, ads, share bars and related-story boxes.
/// </summary>
/// <remarks>Stateless and thread-safe (a parser per call).</remarks>
public static partial class HtmlExtractor
{
    private static readonly string[] DroppedTags =
    [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "form", "button", "input",
        "select", "textarea", "nav", "header", "footer", "aside", "img", "picture", "video", "audio", "source", "link", "meta",
    ];

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "figure", "figcaption", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "address", "hr", "br", "header", "footer",
    };

    private static readonly string[] ArticleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage"];

    /// <summary>class/id words of page furniture.</summary>
    [GeneratedRegex(@"(?:^|[\s_-])(?:ads?|advert\w*|promo\w*|sponsor\w*|share|sharing|social|related|recommend\w*|newsletter|subscribe|subscription|paywall|comments?|cookie\w*|consent|popup|modal|breadcrumbs?|nav|navbar|menu|sidebar|widget|outbrain|taboola|most-?popular|trending|byline-?social|signup)(?:$|[\s_-])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex FurnitureName();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex Whitespace();

    /// <summary>Parses <paramref name="html"/> and extracts the article. Never throws for bad markup.</summary>
    public static HtmlPage Extract(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = false });
        IHtmlDocument document = parser.ParseDocument(html);
        var jsonLd = ReadJsonLd(document);

        var page = new HtmlPage("", SourceMap.Identity())
        {
            Title = Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? JsonString(jsonLd, "headline")
                ?? Clean(document.QuerySelector("h1")?.TextContent) ?? Clean(document.Title),
            SiteName = Meta(document, "og:site_name") ?? JsonPublisher(jsonLd) ?? Meta(document, "application-name"),
            Published = FindPublished(document, jsonLd),
            Url = Meta(document, "og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? JsonString(jsonLd, "url"),
            Author = Meta(document, "author") ?? JsonAuthor(jsonLd) ?? NonUrl(Meta(document, "article:author")),
            Description = Meta(document, "og:description") ?? Meta(document, "description"),
            Tags = FindTags(document, jsonLd),
        };

        IElement root = ChooseRoot(document);
        RemoveFurniture(root);
        var text = new StringBuilder();
        var runs = new List<(int CleanStart, int SourceStart)>();
        var line = new StringBuilder();
        int lineSource = 0;
        Walk(root, text, runs, line, ref lineSource, Position(root));
        Flush(text, runs, line, lineSource);
        if (runs.Count == 0)
        {
            runs.Add((0, 0));
        }

        return page with { Text = text.ToString(), Map = new SourceMap(runs) };
    }

    private static void Walk(INode node, StringBuilder text, List<(int, int)> runs, StringBuilder line, ref int lineSource, int blockSource)
    {
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText t)
            {
                string piece = Whitespace().Replace(t.Data, " ");
                if (line.Length == 0)
                {
                    piece = piece.TrimStart();
                    lineSource = blockSource;
                }

                line.Append(piece);
            }
            else if (child is IElement element)
            {
                bool block = BlockTags.Contains(element.LocalName);
                if (block)
                {
                    Flush(text, runs, line, lineSource);
                }

                Walk(element, text, runs, line, ref lineSource, block ? Position(element) : blockSource);
                if (block)
                {
                    Flush(text, runs, line, lineSource);
                }
            }
        }
    }

    private static void Flush(StringBuilder text, List<(int CleanStart, int SourceStart)> runs, StringBuilder line, int source)
    {
        string content = line.ToString().Trim();
        line.Clear();
        if (content.Length == 0)
        {
            return;
        }

        runs.Add((text.Length, source));
        text.Append(content).Append('\n');
    }

    private static int Position(IElement element) => Math.Max(0, (element.SourceReference?.Position.Position ?? 1) - 1);

    private static IElement ChooseRoot(IHtmlDocument document)
    {
        if (document.QuerySelector("[itemprop=articleBody]") is { } body)
        {
            // The enclosing <article> also holds the headline and the photo captions.
            return body.Closest("article") ?? body;
        }

        IElement? article = document.QuerySelectorAll("article").OrderByDescending(a => ParagraphText(a)).FirstOrDefault();
        if (article is not null && ParagraphText(article) > 200)
        {
            return article;
        }

        if (document.QuerySelector("main, [role=main]") is { } main && ParagraphText(main) > 200)
        {
            return main;
        }

        // The element whose direct <p> children hold the most text.
        IElement? best = document.QuerySelectorAll("p")
            .Select(p => p.ParentElement)
            .OfType<IElement>()
            .Distinct()
            .OrderByDescending(e => e.Children.Where(c => c.LocalName == "p").Sum(c => c.TextContent.Length))
            .FirstOrDefault();
        return best ?? (IElement?)document.Body ?? document.DocumentElement;
    }

    private static int ParagraphText(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    private static void RemoveFurniture(IElement root)
    {
        foreach (IElement element in root.QuerySelectorAll(string.Join(",", DroppedTags)).ToList())
        {
            element.Remove();
        }

        foreach (IElement element in root.QuerySelectorAll("*").ToList())
        {
            if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
                || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "search"
                || FurnitureName().IsMatch(element.ClassName ?? "") || FurnitureName().IsMatch(element.Id ?? ""))
            {
                element.Remove();
            }
        }
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (IElement meta in document.QuerySelectorAll("meta"))
        {
            string? key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static PageValue? FindPublished(IDocument document, IReadOnlyList<JsonElement> jsonLd)
    {
        foreach (string name in new[] { "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publish-date", "parsely-pub-date", "dc.date", "date" })
        {
            if (Meta(document, name) is { } value)
            {
                return new PageValue(value, $"<meta {name}>");
            }
        }

        if (JsonString(jsonLd, "datePublished") is { } json)
        {
            return new PageValue(json, "JSON-LD datePublished");
        }

        if (document.QuerySelector("time[datetime]") is { } time && Clean(time.GetAttribute("datetime")) is { } dt)
        {
            return new PageValue(dt, "<time datetime>");
        }

        return null;
    }

    private static IReadOnlyList<string> FindTags(IDocument document, IReadOnlyList<JsonElement> jsonLd)
    {
        var tags = document.QuerySelectorAll("meta[property='article:tag']")
            .Select(m => Clean(m.GetAttribute("content")))
            .OfType<string>()
            .ToList();
        if (tags.Count == 0)
        {
            foreach (JsonElement item in jsonLd)
            {
                if (item.TryGetProperty("keywords", out JsonElement keywords))
                {
                    tags = keywords.ValueKind == JsonValueKind.Array
                        ? keywords.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!.Trim()).ToList()
                        : keywords.ValueKind == JsonValueKind.String ? keywords.GetString()!.Split(',').Select(k => k.Trim()).ToList() : [];
                    break;
                }
            }
        }

        return tags.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The JSON-LD objects of article type on the page (flattening arrays and @graph); bad JSON is skipped.</summary>
    private static IReadOnlyList<JsonElement> ReadJsonLd(IDocument document)
    {
        var found = new List<JsonElement>();
        foreach (IElement script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Collect(json.RootElement.Clone(), found);
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is common on real pages; the other metadata still applies.
            }
        }

        return found
            .OrderBy(e => Array.IndexOf(ArticleTypes, TypeOf(e)) is int i && i >= 0 ? i : ArticleTypes.Length)
            .ToList();
    }

    private static void Collect(JsonElement element, List<JsonElement> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Collect(item, found);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("@graph", out JsonElement graph))
            {
                Collect(graph, found);
            }

            if (ArticleTypes.Contains(TypeOf(element)))
            {
                found.Add(element);
            }
        }
    }

    private static string? TypeOf(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out JsonElement type))
        {
            return null;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString(),
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null)
                .FirstOrDefault(t => t is not null && ArticleTypes.Contains(t)),
            _ => null,
        };
    }

    private static string? JsonString(IReadOnlyList<JsonElement> items, string property)
    {
        foreach (JsonElement item in items)
        {
            if (item.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String && Clean(value.GetString()) is { } s)
            {
                return s;
            }
        }

        return null;
    }

    private static string? JsonPublisher(IReadOnlyList<JsonElement> items)
    {
        foreach (JsonElement item in items)
        {
            if (item.TryGetProperty("publisher", out JsonElement publisher) && NameOf(publisher) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? JsonAuthor(IReadOnlyList<JsonElement> items)
    {
        foreach (JsonElement item in items)
        {
            if (item.TryGetProperty("author", out JsonElement author))
            {
                var names = author.ValueKind == JsonValueKind.Array
                    ? author.EnumerateArray().Select(NameOf).OfType<string>().ToList()
                    : NameOf(author) is { } one ? [one] : new List<string>();
                if (names.Count > 0)
                {
                    return string.Join(", ", names);
                }
            }
        }

        return null;
    }

    private static string? NameOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Clean(element.GetString()),
        JsonValueKind.Object when element.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String => Clean(name.GetString()),
        _ => null,
    };

    private static string? NonUrl(string? value) => value is not null && value.StartsWith("http", StringComparison.Ordinal) ? null : value;

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string collapsed = Whitespace().Replace(value, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }
}
