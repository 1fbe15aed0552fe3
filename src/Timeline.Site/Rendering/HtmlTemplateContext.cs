using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Timeline.Site.Rendering;

/// <summary>Trusted HTML (theme-built markup only); everything else written by a template is HTML-encoded.</summary>
public sealed record RawHtml(string Html)
{
    public static RawHtml Empty { get; } = new("");

    /// <summary>
    /// Stands for markup made from data that is itself in a page's fingerprint (a list's items rendered by a partial):
    /// used only to fingerprint a page, never rendered (see <see cref="PageData.IsComplete"/>).
    /// </summary>
    internal static RawHtml Deferred { get; } = new("");

    public override string ToString() => Html;
}

/// <summary>
/// Trusted HTML too long to hold whole (a large site's list of every article): <paramref name="Parts"/> pieces, each made
/// by <paramref name="MakePart"/> when the page is written and let go once written. A template that writes it as it is
/// (<c>{{ rows }}</c>) streams it; any other use (a filter, a comparison) sees the whole text, made then.
/// </summary>
/// <remarks>Not page data to fingerprint: only for pages rendered every build (see <c>SiteRenderer</c>).</remarks>
internal sealed class StreamedHtml(int parts, Func<int, string> makePart)
{
    /// <summary>Parts made at once (in parallel) before they are written in order.</summary>
    private static readonly int Window = Math.Max(2, Environment.ProcessorCount * 2);

    public int Parts => parts;

    /// <summary>Makes the parts a window at a time, in parallel, and hands each to <paramref name="write"/> in order.</summary>
    public void WriteTo(Action<string> write)
    {
        var made = new string[Math.Min(Window, parts)];
        for (int start = 0; start < parts; start += made.Length)
        {
            int count = Math.Min(made.Length, parts - start);
            if (count == 1)
            {
                made[0] = makePart(start);
            }
            else
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => made[i] = makePart(start + i));
            }

            for (int i = 0; i < count; i++)
            {
                write(made[i]);
                made[i] = "";
            }
        }
    }

    /// <summary>The whole text (for uses other than writing it out).</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        WriteTo(part => text.Append(part));
        return text.ToString();
    }
}

/// <summary>
/// A Scriban context in which article text is data: every expression value is HTML-encoded unless it is
/// <see cref="RawHtml"/> (built by C# code that encodes each piece); strict variables; <c>object.eval</c> and
/// <c>object.eval_template</c> removed; Scriban's default loop and recursion limits kept.
/// Partials come only from the allow-list loader of <see cref="ThemeTemplates"/>.
/// </summary>
/// <remarks>One context per page render; not thread-safe.</remarks>
public sealed class HtmlTemplateContext : TemplateContext
{
    /// <summary>The longest page a template may write, in UTF-16 characters (the index of a 10,000-article site is ~10 Mi).</summary>
    public const int MaxPageChars = 64 * 1024 * 1024;

    // Under Scriban's default string conversion limit (1 Mi characters), which is kept for template expressions.
    private const int RawPieceChars = 256 * 1024;

    /// <summary>A context with its own locked-down builtins (see <see cref="LockedDownBuiltins"/>).</summary>
    public HtmlTemplateContext()
        : this(LockedDownBuiltins())
    {
    }

    /// <summary>
    /// A context over builtins made by <see cref="LockedDownBuiltins"/>, which many contexts may share: making the
    /// builtins is most of the cost of a new context, and templates cannot change them (assignments go to the page globals).
    /// </summary>
    public HtmlTemplateContext(ScriptObject lockedDownBuiltins)
        : base(lockedDownBuiltins)
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;

        // Scriban's default output limit (1 Mi characters, silently truncated) cuts the index of a large site short;
        // a page may be longer, but never silently cut: one longer than the limit fails the build instead.
        OutputLimit = MaxPageChars;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        OnStringLimit = ScriptLimitBehavior.Throw;
    }

    /// <summary>Scriban's builtins without <c>object.eval</c> and <c>object.eval_template</c>, with an <c>include</c> that keeps markup.</summary>
    public static ScriptObject LockedDownBuiltins()
    {
        ScriptObject builtins = GetDefaultBuiltinObject();
        if (builtins["object"] is ScriptObject obj)
        {
            obj.Remove("eval");
            obj.Remove("eval_template");
        }

        // A partial's output was already encoded while it rendered; keep its markup.
        if (builtins["include"] is IScriptCustomFunction include)
        {
            builtins.SetValue("include", new RawInclude(include), readOnly: true);
        }

        return builtins;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        // Trusted markup built in C# (a month of event items, the time axis) can exceed Scriban's string conversion
        // limit, which would cut it short: write it in pieces under that limit.
        if (textAsObject is RawHtml { Html.Length: > RawPieceChars } raw)
        {
            WritePieces(raw.Html);
            return this;
        }

        // Markup too long to hold whole is made and written part by part.
        if (textAsObject is StreamedHtml streamed)
        {
            streamed.WriteTo(WritePieces);
            return this;
        }

        // Text (most values) is written in pieces between the characters encoding changes: no encoded copy of it.
        if (textAsObject is string { Length: <= RawPieceChars } text)
        {
            WriteEncoded(text);
            return this;
        }

        return base.Write(span, Encode(textAsObject));
    }

    public override async ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is RawHtml { Html.Length: > RawPieceChars } raw)
        {
            for (int start = 0; start < raw.Html.Length; start += RawPieceChars)
            {
                await base.WriteAsync(span, raw.Html.Substring(start, Math.Min(RawPieceChars, raw.Html.Length - start))).ConfigureAwait(false);
            }

            return this;
        }

        return await base.WriteAsync(span, Encode(textAsObject)).ConfigureAwait(false);
    }

    /// <summary>Writes trusted markup as it is, in pieces under the string conversion limit (without copying them out).</summary>
    private void WritePieces(string html)
    {
        for (int start = 0; start < html.Length; start += RawPieceChars)
        {
            Write(html, start, Math.Min(RawPieceChars, html.Length - start));
        }
    }

    /// <summary>Writes <paramref name="text"/> as <see cref="WebUtility.HtmlEncode(string)"/> encodes it (see <see cref="HtmlText"/>).</summary>
    private void WriteEncoded(string text)
    {
        int start = 0;
        int at;
        while ((at = HtmlText.IndexOfEncoded(text.AsSpan(start))) >= 0)
        {
            at += start;
            Write(text, start, at - start);
            start = at + HtmlText.Entity(text, at, out string entity);
            Write(entity);
        }

        Write(text, start, text.Length - start);
    }

    private object Encode(object? value) => value switch
    {
        null => "",
        RawHtml raw => raw.Html,
        StreamedHtml streamed => streamed.ToString(),
        string s => WebUtility.HtmlEncode(s),
        _ => WebUtility.HtmlEncode(ObjectToString(value) ?? ""),
    };
}

/// <summary>Scriban's <c>include</c>, returning the rendered partial as <see cref="RawHtml"/> so it is not encoded twice.</summary>
internal sealed class RawInclude(IScriptCustomFunction inner) : IScriptCustomFunction
{
    public int RequiredParameterCount => inner.RequiredParameterCount;

    public int ParameterCount => inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => inner.VarParamKind;

    public Type ReturnType => typeof(RawHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(inner.Invoke(context, callerContext, arguments, blockStatement));

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(await inner.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    private static RawHtml Wrap(object? rendered) => rendered switch
    {
        RawHtml raw => raw,
        string s => new RawHtml(s),
        null => RawHtml.Empty,
        _ => throw new InvalidOperationException("include returned " + rendered.GetType()),
    };
}
