using System.CommandLine;
using Timeline.Cli.Commands;

namespace Timeline.Cli;

/// <summary>The <c>timeline</c> command: each verb lives in its own file under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Timeline: turn a folder of news articles into a sourced, chronological timeline website.");
        foreach (Command command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).Invoke();
    }

    private static IEnumerable<Command> Commands()
    {
        yield return BuildCommand.Create();
        yield return CheckCommand.Create();
        yield return ImportCommand.Create();
        yield return NewCommand.Create();
        yield return TagCommand.Create();
        yield return EvalCommand.Create();
    }
}
