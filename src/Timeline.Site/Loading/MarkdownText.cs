using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Timeline.Core.Text;

namespace Timeline.Site.Loading;

/// <summary>
/// Renders a Markdown body to plain text, one line per paragraph or heading, with a <see cref="SourceMap"/> from each
/// piece of text back to its offset in the Markdown (Markdig's precise source locations). Raw HTML, code blocks and
/// images are dropped; link text is kept.
/// </summary>
/// <remarks>The pipeline is built once and is thread-safe.</remarks>
internal static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static (string Text, SourceMap Map) ToPlainText(string markdown)
    {
        MarkdownDocument document = Markdown.Parse(markdown, Pipeline);
        var text = new StringBuilder();
        var runs = new List<(int CleanStart, int SourceStart)>();
        AppendBlocks(document, text, runs);
        if (runs.Count == 0)
        {
            runs.Add((0, 0));
        }

        return (text.ToString(), new SourceMap(runs));
    }

    private static void AppendBlocks(ContainerBlock container, StringBuilder text, List<(int, int)> runs)
    {
        foreach (Block block in container)
        {
            switch (block)
            {
                case ContainerBlock nested:
                    AppendBlocks(nested, text, runs);
                    break;
                case LeafBlock { Inline: { } inline } leaf when leaf is ParagraphBlock or HeadingBlock:
                    int before = text.Length;
                    AppendInlines(inline, text, runs);
                    if (text.Length > before)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }

    private static void AppendInlines(ContainerInline container, StringBuilder text, List<(int, int)> runs)
    {
        foreach (Inline inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Append(text, runs, literal.Content.ToString(), literal.Span.Start);
                    break;
                case CodeInline code:
                    Append(text, runs, code.Content, code.Span.Start + code.DelimiterCount);
                    break;
                case AutolinkInline link:
                    Append(text, runs, link.Url, link.Span.Start + 1);
                    break;
                case HtmlEntityInline entity:
                    Append(text, runs, entity.Transcoded.ToString(), entity.Span.Start);
                    break;
                case LineBreakInline:
                    Append(text, runs, " ", inline.Span.Start);
                    break;
                case LinkInline { IsImage: true }:
                case HtmlInline:
                    break;
                case ContainerInline nested:
                    AppendInlines(nested, text, runs);
                    break;
            }
        }
    }

    private static void Append(StringBuilder text, List<(int CleanStart, int SourceStart)> runs, string piece, int source)
    {
        if (piece.Length == 0)
        {
            return;
        }

        if (runs.Count == 0 || runs[^1].CleanStart != text.Length)
        {
            runs.Add((text.Length, Math.Max(0, source)));
        }

        text.Append(piece);
    }
}
