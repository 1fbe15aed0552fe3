using BenchmarkDotNet.Running;

namespace Timeline.Benchmarks;

/// <summary>Run with <c>dotnet run -c Release --project tests/Timeline.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
