using Pipeline.GitHub;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Promotion;

internal sealed partial class SpecReader
{
    /// <summary>Keys allowed in <c>defaults:</c>, on an app and on an environment; the nearest one wins.</summary>
    internal static readonly string[] SettingKeys =
        ["mode", "merge", "autoMerge", "mergeMethod", "deleteBranch", "fallbackToPullRequest", "message", "title", "branch", "labels"];

    /// <summary>
    /// The settings of <paramref name="inherited"/> overridden by those <paramref name="node"/> gives. The settings travel
    /// down the levels (defaults, app, environment) as an environment without files, so each is declared once, with
    /// its default, on <see cref="EnvironmentSpec"/>.
    /// </summary>
    private EnvironmentSpec ReadSettings(YamlMappingNode node, EnvironmentSpec inherited, string where, string[] allowed)
    {
        CheckKeys(node, allowed, where);
        var settings = inherited;
        if (Child(node, "mode") is { } mode)
        {
            settings = settings with { Mode = Enum<PromotionMode>(mode, "mode", ("commit", PromotionMode.Commit), ("pull-request", PromotionMode.PullRequest)) };
        }

        if (Child(node, "merge") is { } merge)
        {
            settings = settings with
            {
                Merge = Enum<PullRequestMerge>(merge, "merge",
                    ("none", PullRequestMerge.None), ("auto", PullRequestMerge.Auto), ("immediate", PullRequestMerge.Immediate)),
            };
        }

        if (Child(node, "autoMerge") is { } autoMerge)
        {
            if (Child(node, "merge") is not null)
            {
                throw Error(autoMerge, $"{where} sets both 'merge:' and 'autoMerge:'; keep one ('autoMerge: true' is 'merge: auto').");
            }

            settings = settings with { Merge = Bool(autoMerge, "autoMerge") ? PullRequestMerge.Auto : PullRequestMerge.None };
        }

        if (Child(node, "mergeMethod") is { } method)
        {
            settings = settings with
            {
                MergeMethod = Enum<MergeMethod>(method, "mergeMethod", ("merge", MergeMethod.Merge), ("squash", MergeMethod.Squash), ("rebase", MergeMethod.Rebase)),
            };
        }

        if (Child(node, "deleteBranch") is { } deleteBranch)
        {
            settings = settings with { DeleteBranch = Bool(deleteBranch, "deleteBranch") };
        }

        if (Child(node, "fallbackToPullRequest") is { } fallback)
        {
            settings = settings with { FallbackToPullRequest = Bool(fallback, "fallbackToPullRequest") };
        }

        settings = Template(node, "message", where) is { } message ? settings with { Message = message } : settings;
        settings = Template(node, "title", where) is { } title ? settings with { Title = title } : settings;
        settings = Template(node, "branch", where) is { } branch ? settings with { Branch = branch } : settings;
        if (Child(node, "labels") is { } labels)
        {
            settings = settings with { Labels = [.. StringsOf(labels, $"{where} labels").Select(l => Label(l.Node, l.Value))] };
        }

        return settings;
    }

    private MessageTemplate? Template(YamlMappingNode node, string key, string where)
    {
        if (Child(node, key) is not { } value)
        {
            return null;
        }

        var text = Scalar(value, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(value, $"{where} {key} is empty.");
        }

        try
        {
            return MessageTemplate.Parse(text);
        }
        catch (FormatException exception)
        {
            throw Error(value, $"{where} {key}: {exception.Message}");
        }
    }

    private string Label(YamlNode node, string label) =>
        label.Length is > 0 and <= 50 && !label.Any(char.IsControl) && label.Trim() == label
            ? label
            : throw Error(node, $"label '{label}' must be 1 to 50 characters, without leading or trailing spaces or control characters.");
}
