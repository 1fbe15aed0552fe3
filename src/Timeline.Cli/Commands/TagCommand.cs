using System.CommandLine;
using System.Text;
using NodaTime;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline tag FILE --published DATE[TIME] [--time-zone ID]</c>: the temporal expressions of one file as a table;
/// <c>timeline tag --jsonl IN</c>: batch tagging of <c>{"id","text","ref"}</c> lines to stdout, streaming.
/// </summary>
public static class TagCommand
{
    public static Command Create() => Create(TemporalTagger.Default);

    public static Command Create(ITemporalTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var file = new Argument<string?>("file")
        {
            Description = "Text file to tag (- for standard input).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date or date-time the expressions resolve against: 2026-01-28, 2026-01-28T10:15, 2026-01-28T10:15:00+03:00. "
                + "With --jsonl, the default for lines without \"ref\".",
        };
        var timeZone = new Option<string?>("--time-zone")
        {
            Description = "IANA time zone of the publication time (default UTC), e.g. Europe/Moscow.",
        };
        var jsonl = new Option<string?>("--jsonl")
        {
            Description = "Tag a jsonl file (- for standard input) of {\"id\", \"text\", \"ref\"} lines; writes {\"id\", \"mentions\"} lines to standard output.",
        };

        var command = new Command("tag", "Show the temporal expressions the tagger finds, with their TIMEX3 values.");
        command.Arguments.Add(file);
        command.Options.Add(published);
        command.Options.Add(timeZone);
        command.Options.Add(jsonl);
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            string? filePath = parseResult.GetValue(file);
            string? jsonlPath = parseResult.GetValue(jsonl);
            string? publishedText = parseResult.GetValue(published);
            string? zoneId = parseResult.GetValue(timeZone);

            DateTimeZone? zone = null;
            if (zoneId is not null && (zone = ReferenceTime.FindZone(zoneId)) is null)
            {
                error.WriteLine($"error: --time-zone: unknown time zone '{zoneId}' (expected an IANA id such as Europe/Moscow).");
                return 2;
            }

            DocumentTime? reference = null;
            if (publishedText is not null)
            {
                var parsed = ReferenceTime.Parse(publishedText, zone);
                if (!parsed.Success)
                {
                    error.WriteLine($"error: --published: {parsed.Exception.Message}");
                    return 2;
                }

                reference = parsed.Value;
            }

            if (jsonlPath is not null)
            {
                if (filePath is not null)
                {
                    error.WriteLine("error: give either FILE or --jsonl IN, not both.");
                    return 2;
                }

                return TagJsonl(jsonlPath, output, error, tagger, zone, reference);
            }

            if (filePath is null || reference is null)
            {
                error.WriteLine("error: usage: timeline tag FILE --published DATE[TIME] [--time-zone ID], or timeline tag --jsonl IN.");
                return 2;
            }

            string text;
            try
            {
                text = filePath == "-" ? Console.In.ReadToEnd() : File.ReadAllText(filePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{filePath}: error: {e.Message}");
                return 1;
            }

            output.Write(MentionTable.Format(text, tagger.Tag(text, reference)));
            return 0;
        });
        return command;
    }

    private static int TagJsonl(string path, TextWriter output, TextWriter error, ITemporalTagger tagger, DateTimeZone? zone, DocumentTime? reference)
    {
        const int BufferSize = 1 << 16;
        Stream input;
        try
        {
            input = path == "-" ? Console.OpenStandardInput() : new FileStream(path, new FileStreamOptions { BufferSize = BufferSize });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: error: {e.Message}");
            return 1;
        }

        try
        {
            // To the console, write UTF-8 bytes straight to standard output (no UTF-16 round trip); otherwise through the writer.
            int invalid;
            if (ReferenceEquals(output, Console.Out))
            {
                using Stream stdout = Console.OpenStandardOutput();
                invalid = JsonlTagging.Run(input, stdout, error, path, tagger, zone, reference);
            }
            else
            {
                using var reader = new StreamReader(input, Encoding.UTF8, path != "-", BufferSize, leaveOpen: true);
                invalid = JsonlTagging.Run(reader, output, error, path, tagger, zone, reference);
            }

            return invalid == 0 ? 0 : 1;
        }
        finally
        {
            input.Dispose();
        }
    }
}
