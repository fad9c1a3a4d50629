using System.Text;
using CsCheck;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>
/// A generated manifest: YAML with a known target value (<c>image.tag</c>) amid unrelated content, and where the
/// target's text is, so the expected output of an edit is known without running the edit.
/// </summary>
internal sealed record GeneratedManifest(string Text, bool Bom, int TargetStart, int TargetEnd, char TargetQuote)
{
    public override string ToString() => (Bom ? "<BOM>" : "") + Text;
}

/// <summary>
/// CsCheck generator of <see cref="GeneratedManifest"/>: comments with quotes, colons and non-ASCII, every scalar
/// style, block scalars, flow collections, anchors and aliases, other documents, LF or CRLF, a BOM. Every part is
/// drawn from a generator, so a failure shrinks to the fewest, plainest entries that still fail.
/// </summary>
internal static class ManifestGen
{
    private static readonly string[] Words = ["alpha", "v1.2", "hello-world", "日本", "ünïcode", "x_y", "🚀rocket", "a.b.c", "1.2.3", "path/to/file"];
    private static readonly string[] CommentPieces = ["note", "é", "日本語", "🚀", "\"", "'", ": ", "{", "}", "[", "]", "#", "&a", "*b", "!tag", "|", ">", "tag: 1.0", "\t"];

    private static readonly Gen<string> Word = Gen.OneOf(Words);

    private static readonly Gen<string> Pieces = Gen.OneOf(CommentPieces).Array[1, 5].Select(string.Concat);

    private static readonly Gen<string> Comment = Gen.Frequency(
        (1, Gen.Const("")),
        (1, Gen.Select(Gen.Int[1, 3], Pieces, (spaces, text) => new string(' ', spaces) + "# " + text)));

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Pieces.Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'"),
        Pieces.Select(p => "\"" + p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\\u00e9\""),
        Gen.Int[0, 999].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Word);

    /// <summary>An entry of a mapping, as its lines given its key.</summary>
    private static readonly Gen<Func<string, string[]>> Entry = Gen.OneOf(
        Gen.Select(Comment, Scalar, Comment, (above, value, comment) => Lines(key => [above.TrimStart(), $"{key}: {value}{comment}"])),
        Gen.Select(Gen.Bool, Word, (strip, word) => Lines(key => [$"{key}: |{(strip ? "-" : "")}", "  tag: 0.0.1 # not a comment", $"  {word}: x"])),
        Gen.Select(Scalar, Scalar, Comment, (a, b, comment) => Lines(key => [$"{key}: {{a: {a}, \"b\": [x, {b}], c: {{d: e}}}}{comment}"])),
        Gen.Select(Scalar, Comment, (value, comment) => Lines(key => [$"{key}: &anchor{key} {value}", $"{key}b: *anchor{key}{comment}"])),
        Gen.Select(Scalar, Scalar, Comment, Scalar, (a, b, comment, c) => Lines(key => [$"{key}:", $"  - {a}", $"  - nested: {b}{comment}", $"    tag: {c}"])),
        Gen.Const(Lines(key => [$"\"{key} quoted\": >", "  folded text, with: colons", "", "  and a blank line above"])),
        Scalar.Select(value => Lines(key => [$"{key}: {value}"])));

    private static readonly Gen<Func<string, string[]>[]> Entries = Entry.Array[0, 3];

    /// <summary>The target, written into a builder so that the position of its value is recorded.</summary>
    private static readonly Gen<Action<Writer>> Target = Gen.Select(
        Gen.OneOf('\0', '\'', '"'), Word, Comment, Gen.Int[0, 3],
        Gen.Select(Comment, Gen.Int[1, 2], Scalar.Array[0, 1], Comment.Array[0, 1], Gen.Select(Scalar, Comment).Array[0, 1]),
        (quote, old, comment, form, block) => (Action<Writer>)(w =>
        {
            if (form == 0)
            {
                w.Append("image: {repository: x, tag: ").Value(quote, old).Line("}" + comment);
                return;
            }

            var (header, depth, repository, between, pullPolicy) = block;
            var indent = new string(' ', 2 * depth);
            w.Line("image:" + header);
            foreach (var value in repository)
            {
                w.Line(indent + "repository: " + value);
            }

            foreach (var text in between)
            {
                w.Line(indent + text.TrimStart());
            }

            w.Append(indent + "tag: ").Value(quote, old).Line(comment);
            foreach (var (value, policyComment) in pullPolicy)
            {
                w.Line(indent + "pullPolicy: " + value + policyComment);
            }
        }));

    public static readonly Gen<GeneratedManifest> Manifest = Gen.Select(
        Gen.Select(Gen.OneOf("\n", "\r\n"), Gen.Frequency((3, false), (1, true))),
        Gen.Select(Gen.Int[0, 2], Comment, Entry.Array[1, 3]),
        Entries, Target, Entries,
        Gen.Select(Gen.Int[0, 2], Entry.Array[1, 3]),
        (format, prologue, before, target, after, epilogue) =>
        {
            var (newLine, bom) = format;
            var w = new Writer(newLine);
            var (prologueKind, prologueComment, prologueEntries) = prologue;
            if (prologueKind == 1)
            {
                w.Entries(prologueEntries).Line("---" + prologueComment);
            }
            else if (prologueKind == 2)
            {
                w.Line("---");
            }

            w.Entries(before);
            target(w);
            w.Entries(after);
            var (epilogueKind, epilogueEntries) = epilogue;
            if (epilogueKind > 0)
            {
                w.Line(epilogueKind == 1 ? "---" : "..." + newLine + "---").Entries(epilogueEntries);
            }

            return new GeneratedManifest(w.Text.ToString(), bom, w.TargetStart, w.TargetEnd, w.TargetQuote);
        });

    private static Func<string, string[]> Lines(Func<string, string[]> lines) => lines;

    private sealed class Writer(string newLine)
    {
        private int _keys;

        public StringBuilder Text { get; } = new();

        public int TargetStart { get; private set; }

        public int TargetEnd { get; private set; }

        public char TargetQuote { get; private set; }

        public Writer Append(string text)
        {
            Text.Append(text);
            return this;
        }

        public Writer Line(string text) => Append(text).Append(newLine);

        public Writer Value(char quote, string old)
        {
            TargetQuote = quote;
            TargetStart = Text.Length;
            Text.Append(quote == '\0' ? old : quote + old + quote);
            TargetEnd = Text.Length;
            return this;
        }

        public Writer Entries(IEnumerable<Func<string, string[]>> entries)
        {
            foreach (var entry in entries)
            {
                foreach (var line in entry($"k{_keys++}"))
                {
                    Line(line);
                }
            }

            return this;
        }
    }
}
