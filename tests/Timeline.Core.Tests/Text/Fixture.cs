using NodaTime;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

/// <summary>Fragments of the sample articles, copied into Text/Fixtures, loaded as articles.</summary>
internal static class Fixture
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Text", "Fixtures", name));

    public static Article Article(string name, string title, LocalDate published) =>
        FromBody(Read(name), title, published, "articles/" + name);

    public static Article FromBody(string body, string title, LocalDate published, string path = "articles/test.txt") =>
        new(path, title, "Test", DocumentTime.FromDate(published, DateTimeZone.Utc), ArticleFormat.Text, body, 7);

    /// <summary>All story text of a cleaned article, stories separated by a blank line.</summary>
    public static string AllText(CleanedArticle cleaned) => string.Join("\n\n", cleaned.Stories.Select(s => s.Text));

    public static IEnumerable<string> Sentences(Story story, SentenceKind kind) =>
        story.Sentences.Where(s => s.Kind == kind).Select(s => story.Text[s.Start..s.End]);
}
