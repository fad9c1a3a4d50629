using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Promotion;

internal sealed partial class SpecReader
{
    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(YamlMappingNode node)
    {
        foreach (var (key, value) in node.Children)
        {
            yield return (key as YamlScalarNode ?? throw Error(key, "keys must be plain names."), value);
        }
    }

    private void CheckKeys(YamlMappingNode node, string[] allowed, string where)
    {
        foreach (var (key, _) in Entries(node))
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                var near = allowed.FirstOrDefault(a => string.Equals(a, key.Value, StringComparison.OrdinalIgnoreCase));
                throw Error(key, $"{where} has an unknown key '{key.Value}'"
                    + (near is null ? $"; allowed: {string.Join(", ", allowed)}." : $"; did you mean '{near}'?"));
            }
        }
    }

    private YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value lines), not {Describe(node)}.");

    private YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list ('- ' items), not {Describe(node)}.");

    private string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"{what} must be a single value, not {Describe(node)}.");

    private bool Bool(YamlNode node, string what) => Scalar(node, what) switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(node, $"{what} must be true or false, not '{other}'."),
    };

    private int PositiveInt(YamlNode node, string what) =>
        int.TryParse(Scalar(node, what), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw Error(node, $"{what} must be a whole number of 1 or more.");

    private T Enum<T>(YamlNode node, string what, params (string Text, T Value)[] choices)
    {
        var text = Scalar(node, what);
        foreach (var (choice, value) in choices)
        {
            if (string.Equals(choice, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw Error(node, $"{what} must be one of {string.Join(", ", choices.Select(c => c.Text))}, not '{text}'.");
    }

    /// <summary>A single string or a list of strings.</summary>
    private List<(YamlNode Node, string Value)> StringsOf(YamlNode node, string what) => node switch
    {
        YamlScalarNode scalar => [(scalar, Scalar(scalar, what))],
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => (item, Scalar(item, what)))],
        _ => throw Error(node, $"{what} must be a value or a list of values, not {Describe(node)}."),
    };

    private SpecLocation Location(YamlNode node) => new(source, (int)node.Start.Line, (int)node.Start.Column);

    private PromotionSpecException Error(YamlNode node, string message, Exception? inner = null) =>
        new(source, (int)node.Start.Line, (int)node.Start.Column, $"{source}:{node.Start.Line}:{node.Start.Column}: {message}", inner);

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
