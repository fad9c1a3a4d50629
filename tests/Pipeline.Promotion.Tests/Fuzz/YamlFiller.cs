using System.Text;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>
/// Writes YAML around the values an edit targets: every scalar style, flow and block collections, block scalars
/// holding look-alike text, comments with quotes and colons, anchors and aliases, blank lines. Keys never repeat
/// (repeats come from mutations).
/// </summary>
public sealed class YamlFiller(Tape tape)
{
    private static readonly string[] Words = ["alpha", "v1.2", "hello-world", "日本", "ünïcode", "x_y", "🚀rocket", "a.b.c", "1.2.3", "path/to/file", "tag", "image"];
    private static readonly string[] Scalars =
        ["plain", "\"double: quoted\"", "'single # quoted'", "42", "3.14", "true", "~", "\"\"", "''", "a#b", "\"1.0.0\"", "'x''y'", "\"esc\\\"aped\"", "!!str 7", "2001-12-14"];

    private static readonly string[] Comments = ["# note", "# tag: \"9.9.9\"", "# image: ghcr.io/org/app:0.0.1", "# é 日本 🚀", "#{}[]:'\"", "#"];

    private readonly StringBuilder _text = new();
    private readonly List<string> _anchors = [];
    private int _keys;

    public YamlFiller Line(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Zero to <paramref name="most"/> entries at <paramref name="indent"/>.</summary>
    public YamlFiller Entries(int indent, int most, int depth = 0)
    {
        for (var n = tape.Next(most + 1); n > 0; n--)
        {
            Entry(indent, depth);
        }

        return this;
    }

    public string Scalar() => tape.Pick(Scalars);

    public string Comment() => tape.OneIn(3) ? " " + tape.Pick(Comments) : "";

    public string Key() => tape.Pick(Words) + "_" + _keys++;

    public override string ToString() => _text.ToString();

    private void Entry(int indent, int depth)
    {
        var pad = new string(' ', indent);
        var key = Key();
        switch (tape.Next(11))
        {
            case 0 when depth < 2:
                Line($"{pad}{key}:{Comment()}");
                Entries(indent + 2, 2, depth + 1);
                Line($"{pad}  {Key()}: {Scalar()}");
                break;
            case 1:
                Line($"{pad}{key}: [{Scalar()}, {tape.Pick(Words)}, {{a: 1}}]{Comment()}");
                break;
            case 2:
                Line($"{pad}{key}: {{{Key()}: {Scalar()}, {Key()}: [1, 2]}}");
                break;
            case 3:
                Line($"{pad}{key}:");
                Line($"{pad}- {Scalar()}");
                Line($"{pad}-   {Key()}: {Scalar()}{Comment()}");
                break;
            case 4:
                Line($"{pad}{key}: {tape.Pick(new[] { "|", ">", "|-", ">+" })}");
                Line($"{pad}  tag: \"0.0.1\" # inside a block scalar");
                Line($"{pad}  image: ghcr.io/org/app:0.0.1");
                break;
            case 5:
                Line($"{pad}{tape.Pick(Comments)}");
                break;
            case 6:
                var anchor = "a" + _anchors.Count;
                _anchors.Add(anchor);
                Line($"{pad}{key}: &{anchor} {Scalar()}");
                break;
            case 7 when _anchors.Count > 0:
                Line($"{pad}{key}: *{tape.Pick(_anchors)}");
                break;
            case 8:
                Line("");
                break;
            default:
                Line($"{pad}{key}: {Scalar()}{Comment()}");
                break;
        }
    }
}
