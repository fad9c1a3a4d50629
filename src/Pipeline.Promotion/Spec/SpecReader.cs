using System.Text.RegularExpressions;
using Pipeline.Containers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Promotion;

/// <summary>
/// Reads <c>promotion.yaml</c> node by node so that every error carries the line and column of the value at fault.
/// The keys each level accepts are listed here once; the published JSON Schema must agree (a test checks it).
/// </summary>
internal sealed partial class SpecReader(string source)
{
    internal static readonly string[] RootKeys = ["version", "defaults", "apps"];
    internal static string[] AppKeys => ["image", "environments", .. SettingKeys];
    internal static string[] EnvironmentKeys => ["when", "files", .. SettingKeys];
    internal static readonly string[] WhenKeys = ["tag", "branch"];

    /// <summary>An environment with every setting at its default: what <c>defaults:</c> overrides.</summary>
    private static readonly EnvironmentSpec Unset = new(string.Empty, string.Empty, []);

    private static readonly Regex NamePattern = new("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant);

    public PromotionSpec Read(string text)
    {
        var root = LoadRoot(text);
        CheckKeys(root, RootKeys, "the top level");
        if (Child(root, "version") is { } version && Scalar(version, "version") != "1")
        {
            throw Error(version, "version must be 1 (the only version of the spec so far).");
        }

        var defaults = Child(root, "defaults") is { } d ? ReadSettings(Mapping(d, "defaults"), Unset, "defaults", SettingKeys) : Unset;
        var appsNode = Child(root, "apps") ?? throw Error(root, "the spec has no 'apps:'; add apps with their image and environments.");
        var apps = new List<AppSpec>();
        foreach (var (key, value) in Entries(Mapping(appsNode, "apps")))
        {
            apps.Add(ReadApp(Name(key, "app"), Mapping(value, $"app '{key.Value}'"), defaults));
        }

        if (apps.Count == 0)
        {
            throw Error(appsNode, "'apps:' is empty; add at least one app.");
        }

        CheckBranches(apps, appsNode);
        return new PromotionSpec(apps);
    }

    /// <summary>A promotion branch carries one app and environment: two pull-request environments may not share one.</summary>
    private void CheckBranches(List<AppSpec> apps, YamlNode appsNode)
    {
        var seen = new Dictionary<string, EnvironmentSpec>(StringComparer.Ordinal);
        foreach (var environment in apps.SelectMany(a => a.Environments).Where(e => e.Mode == PromotionMode.PullRequest || e.FallbackToPullRequest))
        {
            var branch = environment.Branch.Render(new Dictionary<string, string?> { ["app"] = environment.App, ["environment"] = environment.Name });
            if (seen.TryGetValue(branch, out var other))
            {
                var at = environment.Location is { } l ? new SpecLocation(l.File, l.Line, l.Column) : Location(appsNode);
                throw new PromotionSpecException(source, at.Line, at.Column,
                    $"{at}: {environment.App}/{environment.Name} and {other.App}/{other.Name} would both use the pull request branch '{branch}'; "
                    + "put {app} and {environment} in 'branch:' so that each has its own.");
            }

            seen[branch] = environment;
        }
    }

    private AppSpec ReadApp(string name, YamlMappingNode node, EnvironmentSpec defaults)
    {
        CheckKeys(node, AppKeys, $"app '{name}'");
        var imageNode = Child(node, "image") ?? throw Error(node, $"app '{name}' has no 'image:'; give the image repository, e.g. ghcr.io/org/{name}.");
        ImageReference image;
        try
        {
            image = ImageReference.ForRepository(Scalar(imageNode, "image"));
        }
        catch (InvalidImageReferenceException exception)
        {
            throw Error(imageNode, $"app '{name}' image: {exception.Message}");
        }

        var settings = ReadSettings(node, defaults, $"app '{name}'", AppKeys);
        var environmentsNode = Child(node, "environments") ?? throw Error(node, $"app '{name}' has no 'environments:'; add at least one.");
        var environments = new List<EnvironmentSpec>();
        foreach (var (key, value) in Entries(Mapping(environmentsNode, $"app '{name}' environments")))
        {
            environments.Add(ReadEnvironment(name, Name(key, "environment"), Mapping(value, $"environment '{key.Value}'"), settings));
        }

        if (environments.Count == 0)
        {
            throw Error(environmentsNode, $"app '{name}' has no environments; add at least one.");
        }

        return new AppSpec(name, image, environments);
    }

    private EnvironmentSpec ReadEnvironment(string app, string name, YamlMappingNode node, EnvironmentSpec inherited)
    {
        var where = $"{app}/{name}";
        CheckKeys(node, EnvironmentKeys, $"environment '{where}'");
        var settings = ReadSettings(node, inherited, $"environment '{where}'", EnvironmentKeys);
        var filesNode = Child(node, "files") ?? throw Error(node, $"environment '{where}' has no 'files:'; list the files to edit.");
        var files = new List<FileSpec>();
        foreach (var item in Sequence(filesNode, $"{where} files").Children)
        {
            files.Add(ReadFile(Mapping(item, $"a file of {where}"), where));
        }

        if (files.Count == 0)
        {
            throw Error(filesNode, $"environment '{where}' lists no files.");
        }

        return settings with
        {
            App = app,
            Name = name,
            Files = files,
            When = Child(node, "when") is { } when ? ReadWhen(when, where) : RoutingRule.Always,
            Location = Location(node),
        };
    }

    private RoutingRule ReadWhen(YamlNode node, string where)
    {
        var mapping = Mapping(node, $"{where} when");
        CheckKeys(mapping, WhenKeys, $"{where} when");
        return new RoutingRule(Patterns(mapping, "tag", where), Patterns(mapping, "branch", where));
    }

    private List<string> Patterns(YamlMappingNode when, string key, string where)
    {
        if (Child(when, key) is not { } node)
        {
            return [];
        }

        var patterns = new List<string>();
        foreach (var item in StringsOf(node, $"{where} when.{key}"))
        {
            if (RoutingRule.Check(item.Value) is { } problem)
            {
                throw Error(item.Node, $"{where} when.{key} '{item.Value}' is not a valid regular expression: {problem}");
            }

            patterns.Add(item.Value);
        }

        return patterns;
    }

    private string Name(YamlScalarNode key, string what)
    {
        var name = key.Value ?? "";
        return NamePattern.IsMatch(name)
            ? name
            : throw Error(key, $"{what} name '{name}' must start with a letter or digit and use only letters, digits, '.', '_' and '-' (at most 63).");
    }

    private YamlMappingNode LoadRoot(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception) when (Edits.TabIndentation.Find(text, exception) is var (line, column, reason))
        {
            throw new PromotionSpecException(source, line, column, $"{source}:{line}:{column}: not valid YAML ({reason}).", exception);
        }
        catch (YamlException exception)
        {
            var (line, column, what) = SyntaxLocator.Locate(text, exception);
            throw new PromotionSpecException(source, line, column, $"{source}:{line}:{column}: not valid YAML ({what}).", exception);
        }
        catch (ArgumentException exception)
        {
            // YamlDotNet reports a repeated key this way, without a position.
            throw new PromotionSpecException(source, 0, 0, $"{source}: {exception.Message}; remove the repeated key.", exception);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner gives up this way at the end of the text, without a position, e.g. on an unclosed '{'.
            var (line, column, what) = SyntaxLocator.Locate(text, exception);
            throw new PromotionSpecException(source, line, column, $"{source}:{line}:{column}: not valid YAML ({what}).", exception);
        }

        if (stream.Documents.Count != 1)
        {
            throw new PromotionSpecException(source, 1, 1, $"{source}: expected one YAML document, found {stream.Documents.Count}.");
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(stream.Documents[0].RootNode, "the spec must be a mapping with 'apps:' at the top.");
    }
}
