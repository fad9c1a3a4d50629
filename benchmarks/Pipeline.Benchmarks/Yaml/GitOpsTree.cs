using System.Text;

namespace Pipeline.Benchmarks.Yaml;

/// <summary>One generated manifest: its text, the edit to apply, and where the values to change are.</summary>
internal sealed record GeneratedFile(string Path, string Text, bool ByteOrderMark, PlanEntry Edit, IReadOnlyList<Slot> Slots);

/// <summary>The span of a value in the original text and the value that must replace it.</summary>
internal sealed record Slot(int Start, int End, string NewValue);

/// <summary>
/// A GitOps tree of Deployments (with a Service, sometimes a ConfigMap), Helm values files and kustomizations,
/// with comments, every quoting style, non-ASCII, CRLF and a few byte order marks. The generator records the
/// exact span of every value the edit must change, so a tool's output can be checked without trusting any tool.
/// </summary>
internal static partial class GitOpsTree
{
    public const string Digest = "sha256:4b1c2a9e8f7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c";
    public const string Tag = "1.4.2";

    public static List<GeneratedFile> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var files = new List<GeneratedFile>(count);
        for (var i = 0; i < count; i++)
        {
            var app = $"app-{i:D4}";
            var writer = new Writer(random.Next(5) == 0 ? "\r\n" : "\n");
            var bom = random.Next(20) == 0;
            files.Add((i % 20) switch
            {
                < 8 => Deployment(app, writer, random, bom),
                < 15 => HelmValues(app, writer, random, bom),
                _ => Kustomization(app, writer, random, bom),
            });
        }

        return files;
    }

    public static string Repository(string app) => $"ghcr.io/example-org/{app}";

    private static string Comment(Random random) => random.Next(6) switch
    {
        0 => "# managed by platform — ne pas modifier à la main",
        1 => "# 🚀 deployed by CI; see runbook: https://wiki.example.com/x#deploy",
        2 => "# TODO(ops): \"tune\" resources: 'cpu' & memory",
        3 => "# 日本語のコメント",
        4 => "#no space after hash",
        _ => "# note: {flow} [brackets] *star &amp !bang",
    };

    private static string Quote(Random random, string value, out char quote)
    {
        quote = "\0'\""[random.Next(3)];
        return quote == '\0' ? value : quote + value + quote;
    }

    /// <summary>Builds text with one line ending and records value spans.</summary>
    internal sealed class Writer(string newline)
    {
        private readonly StringBuilder _text = new();

        public List<Slot> Slots { get; } = [];

        public string NewLine => newline;

        public Writer Line(string text = "")
        {
            _text.Append(text).Append(newline);
            return this;
        }

        public Writer Append(string text)
        {
            _text.Append(text);
            return this;
        }

        /// <summary>Appends a (possibly quoted) value whose text between the quotes must become <paramref name="newValue"/>.</summary>
        public Writer Value(string rendered, string newValue)
        {
            Slots.Add(new Slot(_text.Length, _text.Length + rendered.Length, newValue));
            _text.Append(rendered);
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
