using NodaTime;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public sealed class StoryTest
{
    public static TheoryData<string> Fixtures => new()
    {
        // Plain ASCII text: one byte per character when compacted.
        "kyiv-photo-credit.txt",
        // Two stories in one file, with curly quotes and dashes: multi-byte UTF-8 sequences must decode to the same characters.
        "ap-two-stories.txt",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void CompactTextReadsBackTheSameStories(string fixture)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.Article(fixture, "Test", new LocalDate(2026, 1, 29)));
        Assert.NotEmpty(cleaned.Stories);
        foreach (Story story in cleaned.Stories)
        {
            Story compact = story.WithCompactText();

            Assert.True(compact.HasCompactText);
            Assert.False(story.HasCompactText);
            Assert.Equal(story.Text, compact.Text);
            Assert.Equal(story.Id, compact.Id);
            Assert.Equal(story.Dateline, compact.Dateline);
            Assert.Equal(story, compact);
            Assert.Equal(story.GetHashCode(), compact.GetHashCode());
            Assert.Same(compact, compact.WithCompactText());
        }
    }

    [Fact]
    public void SettingTheTextOfACompactStoryHoldsTheNewText()
    {
        Story compact = new Story("articles/a.txt", 0, "Old text.", [], SourceMap.Identity()).WithCompactText();

        Story changed = compact with { Text = "New text — with a dash." };

        Assert.False(changed.HasCompactText);
        Assert.Equal("New text — with a dash.", changed.Text);
        Assert.NotEqual(compact, changed);
    }
}
