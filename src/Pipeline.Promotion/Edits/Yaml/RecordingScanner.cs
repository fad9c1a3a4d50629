using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Wraps YamlDotNet's scanner to remember the tokens the parser consumes. A scalar event's start mark
/// covers its anchor and tag; the scalar token alone tells where the value's own text is.
/// </summary>
internal sealed class RecordingScanner(IScanner inner) : IScanner
{
    public Scalar? LastScalar { get; private set; }

    public Token? LastConsumed { get; private set; }

    public int ScalarsConsumed { get; private set; }

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    public bool MoveNext()
    {
        Record(inner.Current);
        return inner.MoveNext();
    }

    public bool MoveNextWithoutConsuming() => inner.MoveNextWithoutConsuming();

    public void ConsumeCurrent()
    {
        Record(inner.Current);
        inner.ConsumeCurrent();
    }

    private void Record(Token? token)
    {
        switch (token)
        {
            case null:
            case Comment:
                return;
            case Scalar scalar:
                LastScalar = scalar;
                ScalarsConsumed++;
                break;
        }

        LastConsumed = token;
    }
}
