namespace Timeline.Site.Evaluation;

/// <summary>
/// The TempEval-3 Task A tallies of one or more documents. Sum documents with <c>+</c> (micro-averaging),
/// then read precision, recall and F1 off the sums.
/// </summary>
/// <param name="Gold">Gold timexes.</param>
/// <param name="System">System timexes.</param>
/// <param name="GoldRelaxed">Gold timexes overlapped by at least one system timex (relaxed recall numerator).</param>
/// <param name="GoldStrict">Gold timexes with a system timex of identical extent (strict recall numerator).</param>
/// <param name="SystemRelaxed">System timexes overlapping at least one gold timex (relaxed precision numerator).</param>
/// <param name="SystemStrict">System timexes with a gold timex of identical extent (strict precision numerator).</param>
/// <param name="TypeCorrect">Relaxed-matched gold timexes whose paired system timex has the same type.</param>
/// <param name="ValueCorrect">Relaxed-matched gold timexes whose paired system timex has the same value string.</param>
/// <remarks>Immutable and thread-safe. Ratios with a zero denominator are 0, as in the TE3 scorer.</remarks>
public readonly record struct TaskACounts(
    int Gold,
    int System,
    int GoldRelaxed,
    int GoldStrict,
    int SystemRelaxed,
    int SystemStrict,
    int TypeCorrect,
    int ValueCorrect)
{
    public double RelaxedPrecision => Ratio(SystemRelaxed, System);

    public double RelaxedRecall => Ratio(GoldRelaxed, Gold);

    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);

    public double StrictPrecision => Ratio(SystemStrict, System);

    public double StrictRecall => Ratio(GoldStrict, Gold);

    public double StrictF1 => F1(StrictPrecision, StrictRecall);

    /// <summary>Type accuracy over relaxed-matched gold timexes.</summary>
    public double TypeAccuracy => Ratio(TypeCorrect, GoldRelaxed);

    /// <summary>Value accuracy over relaxed-matched gold timexes.</summary>
    public double ValueAccuracy => Ratio(ValueCorrect, GoldRelaxed);

    /// <summary>TE3 attribute F1: type accuracy × relaxed F1.</summary>
    public double TypeF1 => TypeAccuracy * RelaxedF1;

    /// <summary>TE3 attribute F1 used for ranking: value accuracy × relaxed F1.</summary>
    public double ValueF1 => ValueAccuracy * RelaxedF1;

    public static TaskACounts operator +(TaskACounts a, TaskACounts b) => new(
        a.Gold + b.Gold,
        a.System + b.System,
        a.GoldRelaxed + b.GoldRelaxed,
        a.GoldStrict + b.GoldStrict,
        a.SystemRelaxed + b.SystemRelaxed,
        a.SystemStrict + b.SystemStrict,
        a.TypeCorrect + b.TypeCorrect,
        a.ValueCorrect + b.ValueCorrect);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
