using Timeline.Core.Events;

namespace Timeline.Core.Tests.Events;

/// <summary>A question to the reader (a quiz box, a call for memories) tells no happening, whatever date it names.</summary>
public class QuestionTest
{
    public static TheoryData<string, string, string?> Sentences => new()
    {
        // A quiz box's answer line asks again the question of the day before.
        { "Yesterday we asked which two prizes were merged to make the new award?", "Yesterday", ExclusionReasons.Question },
        // A call for memories.
        { "Do you remember where you were on the night of 12 March?", "12 March", ExclusionReasons.Question },
        // A question ending inside a quote.
        { "The minister asked: \"Who approved the contract on Monday?\"", "Monday", ExclusionReasons.Question },
        // A statement about a question is a statement.
        { "The committee asked on Monday whether the contract was approved.", "Monday", null },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void AQuestionIsNotAStatement(string sentence, string date, string? reason)
    {
        int at = sentence.IndexOf(date, StringComparison.Ordinal);
        Assert.Equal(reason, Clauses.NotAStatement(sentence, at, at + date.Length));
    }
}
