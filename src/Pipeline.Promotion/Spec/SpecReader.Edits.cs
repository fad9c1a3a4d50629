using Pipeline.Promotion.Edits;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace Pipeline.Promotion;

internal sealed partial class SpecReader
{
    internal static readonly string[] EditKinds = ["helm", "container", "kustomize", "marker", "regex"];
    internal static string[] FileKeys => ["path", .. EditKinds, "expectedMatches", "editSharedAnchors"];
    internal static readonly string[] HelmKeys = ["repository", "tag", "digest", "reference", "tagAndDigest"];
    internal static readonly string[] ContainerKeys = ["name", "kind", "workload", "parts", "initContainers"];
    internal static readonly string[] KustomizeKeys = ["name", "parts"];
    internal static readonly string[] MarkerKeys = ["name", "key", "parts"];
    internal static readonly string[] RegexKeys = ["pattern", "plainText", "parts"];
    internal static readonly string[] PartNames = ["repository", "tag", "digest"];

    private FileSpec ReadFile(YamlMappingNode node, string where)
    {
        CheckKeys(node, FileKeys, $"a file of {where}");
        var pathNode = Child(node, "path") ?? throw Error(node, $"a file of {where} has no 'path:'.");
        var path = FilePath(pathNode);
        var kinds = EditKinds.Where(k => Child(node, k) is not null).ToList();
        if (kinds.Count != 1)
        {
            throw Error(node, $"{path} needs exactly one edit ({string.Join(", ", EditKinds)}), found "
                + (kinds.Count == 0 ? "none" : string.Join(" and ", kinds)) + "; list the path again for a second edit.");
        }

        var editNode = Child(node, kinds[0])!;
        ManifestEdit edit = kinds[0] switch
        {
            "helm" => Helm(editNode),
            "container" => Container(editNode),
            "kustomize" => Kustomize(editNode),
            "marker" => Marker(editNode),
            _ => Regex(editNode),
        };
        if (Child(node, "expectedMatches") is { } expected)
        {
            edit = edit with { ExpectedMatches = PositiveInt(expected, "expectedMatches") };
        }

        if (Child(node, "editSharedAnchors") is { } anchors)
        {
            edit = edit with { EditSharedAnchors = Bool(anchors, "editSharedAnchors") };
        }

        try
        {
            edit.Validate();
        }
        catch (ManifestEditConfigException exception)
        {
            throw Error(editNode, $"{path}: {exception.Message}", exception);
        }

        return new FileSpec(path, edit) { Location = Location(node) };
    }

    private HelmValuesEdit Helm(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return HelmValuesEdit.ForTag(Scalar(node, "helm"));
        }

        var map = Mapping(node, "helm");
        CheckKeys(map, HelmKeys, "helm");
        return new HelmValuesEdit
        {
            Repository = Optional(map, "repository"),
            Tag = Optional(map, "tag"),
            Digest = Optional(map, "digest"),
            Reference = Optional(map, "reference"),
            TagAndDigest = Optional(map, "tagAndDigest"),
        };
    }

    private ContainerImageEdit Container(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new ContainerImageEdit(Scalar(node, "container"));
        }

        var map = Mapping(node, "container");
        CheckKeys(map, ContainerKeys, "container");
        var edit = new ContainerImageEdit(Required(map, "name", "container")) { Kind = Optional(map, "kind"), Workload = Optional(map, "workload") };
        edit = Child(map, "parts") is { } parts ? edit with { Parts = Parts(parts) } : edit;
        return Child(map, "initContainers") is { } init ? edit with { IncludeInitContainers = Bool(init, "initContainers") } : edit;
    }

    private KustomizeImageEdit Kustomize(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new KustomizeImageEdit(Scalar(node, "kustomize"));
        }

        var map = Mapping(node, "kustomize");
        CheckKeys(map, KustomizeKeys, "kustomize");
        var edit = new KustomizeImageEdit(Required(map, "name", "kustomize"));
        return Child(map, "parts") is { } parts ? edit with { Parts = Parts(parts) } : edit;
    }

    private MarkerEdit Marker(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new MarkerEdit(Scalar(node, "marker"));
        }

        var map = Mapping(node, "marker");
        CheckKeys(map, MarkerKeys, "marker");
        var edit = new MarkerEdit(Required(map, "name", "marker"));
        edit = Optional(map, "key") is { } key ? edit with { Key = key } : edit;
        return Child(map, "parts") is { } parts ? edit with { Parts = Parts(parts) } : edit;
    }

    private RegexEdit Regex(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new RegexEdit(Scalar(node, "regex"));
        }

        var map = Mapping(node, "regex");
        CheckKeys(map, RegexKeys, "regex");
        var edit = new RegexEdit(Required(map, "pattern", "regex"));
        edit = Child(map, "plainText") is { } plain ? edit with { PlainText = Bool(plain, "plainText") } : edit;
        return Child(map, "parts") is { } parts ? edit with { Parts = Parts(parts) } : edit;
    }

    private ImageParts Parts(YamlNode node)
    {
        var parts = ImageParts.None;
        foreach (var (item, value) in StringsOf(node, "parts"))
        {
            parts |= value switch
            {
                "repository" => ImageParts.Repository,
                "tag" => ImageParts.Tag,
                "digest" => ImageParts.Digest,
                _ => throw Error(item, $"parts lists '{value}'; use repository, tag and/or digest."),
            };
        }

        return parts;
    }

    private string? Optional(YamlMappingNode map, string key) => Child(map, key) is { } node ? Scalar(node, key) : null;

    private string Required(YamlMappingNode map, string key, string what) =>
        Optional(map, key) is { Length: > 0 } value ? value : throw Error(map, $"{what} needs '{key}:'.");

    private string FilePath(YamlNode node)
    {
        var path = Scalar(node, "path");
        var problem = RepositoryPaths.Problem(path);
        return problem is null ? path : throw Error(node, $"path '{path}' {problem}.");
    }
}
