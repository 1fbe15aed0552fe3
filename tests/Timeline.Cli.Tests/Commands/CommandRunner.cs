using System.CommandLine;
using Timeline.Core.Temporal;

namespace Timeline.Cli.Tests.Commands;

/// <summary>Runs one command as <c>timeline</c> would, capturing its output.</summary>
internal static class CommandRunner
{
    public static (int ExitCode, string Output, string Error) Run(Command command, params string[] args)
    {
        var root = new RootCommand("test") { command };
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}

/// <summary>Finds fixed words with fixed values and remembers the document times it was given.</summary>
internal sealed class WordTagger(params (string Word, TimexType Type, string Value)[] words) : ITemporalTagger
{
    public List<DocumentTime> References { get; } = [];

    public IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime)
    {
        References.Add(documentTime);
        var result = new List<TemporalMention>();
        foreach ((string word, TimexType type, string value) in words)
        {
            for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
            {
                result.Add(new TemporalMention(i, i + word.Length, word, type, value, TimexMod.None, "word"));
            }
        }

        return result.OrderBy(m => m.Start).ToList();
    }
}
