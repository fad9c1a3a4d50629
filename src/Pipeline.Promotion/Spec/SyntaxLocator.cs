using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Promotion;

/// <summary>
/// Where rejected YAML goes wrong. A flow collection (<c>{</c> or <c>[</c>) left open is reported where it opens, not
/// where the text ends (YamlDotNet says the end, or throws without a position); else the parser's own position, or the
/// last place it reached.
/// </summary>
internal static class SyntaxLocator
{
    public static (int Line, int Column, string What) Locate(string text, Exception error)
    {
        var open = new Stack<(Mark Start, char Bracket)>();
        var last = Mark.Empty;
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                switch (current)
                {
                    case MappingStart { Style: MappingStyle.Flow } mapping:
                        open.Push((mapping.Start, '{'));
                        break;
                    case SequenceStart { Style: SequenceStyle.Flow } sequence:
                        open.Push((sequence.Start, '['));
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0 && current.Start.Index >= open.Peek().Start.Index:
                        if (current is MappingEnd == (open.Peek().Bracket == '{'))
                        {
                            open.Pop();
                        }

                        break;
                }
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // The same failure as the caller's; what is open at this point is what matters.
        }
        if (open.Count > 0)
        {
            var (start, bracket) = open.Peek();
            var closing = bracket == '{' ? '}' : ']';
            return ((int)start.Line, (int)start.Column, $"the '{bracket}' opened here is never closed; add the '{closing}'");
        }
        return error is YamlException yaml
            ? ((int)yaml.Start.Line, (int)yaml.Start.Column, yaml.Message)
            : ((int)Math.Max(1, last.Line), (int)Math.Max(1, last.Column), "the text ends in the middle of a value");
    }
}
