using Timeline.Core.Diagnostics;
using Timeline.Core.Events;
using Timeline.Site.Corrections;

namespace Timeline.Site.Tests.Corrections;

public class CorrectionsLoaderTest
{
    [Fact]
    public void ReadsEveryKindOfCorrectionWithItsPosition()
    {
        const string yaml = """
            corrections:
              - id: 2026-01-24-aaaa1111
                date: 2026-01-25
                headline: Truce extended by 15 days
              - id: 2025-w42-bbbb2222
                hide: true
              - id: 2025-10-cccc3333
                merge_into: 2025-10-15-dddd4444
              - id: 2026-01-28-eeee5555
                split: [articles/003_x.txt]
            """;
        (IReadOnlyList<EventCorrection> c, IReadOnlyList<Diagnostic> d) = CorrectionsLoader.Parse(yaml, "corrections.yml");
        Assert.Empty(d);
        Assert.Equal(
            [CorrectionKind.PinDate, CorrectionKind.Rename, CorrectionKind.Hide, CorrectionKind.Merge, CorrectionKind.Split],
            c.Select(x => x.Kind));
        Assert.Equal(("2026-01-24-aaaa1111", "2026-01-25", 2, 9), (c[0].EventId, c[0].Value, c[0].Line, c[0].Column));
        Assert.Equal("2025-10-15-dddd4444", c[3].Value);
        Assert.Equal(["articles/003_x.txt"], c[4].Articles);
    }

    [Fact]
    public void ATopLevelListIsAccepted()
    {
        (IReadOnlyList<EventCorrection> c, _) = CorrectionsLoader.Parse("- id: x\n  hide: true\n", "corrections.yml");
        Assert.Equal(CorrectionKind.Hide, Assert.Single(c).Kind);
    }

    public static TheoryData<string, Severity, int, int> BadFiles => new()
    {
        // A date that is not YYYY, YYYY-MM or YYYY-MM-DD: error at the value.
        { "- id: x\n  date: 2025-13-45\n", Severity.Error, 2, 9 },
        // No id: error at the entry.
        { "- hide: true\n", Severity.Error, 1, 3 },
        // Unknown key: a warning at the key (the rest of the entry still applies).
        { "- id: x\n  hide: true\n  colour: red\n", Severity.Warning, 3, 3 },
        // Broken YAML: error at the parser's position, never an exception.
        { "- id: [x\n", Severity.Error, 2, 1 },
        // Not a list.
        { "id: x\n", Severity.Error, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadInputIsReportedWithFileLineAndColumn(string yaml, Severity severity, int line, int column)
    {
        (_, IReadOnlyList<Diagnostic> d) = CorrectionsLoader.Parse(yaml, "corrections.yml");
        Diagnostic first = Assert.Single(d);
        Assert.Equal((severity, "corrections.yml", line, column), (first.Severity, first.File, first.Line, first.Column));
    }

    [Fact]
    public void MissingFileMeansNoCorrections()
    {
        (IReadOnlyList<EventCorrection> c, IReadOnlyList<Diagnostic> d) = CorrectionsLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N")));
        Assert.Empty(c);
        Assert.Empty(d);
    }
}
