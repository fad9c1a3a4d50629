using System.Text.RegularExpressions;
using Pipeline.Containers;

namespace Pipeline.Promotion;

public static partial class PromotionDispatchReceiver
{
    /// <summary>
    /// Checks a payload against <paramref name="spec"/> and the value grammars; returns what may be promoted. Every
    /// check that needs no spec (<see cref="CheckShape"/>) comes first.
    /// </summary>
    /// <exception cref="PromotionDispatchException">Something is unknown to the spec or malformed; the message says which field.</exception>
    public static DispatchedPromotion Validate(PromotionDispatch dispatch, PromotionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckShape(dispatch);
        var app = spec.FindApp(dispatch.App)
            ?? throw new PromotionDispatchException($"The dispatch names app '{dispatch.App}', which {spec.Source} does not have; known apps: {string.Join(", ", spec.Apps.Select(a => a.Name))}.");
        foreach (var environment in dispatch.Environments ?? [])
        {
            if (app.FindEnvironment(environment) is null)
            {
                throw new PromotionDispatchException($"The dispatch names environment '{environment}', which app '{app.Name}' does not have; it has {string.Join(", ", app.Environments.Select(e => e.Name))}.");
            }
        }

        var image = ImageReference.Parse(dispatch.Image);
        if (image.Name != app.Image.Name)
        {
            throw new PromotionDispatchException($"The dispatch image is {image.Name}, but app '{app.Name}' deploys {app.Image.Name}; refusing to pin another image.");
        }

        var message = dispatch.SourceMessage is { } m ? PromotionTrailers.SingleLine(m) : null;
        return new DispatchedPromotion(app.Name, dispatch.Environments ?? [], image,
            new PromotionSource(dispatch.SourceRepository, dispatch.SourceCommit?.ToLowerInvariant())
            {
                Branch = dispatch.SourceBranch,
                Message = message is { Length: > 500 } ? message[..500] : message,
            },
            dispatch.CiRun);
    }

    /// <summary>
    /// The checks that need no spec: names in the spec's own grammar (so no path, no quote, no <c>$(...)</c>, no
    /// newline), a pinned image with a valid tag, a hexadecimal commit, <c>owner/name</c>, a valid branch, an http(s)
    /// CI run, and a one-line message. Run as the payload is read, before anything is read from the target.
    /// </summary>
    /// <exception cref="PromotionDispatchException">A field is malformed; the message says which.</exception>
    public static PromotionDispatch CheckShape(PromotionDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        Check(dispatch.App, NamePattern(), "app", "an app name of the spec (letters, digits, '.', '_', '-')", required: true);
        foreach (var environment in dispatch.Environments ?? [])
        {
            Check(environment, NamePattern(), "environment", "an environment name of the spec (letters, digits, '.', '_', '-')", required: true);
        }

        if (!ImageReference.TryParse(dispatch.Image ?? "", out var image, out var error))
        {
            throw new PromotionDispatchException($"The dispatch image '{Printable(dispatch.Image)}' is not an image reference: {error}.");
        }

        if (image.Tag is null || image.Digest is null || ImageTag.Validate(image.Tag) is not null)
        {
            throw new PromotionDispatchException($"The dispatch image '{Printable(dispatch.Image)}' must be pinned with a valid tag and a digest (repo:tag@sha256:...).");
        }

        Check(dispatch.SourceCommit, CommitPattern(), "source_commit", "a hexadecimal commit id");
        Check(dispatch.SourceRepository, RepositoryPattern(), "source_repository", "owner/name");
        if (dispatch.SourceBranch is { } branch && BranchNames.Problem(branch) is { } problem)
        {
            throw new PromotionDispatchException($"The dispatch source_branch '{Printable(branch)}' {problem}.");
        }

        // git allows $, quotes, ;, | and the like in branch names; only an injection attempt sends them.
        Check(dispatch.SourceBranch, BranchPattern(), "source_branch", "a branch name of letters, digits and . _ - / + #");

        if (dispatch.CiRun is { } run && !(Uri.TryCreate(run, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !run.Any(char.IsControl)))
        {
            throw new PromotionDispatchException($"The dispatch ci_run '{Printable(run)}' must be an http(s) address.");
        }

        if (dispatch.SourceMessage is { } message && message.Any(char.IsControl))
        {
            throw new PromotionDispatchException("The dispatch source_message holds a line break or another control character; a sender sends the first line of the commit message only.");
        }

        return dispatch;
    }

    private static void Check(string? value, Regex pattern, string field, string expected, bool required = false)
    {
        if ((value is null && required) || (value is not null && !pattern.IsMatch(value)))
        {
            throw new PromotionDispatchException($"The dispatch {field} '{Printable(value)}' is not {expected}.");
        }
    }

    /// <summary>A value as an error message may quote it: control characters escaped, at most 100 characters.</summary>
    private static string Printable(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var text = string.Concat(value.Take(100).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return value.Length > 100 ? text + "..." : text;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._/+#-]{1,200}\z")]
    private static partial Regex BranchPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{7,64}\z")]
    private static partial Regex CommitPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex RepositoryPattern();
}
