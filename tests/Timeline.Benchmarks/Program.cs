using System.Globalization;
using BenchmarkDotNet.Running;

namespace Timeline.Benchmarks;

/// <summary>
/// Run with <c>dotnet run -c Release --project tests/Timeline.Benchmarks -- --filter '*'</c>.
/// <c>-- make-jsonl OUT SIZE_MB</c> writes a jsonl input of at least SIZE_MB megabytes for bench-tag-jsonl.sh.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["make-jsonl", string output, string size])
        {
            return MakeJsonl(output, long.Parse(size, CultureInfo.InvariantCulture) * 1_000_000);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Repeats the corpus documents (with numbered ids) until the file reaches <paramref name="bytes"/>.</summary>
    private static int MakeJsonl(string path, long bytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        for (int round = 0; file.Length < bytes; round++)
        {
            BenchmarkCorpus.WriteJsonl(
                BenchmarkCorpus.Documents.Select(d => d with { Id = $"{round}/{d.Id}" }),
                file);
        }

        Console.WriteLine($"{path}: {file.Length:N0} bytes from {BenchmarkCorpus.Source}");
        return 0;
    }
}
