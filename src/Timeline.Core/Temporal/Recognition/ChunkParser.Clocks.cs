namespace Timeline.Core.Temporal.Recognition;

/// <summary>Four-digit clock times ("1130 GMT", "1653 local time", a live blog's "1626 Bob Poff tells…") that are never years.</summary>
internal sealed partial class ChunkParser
{
    /// <summary>A text has clock entries when at least this many of its sentences open with a four-digit time (see <see cref="HasClockEntries"/>).</summary>
    internal const int MinClockEntries = 6;

    /// <summary>
    /// Whether the four-digit number at <paramref name="i"/> is a clock time written without its colon (HHMM), not a year: one
    /// followed by a time zone ("1130 GMT"), by "local time" ("at 1653 local time"), or by the same moment in another zone in
    /// brackets ("by 1100 (1600 GMT)"); or, in a live blog whose entries open with their time (<see cref="DocState.ClockEntries"/>),
    /// one that opens a sentence, or follows a plain word or a closing quote, before a capitalised word (an entry run into the
    /// line before it: "destroyed by the earthquake 1817 Meinie Nicolai, director of…"; never after "in", "since", a month…).
    /// </summary>
    private bool ClockNotYear(int i)
    {
        if (!IsNumber(i) || Digits(i) != 4 || !IsHhmm(Num(i)))
        {
            return false;
        }

        if ((IsWord(i + 1) && _t[i + 1].Length is >= 2 and <= 4 && IsZone(i + 1)) || (Word(i + 1, "local") && Word(i + 2, "time")))
        {
            return true;
        }

        if (IsPunct(i + 1, '(') && ParentheticalZoneEnd(i + 2) > 0)
        {
            return true;
        }

        int next = IsPunct(i + 1, '"') || IsPunct(i + 1, '“') ? i + 2 : i + 1;
        return _st.ClockEntries && IsWord(next) && Capital(next)
            && (OpensEntry(_text, _t[i].Start) || (IsWord(i - 1) && K(i - 1) == Kw.None && L(i - 1) is null) || IsPunct(i - 1, '"') || IsPunct(i - 1, '”'));
    }

    private static bool IsHhmm(int value) => value is >= 0 and <= 2359 && value % 100 <= 59;

    /// <summary>
    /// Whether <paramref name="at"/> opens a sentence: only blanks stand between it and the start of the text or of its line,
    /// or the end of a sentence before it ("… for the night. 2358 UN Ban Ki-Moon…", "(All times GMT.) 0000 The BBC…").
    /// </summary>
    private static bool OpensEntry(string text, int at)
    {
        int k = at - 1;
        if (k >= 0 && text[k] is not (' ' or '\t' or '\n' or '\r'))
        {
            return false;
        }

        while (k >= 0 && text[k] is ' ' or '\t' or '\r')
        {
            k--;
        }

        if (k < 0 || text[k] == '\n')
        {
            return true;
        }

        if (text[k] is '"' or '”' or '’' or '\'' or ')' && k > 0)
        {
            k--;
        }

        return text[k] is '.' or '!' or '?';
    }

    /// <summary>
    /// Whether <paramref name="text"/> reads as a live blog whose entries open with their clock time ("1626 Bob Poff, disaster
    /// co-ordinator…", "0957 The UN says…"): at least <see cref="MinClockEntries"/> sentences open with a four-digit number and a
    /// capitalised word, every such number is a valid HHMM, and they span more than an hour (read as years, more than a century).
    /// A chronology's entries ("1983 Conrad Murray graduates…", "2000 Dr Murray opens a practice…") fail the HHMM test or the span.
    /// </summary>
    internal static bool HasClockEntries(string text)
    {
        int entries = 0, min = int.MaxValue, max = -1;
        int k = 0;
        while (k < text.Length)
        {
            int d = text.AsSpan(k).IndexOfAnyInRange('0', '9');
            if (d < 0)
            {
                break;
            }

            k += d;
            int run = k;
            while (run < text.Length && char.IsAsciiDigit(text[run]))
            {
                run++;
            }

            if (run - k == 4 && run + 1 < text.Length && text[run] == ' ' && char.IsUpper(text[run + 1]) && OpensEntry(text, k))
            {
                int value = int.Parse(text.AsSpan(k, 4), System.Globalization.CultureInfo.InvariantCulture);
                if (!IsHhmm(value))
                {
                    return false;
                }

                entries++;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }

            k = run;
        }

        return entries >= MinClockEntries && max - min > 100;
    }
}
